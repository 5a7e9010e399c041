package org.wasmconsole.base.yaml;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.StreamEndEvent;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import tools.jackson.databind.JsonNode;

/**
 * Reads a YAML stream into one Jackson tree per document, event by event (SnakeYAML Engine, the
 * parser under Jackson's YAML module), so that it can record the line of every field, refuse
 * duplicate keys, and enforce {@link YamlLimits} as it goes: size before parsing; documents, depth,
 * string length and alias expansion while building.
 *
 * <p>Scalars are typed by the YAML 1.2 core schema (see {@link YamlScalars}). Empty documents
 * (a {@code ---} with nothing, or only comments, after it) are skipped and not counted, so that
 * document numbers are the positions in the returned list, from 1.
 */
public final class YamlTreeReader {

    private final YamlLimits limits;
    private final LoadSettings settings;

    public YamlTreeReader(YamlLimits limits) {
        this.limits = limits;
        this.settings = LoadSettings.builder()
                .setLabel("input")
                .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, (long) limits.maxBytes() + 1))
                .build();
    }

    public List<SourceDocument> read(String text) {
        if (utf8LengthExceeds(text, limits.maxBytes())) {
            throw new DocumentException(new DocumentProblem(1, 0, "", "the input is larger than the limit of "
                    + limits.maxBytes() + " bytes: split it into smaller files"));
        }
        List<SourceDocument> documents = new ArrayList<>();
        Parser parser = new ParserImpl(settings, new StreamReader(settings, text));
        YamlDocumentBuilder.Budget budget = new YamlDocumentBuilder.Budget(text.length());
        int number = 0;
        int rootLine = 0; // of the last document, once its root is read; 0 while inside a document
        try {
            parser.next(); // stream start
            while (!(parser.next() instanceof StreamEndEvent)) { // document start
                number = documents.size() + 1;
                rootLine = 0;
                Event first = parser.next();
                YamlDocumentBuilder builder = new YamlDocumentBuilder(limits, parser, number, budget);
                JsonNode root = builder.root(first);
                rootLine = Math.max(1, YamlDocumentBuilder.line(first));
                if (!root.isNull()) {
                    if (number > limits.maxDocuments()) {
                        throw new DocumentException(new DocumentProblem(number, rootLine, "", "the input has more than "
                                + limits.maxDocuments() + " documents: split it into smaller files"));
                    }
                    documents.add(new SourceDocument(number, rootLine, root, builder.lines()));
                }
                parser.next(); // document end
            }
        } catch (YamlEngineException e) {
            DocumentProblem p = YamlSyntax.problem(documents.size() + 1, text, e);
            // Found after a document's root: it is in the next document only if a '---' came in between.
            if (rootLine > 0 && !documentStartBetween(text, rootLine, p.line())) {
                p = new DocumentProblem(number, p.line(), p.path(), p.message());
            }
            throw new DocumentException(p);
        }
        return documents;
    }

    /** Whether a line after {@code after} and up to {@code upTo} (from 1) starts a document with {@code ---}. */
    static boolean documentStartBetween(String text, int after, int upTo) {
        int line = 1;
        for (int i = 0; i < text.length() && line <= upTo; i = text.indexOf('\n', i) + 1, line++) {
            if (line > after && text.startsWith("---", i)
                    && (i + 3 == text.length() || " \t\r\n".indexOf(text.charAt(i + 3)) >= 0)) {
                return true;
            }
            if (text.indexOf('\n', i) < 0) {
                break;
            }
        }
        return false;
    }

    /** Whether the UTF-8 encoding of the text is longer than the limit, without encoding it. */
    static boolean utf8LengthExceeds(String text, long limit) {
        if (text.length() > limit) {
            return true;
        }
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes > limit;
    }
}
