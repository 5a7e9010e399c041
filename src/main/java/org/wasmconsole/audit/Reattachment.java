package org.wasmconsole.audit;

import java.util.List;
import java.util.Optional;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;

/**
 * Where a deleted extension was attached: the gateways and security settings it was detached from
 * as it was deleted (their "Detached … (extension deleted)" records of that moment), so that a
 * restore can say so and attach it there again (issue #16).
 *
 * @param places      the targets' fqns, as recorded
 * @param reattached  after a restore: the places it was attached to again
 * @param skipped     after a restore: the places it was not, each with the reason
 */
public record Reattachment(List<String> places, List<String> reattached, List<String> skipped) {

    /** A recorded target fqn as a reference, if it still reads as one. */
    static Optional<TargetRef> ref(String fqn) {
        // organizations/o/tenants/t/workspaces/w/<group kind>/g/<target kind>/n
        String[] p = fqn.split("/");
        if (p.length != 10 || !p[0].equals("organizations") || !p[2].equals("tenants") || !p[4].equals("workspaces")) {
            return Optional.empty();
        }
        return TargetKind.ofPathSegment(p[8]).filter(k -> k.groupKind().pathSegment().equals(p[6]))
                .map(k -> new TargetRef(k, "organizations/" + p[1] + "/tenants/" + p[3], p[5], p[7], p[9]));
    }

    /** The summary a Detached record of a target carries when the extension's deletion detached it. */
    static String deletionSummaryPart(String extensionName) {
        return "detached " + extensionName + " (extension deleted)";
    }
}
