package org.wasmconsole.artifact;

import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.wasmconsole.extension.ExtensionChanged;

/**
 * Keeps module records in step with their extensions, in the extension change's transaction: a deleted
 * extension takes its record along; a changed url starts over, except when the new url is the old tag
 * pinned to the very digest last found behind it (by the Pin action or typed by hand): then the facts
 * stay true and the record remembers the tag it came from.
 */
@Component
@RequiredArgsConstructor
class ModuleRecordCleanup {

    private final ModuleRecordRepository records;

    @EventListener
    void on(ExtensionChanged event) {
        if (event.change() == ExtensionChanged.Change.DELETED) {
            records.deleteFor(event.organization(), event.name());
            return;
        }
        if (event.before() == null || event.after() == null || event.before().url().equals(event.after().url())) {
            return;
        }
        String before = event.before().url();
        String after = event.after().url();
        records.findByOrganizationNameAndExtensionName(event.organization(), event.name()).ifPresent(record -> {
            boolean pinnedToWhatWasSeen = before.equals(record.getUrl()) && record.getDigest() != null
                    && Pinning.pinned(before, record.getDigest()).map(after::equals).orElse(false);
            if (pinnedToWhatWasSeen) {
                record.pinnedFrom(before, after);
            } else {
                records.delete(record);
            }
        });
    }
}
