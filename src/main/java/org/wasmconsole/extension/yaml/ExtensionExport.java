package org.wasmconsole.extension.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Collection;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;

/**
 * Exports extensions as a {@code ---} stream of WasmExtension documents that {@code tctl apply -f}
 * accepts, written document by document while the database is read page by page. What the
 * caller may not see is not exported: the service scopes every read.
 */
@Component
@RequiredArgsConstructor
public class ExtensionExport {

    private final ExtensionService extensions;

    /** Everything matching the filter, in catalogue order. */
    public void write(ExtensionFilter filter, Writer out) {
        extensions.forEach(filter, e -> ExtensionYaml.append(out, e));
        flush(out);
    }

    /** The named extensions, in the given order. */
    public void write(String organization, Collection<String> names, Writer out) {
        extensions.getAll(organization, names).forEach(e -> ExtensionYaml.append(out, e));
        flush(out);
    }

    /** {@code <organization>-extensions-<date>.yaml}, or {@code <organization>-<name>.yaml} for one. */
    public static String fileName(String organization, LocalDate date) {
        return organization + "-extensions-" + date + ".yaml";
    }

    public static String fileName(String organization, String name) {
        return organization + "-" + name + ".yaml";
    }

    private static void flush(Writer out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
