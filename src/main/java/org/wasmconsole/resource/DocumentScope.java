package org.wasmconsole.resource;

/**
 * What the context of a document already says about it: the API's path names the organization,
 * tenant, workspace, group (and, for a replace, the name) that a document may then leave out of its
 * metadata. An apply stream has no context: {@link #NONE}.
 */
public record DocumentScope(String organization, String tenant, String workspace, String group, String name) {

    public static final DocumentScope NONE = new DocumentScope(null, null, null, null, null);
}
