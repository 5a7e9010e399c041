package org.wasmconsole.attachment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
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
public class DefaultSettingService {

    private final DefaultSettingRepository settings;
    private final TopologyService topology;
    private final TenantScope scope;
    private final TenantDirectory tenants;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;
    private final SettingResolver resolver;

    DefaultSettingService(DefaultSettingRepository settings, TopologyService topology, TenantScope scope,
                          TenantDirectory tenants, EntityManager entityManager, ApplicationEventPublisher events,
                          SettingResolver resolver) {
        this.settings = settings;
        this.topology = topology;
        this.scope = scope;
        this.tenants = tenants;
        this.entityManager = entityManager;
        this.events = events;
        this.resolver = resolver;
    }

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
        List<Violation> v = new ArrayList<>();
        List<WasmExtension> extensions = resolver.resolve(definition, v);
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
        // As for gateways: a concurrent allowedIn change or delete of an attached extension fails on its version.
        extensions.forEach(e -> entityManager.lock(e, LockModeType.OPTIMISTIC_FORCE_INCREMENT));
        Optional<DefaultSetting> existing = settings.findByOwnerFqnAndName(ref.ownerFqn(), ref.name());
        DefaultSetting setting = existing.orElseGet(() -> new DefaultSetting(ref, owner.tenant(), owner.workspace()));
        DefaultSettingDefinition before = existing.map(DefaultSetting::definition).orElse(null);
        if (existing.isPresent()) {
            Writes.checkEtag(expectedEtag, setting.getEtag(), ref.level().label(), ref.name());
        }
        setting.apply(definition, extensions, scope.username());
        DefaultSetting saved = Writes.saveAndFlush(settings, setting, ref.level().label(), ref.name());
        publish(before == null ? AttachmentChanged.Change.CREATED : AttachmentChanged.Change.UPDATED, ref,
                summary(before, definition));
        return saved.stored();
    }

    @RolesAllowed(Roles.ADMIN)
    public void delete(SettingRef ref, String expectedEtag) {
        checkOwner(ref);
        DefaultSetting setting = settings.findByOwnerFqnAndName(ref.ownerFqn(), ref.name())
                .orElseThrow(() -> notFound(ref));
        Writes.checkEtag(expectedEtag, setting.getEtag(), ref.level().label(), ref.name());
        int attached = setting.getAttachments().size();
        settings.delete(setting);
        settings.flush();
        publish(AttachmentChanged.Change.DELETED, ref, "deleted with " + attached + " attachment(s)");
    }

    /** Adds the attachment at the end of the setting's list; creates the setting when there is none yet. */
    @RolesAllowed(Roles.ADMIN)
    public StoredSetting attach(SettingRef ref, Attachment attachment, String expectedEtag) {
        DefaultSettingDefinition current = find(ref).map(StoredSetting::definition)
                .orElse(new DefaultSettingDefinition(ref, null, true, List.of(), null, null));
        return save(current.withAttachments(AttachmentLists.appended(current.attachments(), attachment)),
                expectedEtag);
    }

    @RolesAllowed(Roles.ADMIN)
    public StoredSetting updateAttachment(SettingRef ref, Attachment attachment, String expectedEtag) {
        return editAttachments(ref, c -> AttachmentLists.replaced(c.attachments(), attachment, c.fqn()), expectedEtag);
    }

    @RolesAllowed(Roles.ADMIN)
    public StoredSetting detach(SettingRef ref, String extensionFqn, String expectedEtag) {
        return editAttachments(ref, c -> AttachmentLists.without(c.attachments(), extensionFqn, c.fqn()), expectedEtag);
    }

    /** Saves the setting with its extension list changed as {@code change} computes it from the current one. */
    private StoredSetting editAttachments(SettingRef ref, Function<DefaultSettingDefinition, List<Attachment>> change,
                                          String expectedEtag) {
        DefaultSettingDefinition current = get(ref).definition();
        return save(current.withAttachments(change.apply(current)), expectedEtag);
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

    private void publish(AttachmentChanged.Change change, SettingRef ref, String summary) {
        events.publishEvent(new AttachmentChanged(change, ref.level().label(), ref.organization(), ref.fqn(), summary));
    }

    private static NotFoundException notFound(SettingRef ref) {
        return Writes.notFound(ref.level().label(), ref.fqn());
    }
}
