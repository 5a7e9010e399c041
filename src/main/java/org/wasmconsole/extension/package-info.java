/** The WasmExtension aggregate: its rules, config schemas, the catalogue, form and the details page frame that renders contributed sections. */
@NullMarked
package org.wasmconsole.extension;

import org.jspecify.annotations.NullMarked;
