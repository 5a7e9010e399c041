@NullMarked
package org.wasmconsole.user.ui;

import org.jspecify.annotations.NullMarked;
