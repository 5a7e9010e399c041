/** The config editor of an extension: a form from its config schema, or YAML/JSON text. */
@NullMarked
package org.wasmconsole.extension.ui.config;

import org.jspecify.annotations.NullMarked;
