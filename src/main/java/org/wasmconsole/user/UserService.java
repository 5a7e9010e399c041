package org.wasmconsole.user;

import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.security.ConsoleUser;
import org.wasmconsole.security.UserAccessRevoked;
import org.wasmconsole.security.Role;
import org.wasmconsole.security.Roles;
import org.wasmconsole.security.CurrentUser;
import org.wasmconsole.security.LoginThrottle;
import org.wasmconsole.security.ConsoleUserRepository;

/**
 * Console users. Only admins manage them. Rules: an operator belongs to at least one tenant and an
 * admin to none; passwords are stored as bcrypt hashes and must pass {@link #checkPassword}; an
 * admin cannot disable or demote themself, and the last enabled admin can never be disabled or
 * demoted. A disabled user cannot sign in (Spring Security's {@code DisabledException}); when a
 * user is disabled or deleted, their role or tenants change or their password is reset, their open
 * sessions end on every console instance: their security stamp is raised in the same transaction
 * ({@link SecurityStamps}), and a {@link UserAccessRevoked} event ends those of this instance at once.
 */
@Service
@Transactional
@RolesAllowed(Roles.ADMIN)
@RequiredArgsConstructor
public class UserService {

    public static final int MIN_PASSWORD_LENGTH = 12;
    /** bcrypt reads at most 72 bytes, and Spring Security refuses longer passwords. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private final ConsoleUserRepository users;
    private final UserAdminRepository admin;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final LoginThrottle throttle;

    public void create(String username, String password, Role role, Set<Long> tenantIds) {
        List<Violation> violations = checkNew(username, password, role, tenantIds);
        if (violations.equals(List.of(duplicateName(username)))) {
            // A taken name alone is a conflict (409 in the API), as for tenants; with other problems
            // it is reported among them, all at once.
            throw new ConflictException("name", duplicateName(username).message());
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Set<Long> tenants = checkTenants(role, tenantIds);
        users.save(new ConsoleUser(username, passwordEncoder.encode(password), role, tenants));
        events.publishEvent(new UserChanged(UserChanged.Change.CREATED, username, describe(role, tenants)));
    }

    /** Every problem of a new user at once (name, password, role and tenants), without saving. */
    @Transactional(readOnly = true)
    public List<Violation> checkNew(String username, String password, Role role, Set<Long> tenantIds) {
        List<Violation> violations = new ArrayList<>();
        Names.checkDnsLabel(username).ifPresentOrElse(m -> violations.add(new Violation("name", m)), () -> {
            if (users.findByUsername(username).isPresent()) {
                violations.add(duplicateName(username));
            }
        });
        checkPassword(password).ifPresent(m -> violations.add(new Violation("password", m)));
        try {
            checkTenants(role, tenantIds);
        } catch (ValidationException e) {
            violations.addAll(e.violations());
        }
        return violations;
    }

    private static Violation duplicateName(String username) {
        return new Violation("name", "user '" + username + "' already exists; choose another name");
    }

    /** Every user, by name; never a password hash. */
    @Transactional(readOnly = true)
    public List<UserInfo> list() {
        Map<Long, Set<Long>> tenants = new HashMap<>();
        for (Object[] row : admin.tenantRows()) {
            tenants.computeIfAbsent((Long) row[0], id -> new HashSet<>()).add((Long) row[1]);
        }
        return admin.listRows().stream().map(r -> new UserInfo(r.username(), r.role(),
                tenants.getOrDefault(r.id(), Set.of()), r.enabled(), r.createdAt(), r.providerName())).toList();
    }

    @Transactional(readOnly = true)
    public Optional<UserInfo> find(String username) {
        return list().stream().filter(u -> u.name().equals(username)).findFirst();
    }

    /** Sets the role and, for an operator, the tenants (at least one); an admin has none. */
    public void changeRole(String username, Role role, Set<Long> tenantIds) {
        ConsoleUser user = load(username);
        if (role == null) {
            throw new ValidationException("role", "choose a role");
        }
        Set<Long> tenants = checkTenants(role, tenantIds);
        if (user.getRole() == Role.PLATFORM_ADMIN && role != Role.PLATFORM_ADMIN) {
            if (username.equals(currentUser.username())) {
                throw new ValidationException("role", "you cannot demote yourself; ask another admin");
            }
            checkNotLastAdmin(user, "demoted");
        }
        if (user.getRole() == role && user.getTenantIds().equals(tenants)) {
            return;
        }
        String before = describe(user.getRole(), user.getTenantIds());
        admin.updateRole(username, role);
        admin.deleteTenants(user.getId());
        tenants.forEach(t -> admin.insertTenant(user.getId(), t));
        admin.raiseSecurityStamp(username);
        events.publishEvent(new UserChanged(UserChanged.Change.ROLE_CHANGED, username,
                before + " \u2192 " + describe(role, tenants)));
        events.publishEvent(new UserAccessRevoked(username));
    }

