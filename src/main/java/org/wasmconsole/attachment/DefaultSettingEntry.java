package org.wasmconsole.attachment;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;
import org.wasmconsole.extension.WasmExtension;
import tools.jackson.databind.JsonNode;

/** One item of a default setting's {@code spec.defaultSecuritySetting.extension} list. */
@Entity
@Table(name = "default_setting_attachment")
class DefaultSettingEntry extends AttachedExtension {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "setting_id")
    private DefaultSetting setting;

    protected DefaultSettingEntry() {
    }

    DefaultSettingEntry(DefaultSetting setting, int position, WasmExtension extension, JsonNode config,
                        List<MatchSelector> match) {
        super(position, extension, config, match);
        this.setting = setting;
    }

    DefaultSetting getSetting() {
        return setting;
    }

    SettingUsage usage() {
        return new SettingUsage(setting.ref(), getPosition(), attachment());
    }
}
