package org.wasmconsole.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Sign-in with a console user's name and password (the login form and HTTP Basic alike), throttled
 * by {@link LoginThrottle}: the attempt is counted before the password is checked, so that parallel
 * guesses cannot get past the limit. Being the only AuthenticationProvider bean, Spring Security's
 * global AuthenticationManager uses it (and with it the authentication events of the audit trail).
 */
@Component
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(ConsoleUserDetailsService users, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String name = attempt.getName() == null ? "" : attempt.getName();
        String address = addressOf(attempt);
        throttle.admit(name, address);
        Authentication result;
        try {
            result = passwords.authenticate(attempt);
        } catch (BadCredentialsException e) {
            throttle.failed(name, address);
            throw e;
        }
        throttle.succeeded(name, address);
        return result;
    }

    /** The client's address as the servlet container saw it (behind a proxy, see server.forward-headers-strategy). */
    static String addressOf(Authentication attempt) {
        if (attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null) {
            String address = web.getRemoteAddress();
            return address.length() > 64 ? address.substring(0, 64) : address;
        }
        return LoginThrottle.UNKNOWN_ADDRESS;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
