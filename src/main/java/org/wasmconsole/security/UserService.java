package org.wasmconsole.security;

import jakarta.annotation.security.RolesAllowed;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.ValidationException;

/** Console users. Only admins manage them. */
@Service
@Transactional
@RolesAllowed(Roles.ADMIN)
public class UserService {

    public static final int MIN_PASSWORD_LENGTH = 12;

    private final ConsoleUserRepository users;
    private final PasswordEncoder passwordEncoder;

    UserService(ConsoleUserRepository users, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
    }

    public void create(String username, String password, Role role, Set<Long> tenantIds) {
        Names.checkDnsLabel(username).ifPresent(m -> {
            throw new ValidationException("name", m);
        });
        checkPassword(password).ifPresent(m -> {
            throw new ValidationException("password", m);
        });
        if (users.findByUsername(username).isPresent()) {
            throw new ValidationException("name", "user '" + username + "' already exists; choose another name");
        }
        if (role == Role.TENANT_OPERATOR && tenantIds.isEmpty()) {
            throw new ValidationException("tenants", "an operator needs at least one tenant");
        }
        users.save(new ConsoleUser(username, passwordEncoder.encode(password), role,
                role == Role.PLATFORM_ADMIN ? Set.of() : tenantIds));
    }

    public static java.util.Optional<String> checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return java.util.Optional.of("must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        return java.util.Optional.empty();
    }

    @Transactional(readOnly = true)
    public long count() {
        return users.count();
    }
}
