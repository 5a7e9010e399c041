@NullMarked
package org.wasmconsole.artifact.ui;

import org.jspecify.annotations.NullMarked;
