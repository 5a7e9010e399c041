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
import org.wasmconsole.base.Fqn;

/** One row of a target's {@code extension} list. */
@Entity
@Table(name = "extension_attachment")
class AttachmentEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "target_id")
    private Target target;

    @Column(nullable = false)
    private int position;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "extension_id")
    private WasmExtension extension;

    @Column(name = "config_json", length = 70000)
    private String configJson;

    @Column(name = "match_json", length = 16384)
    private String matchJson;

    protected AttachmentEntry() {
    }

    AttachmentEntry(Target target, int position, WasmExtension extension, JsonNode config, List<MatchSelector> match) {
        this.target = target;
        this.position = position;
        this.extension = extension;
        this.configJson = AttachmentJson.writeConfig(config);
        this.matchJson = AttachmentJson.writeMatch(match);
    }

    Target getTarget() {
        return target;
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

    Usage usage() {
        return new Usage(target.gatewayTarget(), position, attachment());
    }
}
