package org.wasmconsole.extension;

import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.tenant.TenantDirectory;
import tools.jackson.databind.JsonNode;

/**
 * Everything a definition must meet before {@link ExtensionService} stores it: the rules of
 * {@link ExtensionValidator} with the tenants it names, its config against the config schema, and an
 * organization that exists. Called inside the service's transactions and access checks.
 */
@Component
@RequiredArgsConstructor
class ExtensionChecks {

    private final TenantDirectory tenants;

    /**
     * The definition's violations; {@code spec.config} is checked against {@code configSchema} when the
     * extension has one (the stored one, or the one applied with it in the same stream).
     */
    List<Violation> violations(ExtensionDefinition definition, JsonNode configSchema) {
        return violations(definition, new TenantLookups(tenants), configSchema);
    }

    /** The definition's violations as an exception; else the look-ups made to check it, for the save. */
    TenantLookups requireValid(ExtensionDefinition definition, JsonNode configSchema) {
        TenantLookups lookups = new TenantLookups(tenants);
        List<Violation> violations = violations(definition, lookups, configSchema);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return lookups;
    }

    private static List<Violation> violations(ExtensionDefinition definition, TenantLookups lookups,
                                              JsonNode configSchema) {
        List<Violation> violations = new ArrayList<>(new ExtensionValidator(lookups::tenantExists).validate(definition));
        if (violations.stream().noneMatch(v -> v.path().startsWith("spec.config"))) {
            violations.addAll(ConfigSchemas.validate(configSchema, definition.config(), "spec.config"));
        }
        if (definition.organization() != null && lookups.organization(definition.organization()).isEmpty()
                && violations.stream().noneMatch(v -> v.path().equals("metadata.organization"))) {
            violations.add(new Violation("metadata.organization", "organization '" + definition.organization()
                    + "' does not exist"));
        }
        return violations;
    }
}
