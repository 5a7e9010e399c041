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
 * @param mode  null when the document leaves it out: TSB and Istio then read CLIENT_AND_SERVER
 *              ({@link #effectiveMode}); kept as written so that an export gives back what was typed
 * @param ports port numbers 1..65535; empty = every port. Kept as given, nulls and duplicates
 *              included, for the same reason
 */
public record MatchSelector(WorkloadMode mode, List<Integer> ports) {

    public MatchSelector {
        // Not List.copyOf: it refuses nulls, and a missing port is the validator's to report.
        ports = ports == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(ports));
    }

    /**
     * The direction the selector matches: an omitted or UNDEFINED mode is CLIENT_AND_SERVER, as in
     * Istio's {@code matchMode} (istio/istio pilot/pkg/model/extensions.go:
     * {@code case WorkloadMode_CLIENT_AND_SERVER, WorkloadMode_UNDEFINED: return true}).
     */
    public WorkloadMode effectiveMode() {
        return mode == null || mode == WorkloadMode.UNDEFINED ? WorkloadMode.CLIENT_AND_SERVER : mode;
    }

    public static MatchSelector of(WorkloadMode mode, Integer... ports) {
        return new MatchSelector(mode, Arrays.asList(ports));
    }
}
