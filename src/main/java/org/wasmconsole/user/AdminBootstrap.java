package org.wasmconsole.user;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.wasmconsole.security.Role;
import org.wasmconsole.security.SystemAuthentication;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wasmconsole.base.StartupClaims;

/**
 * There is no built-in default password: on the first start with no users, creates {@code admin}
 * with the password of {@code CONSOLE_ADMIN_PASSWORD}, or with a generated one printed once. Several
 * instances starting at once on an empty database create one admin: the one holding the claim
 * ({@link StartupClaims}) creates it in that transaction, the others then find a user.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    static final String ADMIN = "admin";

    static final String CLAIM = "first-admin";

    private final UserService users;
    private final StartupClaims claims;
    private final TransactionTemplate transaction;
    private final String configuredPassword;

    AdminBootstrap(UserService users, StartupClaims claims, PlatformTransactionManager transactions,
                   @Value("${console.admin.password:}") String configuredPassword) {
        this.users = users;
        this.claims = claims;
        this.transaction = new TransactionTemplate(transactions);
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        transaction.executeWithoutResult(status -> createFirstAdmin());
    }

    private void createFirstAdmin() {
        claims.claim(CLAIM);
        SystemAuthentication.runAsSystem(() -> {
            if (users.count() > 0) {
                return;
            }
            if (!configuredPassword.isEmpty()) {
                UserService.checkPassword(configuredPassword).ifPresent(m -> {
                    throw new IllegalStateException("CONSOLE_ADMIN_PASSWORD " + m);
                });
                users.create(ADMIN, configuredPassword, Role.PLATFORM_ADMIN, Set.of());
                log.info("Created the first user '{}' with the password from CONSOLE_ADMIN_PASSWORD", ADMIN);
                return;
            }
            String generated = generatePassword();
            users.create(ADMIN, generated, Role.PLATFORM_ADMIN, Set.of());
            log.warn("""

                    ************************************************************************
                      First start: created the user 'admin' with this generated password:

                          {}

                      It is shown only this once. Sign in and keep it somewhere safe,
                      or set CONSOLE_ADMIN_PASSWORD before the first start next time.
                    ************************************************************************
                    """, generated);
        });
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
