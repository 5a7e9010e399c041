package org.wasmconsole.attachment;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;
import org.wasmconsole.extension.WasmExtension;
import tools.jackson.databind.JsonNode;

/** One row of a target's {@code extension} list. */
@Entity
@Table(name = "extension_attachment")
class AttachmentEntry extends AttachedExtension {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "target_id")
    private Target target;

    protected AttachmentEntry() {
    }

    AttachmentEntry(Target target, int position, WasmExtension extension, JsonNode config, List<MatchSelector> match) {
        super(position, extension, config, match);
        this.target = target;
    }

    Target getTarget() {
        return target;
    }

    Usage usage() {
        return new Usage(target.gatewayTarget(), getPosition(), attachment());
    }
}
