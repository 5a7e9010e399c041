@NullMarked
package org.wasmconsole.extension.ui.config;

import org.jspecify.annotations.NullMarked;
