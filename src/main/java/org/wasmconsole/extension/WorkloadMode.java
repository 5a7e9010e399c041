package org.wasmconsole.extension;

/** Which side of the traffic the filter applies to; UNDEFINED is treated as CLIENT_AND_SERVER. */
public enum WorkloadMode {
    UNDEFINED("Undefined (client and server)"),
    CLIENT("Client"),
    SERVER("Server"),
    CLIENT_AND_SERVER("Client and server");

    private final String label;

    WorkloadMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
