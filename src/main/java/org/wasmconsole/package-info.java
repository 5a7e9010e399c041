@NullMarked
package org.wasmconsole;

import org.jspecify.annotations.NullMarked;
