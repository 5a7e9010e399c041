package org.wasmconsole.attachment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three levels of TSB's default settings (api.tsb.tetrate.io/v2): {@code OrganizationSetting},
 * {@code TenantSetting} and {@code WorkspaceSetting}, whose {@code spec.defaultSecuritySetting.extension}
 * runs on every workload under them unless a lower level replaces it (TSB's propagation, README).
 */
public enum SettingLevel {
    ORGANIZATION("Organization setting", "OrganizationSetting", "organization default"),
    TENANT("Tenant setting", "TenantSetting", "tenant default"),
    WORKSPACE("Workspace setting", "WorkspaceSetting", "workspace default");

    public static final String API_VERSION = "api.tsb.tetrate.io/v2";

    private final String label;
    private final String documentKind;
    private final String source;

    SettingLevel(String label, String documentKind, String source) {
        this.label = label;
        this.documentKind = documentKind;
        this.source = source;
    }

    public String label() {
        return label;
    }

    public String documentKind() {
        return documentKind;
    }

    /** How a filter chain row that comes from this level names its source: "workspace default". */
    public String source() {
        return source;
    }

    public static Optional<SettingLevel> ofDocumentKind(String kind) {
        return Arrays.stream(values()).filter(l -> l.documentKind.equals(kind)).findFirst();
    }
}
