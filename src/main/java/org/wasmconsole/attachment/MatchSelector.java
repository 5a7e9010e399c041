package org.wasmconsole.attachment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.wasmconsole.extension.WorkloadMode;

/**
 * One traffic selector of an attachment ({@code extension[i].match[j]}, spec §5): the traffic
 * passes to the plugin when its direction is {@code mode} and, if ports are given, its port is one
 * of them.
 *
 * @param mode  required; kept null when absent so that the validator can say so
 * @param ports port numbers 1..65535; empty = every port. Kept as given, nulls and duplicates
 *              included, for the same reason
 */
public record MatchSelector(WorkloadMode mode, List<Integer> ports) {

    public MatchSelector {
        // Not List.copyOf: it refuses nulls, and a missing port is the validator's to report.
        ports = ports == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(ports));
    }

    public static MatchSelector of(WorkloadMode mode, Integer... ports) {
        return new MatchSelector(mode, Arrays.asList(ports));
    }
}
