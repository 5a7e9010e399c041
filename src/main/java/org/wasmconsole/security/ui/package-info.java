@NullMarked
package org.wasmconsole.security.ui;

import org.jspecify.annotations.NullMarked;
