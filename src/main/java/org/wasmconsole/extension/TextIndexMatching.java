package org.wasmconsole.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasmconsole.security.Viewer;

/**
 * What the {@link ExtensionTextIndex} makes of the candidates its signatures find: the list of ids for the
 * database's {@code id in (…)}, and the candidates narrowed and sorted in memory by the {@link TextIndexKeys} it
 * keeps ({@link ExtensionTextIndex#sortedCandidates}, {@link ExtensionTextIndex#sortedMatches}).
 */
final class TextIndexMatching {

    private TextIndexMatching() {
    }

    /** The candidates {@code found} and those this transaction wrote ({@code uncommitted}, null: none), padded. */
    static List<Long> paddedIds(long[] found, Set<Long> uncommitted) {
        List<Long> ids = new ArrayList<>(found.length + 8);
        for (long id : found) {
            ids.add(id);
        }
        if (uncommitted != null) {
            ids.addAll(uncommitted);
        }
        // Padded with the last id to a power of two: a few shapes of "id in (?, …)" for the statement and
        // query plan caches, not one per number of candidates.
        if (!ids.isEmpty()) {
            int padded = 16;
            while (padded < ids.size()) {
                padded <<= 1;
            }
            Long last = ids.getLast();
            while (ids.size() < padded) {
                ids.add(last);
            }
        }
        return ids;
    }

    /**
     * The candidates the {@code index} finds for the filter's text that the rest of the filter may match
     * (organization, phase, the caller's visibility, the filter's tenant), and where {@code exact} whose kept text
     * contains the pattern, in the proxy's order; null where the index cannot answer (see the callers), or, not
     * {@code exact}, more than {@code maxCandidates}.
     *
     * @param text the filter's text as the user typed it (made its {@code LIKE} pattern here)
     */
    static long[] sorted(TrigramSignatures index, Map<Long, TextIndexKeys> known, String text, String organization,
                         PluginPhase phase, Viewer viewer, Long tenantId, boolean exact, int maxCandidates) {
        String pattern = ExtensionQueries.searchPattern(text);
        long[] found = index.candidates(pattern, Integer.MAX_VALUE);
        if (found == null) {
            return null;
        }
        String phaseName = phase == null ? null : phase.name();
        Set<Long> tenant = tenantId == null ? null : Set.of(tenantId);
        boolean tenantsAsked = !viewer.admin() || tenant != null;
        List<Map.Entry<Long, TextIndexKeys>> kept = new ArrayList<>();
        for (long id : found) {
            TextIndexKeys k = known.get(id);
            if (k == null) {
                return null; // between the signatures' update and the keys' (a commit being applied): as today
            }
            if (k.organization().equals(organization) && (phaseName == null || phaseName.equals(k.phase()))
                    && (viewer.admin() || k.availableTo(viewer.tenantIds()))
                    && (tenant == null || k.availableTo(tenant))) {
                if (exact) {
                    if (k.text() == null
                            || k.tenantIds() == TextIndexKeys.ANY_TENANT && !k.allTenants() && tenantsAsked) {
                        return null; // a text over the budget, or tenants not known: the database decides
                    }
                    // LIKE '%…%' with the pattern's specials escaped: the stored text contains it, char for char.
                    if (!k.text().contains(pattern)) {
                        continue;
                    }
                }
                kept.add(Map.entry(id, k));
            }
        }
        if (!exact && kept.size() > maxCandidates) {
            return null;
        }
        kept.sort(Map.Entry.comparingByValue(TextIndexKeys.PROXY_ORDER));
        long[] sorted = new long[kept.size()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = kept.get(i).getKey();
        }
        return sorted;
    }
}
