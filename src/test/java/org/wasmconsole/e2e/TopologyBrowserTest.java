package org.wasmconsole.e2e;

import static org.wasmconsole.SignedIn.asSystem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.base.Fqn;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;

/**
 * The shared fixture of the browser tests about a tenant's topology: a tenant of its own with a
 * unique name, its extensions, workspaces, groups and targets built through the services (as the
 * system), and all of it removed after each test, whatever the test got to.
 */
abstract class TopologyBrowserTest extends BrowserTest {

    static final String ORG = "tse";

    @Autowired
    TenantService tenants;
    @Autowired
    ExtensionService extensions;
    @Autowired
    TopologyService topology;
    @Autowired
    AttachmentService attachments;

    final String suffix = UUID.randomUUID().toString().substring(0, 6);
    final String tenant;
    final String tenantFqn;
    private final List<String> created = new ArrayList<>();

    /** @param prefix the start of the tenant's name, e.g. "e2e-istio-"; a random suffix follows */
    TopologyBrowserTest(String prefix) {
        this.tenant = prefix + suffix;
        this.tenantFqn = Fqn.tenant(ORG, tenant).toString();
    }

    static String extensionFqn(String name) {
        return ExtensionDefinition.fqn(ORG, name);
    }

    /** Call inside {@code asSystem}. */
    TenantInfo createTenant(String displayName) {
        return tenants.create(ORG, tenant, displayName);
    }

    /** An extension of the organization allowed in this tenant only; the caller adds to it. */
    ExtensionDefinition.Builder extension(String name, String url) {
        return ExtensionDefinition.builder().organization(ORG).name(name).url(url).allowedIn(List.of(tenantFqn));
    }

    /** Call inside {@code asSystem}; the extension is removed after the test. */
    void createExtension(ExtensionDefinition.Builder definition) {
        ExtensionDefinition built = definition.build();
        created.add(built.name());
        extensions.create(built);
    }

    /** A workspace with one group in it; call inside {@code asSystem}. */
    void createWorkspaceWithGroup(String workspace, String displayName, GroupKind kind, String group) {
        topology.saveWorkspace(new WorkspaceInfo(tenantFqn, workspace, displayName));
        topology.saveGroup(new GroupInfo(tenantFqn, workspace, kind, group, null));
    }

    TargetRef target(TargetKind kind, String workspace, String group, String name) {
        return new TargetRef(kind, tenantFqn, workspace, group, name);
    }

    /** Light and dark of the whole page as it is now. */
    void lightAndDark(String name) {
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshot(name);
        page.evaluate("() => document.documentElement.setAttribute('theme', 'dark')");
        screenshot(name + "-dark");
        page.evaluate("() => document.documentElement.removeAttribute('theme')");
    }

    /** Runs after the subclass's own clean-up (which removes what only it made, such as users or settings). */
    @AfterEach
    void removeTenantAndExtensions() {
        asSystem(() -> {
            if (tenants.find(ORG, tenant).isPresent()) {
                topology.workspaces(tenantFqn).forEach(w -> topology.deleteWorkspace(tenantFqn, w.name()));
            }
            extensions.deleteAll(ORG, created.stream().filter(n -> extensions.find(ORG, n).isPresent()).toList());
            if (tenants.find(ORG, tenant).isPresent()) {
                tenants.delete(ORG, tenant);
            }
        });
    }
}
