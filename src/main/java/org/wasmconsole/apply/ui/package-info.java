@NullMarked
package org.wasmconsole.apply.ui;

import org.jspecify.annotations.NullMarked;
