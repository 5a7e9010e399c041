package org.wasmconsole.audit;

/** What happened, as recorded in the audit trail. */
public enum AuditAction {
    CREATE("Created"),
    UPDATE("Changed"),
    DELETE("Deleted"),
    ASSIGN("Assigned"),
    UNASSIGN("Unassigned"),
    RESTORE("Restored"),
    ATTACH("Attached"),
    DETACH("Detached"),
    RENAME("Renamed"),
    CHANGE_ROLE("Role changed"),
    RESET_PASSWORD("Password reset"),
    ENABLE("Enabled"),
    DISABLE("Disabled"),
    UNLOCK("Unlocked"),
    LOGIN("Signed in"),
    LOGIN_FAILED("Sign-in failed"),
    ACCESS_DENIED("Access denied");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
