@NullMarked
package org.wasmconsole.base.ui;

import org.jspecify.annotations.NullMarked;
