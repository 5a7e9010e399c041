package org.wasmconsole.attachment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.wasmconsole.base.ObjectMeta;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OrganizationSetting, TenantSetting or WorkspaceSetting as written by a user (API document,
 * import, the tenant page): its {@code spec.defaultSecuritySetting.extension} list in order, and every
 * other TSB field kept verbatim.
 *
 * @param security    whether {@code spec.defaultSecuritySetting} is there: only then does the setting
 *                    replace the defaults of the levels above it (TSB: a lower level SecuritySetting replaces
 *                    a higher one)
 * @param attachments {@code spec.defaultSecuritySetting.extension}; kept as given (nulls included) for the validator
 * @param kept        the spec without displayName, fqn and etag, its {@code defaultSecuritySetting} without
 *                    {@code extension}: TSB's fields the console does not manage, written back unchanged
 */
public record DefaultSettingDefinition(SettingRef ref, String displayName, boolean security,
                                       List<Attachment> attachments, ObjectMeta meta, ObjectNode kept)
        implements OwnerDefinition<DefaultSettingDefinition> {

    /** TSB's propagation strategies of a security setting; REPLACE is TSB's default. */
    public enum Propagation {
        REPLACE,
        STRICTER
    }

    public DefaultSettingDefinition {
        meta = meta == null ? ObjectMeta.EMPTY : meta;
        kept = kept == null ? JsonNodeFactory.instance.objectNode() : kept.deepCopy();
        attachments = attachments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(attachments));
        security = security || !attachments.isEmpty();
    }

    public String fqn() {
        return ref.fqn();
    }

    /** {@code spec.defaultSecuritySetting.propagationStrategy}: STRICTER only when it says so. */
    public Propagation propagation() {
        JsonNode strategy = kept.path("defaultSecuritySetting").path("propagationStrategy");
        return strategy.isString() && strategy.asString().equals("STRICTER") ? Propagation.STRICTER
                : Propagation.REPLACE;
    }

    public DefaultSettingDefinition withAttachments(List<Attachment> replaced) {
        return new DefaultSettingDefinition(ref, displayName, security || !replaced.isEmpty(), replaced, meta, kept);
    }
}
