package org.wasmconsole.security;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads console users from the database for Spring Security; a throttled user comes back locked. A
 * user of the OIDC provider has no password: for password sign-in they do not exist (same answer as
 * an unknown name).
 */
@Service
@RequiredArgsConstructor
class ConsoleUserDetailsService implements UserDetailsService {

    private final ConsoleUserRepository users;
    private final LoginThrottle throttle;

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username).filter(u -> !u.isFromProvider())
                .map(u -> new ConsolePrincipal(u, !throttle.isLocked(u)))
                .orElseThrow(() -> new UsernameNotFoundException("wrong user name or password"));
    }
}
