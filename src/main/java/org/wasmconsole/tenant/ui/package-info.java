@NullMarked
package org.wasmconsole.tenant.ui;

import org.jspecify.annotations.NullMarked;
