package org.wasmconsole.resource;

import java.util.List;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.base.yaml.SourceDocument;

/**
 * An IngressGateway, EgressGateway, Tier1Gateway or SecuritySetting document read from YAML or
 * JSON; every name is given.
 *
 * @param etag     the etag the document carries ({@code spec.etag} or {@code metadata.resourceVersion}), or null
 * @param warnings things accepted but worth telling (fields of TSB the console does not keep)
 */
public record ParsedTarget(SourceDocument source, TargetDefinition definition, String etag, List<String> warnings)
        implements ParsedResource {

    @Override
    public String kind() {
        return definition.ref().kind().documentKind();
    }

    @Override
    public String fqn() {
        return definition.fqn();
    }
}
