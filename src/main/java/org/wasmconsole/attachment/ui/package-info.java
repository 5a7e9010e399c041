@NullMarked
package org.wasmconsole.attachment.ui;

import org.jspecify.annotations.NullMarked;
