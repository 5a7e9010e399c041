package org.wasmconsole.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.wasmconsole.apply.ImportLimits;
import org.wasmconsole.base.Utf8;
import org.wasmconsole.base.yaml.DocumentException;
import org.wasmconsole.base.yaml.DocumentProblem;
import org.wasmconsole.base.yaml.FieldLines;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.base.yaml.StoredText;
import org.wasmconsole.base.yaml.YamlLimits;
import org.wasmconsole.base.yaml.YamlTreeReader;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies, read within the import limits before anything large is allocated: the size
 * while reading, then depth, string length and (for YAML) alias expansion while parsing.
 */
@Component
class RequestBodies {

    private final YamlLimits limits;
    private final JsonMapper json;

    RequestBodies(ImportLimits limits) {
        this.limits = limits.yaml();
        this.json = JsonMapper.builder(JsonFactory.builder()
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(this.limits.maxDepth())
                                .maxStringLength(this.limits.maxStringLength())
                                .maxDocumentLength(this.limits.maxBytes())
                                .build())
                        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                        .build())
                .build();
    }

    /**
     * The body as text; refused beyond the size limit (400, without reading the rest), in another
     * charset than UTF-8 (415), or when it is not valid UTF-8 (400 with the offset of the first bad
     * byte: never decoded into replacement characters and stored).
     */
    String text(HttpServletRequest request) {
        checkCharset(request);
        long declared = request.getContentLengthLong();
        if (declared > limits.maxBytes()) {
            throw tooLarge();
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, 1 << 16)));
            byte[] buffer = new byte[8192];
            int total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limits.maxBytes()) {
                    throw tooLarge();
                }
                out.write(buffer, 0, n);
            }
            return utf8(out.toByteArray());
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "unreadable-body", "the request body could not be read: "
                    + e.getMessage(), List.of());
        }
    }

    /** The body as exactly one document, in the format its Content-Type says (JSON by default). */
    SourceDocument document(HttpServletRequest request) {
        String text = text(request);
        if (text.isBlank()) {
            throw new DocumentException(new DocumentProblem(1, 0, "", "the body is empty: send one document"));
        }
        if (ApiFormat.ofBody(request) == ApiFormat.YAML) {
            List<SourceDocument> documents = new YamlTreeReader(limits).read(text);
            if (documents.size() != 1) {
                throw new DocumentException(new DocumentProblem(Math.min(2, documents.size()), 0, "",
                        "send exactly one document here, not " + documents.size()
                                + "; to apply a stream of documents, POST it to /api/v2/apply"));
            }
            return documents.getFirst();
        }
        return new SourceDocument(1, 1, parseJson(text), FieldLines.NONE);
    }

    /** A JSON body of another shape than a document (users): parsed within the same limits. */
    JsonNode tree(HttpServletRequest request) {
        String text = text(request);
        if (ApiFormat.ofBody(request) == ApiFormat.YAML) {
            List<SourceDocument> documents = new YamlTreeReader(limits).read(text);
            if (documents.size() != 1) {
                throw new DocumentException(new DocumentProblem(1, 0, "", "send exactly one document"));
            }
            return documents.getFirst().root();
        }
        return parseJson(text);
    }

    /** Only UTF-8 (or its subset US-ASCII) is read; a body declared in another charset is refused, not guessed at. */
    private static void checkCharset(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return;
        }
        String charset;
        try {
            charset = MediaType.parseMediaType(type).getParameter("charset");
        } catch (IllegalArgumentException e) {
            return; // the format falls back to JSON; its parser reports what is wrong
        }
        if (charset == null) {
            return;
        }
        String name = charset.replace("\"", "").strip();
        if (!name.equalsIgnoreCase("utf-8") && !name.equalsIgnoreCase("utf8") && !name.equalsIgnoreCase("us-ascii")) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-charset", "the body is declared as"
                    + " charset=" + name + "; send it in UTF-8 (charset=utf-8, or no charset)", List.of());
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return Utf8.decode(bytes);
        } catch (Utf8.MalformedException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "malformed-utf8", "the body " + e.getMessage(),
                    List.of(new ApiProblem.Violation("", "not valid UTF-8 at byte offset " + e.offset(), null, null)));
        }
    }

    private JsonNode parseJson(String text) {
        JsonNode root = readJson(text);
        StoredText.nul(root).ifPresent(p -> {
            throw new DocumentException(p);
        });
        return root;
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            var where = e.getLocation();
            throw new DocumentException(new DocumentProblem(1, 0, "", "malformed JSON"
                    + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr())
                    + ": " + e.getOriginalMessage()));
        }
    }

    private ApiException tooLarge() {
        return new ApiException(HttpStatus.BAD_REQUEST, "too-large", "the body is larger than the limit of "
                + limits.maxBytes() + " bytes (console.import.max-bytes): split it into smaller requests",
                List.of(new ApiProblem.Violation("", "larger than " + limits.maxBytes() + " bytes", null, null)));
    }
}
