package org.wasmconsole.attachment;

/**
 * What a tenant, workspace or group holds, counted rather than read: its gateways, its security
 * settings and their attachments ({@link TopologyOutlineService}).
 */
public record TopologyCounts(long gateways, long settings, long attachments) {

    public static final TopologyCounts NONE = new TopologyCounts(0, 0, 0);

    public long targets() {
        return gateways + settings;
    }

    public TopologyCounts plus(TopologyCounts other) {
        return new TopologyCounts(gateways + other.gateways, settings + other.settings,
                attachments + other.attachments);
    }
}
