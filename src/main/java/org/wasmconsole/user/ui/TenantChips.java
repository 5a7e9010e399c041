package org.wasmconsole.user.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wasmconsole.security.Role;
import org.wasmconsole.tenant.TenantInfo;

/**
 * The "Tenants" cell of the users and group mapping grids: "all tenants" for a platform admin,
 * otherwise a chip per tenant in name order (a tenant deleted meanwhile shows as its id).
 */
final class TenantChips {

    private final Map<Long, TenantInfo> tenantsById;

    TenantChips(List<TenantInfo> tenants) {
        this.tenantsById = tenants.stream().collect(Collectors.toMap(TenantInfo::id, Function.identity()));
    }

    Div cell(Role role, Set<Long> tenantIds) {
        Div cell = new Div();
        cell.addClassName("user-tenants");
        if (role == Role.PLATFORM_ADMIN) {
            Span all = new Span("all tenants");
            all.addClassName("user-tenants-all");
            cell.add(all);
        } else {
            tenantIds.stream().map(id -> tenantsById.containsKey(id) ? tenantsById.get(id).name() : "#" + id)
                    .sorted().forEach(name -> {
                        Span chip = new Span(name);
                        chip.addClassName("tenant-chip");
                        cell.add(chip);
                    });
        }
        return cell;
    }
}
