/**
 * The extension's own document codec, exposed to other modules as the {@code yaml} named interface:
 * WasmExtension documents read and written (spec §1), the problems of a document of the wrong shape,
 * the plugin config as text, and the export stream. Apply streams of every kind build on it in
 * {@code resource}.
 */
@NamedInterface("yaml")
@NullMarked
package org.wasmconsole.extension.yaml;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
