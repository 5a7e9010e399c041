package org.wasmconsole.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConsoleUserRepository extends JpaRepository<ConsoleUser, Long> {

    Optional<ConsoleUser> findByUsername(String username);
}
