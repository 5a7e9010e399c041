package org.wasmconsole.apply;

/** What applying a document does (or, in a dry run, would do). */
public enum Outcome {
    CREATED, UPDATED, UNCHANGED, ERROR
}
