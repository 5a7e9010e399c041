package org.wasmconsole.attachment;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.util.List;
import org.wasmconsole.base.Fqn;
import org.wasmconsole.extension.WasmExtension;
import tools.jackson.databind.JsonNode;

/**
 * The columns and rules an attached extension has wherever it is attached: a target's
 * ({@link AttachmentEntry}) or a default setting's ({@link DefaultSettingEntry}) list. Each subclass
 * adds its owner and its table; the column names are the same in both tables.
 */
@MappedSuperclass
abstract class AttachedExtension {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private int position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "extension_id")
    private WasmExtension extension;

    @Column(name = "config_json", length = 70000)
    private String configJson;

    @Column(name = "match_json", length = 16384)
    private String matchJson;

    protected AttachedExtension() {
    }

    AttachedExtension(int position, WasmExtension extension, JsonNode config, List<MatchSelector> match) {
        this.extension = extension;
        update(position, config, match);
    }

    int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }

    void update(int newPosition, JsonNode config, List<MatchSelector> match) {
        this.position = newPosition;
        this.configJson = AttachmentJson.writeConfig(config);
        this.matchJson = AttachmentJson.writeMatch(match);
    }

    WasmExtension getExtension() {
        return extension;
    }

    Attachment attachment() {
        String fqn = Fqn.extension(extension.getOrganizationName(), extension.getName()).toString();
        return new Attachment(fqn, AttachmentJson.readConfig(configJson), AttachmentJson.readMatch(matchJson));
    }
}
