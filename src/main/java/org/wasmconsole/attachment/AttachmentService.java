package org.wasmconsole.attachment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.WasmExtension;
import org.wasmconsole.security.Roles;
import org.wasmconsole.base.Fqn;

/**
 * Gateways and security settings with their extension attachments (spec §5), where each extension
 * is used, and what Istio gets for it (spec §6). The one way in for screens, the REST API and
 * import: an extension can only be attached in a tenant its {@code allowedIn} allows, whoever asks.
 */
@Service
@Transactional
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class AttachmentService {

    private final TargetRepository targets;
    private final TargetGroupRepository groups;
    private final WorkspaceRepository workspaces;
    private final IstioKind defaultIstioKind;
    private final TopologyService topology;
    private final TenantScope scope;
    private final EntityManager entityManager;
    private final OwnerWrites writes;
    private final DefaultInheritance inheritance;
    private final TargetResolver resolver;

    AttachmentService(TargetRepository targets, TargetGroupRepository groups, WorkspaceRepository workspaces,
                      TopologyService topology, TenantScope scope, EntityManager entityManager,
                      OwnerWrites writes, DefaultInheritance inheritance, TargetResolver resolver,
                      @Value("${console.istio.kind:WasmPlugin}") String defaultIstioKind) {
        this.defaultIstioKind = IstioKind.ofKind(defaultIstioKind).orElseThrow(() -> new IllegalArgumentException(
                "console.istio.kind is '" + defaultIstioKind + "'; use WasmPlugin or TrafficExtension"));
        this.targets = targets;
        this.groups = groups;
        this.workspaces = workspaces;
        this.topology = topology;
        this.scope = scope;
        this.entityManager = entityManager;
        this.writes = writes;
        this.inheritance = inheritance;
        this.resolver = resolver;
    }

    @Transactional(readOnly = true)
    public Optional<StoredTarget> find(TargetRef ref) {
        return findEntity(ref).map(Target::stored);
    }

    @Transactional(readOnly = true)
    public StoredTarget get(TargetRef ref) {
        return find(ref).orElseThrow(() -> notFound(ref));
    }

    /** The targets of one kind in a group, in name order. */
    @Transactional(readOnly = true)
    public List<StoredTarget> list(String tenantFqn, String workspace, String group, TargetKind kind) {
        TargetGroup found = groupEntity(tenantFqn, workspace, kind.groupKind(), group);
        return targets.findByGroupIdInOrderByKindAscNameAsc(List.of(found.getId())).stream()
                .filter(t -> t.ref().kind() == kind).map(Target::stored).toList();
    }

    /** Every violation of the definition, as {@link #save} would find them; nothing is written. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<Violation> check(TargetDefinition definition) {
        List<Violation> v = new ArrayList<>();
        resolver.resolve(definition, v);
        return v;
    }

    /**
     * Creates the target or replaces it (its labels, namespace and whole {@code extension} list).
     * With an etag, only if it is still the current one. The group must exist.
     */
    @RolesAllowed(Roles.ADMIN)
    public StoredTarget save(TargetDefinition definition, String expectedEtag) {
        List<WasmExtension> extensions = writes.resolveAndLock(v -> resolver.resolve(definition, v));
        TargetRef ref = definition.ref();
        TargetGroup group = groupEntity(ref.tenant(), ref.workspace(), ref.kind().groupKind(), ref.group());
        Optional<Target> existing = targets.findByGroupIdAndKindAndName(group.getId(), ref.kind(), ref.name());
        TargetDefinition before = existing.map(Target::definition).orElse(null);
        StoredTarget stored = writes.store(targets, existing, () -> new Target(group, ref.kind(), ref.name()),
                expectedEtag, subject(ref), t -> t.apply(definition, extensions, scope.username())).stored();
        writes.publish(TargetChanges.change(before, stored.definition()), subject(ref),
                TargetChanges.summary(before, stored.definition()));
        return stored;
    }

    @RolesAllowed(Roles.ADMIN)
    public void delete(TargetRef ref, String expectedEtag) {
        writes.delete(targets, findEntity(ref).orElseThrow(() -> notFound(ref)), expectedEtag, subject(ref));
    }

    /** Adds the attachment at the end of the target's {@code extension} list. */
    @RolesAllowed(Roles.ADMIN)
    public StoredTarget attach(TargetRef ref, Attachment attachment, String expectedEtag) {
        return save(AttachmentLists.appended(get(ref).definition(), attachment), expectedEtag);
    }

    /** Replaces the config and match of the attachment of {@code extensionFqn}. */
    @RolesAllowed(Roles.ADMIN)
    public StoredTarget updateAttachment(TargetRef ref, Attachment attachment, String expectedEtag) {
        return save(AttachmentLists.replaced(get(ref).definition(), attachment), expectedEtag);
    }

    @RolesAllowed(Roles.ADMIN)
    public StoredTarget detach(TargetRef ref, String extensionFqn, String expectedEtag) {
        return save(AttachmentLists.without(get(ref).definition(), extensionFqn), expectedEtag);
    }

    /**
     * Every attachment of the extension, in FQN order; an operator gets those in their own tenants.
     * Not found when the caller may not see the extension.
     */
    @Transactional(readOnly = true)
    public List<Usage> whereUsed(String extensionFqn) {
        WasmExtension extension = ExtensionLookup.visible(entityManager, scope, extensionFqn);
        return targets.attachmentsOf(extension.getId()).stream()
                .filter(a -> scope.canSee(a.getTarget().getGroup().getWorkspace().getTenant()))
                .map(AttachmentEntry::usage).toList();
    }

    /** The attachments that an {@code allowedIn} of {@code proposedAllowedIn} would leave invalid. */
    @RolesAllowed(Roles.ADMIN)
    @Transactional(readOnly = true)
    public List<Usage> invalidatedBy(String extensionFqn, List<String> proposedAllowedIn) {
        WasmExtension extension = ExtensionLookup.visible(entityManager, scope, extensionFqn);
        ExtensionDefinition after = extension.toDefinition().toBuilder().allowedIn(proposedAllowedIn).build();
        return targets.attachmentsOf(extension.getId()).stream().map(AttachmentEntry::usage)
                .filter(u -> !AttachmentValidator.isAllowedIn(after, u.target().tenant())).toList();
    }

    /**
     * The Istio resource of the given kind for the attachment of {@code extensionFqn} in the target
     * (spec §6), with what keeps it from being applied as it is.
     */
    @Transactional(readOnly = true)
    public IstioPreview preview(TargetRef ref, String extensionFqn, IstioKind kind) {
        Target target = findEntity(ref).orElseThrow(() -> notFound(ref));
        AttachmentEntry entry = target.getAttachments().stream()
                .filter(a -> a.attachment().fqn().equals(extensionFqn)).findFirst()
                .orElseThrow(() -> new NotFoundException("attachment of " + extensionFqn + " in " + ref.fqn()));
        return IstioWasmPlugin.preview(kind, entry.getExtension().toDefinition(), entry.attachment(),
                target.gatewayTarget());
    }

    /**
     * The organization's Istio resource kind ({@code console.istio.kind}; the console manages one
     * organization): what previews and downloads give unless the user chooses the other.
     */
    public IstioKind defaultIstioKind() {
        return defaultIstioKind;
    }

    /** The WasmPlugin YAML of the attachment (spec §6). */
    @Transactional(readOnly = true)
    public String preview(TargetRef ref, String extensionFqn) {
        return preview(ref, extensionFqn, IstioKind.WASM_PLUGIN).yaml();
    }

    /** The Istio resources of every attachment of the target, in list order (spec §6). */
    @Transactional(readOnly = true)
    public List<IstioPreview> previews(TargetRef ref, IstioKind kind) {
        return previews(findEntity(ref).orElseThrow(() -> notFound(ref)), kind);
    }

    /**
     * Everything Istio gets for a whole workspace, or for a whole tenant when {@code workspace} is
     * null: the resources of every attachment of every gateway and security setting in it, ordered by
     * target FQN and then list order, for one kubectl-ready stream.
     */
    @Transactional(readOnly = true)
    public List<IstioPreview> previews(String tenantFqn, String workspace, IstioKind kind) {
        List<Long> workspaceIds = workspace == null
                ? workspaces.findByTenantIdOrderByName(scope.visibleTenant(tenantFqn).getId()).stream()
                        .map(Workspace::getId).toList()
                : List.of(topology.workspaceEntity(tenantFqn, workspace).getId());
        List<Long> groupIds = workspaceIds.isEmpty() ? List.of()
                : groups.findByWorkspaceIdInOrderByKindAscNameAsc(workspaceIds).stream().map(TargetGroup::getId).toList();
        if (groupIds.isEmpty()) {
            return List.of();
        }
        return targets.findByGroupIdInOrderByKindAscNameAsc(groupIds).stream()
                .sorted(java.util.Comparator.comparing(t -> t.ref().fqn()))
                .flatMap(t -> previews(t, kind).stream()).toList();
    }

    /** A security setting's resources include what its default settings pass down to it (DefaultInheritance). */
    private List<IstioPreview> previews(Target target, IstioKind kind) {
        return inheritance.entriesOf(target).stream()
                .map(e -> IstioWasmPlugin.preview(kind, e.extension(), e.attachment(), target.gatewayTarget()))
                .toList();
    }

    private Optional<Target> findEntity(TargetRef ref) {
        TargetGroup group = groupEntity(ref.tenant(), ref.workspace(), ref.kind().groupKind(), ref.group());
        return targets.findByGroupIdAndKindAndName(group.getId(), ref.kind(), ref.name());
    }

    private TargetGroup groupEntity(String tenantFqn, String workspace, GroupKind kind, String name) {
        Workspace found = topology.workspaceEntity(tenantFqn, workspace);
        return groups.findByWorkspaceIdAndKindAndName(found.getId(), kind, name)
                .orElseThrow(() -> new NotFoundException(kind.label().toLowerCase() + " "
                        + Fqn.tenantOf(tenantFqn).workspace(workspace).group(kind.pathSegment(), name)));
    }

    private static OwnerWrites.Subject subject(TargetRef ref) {
        return new OwnerWrites.Subject(ref.kind().label(), ref.name(), ref.organization(), ref.fqn());
    }

    private static NotFoundException notFound(TargetRef ref) {
        return subject(ref).notFound();
    }
}
