/**
 * Reading YAML (and JSON) documents with the line of every field: the stream reader with its limits,
 * the problems it reports with field paths, a typed field reader that collects every problem, and the
 * parts all TSB-shaped documents share. The document kinds themselves live with their modules
 * ({@code extension.yaml} for WasmExtension, {@code resource} for the others).
 */
@NullMarked
package org.wasmconsole.base.yaml;

import org.jspecify.annotations.NullMarked;
