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
    private static final String ENV = "select e.id, index(v), v.name, v.valueFrom, v.value"
            + " from WasmExtension e join e.env v where e.id in :ids";
    private static final String TENANTS = "select e.id, index(t), t.id, t.organizationName, t.name"
            + " from WasmExtension e join e.allowedTenants t where e.id in :ids";

    private ExtensionPageRows() {
    }

    /** The extensions of these ids that exist, by id, as the viewer may read them. */
    static Map<Long, StoredExtension> read(EntityManager entityManager, List<Long> ids, Viewer viewer) {
        Map<Long, List<Positioned<EnvVar>>> env = new HashMap<>();
        for (Object[] row : entityManager.createQuery(ENV, Object[].class).setParameter("ids", ids).getResultList()) {
            env.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add(new Positioned<>((Integer) row[1],
                    new EnvVar((String) row[2], (EnvValueSource) row[3], (String) row[4])));
        }
        Map<Long, List<Positioned<String>>> tenants = new HashMap<>();
        for (Object[] row : entityManager.createQuery(TENANTS, Object[].class).setParameter("ids", ids)
                .getResultList()) {
            if (WasmExtension.mayKnowOf(viewer, (Long) row[2])) {
                tenants.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add(new Positioned<>(
                        (Integer) row[1], Tenant.fqn((String) row[3], (String) row[4])));
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
