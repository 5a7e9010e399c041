package org.wasmconsole.attachment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.WasmExtension;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.Tenant;
import org.wasmconsole.tenant.TenantDirectory;

/**
 * TSB's default security settings: OrganizationSetting, TenantSetting and WorkspaceSetting with the
 * extensions of their {@code spec.defaultSecuritySetting.extension}. The one way in for the tenant page,
 * the REST API and import, with the allowedIn rule of gateways and security settings: in a tenant or
 * workspace setting an extension the tenant may use; in an organization setting, which reaches every
 * tenant, only an extension open to all tenants (an empty allowedIn). Reads are scoped like tenants: an
 * operator reads the organization's settings and those of their own tenants; only admins write.
 */
@Service
@Transactional
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
@RequiredArgsConstructor
public class DefaultSettingService {

    private final DefaultSettingRepository settings;
    private final TopologyService topology;
    private final TenantScope scope;
    private final TenantDirectory tenants;
    private final EntityManager entityManager;
    private final OwnerWrites writes;
    private final SettingResolver resolver;

    @Transactional(readOnly = true)
    public Optional<StoredSetting> find(SettingRef ref) {
        checkOwner(ref);
        return settings.findByOwnerFqnAndName(ref.ownerFqn(), ref.name()).map(DefaultSetting::stored);
    }

    @Transactional(readOnly = true)
    public StoredSetting get(SettingRef ref) {
        return find(ref).orElseThrow(() -> notFound(ref));
    }

    /** The settings of one organization, tenant or workspace ({@code ref}'s name is ignored), in name order. */
    @Transactional(readOnly = true)
    public List<StoredSetting> list(SettingRef owner) {
        checkOwner(owner);
        return settings.findByOwnerFqnOrderByName(owner.ownerFqn()).stream().map(DefaultSetting::stored).toList();
    }

    /** The settings that reach a tenant: its organization's, its own and its workspaces', in FQN order. */
    @Transactional(readOnly = true)
    public List<StoredSetting> reaching(String tenantFqn) {
        Tenant tenant = scope.visibleTenant(tenantFqn);
        return settings.reaching(tenant.getOrganizationName(), tenant.getId()).stream()
                .map(DefaultSetting::stored).toList();
    }

    /** Every violation of the definition, as {@link #save} would find them; nothing is written. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<Violation> check(DefaultSettingDefinition definition) {
        List<Violation> v = new ArrayList<>();
        checkOwner(definition.ref());
        resolver.resolve(definition, v);
        return v;
    }

    /** Creates the setting or replaces it whole. With an etag, only if it is still the current one. */
    @RolesAllowed(Roles.ADMIN)
    public StoredSetting save(DefaultSettingDefinition definition, String expectedEtag) {
        SettingRef ref = definition.ref();
        Owner owner = checkOwner(ref);
        List<WasmExtension> extensions = writes.resolveAndLock(v -> resolver.resolve(definition, v));
        Optional<DefaultSetting> existing = settings.findByOwnerFqnAndName(ref.ownerFqn(), ref.name());
        DefaultSettingDefinition before = existing.map(DefaultSetting::definition).orElse(null);
        DefaultSetting saved = writes.store(settings, existing,
                () -> new DefaultSetting(ref, owner.tenant(), owner.workspace()), expectedEtag, subject(ref),
                s -> s.apply(definition, extensions, scope.username()));
        writes.publish(before == null ? AttachmentChanged.Change.CREATED : AttachmentChanged.Change.UPDATED,
                subject(ref), summary(before, definition));
        return saved.stored();
    }

    @RolesAllowed(Roles.ADMIN)
    public void delete(SettingRef ref, String expectedEtag) {
        checkOwner(ref);
        DefaultSetting setting = settings.findByOwnerFqnAndName(ref.ownerFqn(), ref.name())
                .orElseThrow(() -> notFound(ref));
        writes.delete(settings, setting, expectedEtag, subject(ref));
    }

