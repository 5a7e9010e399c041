package org.wasmconsole.audit;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes of {@link AuditRecord}. Lists select the columns of {@link AuditEntry} only:
 * the documents are read one record at a time ({@link #find}).
 */
@Repository
@RequiredArgsConstructor
class AuditRecordRepository {

    private final EntityManager entityManager;
    private final AuditResourceNames knownNames;

    /**
     * Adds the record to the change's transaction: it is inserted with the transaction's next flush or its
     * commit, in a JDBC batch with the other records of that flush (its id comes from a sequence), and a
     * failing insert fails that transaction, the change with it. No flush of its own (issue #23: a flush per
     * record dirty-checked the whole persistence context, up to 100 extensions and their records per apply
     * chunk, for each of 10,000 documents). Whoever clears the persistence context in a writing transaction
     * flushes first (ApplyService does).
     */
    void save(AuditRecord record) {
        entityManager.persist(record);
        knownNames.recorded(record.getResourceName()); // the History filter's names in memory (issue #23)
    }

    java.util.Optional<AuditRecord> find(long id) {
        return java.util.Optional.ofNullable(entityManager.find(AuditRecord.class, id));
    }

    /** A page of the records matching the filter, newest first. */
    List<AuditEntry> list(AuditFilter filter, Pageable pageable) {
        return list(filter, pageable, resourceNames(filter));
    }

    /**
     * @param names the resource names the filter's text matches ({@link #resourceNames}), or null: match the
     *              text against every record's name (a scan)
     */
    List<AuditEntry> list(AuditFilter filter, Pageable pageable, List<String> names) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> query = cb.createQuery(AuditEntry.class);
        Root<AuditRecord> r = query.from(AuditRecord.class);
        query.select(entry(cb, r)).where(matching(filter, names, cb, r))
                .orderBy(cb.desc(r.get("occurredAt")), cb.desc(r.get("id")));
        TypedQuery<AuditEntry> typed = entityManager.createQuery(query);
        if (pageable.isPaged()) {
            typed.setFirstResult((int) pageable.getOffset()).setMaxResults(pageable.getPageSize());
        }
        return typed.getResultList();
    }

    long count(AuditFilter filter) {
        return count(filter, resourceNames(filter));
    }

    /** @param names as for {@link #list(AuditFilter, Pageable, List)} */
    long count(AuditFilter filter, List<String> names) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<AuditRecord> r = query.from(AuditRecord.class);
        query.select(cb.count(r)).where(matching(filter, names, cb, r));
        return entityManager.createQuery(query).getSingleResult();
    }

    /**
     * The distinct resource names that the filter's text matches, as {@code lower(resource_name) LIKE '%text%'}
     * would, from the names kept in memory ({@link AuditResourceNames}: a superset of the records' names), or
     * while those are not loaded yet {@linkplain #resourceNamesFromDatabase from the database}. Null when the
     * filter has no text, or when more than {@value #MAX_NAMES} names match (a list that long would cost more
     * than the scan it saves).
     */
    List<String> resourceNames(AuditFilter filter) {
        if (filter.resource() == null) {
            return null;
        }
        List<String> found = knownNames.matching(filter.resource().toLowerCase(Locale.ROOT),
                like(filter.resource()), MAX_NAMES);
        if (found == null) {
            return resourceNamesFromDatabase(filter);
        }
        return found.size() > MAX_NAMES ? null : found;
    }

    /**
     * The distinct resource names that the filter's text matches, as {@code lower(resource_name) LIKE '%text%'}
     * would: the names are walked through their index (V16), one seek per distinct name, and the text is
     * matched against each once, in the database, so the records' own LIKE and this one agree on both databases.
     * The records are then read by name through the same index instead of all being scanned (issue #23: 10.8 s
     * over 1,000,000 records). Null when the filter has no text, or when more than {@value #MAX_NAMES} names
     * match (a list that long would cost more than the scan it saves).
     */
    List<String> resourceNamesFromDatabase(AuditFilter filter) {
        if (filter.resource() == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        List<Object> found = entityManager.createNativeQuery(h2() ? H2_DISTINCT_NAMES_LIKE : DISTINCT_NAMES_LIKE)
                .setParameter(1, like(filter.resource()))
                .getResultList();
        if (found.size() > MAX_NAMES) {
            return null;
        }
        return found.stream().map(String::valueOf).toList();
    }

    /** The most resource names {@link #resourceNames} hands to the records' query. */
    static final int MAX_NAMES = 1000;

    /**
     * A loose index scan as a recursive query (standard SQL, H2 and PostgreSQL alike): each step seeks the
     * next name after the last one in {@code ix_audit_resource_name}.
     */
    private static final String DISTINCT_NAMES_LIKE = """
            with recursive names (n) as (
                select cast((select a.resource_name from audit_record a where a.resource_name is not null
                             order by a.resource_name fetch first 1 row only) as varchar(512))
                union all
                select cast((select a.resource_name from audit_record a where a.resource_name > names.n
                             order by a.resource_name fetch first 1 row only) as varchar(512))
                from names where names.n is not null
            )
            select n from names where n is not null and lower(n) like ?1 escape '\\'
            fetch first """ + " " + (MAX_NAMES + 1) + " rows only";

    /**
     * H2 answers a bare {@code select distinct} of an indexed column by skipping through the index (its "distinct
     * query" optimization), faster than a recursive query, which H2 runs a step at a time at ~1.5 ms a step.
     */
    private static final String H2_DISTINCT_NAMES_LIKE = """
            select n from (select distinct resource_name as n from audit_record) d
            where n is not null and lower(n) like ?1 escape '\\'
            fetch first """ + " " + (MAX_NAMES + 1) + " rows only";

    private Boolean h2;

    private boolean h2() {
        if (h2 == null) {
            h2 = entityManager.getEntityManagerFactory().unwrap(org.hibernate.engine.spi.SessionFactoryImplementor.class)
                    .getJdbcServices().getDialect() instanceof org.hibernate.dialect.H2Dialect;
        }
        return h2;
    }

    /** The filter's text as the pattern of {@code lower(resource_name) LIKE}: found anywhere, literally. */
    private static String like(String text) {
        return "%" + text.toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                .replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Every record of one resource, newest first. */
    List<AuditEntry> history(AuditResourceType type, String resourceName, int limit) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> query = cb.createQuery(AuditEntry.class);
        Root<AuditRecord> r = query.from(AuditRecord.class);
        query.select(entry(cb, r))
                .where(cb.equal(r.get("resourceType"), type), cb.equal(r.get("resourceName"), resourceName))
                .orderBy(cb.desc(r.get("occurredAt")), cb.desc(r.get("id")));
        return entityManager.createQuery(query).setMaxResults(limit).getResultList();
    }

    private static jakarta.persistence.criteria.CompoundSelection<AuditEntry> entry(CriteriaBuilder cb,
                                                                                    Root<AuditRecord> r) {
        return cb.construct(AuditEntry.class, r.get("id"), r.get("occurredAt"), r.get("username"), r.get("action"),
                r.get("resourceType"), r.get("organization"), r.get("resourceName"), r.get("summary"),
                cb.<Boolean>selectCase().when(cb.or(cb.isNotNull(r.get("beforeDoc")), cb.isNotNull(r.get("afterDoc"))),
                        true).otherwise(false));
    }

    private static Predicate[] matching(AuditFilter filter, List<String> names, CriteriaBuilder cb,
                                        Root<AuditRecord> r) {
        List<Predicate> where = new ArrayList<>();
        if (filter.user() != null) {
            where.add(cb.equal(r.get("username"), filter.user()));
        }
        if (filter.resource() != null && names != null) {
            where.add(names.isEmpty() ? cb.disjunction() : r.get("resourceName").in(names));
        } else if (filter.resource() != null) {
            where.add(cb.like(cb.lower(r.get("resourceName")), like(filter.resource()), '\\'));
        }
        if (filter.action() != null) {
            where.add(cb.equal(r.get("action"), filter.action()));
        } else if (filter.hideSignIns()) {
            where.add(cb.notEqual(r.get("action"), AuditAction.LOGIN));
        }
        if (filter.from() != null) {
            where.add(cb.greaterThanOrEqualTo(r.get("occurredAt"), filter.from()));
        }
        if (filter.to() != null) {
            where.add(cb.lessThan(r.get("occurredAt"), filter.to()));
        }
        return where.toArray(Predicate[]::new);
    }
}
