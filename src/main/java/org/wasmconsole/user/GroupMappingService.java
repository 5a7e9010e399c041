package org.wasmconsole.user;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.security.Role;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.TenantDirectory;

/**
 * The group mapping rules of OIDC sign-in (admins only). A rule maps one value of the groups claim to
 * a role: a platform admin (no tenants: they see every tenant), or an operator of one or more existing
 * tenants. Group names are unique, matched exactly (case-sensitive, as providers send them). Every
 * problem of a rule is reported at once, by field ({@code group}, {@code role}, {@code tenants}).
 * Changes are audited ({@link GroupMappingChanged}) and take effect at each user's next sign-in.
 */
@Service
@Transactional
@RolesAllowed(Roles.ADMIN)
@RequiredArgsConstructor
public class GroupMappingService {

    public static final int MAX_GROUP = 255;

    private final GroupMappingRepository rules;
    private final TenantDirectory tenants;
    private final ApplicationEventPublisher events;

    /** Every rule, by group name. */
    @Transactional(readOnly = true)
    public List<GroupMappingInfo> list() {
        return rules.findAllByOrderByGroupNameAsc().stream().map(GroupMapping::info).toList();
    }

    @Transactional(readOnly = true)
    public GroupMappingInfo get(long id) {
        return load(id).info();
    }

    public GroupMappingInfo create(String group, Role role, Set<Long> tenantIds) {
        String name = group == null ? null : group.strip();
        check(null, name, role, tenantIds);
        GroupMapping rule = rules.saveAndFlush(new GroupMapping(name, role, tenantIds));
        events.publishEvent(new GroupMappingChanged(GroupMappingChanged.Change.CREATED, name,
                "group '" + name + "' \u2192 " + describe(role, tenantIds)));
        return rule.info();
    }

    /** Changes a rule's group, role and tenants; saving it unchanged changes nothing. */
    public GroupMappingInfo update(long id, String group, Role role, Set<Long> tenantIds) {
        GroupMapping rule = load(id);
        String name = group == null ? null : group.strip();
        check(id, name, role, tenantIds);
        if (rule.getGroupName().equals(name) && rule.getRole() == role && rule.getTenantIds().equals(tenantIds)) {
            return rule.info();
        }
        String before = "group '" + rule.getGroupName() + "' \u2192 " + describe(rule.getRole(), rule.getTenantIds());
        rule.rename(name);
        rule.change(role, tenantIds);
        rules.flush();
        events.publishEvent(new GroupMappingChanged(GroupMappingChanged.Change.UPDATED, name,
                before + " now group '" + name + "' \u2192 " + describe(role, tenantIds)));
        return rule.info();
    }

    public void delete(long id) {
        GroupMapping rule = load(id);
        rules.delete(rule);
        events.publishEvent(new GroupMappingChanged(GroupMappingChanged.Change.DELETED, rule.getGroupName(),
                "was group '" + rule.getGroupName() + "' \u2192 " + describe(rule.getRole(), rule.getTenantIds())));
    }

    /** Every problem of a rule at once; a group taken by another rule alone is a conflict (409 in the API). */
    private void check(Long id, String group, Role role, Set<Long> tenantIds) {
        List<Violation> problems = new ArrayList<>();
        boolean taken = false;
        if (group == null || group.isEmpty()) {
            problems.add(new Violation("group", "enter the group as the provider sends it in the groups claim,"
                    + " e.g. mesh-admins"));
        } else if (group.length() > MAX_GROUP) {
            problems.add(new Violation("group", "must be at most " + MAX_GROUP + " characters long"));
        } else if (group.chars().anyMatch(Character::isISOControl)) {
            problems.add(new Violation("group", "must not contain control characters such as line breaks"));
        } else if (rules.findByGroupName(group).filter(r -> !r.getId().equals(id)).isPresent()) {
            taken = true;
            problems.add(new Violation("group", "group '" + group + "' already has a rule; edit that rule instead"));
        }
        if (role == null) {
            problems.add(new Violation("role", "choose a role: PLATFORM_ADMIN or TENANT_OPERATOR"));
        } else if (role == Role.PLATFORM_ADMIN && tenantIds != null && !tenantIds.isEmpty()) {
            problems.add(new Violation("tenants", "a platform admin sees every tenant: leave tenants empty"));
        } else if (role == Role.TENANT_OPERATOR) {
            if (tenantIds == null || tenantIds.isEmpty()) {
                problems.add(new Violation("tenants", "an operator needs at least one tenant"));
            } else if (tenants.fqns(tenantIds).size() != tenantIds.size()) {
                problems.add(new Violation("tenants", "unknown tenant; choose tenants from the list"));
            }
        }
        if (taken && problems.size() == 1) {
            throw new ConflictException("group", problems.getFirst().message());
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    private String describe(Role role, Set<Long> tenantIds) {
        if (tenantIds.isEmpty()) {
            return role.name();
        }
        Map<Long, String> fqns = tenants.fqns(tenantIds);
        return role.name() + " of " + String.join(", ", fqns.values().stream()
                .map(f -> f.substring(f.lastIndexOf('/') + 1)).sorted().toList());
    }

    private GroupMapping load(long id) {
        return rules.findById(id).orElseThrow(() -> new NotFoundException("group mapping " + id));
    }
}