    /** Adds the attachment at the end of the setting's list; creates the setting when there is none yet. */
    @RolesAllowed(Roles.ADMIN)
    public StoredSetting attach(SettingRef ref, Attachment attachment, String expectedEtag) {
        DefaultSettingDefinition current = find(ref).map(StoredSetting::definition)
                .orElse(new DefaultSettingDefinition(ref, null, true, List.of(), null, null));
        return save(AttachmentLists.appended(current, attachment), expectedEtag);
    }

    @RolesAllowed(Roles.ADMIN)
    public StoredSetting updateAttachment(SettingRef ref, Attachment attachment, String expectedEtag) {
        return save(AttachmentLists.replaced(get(ref).definition(), attachment), expectedEtag);
    }

    @RolesAllowed(Roles.ADMIN)
    public StoredSetting detach(SettingRef ref, String extensionFqn, String expectedEtag) {
        return save(AttachmentLists.without(get(ref).definition(), extensionFqn), expectedEtag);
    }

    /**
     * Every default setting the extension is attached in, in FQN order; an operator gets the
     * organization's and those of their own tenants. Not found when the caller may not see the extension.
     */
    @Transactional(readOnly = true)
    public List<SettingUsage> whereUsed(String extensionFqn) {
        WasmExtension extension = ExtensionLookup.visible(entityManager, scope, extensionFqn);
        return settings.attachmentsOf(extension.getId()).stream()
                .filter(a -> a.getSetting().getLevel() == SettingLevel.ORGANIZATION
                        || scope.canSee(a.getSetting().tenantEntity()))
                .map(DefaultSettingEntry::usage).toList();
    }

    /** Whether an extension with this definition may be attached at the setting's level. */
    public static boolean allowedAt(ExtensionDefinition extension, SettingRef ref) {
        if (ref.level() == SettingLevel.ORGANIZATION) {
            return extension.organization().equals(ref.organization()) && extension.allowedIn().isEmpty();
        }
        return AttachmentValidator.isAllowedIn(extension, ref.tenantFqn());
    }

    /** What the setting belongs to, if the caller may see it (404 otherwise, like one that does not exist). */
    private Owner checkOwner(SettingRef ref) {
        return switch (ref.level()) {
            case ORGANIZATION -> {
                if (tenants.organization(ref.organization()).isEmpty()) {
                    throw new NotFoundException("organization " + ref.organization());
                }
                yield new Owner(null, null);
            }
            case TENANT -> new Owner(scope.visibleTenant(ref.tenantFqn()), null);
            case WORKSPACE -> {
                Workspace w = topology.workspaceEntity(ref.tenantFqn(), ref.workspace());
                yield new Owner(w.getTenant(), w);
            }
        };
    }

    private record Owner(Tenant tenant, Workspace workspace) {
    }

    private static String summary(DefaultSettingDefinition before, DefaultSettingDefinition after) {
        Set<String> was = before == null ? Set.of() : fqns(before);
        Set<String> now = fqns(after);
        List<String> parts = new ArrayList<>();
        now.stream().filter(f -> !was.contains(f)).map(DefaultSettingService::name).forEach(n -> parts.add("attached " + n));
        was.stream().filter(f -> !now.contains(f)).map(DefaultSettingService::name).forEach(n -> parts.add("detached " + n));
        if (parts.isEmpty()) {
            return before == null ? "created" : "updated";
        }
        return String.join(", ", parts);
    }

    private static Set<String> fqns(DefaultSettingDefinition d) {
        return d.attachments().stream().filter(Objects::nonNull).map(Attachment::fqn).filter(Objects::nonNull)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String name(String fqn) {
        return fqn.substring(fqn.lastIndexOf('/') + 1);
    }

    private static OwnerWrites.Subject subject(SettingRef ref) {
        return new OwnerWrites.Subject(ref.level().label(), ref.name(), ref.organization(), ref.fqn());
    }

    private static NotFoundException notFound(SettingRef ref) {
        return subject(ref).notFound();
    }
}
