package org.wasmconsole.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.DefaultSettingService;
import org.wasmconsole.attachment.SettingUsage;
import org.wasmconsole.attachment.GatewayTarget;
import org.wasmconsole.attachment.Usage;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.resource.TargetDocuments;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Where an extension is used: every attachment of it that the caller may see. */
@RestController
@RequestMapping("/api/v2/organizations/{organization}/extensions/{name}/attachments")
@Tag(name = "Extensions")
record ExtensionUsageApi(AttachmentService attachments, DefaultSettingService settings) {

    @Operation(summary = "Where the extension is attached, in target FQN order",
            description = "JSON: {\"attachments\": [{target, kind, tenant, workspace, group, name, namespace, index,"
                    + " attachment}]}, then the default settings that attach it ({target, kind: OrganizationSetting,"
                    + " TenantSetting or WorkspaceSetting, tenant, workspace, name, index, attachment});"
                    + " YAML: one document per attachment. An operator sees those in their own tenants;"
                    + " an extension the caller may not see is 404.")
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    void whereUsed(@PathVariable String organization, @PathVariable String name, HttpServletRequest request,
                   HttpServletResponse response) throws IOException {
        String fqn = ExtensionDefinition.fqn(organization, name);
        List<Usage> usages = attachments.whereUsed(fqn);
        List<SettingUsage> defaults = settings.whereUsed(fqn);
        try (DocumentListWriter writer = DocumentListWriter.start(response, ApiFormat.accepted(request),
                "attachments")) {
            usages.forEach(u -> writer.write(usage(u)));
            defaults.forEach(u -> writer.write(usage(u)));
        }
    }

    static ObjectNode usage(SettingUsage u) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("target", u.ref().fqn());
        node.put("kind", u.ref().level().documentKind());
        node.put("tenant", u.ref().tenantFqn());
        node.put("workspace", u.ref().workspace());
        node.put("name", u.ref().name());
        node.put("index", u.index());
        node.set("attachment", TargetDocuments.attachment(u.attachment()));
        return node;
    }

    static ObjectNode usage(Usage u) {
        GatewayTarget t = u.target();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("target", t.ref().fqn());
        node.put("kind", t.kind().documentKind());
        node.put("tenant", t.tenant());
        node.put("workspace", t.workspace());
        node.put("group", t.group());
        node.put("name", t.name());
        node.put("namespace", t.namespace());
        node.put("index", u.index());
        node.set("attachment", TargetDocuments.attachment(u.attachment()));
        return node;
    }
}
