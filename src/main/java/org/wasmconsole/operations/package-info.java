/** Operational signals (readiness log). */
@NullMarked
package org.wasmconsole.operations;

import org.jspecify.annotations.NullMarked;
