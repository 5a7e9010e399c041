/** Workspaces, groups, gateways and settings, the attachments of extensions to them, the filter chain and the Istio output. */
@NullMarked
package org.wasmconsole.attachment;

import org.jspecify.annotations.NullMarked;
