/** REST API /api/v2: controllers over the module services, problem details. */
@NullMarked
package org.wasmconsole.api;

import org.jspecify.annotations.NullMarked;
