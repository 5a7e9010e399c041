package org.wasmconsole.extension;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wasmconsole.base.ObjectMeta;
import org.wasmconsole.security.Viewer;
import org.wasmconsole.tenant.Tenant;

/**
 * A page of extensions read as rows, not entities: the columns of the stored extension, then the env vars and the
 * allowed tenants of the whole page, three queries in all, turned into exactly what {@link StoredExtension#of(
 * WasmExtension, Viewer)} gives. For {@link ExtensionBatchReads#forEach} (export, REST list): a 100k export spent
 * over half of its CPU in Hibernate's entity hydration and batch-initialised collections (issue #23).
 */
final class ExtensionPageRows {

    private static final String EXTENSIONS = "select e.id as id, e.organizationName as organization, e.name as name,"
            + " e.displayName as displayName, e.summary as summary, e.url as url, e.source as source,"
            + " e.description as description, e.phase as phase, e.priority as priority, e.configJson as config,"
            + " e.imagePullPolicy as pullPolicy, e.imagePullSecret as pullSecret, e.matchMode as matchMode,"
            + " e.metaJson as meta, e.etag as etag, e.createdAt as createdAt, e.updatedAt as updatedAt,"
            + " e.updatedBy as updatedBy, e.configSchemaJson as schema from WasmExtension e where e.id in :ids";
    /**
     * The collection tables by their own key, in SQL: JPQL reaches an element collection only through its owner,
     * and H2 then read every owner's whole row (~2 KB) once more per query (two thirds of a 100k export's CPU).
     */
    private static final String ENV = "select extension_id, position, name, value_from, env_value"
            + " from extension_env where extension_id in (:ids)";
    private static final String TENANTS = "select a.extension_id, a.position, t.id, t.organization_name, t.name"
            + " from extension_allowed_tenant a join tenant t on t.id = a.tenant_id where a.extension_id in (:ids)";

    private ExtensionPageRows() {
    }

    /** The extensions of these ids that exist, by id, as the viewer may read them. */
    static Map<Long, StoredExtension> read(EntityManager entityManager, List<Long> ids, Viewer viewer) {
        Map<Long, List<Positioned<EnvVar>>> env = new HashMap<>();
        for (Object[] row : rows(entityManager, ENV, ids)) {
            env.computeIfAbsent(number(row[0]), id -> new ArrayList<>()).add(new Positioned<>((int) number(row[1]),
                    new EnvVar((String) row[2], EnvValueSource.valueOf((String) row[3]), (String) row[4])));
        }
        Map<Long, List<Positioned<String>>> tenants = new HashMap<>();
        for (Object[] row : rows(entityManager, TENANTS, ids)) {
            if (WasmExtension.mayKnowOf(viewer, number(row[2]))) {
                tenants.computeIfAbsent(number(row[0]), id -> new ArrayList<>()).add(new Positioned<>(
                        (int) number(row[1]), Tenant.fqn((String) row[3], (String) row[4])));
            }
        }
        Map<Long, StoredExtension> byId = new HashMap<>();
        for (Tuple row : entityManager.createQuery(EXTENSIONS, Tuple.class).setParameter("ids", ids)
                .getResultList()) {
            Long id = row.get("id", Long.class);
            ExtensionDefinition definition = WasmExtension.definition(row.get("organization", String.class),
                    row.get("name", String.class), row.get("displayName", String.class),
                    row.get("summary", String.class), row.get("url", String.class), row.get("source", String.class),
                    row.get("description", String.class), row.get("phase", PluginPhase.class),
                    row.get("priority", Integer.class), row.get("config", String.class),
                    row.get("pullPolicy", PullPolicy.class), row.get("pullSecret", String.class),
                    inOrder(env.get(id)), row.get("matchMode", WorkloadMode.class), inOrder(tenants.get(id)),
                    row.get("meta", String.class));
            byId.put(id, new StoredExtension(definition, row.get("etag", String.class),
                    row.get("createdAt", Instant.class), row.get("updatedAt", Instant.class),
                    row.get("updatedBy", String.class), ConfigJson.read(row.get("schema", String.class))));
        }
        return byId;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(EntityManager entityManager, String sql, List<Long> ids) {
        return entityManager.createNativeQuery(sql).setParameter("ids", ids).getResultList();
    }

    /** H2 and PostgreSQL give bigint and integer columns as Long and Integer; either way, as a long. */
    private static long number(Object column) {
        return ((Number) column).longValue();
    }

    /** The items in the order of their list's order column, as the entity's {@code @OrderColumn} list holds them. */
    private static <T> List<T> inOrder(List<Positioned<T>> items) {
        if (items == null) {
            return List.of();
        }
        items.sort(Comparator.comparingInt(Positioned::position));
        return items.stream().map(Positioned::item).toList();
    }

    private record Positioned<T>(int position, T item) {
    }
}
