/** User administration: the Users screen, the user service and the first admin. */
@NullMarked
package org.wasmconsole.user;

import org.jspecify.annotations.NullMarked;
