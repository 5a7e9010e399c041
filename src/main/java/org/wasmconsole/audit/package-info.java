/** The audit trail (it listens to the modules' events), history, diff and restore. */
@NullMarked
package org.wasmconsole.audit;

import org.jspecify.annotations.NullMarked;
