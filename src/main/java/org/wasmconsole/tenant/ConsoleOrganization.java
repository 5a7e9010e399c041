package org.wasmconsole.tenant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wasmconsole.base.StartupClaims;
import org.wasmconsole.security.SystemAuthentication;

/**
 * The organization this console manages ({@code console.organization}, default {@code tse}),
 * created on start-up when it does not exist yet: by one of several instances starting at once on an
 * empty database, the one holding the claim ({@link StartupClaims}).
 */
@Component
@Order(1)
public class ConsoleOrganization implements ApplicationRunner {

    private final String name;
    private final TenantService tenants;
    private final TenantDirectory directory;
    private final StartupClaims claims;
    private final TransactionTemplate transaction;

    ConsoleOrganization(@Value("${console.organization:tse}") String name, TenantService tenants,
                        TenantDirectory directory, StartupClaims claims, PlatformTransactionManager transactions) {
        this.name = name;
        this.claims = claims;
        this.transaction = new TransactionTemplate(transactions);
        this.tenants = tenants;
        this.directory = directory;
    }

    public String name() {
        return name;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.organization(name).isPresent()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            claims.claim("organization");
            if (directory.organization(name).isEmpty()) {
                SystemAuthentication.runAsSystem(() -> tenants.createOrganization(name, null));
            }
        });
    }
}
