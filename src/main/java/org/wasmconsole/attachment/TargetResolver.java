package org.wasmconsole.attachment;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.ConfigSchemas;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.WasmExtension;
import org.wasmconsole.tenant.Tenant;

/**
 * The rules a gateway's or security setting's definition must meet against the extensions it
 * attaches (spec §5): each must exist in the organization, allow the target's tenant, and take the
 * attachment's config by its schema. {@link AttachmentService} stores; this decides what may be stored.
 * Called inside the service's transaction and access checks.
 */
@Component
record TargetResolver(TenantScope scope, EntityManager entityManager) {

    /**
     * Checks the definition and finds the attached extensions, in list order; violations go to
     * {@code v}. An unknown extension, one of another organization and one whose allowedIn leaves
     * out the target's tenant are all refused at {@code spec.extension[i].fqn}.
     */
    List<WasmExtension> resolve(TargetDefinition definition, List<Violation> v) {
        v.addAll(TargetValidator.validate(definition));
        v.addAll(definition.meta().violations());
        Tenant tenant = scope.visibleTenant(definition.ref().tenant());
        List<WasmExtension> found = new ArrayList<>();
        for (int i = 0; i < definition.attachments().size(); i++) {
            Attachment a = definition.attachments().get(i);
            String prefix = "spec.extension[" + i + "]";
            if (a == null || a.fqn() == null) {
                continue;
            }
            Optional<WasmExtension> extension = ExtensionLookup.find(entityManager, a.fqn());
            if (extension.isEmpty()) {
                if (v.stream().noneMatch(x -> x.path().equals(prefix + ".fqn"))) {
                    v.add(new Violation(prefix + ".fqn", "extension '" + a.fqn() + "' does not exist; attach an"
                            + " existing extension (see the catalogue)"));
                }
                continue;
            }
            ExtensionDefinition extensionDefinition = extension.get().toDefinition();
            AttachmentValidator.checkAllowedIn(extensionDefinition, tenant.fqn(), prefix).ifPresent(v::add);
            TargetValidator.checkInheritedMode(definition.ref().kind(), a, extensionDefinition.matchMode(), prefix)
                    .ifPresent(v::add);
            if (v.stream().noneMatch(x -> x.path().startsWith(prefix + ".config"))) {
                // The override replaces the extension's config for this attachment: the same schema applies.
                v.addAll(ConfigSchemas.validate(extension.get().getConfigSchema(), a.config(), prefix + ".config"));
            }
            found.add(extension.get());
        }
        return found;
    }
}
