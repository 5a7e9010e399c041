package org.wasmconsole.attachment;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.ConfigSchemas;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.WasmExtension;

/**
 * The rules a default setting's definition must meet against the extensions it attaches: each
 * once, existing, allowed at the setting's level ({@link DefaultSettingService#allowedAt}), its
 * config valid by the extension's schema. {@link DefaultSettingService} stores; this decides what
 * may be stored. Called inside the service's transaction and access checks.
 */
@Component
@RequiredArgsConstructor
class SettingResolver {

    private final EntityManager entityManager;

    /** Checks the definition and finds the attached extensions, in list order; violations go to {@code v}. */
    List<WasmExtension> resolve(DefaultSettingDefinition d, List<Violation> v) {
        Names.checkDnsLabel(d.ref().name()).ifPresent(m -> v.add(new Violation("metadata.name", m)));
        Names.checkDisplayName(d.displayName()).ifPresent(m -> v.add(new Violation("spec.displayName", m)));
        v.addAll(d.meta().violations());
        if (d.attachments().size() > TargetValidator.MAX_ATTACHMENTS) {
            v.add(new Violation(SettingUsage.PATH, "has " + d.attachments().size() + " entries; attach at most "
                    + TargetValidator.MAX_ATTACHMENTS + " extensions to one " + d.ref().level().label()));
        }
        List<WasmExtension> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < d.attachments().size(); i++) {
            Attachment a = d.attachments().get(i);
            String prefix = SettingUsage.PATH + "[" + i + "]";
            if (a == null) {
                v.add(new Violation(prefix, "is empty: give the fqn of the extension to attach, or remove the entry"));
                continue;
            }
            int before = v.size();
            v.addAll(AttachmentValidator.validate(a, prefix));
            if (a.fqn() == null || v.size() > before && v.subList(before, v.size()).stream()
                    .anyMatch(x -> x.path().equals(prefix + ".fqn"))) {
                continue;
            }
            if (!seen.add(a.fqn())) {
                v.add(new Violation(prefix + ".fqn", "'" + a.fqn() + "' is already attached earlier in "
                        + SettingUsage.PATH + "; attach an extension once and give that entry several match selectors"));
                continue;
            }
            Optional<WasmExtension> extension = ExtensionLookup.find(entityManager, a.fqn());
            if (extension.isEmpty()) {
                v.add(new Violation(prefix + ".fqn", "extension '" + a.fqn() + "' does not exist; attach an existing"
                        + " extension (see the catalogue)"));
                continue;
            }
            ExtensionDefinition x = extension.get().toDefinition();
            if (d.ref().level() == SettingLevel.ORGANIZATION) {
                if (!DefaultSettingService.allowedAt(x, d.ref())) {
                    v.add(new Violation(prefix + ".fqn", x.organization().equals(d.ref().organization())
                            ? "extension '" + x.name() + "' is allowed only in some tenants, and an organization"
                                    + " default reaches every tenant: attach it in a TenantSetting of each tenant it is"
                                    + " allowed in, or open it to all tenants (an empty spec.allowedIn)"
                            : "extension '" + x.name() + "' belongs to organization '" + x.organization()
                                    + "'; attach an extension of organization '" + d.ref().organization() + "'"));
                }
            } else {
                AttachmentValidator.checkAllowedIn(x, d.ref().tenantFqn(), prefix).ifPresent(v::add);
            }
            if (v.stream().noneMatch(y -> y.path().startsWith(prefix + ".config"))) {
                v.addAll(ConfigSchemas.validate(extension.get().getConfigSchema(), a.config(), prefix + ".config"));
            }
            found.add(extension.get());
        }
        return found;
    }
}
