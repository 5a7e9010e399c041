/** tctl apply: a stream of TSB documents applied in one transaction or as a dry run, with its report and the Import screen. */
@NullMarked
package org.wasmconsole.apply;

import org.jspecify.annotations.NullMarked;
