package org.wasmconsole.extension;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.security.CurrentUser;
import org.wasmconsole.security.Roles;
import tools.jackson.databind.JsonNode;

/**
 * An extension's config schema (issue #19): read, set and removed for the REST API, apply and the
 * screens alike. A schema is stored only when it is itself a valid, bounded JSON Schema and when
 * every config it governs (the extension's {@code spec.config} and every attachment's override)
 * satisfies it; otherwise the change is refused, listing what it would break. Reads follow the
 * extension's visibility: an extension the caller may not see has no schema either ("not found").
 */
@Service
@Transactional
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
@RequiredArgsConstructor
public class ConfigSchemaService {

    /** Where the schema sits in its document ({@code ExtensionConfigSchema}). */
    public static final String SCHEMA_PATH = "spec.schema";
    private static final int LISTED = 10;

    private final WasmExtensionRepository repository;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    /** The extension's schema; empty when it has none. Not found when the caller may not see the extension. */
    @Transactional(readOnly = true)
    public Optional<JsonNode> find(String organization, String name) {
        return Optional.ofNullable(entity(organization, name).getConfigSchema());
    }

    /**
     * Every problem the schema would have, without saving: the schema itself at {@code spec.schema...},
     * then what it would make invalid (the extension's config, attachments' overrides) at {@code spec.schema}.
     */
    @Transactional(readOnly = true)
    @RolesAllowed(Roles.ADMIN)
    public List<Violation> check(String organization, String name, JsonNode schema) {
        return violations(entity(organization, name), schema);
    }

    /**
     * Sets or replaces the schema. With an etag, only if it is still the extension's current one. The
     * extension's etag changes (what its config may be changed); an identical schema changes nothing.
     */
    @RolesAllowed(Roles.ADMIN)
    public StoredExtension set(String organization, String name, JsonNode schema, String expectedEtag) {
        WasmExtension extension = entity(organization, name);
        requireCurrent(extension, expectedEtag);
        if (Objects.equals(extension.getConfigSchema(), schema)) {
            return StoredExtension.of(extension);
        }
        List<Violation> violations = violations(extension, schema);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return write(extension, schema, extension.getConfigSchema() == null ? "config schema set"
                : "config schema changed");
    }

    /** Removes the schema (configs are then free-form again). False when there was none. */
    @RolesAllowed(Roles.ADMIN)
    public boolean remove(String organization, String name, String expectedEtag) {
        WasmExtension extension = entity(organization, name);
        requireCurrent(extension, expectedEtag);
        if (extension.getConfigSchema() == null) {
            return false;
        }
        write(extension, null, "config schema removed");
        return true;
    }

    private StoredExtension write(WasmExtension extension, JsonNode schema, String note) {
        ExtensionDefinition definition = extension.toDefinition();
        extension.applyConfigSchema(schema, currentUser.username());
        StoredExtension saved;
        try {
            saved = StoredExtension.of(repository.saveAndFlush(extension));
        } catch (OptimisticLockingFailureException e) {
            throw stale(definition.fqn());
        }
        events.publishEvent(new ExtensionChanged(ExtensionChanged.Change.CONFIG_SCHEMA, definition, definition,
                saved.etag(), note));
        return saved;
    }

    private List<Violation> violations(WasmExtension extension, JsonNode schema) {
        List<Violation> v = new ArrayList<>(ConfigSchemas.checkSchema(schema, SCHEMA_PATH));
        if (!v.isEmpty()) {
            return v;
        }
        ExtensionDefinition definition = extension.toDefinition();
        List<String> invalid = new ArrayList<>();
        ConfigSchemas.validate(schema, definition.config(), "spec.config")
                .forEach(x -> invalid.add(definition.fqn() + " " + x));
        events.publishEvent(new ConfigSchemaChanging(extension.getId(), definition.fqn(), schema, invalid));
        if (!invalid.isEmpty()) {
            String listed = invalid.stream().limit(LISTED).collect(Collectors.joining("; "))
                    + (invalid.size() > LISTED ? "; and " + (invalid.size() - LISTED) + " more" : "");
            v.add(new Violation(SCHEMA_PATH, "would make " + invalid.size() + " existing config"
                    + (invalid.size() == 1 ? "" : "s") + " invalid: " + listed + ". Fix "
                    + (invalid.size() == 1 ? "that config" : "those configs") + " first, or loosen the schema"));
        }
        return v;
    }

    private WasmExtension entity(String organization, String name) {
        return repository.findOne(ExtensionQueries.named(organization, name, currentUser.viewer()))
                .orElseThrow(() -> new NotFoundException("extension " + ExtensionDefinition.fqn(organization, name)));
    }

    private static void requireCurrent(WasmExtension extension, String expectedEtag) {
        if (expectedEtag != null && !expectedEtag.equals(extension.getEtag())) {
            throw stale(ExtensionDefinition.fqn(extension.getOrganizationName(), extension.getName()));
        }
    }

    private static ConflictException stale(String fqn) {
        return new ConflictException("spec.etag", fqn + " was changed by someone else since you read it;"
                + " reload it and apply your change again");
    }
}
