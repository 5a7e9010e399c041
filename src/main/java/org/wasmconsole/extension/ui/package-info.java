@NullMarked
package org.wasmconsole.extension.ui;

import org.jspecify.annotations.NullMarked;
