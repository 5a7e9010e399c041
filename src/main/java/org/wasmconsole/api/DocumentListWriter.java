package org.wasmconsole.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

/**
 * Writes a list of documents to the response as they come, so that a list of any size is
 * never held in memory: JSON {@code {"<name>": [ ... ]}} or a YAML {@code ---} stream.
 */
final class DocumentListWriter implements AutoCloseable {

    private final ApiFormat format;
    private final OutputStream out;
    private final JsonGenerator json;

    private DocumentListWriter(ApiFormat format, OutputStream out, String listName) {
        this.format = format;
        this.out = out;
        if (format == ApiFormat.JSON) {
            json = ApiFormat.JSON_MAPPER.createGenerator(out);
            json.writeStartObject();
            json.writeName(listName);
            json.writeStartArray();
        } else {
            json = null;
        }
    }

    static DocumentListWriter start(HttpServletResponse response, ApiFormat format, String listName)
            throws IOException {
        response.setContentType(format.mediaType.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        return new DocumentListWriter(format, response.getOutputStream(), listName);
    }

    void write(JsonNode document) {
        if (json != null) {
            json.writeTree(document);
            return;
        }
        try {
            out.write(format.write(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (json != null) {
            json.writeEndArray();
            json.writeEndObject();
            json.close();
        }
        out.flush();
    }
}
