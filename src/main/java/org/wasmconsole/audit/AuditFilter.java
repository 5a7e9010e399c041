package org.wasmconsole.audit;

import java.time.Instant;

/**
 * What the History view asks for; every part is optional (null = any).
 *
 * @param user     the user's name, exactly
 * @param resource text found (case-insensitively) in the resource's fqn or name
 * @param from     records at or after this instant
 * @param to       records before this instant
 * @param hideSignIns leave out successful sign-ins (unless {@code action} asks for them): they would
 *                    flood a trail that is read for its changes
 */
public record AuditFilter(String user, String resource, AuditAction action, Instant from, Instant to,
                          boolean hideSignIns) {

    public AuditFilter(String user, String resource, AuditAction action, Instant from, Instant to) {
        this(user, resource, action, from, to, false);
    }

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null);
    }
}
