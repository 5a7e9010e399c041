package org.wasmconsole.tenant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.wasmconsole.security.SystemAuthentication;

/**
 * The organization this console manages ({@code console.organization}, default {@code tse}),
 * created on start-up when it does not exist yet.
 */
@Component
@Order(1)
public class ConsoleOrganization implements ApplicationRunner {

    private final String name;
    private final TenantService tenants;
    private final TenantDirectory directory;

    ConsoleOrganization(@Value("${console.organization:tse}") String name, TenantService tenants,
                        TenantDirectory directory) {
        this.name = name;
        this.tenants = tenants;
        this.directory = directory;
    }

    public String name() {
        return name;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.organization(name).isEmpty()) {
            SystemAuthentication.runAsSystem(() -> tenants.createOrganization(name, null));
        }
    }
}
