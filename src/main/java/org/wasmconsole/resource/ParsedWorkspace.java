package org.wasmconsole.resource;

import java.util.List;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.base.yaml.SourceDocument;

/**
 * A Workspace document ({@code api.tsb.tetrate.io/v2}) read from YAML or JSON; every name is given.
 *
 * @param warnings things accepted but worth telling (fields of TSB the console does not keep)
 */
public record ParsedWorkspace(SourceDocument source, WorkspaceInfo workspace, List<String> warnings)
        implements ParsedResource {

    @Override
    public String kind() {
        return WorkspaceDocuments.KIND;
    }

    @Override
    public String fqn() {
        return workspace.fqn();
    }
}
