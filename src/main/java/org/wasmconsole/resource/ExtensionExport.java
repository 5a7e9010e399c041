package org.wasmconsole.resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.Collection;
import org.springframework.stereotype.Component;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;

/**
 * Exports extensions as a {@code ---} stream of WasmExtension documents that {@code tctl apply -f}
 * accepts, written document by document while the database is read page by page. What the
 * caller may not see is not exported: the service scopes every read.
 */
@Component
public class ExtensionExport {

    private final ExtensionService extensions;

    ExtensionExport(ExtensionService extensions) {
        this.extensions = extensions;
    }

    /** Everything matching the filter, in catalogue order. */
    public void write(ExtensionFilter filter, Writer out) {
        write(filter, out, false);
    }

    /** Everything matching the filter; with {@code configSchemas}, each extension's schema document right after it. */
    public void write(ExtensionFilter filter, Writer out, boolean configSchemas) {
        extensions.forEach(filter, e -> append(out, e, configSchemas));
        flush(out);
    }

    /** The named extensions, in the given order. */
    public void write(String organization, Collection<String> names, Writer out) {
        write(organization, names, out, false);
    }

    /** The named extensions; with {@code configSchemas}, each extension's schema document right after it. */
    public void write(String organization, Collection<String> names, Writer out, boolean configSchemas) {
        extensions.getAll(organization, names).forEach(e -> append(out, e, configSchemas));
        flush(out);
    }

    private static void append(Writer out, StoredExtension e, boolean configSchemas) {
        ExtensionYaml.append(out, e);
        if (configSchemas && e.configSchema() != null) {
            try {
                out.write(ExtensionYaml.toYaml(ConfigSchemaDocuments.write(e.definition().organization(),
                        e.definition().name(), e.configSchema())));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }
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
