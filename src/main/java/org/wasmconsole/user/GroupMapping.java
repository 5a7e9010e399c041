package org.wasmconsole.user;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.wasmconsole.security.Role;

/** A rule: people whose groups claim holds {@code groupName} get this role (and, as operators, these tenants). */
@Entity
@Table(name = "group_mapping")
class GroupMapping {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "group_name", nullable = false, unique = true, length = GroupMappingService.MAX_GROUP)
    private String groupName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Role role;

    /** Tenant ids (the database removes rows of deleted tenants). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "group_mapping_tenant", joinColumns = @JoinColumn(name = "mapping_id"))
    @Column(name = "tenant_id")
    private Set<Long> tenantIds = new HashSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected GroupMapping() {
    }

    GroupMapping(String groupName, Role role, Set<Long> tenantIds) {
        this.groupName = groupName;
        this.createdAt = Instant.now();
        change(role, tenantIds);
    }

    void change(Role role, Set<Long> tenantIds) {
        this.role = role;
        this.tenantIds.clear();
        this.tenantIds.addAll(tenantIds);
    }

    void rename(String groupName) {
        this.groupName = groupName;
    }

    Long getId() {
        return id;
    }

    String getGroupName() {
        return groupName;
    }

    Role getRole() {
        return role;
    }

    Set<Long> getTenantIds() {
        return Set.copyOf(tenantIds);
    }

    GroupMappingInfo info() {
        return new GroupMappingInfo(id, groupName, role, tenantIds, createdAt);
    }
}
