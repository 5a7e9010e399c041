package org.wasmconsole.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads console users from the database for Spring Security. */
@Service
class ConsoleUserDetailsService implements UserDetailsService {

    private final ConsoleUserRepository users;

    ConsoleUserDetailsService(ConsoleUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username).map(ConsolePrincipal::new)
                .orElseThrow(() -> new UsernameNotFoundException("wrong user name or password"));
    }
}
