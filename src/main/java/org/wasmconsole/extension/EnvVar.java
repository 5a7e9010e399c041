package org.wasmconsole.extension;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One environment variable of the Wasm VM ({@code spec.vmConfig.env[i]}). */
@Embeddable
public record EnvVar(
        @Column(name = "name", nullable = false) String name,
        @Enumerated(EnumType.STRING) @Column(name = "value_from", nullable = false) EnvValueSource valueFrom,
        @Column(name = "env_value") String value) {

    public static final int MAX_NAME_LENGTH = 256;
    public static final int MAX_VALUE_LENGTH = 2048;

    public EnvVar {
        valueFrom = valueFrom == null ? EnvValueSource.INLINE : valueFrom;
    }

    public static EnvVar inline(String name, String value) {
        return new EnvVar(name, EnvValueSource.INLINE, value);
    }

    public static EnvVar host(String name) {
        return new EnvVar(name, EnvValueSource.HOST, null);
    }
}
