package org.wasmconsole.user;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.security.OidcAccessRules;
import org.wasmconsole.security.Role;

/**
 * The group mapping rules applied at an OIDC sign-in (before anyone is signed in, so not behind the
 * admin check of {@link GroupMappingService}): a matching platform-admin rule wins; otherwise the
 * person is an operator of the tenants of every matching rule together.
 */
@Component
@RequiredArgsConstructor
class GroupAccessRules implements OidcAccessRules {

    private final GroupMappingRepository rules;

    @Override
    @Transactional(readOnly = true)
    public Optional<Access> accessFor(Collection<String> groups) {
        if (groups.isEmpty()) {
            return Optional.empty();
        }
        List<GroupMapping> matching = rules.findByGroupNameIn(Set.copyOf(groups)).stream()
                .sorted(java.util.Comparator.comparing(GroupMapping::getGroupName)).toList();
        List<GroupMapping> admin = matching.stream().filter(r -> r.getRole() == Role.PLATFORM_ADMIN).toList();
        if (!admin.isEmpty()) {
            return Optional.of(new Access(Role.PLATFORM_ADMIN, Set.of(), admin.stream().map(GroupMapping::getGroupName)
                    .toList()));
        }
        Set<Long> tenants = new HashSet<>();
        matching.forEach(r -> tenants.addAll(r.getTenantIds()));
        if (tenants.isEmpty()) {
            return Optional.empty(); // rules whose tenants were all deleted give nothing
        }
        return Optional.of(new Access(Role.TENANT_OPERATOR, tenants, matching.stream()
                .filter(r -> !r.getTenantIds().isEmpty()).map(GroupMapping::getGroupName).toList()));
    }
}
