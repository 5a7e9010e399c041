package org.wasmconsole.audit;

import java.time.Instant;
import org.wasmconsole.base.Fqn;

/**
 * One audit record as lists show it, without its documents.
 *
 * @param username     who: the signed-in user, "system", or the name typed for a failed sign-in
 * @param resourceName the fqn of an extension or tenant, a user's or organization's name, a page or operation
 * @param hasDocuments whether the record carries YAML documents (before, after or both)
 */
public record AuditEntry(long id, Instant time, String username, AuditAction action, AuditResourceType resourceType,
                         String organization, String resourceName, String summary, boolean hasDocuments) {

    /** The last part of the resource's fqn: the extension's or tenant's name. */
    public String shortName() {
        if (resourceName == null) {
            return "";
        }
        return resourceType == AuditResourceType.EXTENSION || resourceType == AuditResourceType.TENANT
                ? Fqn.nameOf(resourceName) : resourceName;
    }
}
