@NullMarked
package org.wasmconsole.audit.ui;

import org.jspecify.annotations.NullMarked;
