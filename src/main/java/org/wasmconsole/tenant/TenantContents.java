package org.wasmconsole.tenant;

/**
 * What is deleted together with a tenant (its workspaces, gateways, security settings and
 * attachments), for the tenants list's delete dialog. Implemented by the module that keeps them, so
 * that this module does not depend on the features built on it.
 */
public interface TenantContents {

    /**
     * One sentence such as "Its 2 workspaces, 5 gateways, 1 security setting and 7 attachments are
     * deleted with it." (only the kinds it has), or that it has none.
     */
    String deletedWith(String tenantFqn);
}
