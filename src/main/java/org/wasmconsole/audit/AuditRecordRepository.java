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
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes of {@link AuditRecord}. Lists select the columns of {@link AuditEntry} only:
 * the documents are read one record at a time ({@link #find}).
 */
@Repository
class AuditRecordRepository {

    private final EntityManager entityManager;

    AuditRecordRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

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
    }

    java.util.Optional<AuditRecord> find(long id) {
        return java.util.Optional.ofNullable(entityManager.find(AuditRecord.class, id));
    }

    /** A page of the records matching the filter, newest first. */
    List<AuditEntry> list(AuditFilter filter, Pageable pageable) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<AuditEntry> query = cb.createQuery(AuditEntry.class);
        Root<AuditRecord> r = query.from(AuditRecord.class);
        query.select(entry(cb, r)).where(matching(filter, cb, r))
                .orderBy(cb.desc(r.get("occurredAt")), cb.desc(r.get("id")));
        TypedQuery<AuditEntry> typed = entityManager.createQuery(query);
        if (pageable.isPaged()) {
            typed.setFirstResult((int) pageable.getOffset()).setMaxResults(pageable.getPageSize());
        }
        return typed.getResultList();
    }

    long count(AuditFilter filter) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<AuditRecord> r = query.from(AuditRecord.class);
        query.select(cb.count(r)).where(matching(filter, cb, r));
        return entityManager.createQuery(query).getSingleResult();
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

    private static Predicate[] matching(AuditFilter filter, CriteriaBuilder cb, Root<AuditRecord> r) {
        List<Predicate> where = new ArrayList<>();
        if (filter.user() != null) {
            where.add(cb.equal(r.get("username"), filter.user()));
        }
        if (filter.resource() != null) {
            String like = "%" + filter.resource().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%";
            where.add(cb.like(cb.lower(r.get("resourceName")), like, '\\'));
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
