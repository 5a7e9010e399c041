package org.wasmconsole.apply;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.yaml.ParsedExtension;

/**
 * What is stored under the names of a stream's WasmExtension documents, read {@value #CHUNK} names per query as
 * apply reaches them (issue #23: a query per document was a tenth of an apply's statements), and forgotten once
 * handed out, so that memory does not grow with the stream. Each name is asked for once: a stream that names
 * one twice is refused before (ApplyService.duplicate).
 */
final class ExistingExtensions {

    private static final int CHUNK = 500;

    private final ExtensionService extensions;
    private final List<ParsedExtension> documents;
    private final Map<String, Integer> positions = new HashMap<>();
    private final Map<String, Optional<StoredExtension>> read = new HashMap<>();

    /** @param documents the stream's valid WasmExtension documents with a name, in the order apply reaches them */
    ExistingExtensions(ExtensionService extensions, List<ParsedExtension> documents) {
        this.extensions = extensions;
        this.documents = documents;
        for (int i = 0; i < documents.size(); i++) {
            positions.putIfAbsent(documents.get(i).fqn(), i);
        }
    }

    Optional<StoredExtension> find(ParsedExtension parsed) {
        Optional<StoredExtension> found = read.remove(parsed.fqn());
        if (found != null) {
            return found;
        }
        Integer at = positions.remove(parsed.fqn());
        if (at == null) {
            return extensions.find(parsed.definition().organization(), parsed.definition().name());
        }
        readChunkFrom(at);
        found = read.remove(parsed.fqn());
        return found == null ? Optional.empty() : found;
    }

    /** The documents from {@code at} on whose names were not read yet, up to {@value #CHUNK}, per organization. */
    private void readChunkFrom(int at) {
        List<ParsedExtension> chunk = new ArrayList<>();
        chunk.add(documents.get(at));
        for (int i = at + 1; i < documents.size() && chunk.size() < CHUNK; i++) {
            if (positions.remove(documents.get(i).fqn()) != null) {
                chunk.add(documents.get(i));
            }
        }
        Map<String, List<ParsedExtension>> byOrganization = chunk.stream()
                .collect(Collectors.groupingBy(p -> p.definition().organization()));
        byOrganization.forEach((organization, parsed) -> {
            Map<String, StoredExtension> stored = extensions.findAll(organization,
                    parsed.stream().map(p -> p.definition().name()).toList());
            parsed.forEach(p -> read.put(p.fqn(), Optional.ofNullable(stored.get(p.definition().name()))));
        });
    }
}
