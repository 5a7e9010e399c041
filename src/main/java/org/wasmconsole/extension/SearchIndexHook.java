package org.wasmconsole.extension;

import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.stereotype.Component;

/**
 * Keeps H2's trigram table ({@link ExtensionSearch}) in step with every write of an extension, whichever
 * service makes it, in the same transaction: the entity remembers the search text the table holds for
 * it (as loaded or last indexed), and each insert, update or delete writes the difference.
 */
@Component
class SearchIndexHook {

    private final ExtensionSearch search;

    SearchIndexHook(ExtensionSearch search) {
        this.search = search;
    }

    @PostLoad
    void loaded(WasmExtension extension) {
        extension.indexedSearchText(extension.searchText());
    }

    @PostPersist
    @PostUpdate
    void written(WasmExtension extension) {
        if (!extension.searchText().equals(extension.indexedSearchText())) {
            search.indexed(extension.getId(), extension.indexedSearchText(), extension.searchText());
            extension.indexedSearchText(extension.searchText());
        }
    }

    @PostRemove
    void removed(WasmExtension extension) {
        search.indexed(extension.getId(), extension.indexedSearchText(), null);
    }
}
