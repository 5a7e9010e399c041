/** Sample data for a fresh demo database. */
@NullMarked
package org.wasmconsole.sample;

import org.jspecify.annotations.NullMarked;
