package org.wasmconsole.audit;

import java.time.Instant;

/**
 * What the History view asks for; every part is optional (null = any).
 *
 * @param user     the user's name, exactly
 * @param resource text found (case-insensitively) in the resource's fqn or name
 * @param from     records at or after this instant
 * @param to       records before this instant
 */
public record AuditFilter(String user, String resource, AuditAction action, Instant from, Instant to) {

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null);
    }
}
