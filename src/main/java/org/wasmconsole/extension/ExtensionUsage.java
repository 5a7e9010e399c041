package org.wasmconsole.extension;

import java.util.List;

/**
 * Where an extension is attached, for the extension screens that ask before a delete or an
 * {@code allowedIn} change. Implemented by the module that keeps attachments, so that this module
 * does not depend on the features built on it (as {@link ExtensionWithdrawing} does for the change itself).
 */
public interface ExtensionUsage {

    /**
     * Every place the extension is attached, in FQN order; an operator gets those in their own tenants.
     * Not found when the caller may not see the extension.
     */
    List<Place> whereUsed(String extensionFqn);

    /** The places that an {@code allowedIn} of {@code proposedAllowedIn} would leave invalid (admins only). */
    List<Place> invalidatedBy(String extensionFqn, List<String> proposedAllowedIn);

    /**
     * One place where an extension is switched on.
     *
     * @param targetFqn    the FQN of the gateway or security setting it is attached in
     * @param extensionFqn the FQN of the attached extension
     * @param kind         what the target is, as the screens name it ("Egress Gateway")
     * @param name         the target's own name
     * @param tenant       the tenant's own name
     * @param workspace    the workspace's name
     * @param group        the group's name
     */
    record Place(String targetFqn, String extensionFqn, String kind, String name, String tenant, String workspace,
                 String group) {
    }
}