    /**
     * Sets a new password (same strength rule as {@link #create}) and lifts a sign-in lock of
     * {@link LoginThrottle}, so that the user can sign in with it at once. The user's open sessions end
     * (whoever knew the old password is signed out), except the one of an admin resetting their own.
     */
    public void resetPassword(String username, String newPassword) {
        ConsoleUser user = load(username);
        if (user.isFromProvider()) {
            throw new ValidationException("password", "'" + username + "' signs in with " + user.getProviderName()
                    + " and cannot have a local password; change their access with group mappings");
        }
        checkPassword(newPassword).ifPresent(m -> {
            throw new ValidationException("password", m);
        });
        admin.updatePasswordHash(username, passwordEncoder.encode(newPassword));
        throttle.unlock(username);
        admin.raiseSecurityStamp(username);
        events.publishEvent(new UserChanged(UserChanged.Change.PASSWORD_RESET, username, "password reset"));
        events.publishEvent(new UserAccessRevoked(username));
    }

    /** The names of the users whose sign-in is locked now, for everyone or from some address. */
    @Transactional(readOnly = true)
    public Set<String> lockedUsers() {
        return throttle.lockedUsers();
    }

    /**
     * Lifts a user's sign-in locks ({@link LoginThrottle}), for every address, and forgets their failed
     * attempts: after someone locked the account by guessing, its owner can sign in again at once.
     */
    public void unlock(String username) {
        load(username);
        if (!throttle.lockedUsers().contains(username)) {
            return;
        }
        throttle.unlock(username);
        events.publishEvent(new UserChanged(UserChanged.Change.UNLOCKED, username, "sign-in unlocked"));
    }

    /** Enables or disables a user; a disabled user cannot sign in, and their open sessions end. */
    public void setEnabled(String username, boolean enabled) {
        ConsoleUser user = load(username);
        if (user.isEnabled() == enabled) {
            return;
        }
        if (!enabled && user.getRole() == Role.PLATFORM_ADMIN) {
            if (username.equals(currentUser.username())) {
                throw new ValidationException("enabled", "you cannot disable yourself; ask another admin");
            }
            checkNotLastAdmin(user, "disabled");
        }
        admin.updateEnabled(username, enabled);
        if (!enabled) {
            admin.raiseSecurityStamp(username);
        }
        events.publishEvent(new UserChanged(enabled ? UserChanged.Change.ENABLED : UserChanged.Change.DISABLED,
                username, enabled ? "enabled" : "disabled"));
        if (!enabled) {
            events.publishEvent(new UserAccessRevoked(username));
        }
    }

    /**
     * Deletes a user for good; their open sessions end. Yourself and the last enabled platform admin
     * cannot be deleted (the console would have nobody to manage it).
     */
    public void delete(String username) {
        ConsoleUser user = load(username);
        if (username.equals(currentUser.username())) {
            throw new ValidationException("name", "you cannot delete yourself; ask another admin");
        }
        if (user.getRole() == Role.PLATFORM_ADMIN) {
            checkNotLastAdmin(user, "deleted");
        }
        String was = describe(user.getRole(), user.getTenantIds());
        admin.deleteTenants(user.getId());
        admin.deleteUser(user.getId());
        events.publishEvent(new UserChanged(UserChanged.Change.DELETED, username, "was " + was));
        events.publishEvent(new UserAccessRevoked(username));
    }

    /** "TENANT_OPERATOR of tenant1, payments" or "PLATFORM_ADMIN", for the audit trail. */
    private String describe(Role role, Set<Long> tenantIds) {
        if (tenantIds == null || tenantIds.isEmpty()) {
            return role.name();
        }
        return role.name() + " of " + String.join(", ", admin.tenantNames(tenantIds));
    }

    private ConsoleUser load(String username) {
        return admin.findByUsername(username).orElseThrow(() -> new NotFoundException("user '" + username + "'"));
    }

    private void checkNotLastAdmin(ConsoleUser user, String what) {
        if (user.isEnabled() && admin.countByRoleAndEnabledTrue(Role.PLATFORM_ADMIN) <= 1) {
            throw new ValidationException(switch (what) {
                case "demoted" -> "role";
                case "deleted" -> "name";
                default -> "enabled";
            },
                    "'" + user.getUsername() + "' is the last enabled platform admin and cannot be " + what
                            + "; make another user a platform admin first");
        }
    }

    private Set<Long> checkTenants(Role role, Set<Long> tenantIds) {
        if (role == null) {
            throw new ValidationException("role", "choose a role");
        }
        if (role == Role.PLATFORM_ADMIN) {
            return Set.of();
        }
        if (tenantIds == null || tenantIds.isEmpty()) {
            throw new ValidationException("tenants", "an operator needs at least one tenant");
        }
        if (admin.countTenants(tenantIds) != tenantIds.size()) {
            throw new ValidationException("tenants", "unknown tenant; choose tenants from the list");
        }
        return Set.copyOf(tenantIds);
    }

    /** The strength rule of every password, with a message that says how to fix it. */
    public static Optional<String> checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            return Optional.of("must be at least " + MIN_PASSWORD_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            return Optional.of("must be at most " + MAX_PASSWORD_BYTES + " bytes long (bcrypt ignores the rest); "
                    + "use a shorter passphrase");
        }
        if (password.isBlank() || password.chars().distinct().count() < 4) {
            return Optional.of("must not be one character repeated; use at least 4 different characters");
        }
        return Optional.empty();
    }

    @Transactional(readOnly = true)
    public long count() {
        return users.count();
    }
}
