package org.wasmconsole.resource;

import java.util.List;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.base.yaml.SourceDocument;

/**
 * A Group document (gateway or security group, by its apiVersion) read from YAML or JSON; every
 * name is given.
 *
 * @param warnings things accepted but worth telling (fields of TSB the console does not keep)
 */
public record ParsedGroup(SourceDocument source, GroupInfo group, List<String> warnings) implements ParsedResource {

    @Override
    public String kind() {
        return GroupDocuments.KIND;
    }

    @Override
    public String fqn() {
        return group.fqn();
    }
}
