package org.wasmconsole.audit;

/** What kind of thing a record is about. */
public enum AuditResourceType {
    EXTENSION("Extension"),
    TENANT("Tenant"),
    ORGANIZATION("Organization"),
    USER("User"),
    /** An OIDC group mapping rule (user.GroupMappingService). */
    GROUP_MAPPING("Group mapping"),
    WORKSPACE("Workspace"),
    /** A gateway group or security group. */
    GROUP("Group"),
    /** A gateway or security setting, with its extension attachments. */
    GATEWAY("Gateway or setting"),
    /** A page of the console (a refused navigation). */
    PAGE("Page"),
    /** A service operation or URL (a refused call). */
    OPERATION("Operation");

    private final String label;

    AuditResourceType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
