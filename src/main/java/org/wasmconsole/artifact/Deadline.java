package org.wasmconsole.artifact;

import java.time.Duration;

/** The time left for one check: every request, redirect and token exchange of it shares one budget. */
final class Deadline {

    private final long endNanos;
    private final Duration total;

    private Deadline(Duration total) {
        this.total = total;
        this.endNanos = System.nanoTime() + total.toNanos();
    }

    static Deadline in(Duration total) {
        return new Deadline(total);
    }

    /** The time left; throws once it is spent. */
    Duration remaining(String doing) {
        long left = endNanos - System.nanoTime();
        if (left <= 0) {
            throw expired(doing);
        }
        return Duration.ofNanos(left);
    }

    ModuleFetchException expired(String doing) {
        return new ModuleFetchException("gave up " + doing + ": no complete answer within " + seconds(total)
                + " (console.modules.timeout)");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
