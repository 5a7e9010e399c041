package org.wasmconsole.extension;

import java.util.Comparator;
import java.util.Set;

/**
 * What the catalogue's default order ({@link ExtensionQueries#PROXY_ORDER}), its visibility rules and its text
 * filter need of an extension, as the {@link ExtensionTextIndex} keeps it. {@code tenantIds} {@link #ANY_TENANT}:
 * not known, so never a reason to leave it out (and no exact answer: {@link ExtensionTextIndex#sortedMatches}).
 * {@code text}: the {@code search_text} as stored (lower-cased; a {@code String} keeps it in one byte a char where
 * it is Latin-1, as nearly all is), so that the text filter is decided here, as its {@code LIKE '%…%'} decides it;
 * null where it is over the budget ({@link TextIndexMemory}).
 */
record TextIndexKeys(String organization, String phase, int priority, String name, boolean allTenants,
                     long[] tenantIds, String text) {

    /** Not known (a write that did not load the extension's tenants, and no earlier keys): any tenant. */
    static final long[] ANY_TENANT = new long[0];
    /** Open to all tenants (one shared empty array; never {@link #ANY_TENANT}, which is compared by identity). */
    static final long[] NO_TENANTS = new long[0];

    /** The proxy's order as the database sorts it: phase (by its name) up, priority down, name up. */
    static final Comparator<TextIndexKeys> PROXY_ORDER = Comparator.comparing(TextIndexKeys::phase)
            .thenComparing(Comparator.comparingInt(TextIndexKeys::priority).reversed())
            .thenComparing(TextIndexKeys::name);

    /** As {@link ExtensionQueries#availableTo}: open to all, or allowed in one of these tenants. */
    boolean availableTo(Set<Long> tenants) {
        if (allTenants || tenantIds == ANY_TENANT) {
            return true;
        }
        for (long id : tenantIds) {
            if (tenants.contains(id)) {
                return true;
            }
        }
        return false;
    }
}
