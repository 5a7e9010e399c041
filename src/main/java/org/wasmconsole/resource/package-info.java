/** TSB document kinds (YAML/JSON to the domain and back) and the stream reader. */
@NullMarked
package org.wasmconsole.resource;

import org.jspecify.annotations.NullMarked;
