package org.wasmconsole.resource;

import java.util.List;

/** A document that could not be read as a resource: its problems, and whatever names it gives. */
public record InvalidDocument(SourceDocument source, String kind, String fqn, List<DocumentProblem> problems)
        implements ParsedResource {
}
