/** Organizations and tenants; the tenant page frame that renders contributed sections. */
@NullMarked
package org.wasmconsole.tenant;

import org.jspecify.annotations.NullMarked;
