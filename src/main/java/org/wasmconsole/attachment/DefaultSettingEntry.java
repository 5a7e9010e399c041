package org.wasmconsole.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;
import org.wasmconsole.extension.WasmExtension;
import tools.jackson.databind.JsonNode;

/** One item of a default setting's {@code spec.defaultSecuritySetting.extension} list. */
@Entity
@Table(name = "default_setting_attachment")
class DefaultSettingEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "setting_id")
    private DefaultSetting setting;

    @Column(nullable = false)
    private int position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "extension_id")
    private WasmExtension extension;

    @Column(name = "config_json", length = 70000)
    private String configJson;

    @Column(name = "match_json", length = 16384)
    private String matchJson;

    protected DefaultSettingEntry() {
    }

    DefaultSettingEntry(DefaultSetting setting, int position, WasmExtension extension, JsonNode config,
                        List<MatchSelector> match) {
        this.setting = setting;
        this.position = position;
        this.extension = extension;
        this.configJson = AttachmentJson.writeConfig(config);
        this.matchJson = AttachmentJson.writeMatch(match);
    }

    DefaultSetting getSetting() {
        return setting;
    }

    WasmExtension getExtension() {
        return extension;
    }

    void setPosition(int position) {
        this.position = position;
    }

    void update(int newPosition, JsonNode config, List<MatchSelector> match) {
        this.position = newPosition;
        this.configJson = AttachmentJson.writeConfig(config);
        this.matchJson = AttachmentJson.writeMatch(match);
    }

    Attachment attachment() {
        String fqn = "organizations/" + extension.getOrganizationName() + "/extensions/" + extension.getName();
        return new Attachment(fqn, AttachmentJson.readConfig(configJson), AttachmentJson.readMatch(matchJson));
    }

    SettingUsage usage() {
        return new SettingUsage(setting.ref(), position, attachment());
    }
}
