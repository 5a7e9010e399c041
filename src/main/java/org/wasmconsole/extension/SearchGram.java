package org.wasmconsole.extension;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One trigram of one extension's search text (H2's text index, {@link ExtensionSearch}). Mapped only
 * so that the catalogue's Criteria queries can name it; written with JDBC by {@link ExtensionSearch}.
 */
@Entity
@Table(name = "extension_search_gram")
@IdClass(SearchGram.Key.class)
class SearchGram {

    @Id
    private long gram;

    @Id
    @Column(name = "extension_id")
    private long extensionId;

    protected SearchGram() {
    }

    static final class Key implements Serializable {
        private long gram;
        private long extensionId;

        Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.gram == gram && k.extensionId == extensionId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(gram, extensionId);
        }
    }
}
