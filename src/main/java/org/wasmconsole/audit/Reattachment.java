package org.wasmconsole.audit;

import java.util.List;
import java.util.Optional;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.base.Fqn;

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
        return Fqn.tryParse(fqn).flatMap(TargetRef::of);
    }

    /** The summary a Detached record of a target carries when the extension's deletion detached it. */
    static String deletionSummaryPart(String extensionName) {
        return "detached " + extensionName + " (extension deleted)";
    }
}
