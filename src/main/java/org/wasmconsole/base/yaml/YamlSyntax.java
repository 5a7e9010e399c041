package org.wasmconsole.base.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Explains a YAML syntax error found by SnakeYAML Engine in the user's terms: the line of the
 * problem (not of the construct it was found in), what is wrong and how to fix it, without the
 * parser's snippets, class names or internal token names.
 */
final class YamlSyntax {

    private YamlSyntax() {
    }

    static DocumentProblem problem(int document, String text, YamlEngineException e) {
        if (e instanceof MarkedYamlEngineException marked) {
            String problem = marked.getProblem() == null ? "" : words(marked.getProblem().strip());
            String context = marked.getContext() == null ? "" : marked.getContext().strip();
            int contextLine = line(marked.getContextMark());
            int line = line(marked.getProblemMark());
            // A quote or bracket left open, or a key without ':', is found further on: point at its start.
            if (line <= 0 || contextLine > 0 && (problem.contains("unexpected end of stream")
                    || problem.contains("the end of the input") || problem.startsWith("could not find expected ':'"))) {
                line = contextLine;
            }
            return new DocumentProblem(document, line, "", "is not valid YAML: "
                    + explain(problem, context, contextLine, line));
        }
        if (e instanceof ReaderException reader) {
            return new DocumentProblem(document, lineAt(text, reader.getPosition()), "", String.format(
                    "is not valid YAML: the character U+%04X is not allowed in YAML; remove it",
                    reader.getCodePoint()));
        }
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("").strip();
        return new DocumentProblem(document, 0, "", "is not valid YAML: " + message);
    }

    private static String explain(String problem, String context, int contextLine, int line) {
        String started = contextLine > 0 && contextLine != line ? " that starts on line " + contextLine : "";
        if (problem.startsWith("expected a new document")) {
            return "there is more text after the end of the document: check its indentation, or start a new"
                    + " document with a '---' line";
        }
        if (problem.contains("(TAB)")) {
            return "a tab is used for indentation; indent with spaces";
        }
        if (problem.startsWith("found unexpected end of stream") && context.contains("quoted scalar")) {
            return "the quoted text" + started + " is not closed: add the closing quote (the input ends before it)";
        }
        if (problem.contains("the end of the input")) {
            return "the input ends too early: a value is missing, or a [ ] or { }" + started + " is not closed";
        }
        if (context.contains("flow sequence")) {
            return "the list in [ ]" + started + " is not closed, or an item lacks a comma (" + problem + ")";
        }
        if (context.contains("flow mapping")) {
            return "the mapping in { }" + started + " is not closed, or an entry lacks a comma (" + problem + ")";
        }
        if (problem.startsWith("mapping values are not allowed")) {
            return "a 'key: value' is not allowed here: check the indentation of this line, or quote a value that"
                    + " contains ': '";
        }
        if (problem.startsWith("expected the end of the block") || context.startsWith("while parsing a block")) {
            return "the indentation is wrong: this line does not line up with the "
                    + (context.contains("mapping") ? "mapping" : context.contains("sequence")
                    || context.contains("collection") ? "list" : "block") + started
                    + " (" + problem + ")";
        }
        if (problem.startsWith("found character") && problem.contains("cannot start any token")) {
            int quote = problem.indexOf('\'');
            int end = problem.indexOf('\'', quote + 1);
            String character = quote >= 0 && end > quote ? " " + problem.substring(quote, end + 1) : "";
            return "the character" + character + " cannot start a value: put the value in quotes";
        }
        if (problem.startsWith("found unknown escape character")) {
            return "unknown escape sequence in double-quoted text: write \\\\ for a backslash, or use single"
                    + " quotes";
        }
        if (problem.startsWith("could not find expected ':'")) {
            return "a key" + started + " has no ':' after it: write key: value";
        }
        return problem + (context.isEmpty() ? "" : " (" + context + started + ")");
    }

    /** The parser's names of tokens, in words. */
    private static String words(String problem) {
        String[][] names = {{"document start", "a new document (---)"}, {"block mapping start", "a new mapping"},
            {"block sequence start", "a new list"}, {"block end", "the end of the block"},
            {"stream end", "the end of the input"}, {"scalar", "a value"}, {"alias", "an alias"},
            {"anchor", "an anchor"}, {"tag", "a tag"}, {"key", "a key"}, {"value", "':'"}};
        String text = problem;
        for (String[] name : names) {
            text = text.replace("'<" + name[0] + ">'", name[1]).replace("<" + name[0] + ">", name[1]);
        }
        return text;
    }

    private static int line(Optional<Mark> mark) {
        return mark.map(m -> m.getLine() + 1).orElse(0);
    }

    private static int lineAt(String text, int codePointIndex) {
        int line = 1;
        int index = 0;
        for (int i = 0; i < text.length() && index < codePointIndex; i += Character.charCount(text.codePointAt(i))) {
            if (text.charAt(i) == '\n') {
                line++;
            }
            index++;
        }
        return line;
    }
}
