/** The Wasm module behind an extension's url (OCI or HTTP): resolving, inspecting, pinning, drift. */
@NullMarked
package org.wasmconsole.artifact;

import org.jspecify.annotations.NullMarked;
