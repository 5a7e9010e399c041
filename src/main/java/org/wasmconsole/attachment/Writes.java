package org.wasmconsole.attachment;

import java.util.Locale;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;

/**
 * How a write of a gateway, security setting or default setting answers a race with another
 * writer, the same way for each: 404 for what is gone, 409 for a stale etag or for a name someone
 * else created at the same moment. {@code label} names the kind as documents do ("Ingress gateway").
 */
final class Writes {

    private Writes() {
    }

    static NotFoundException notFound(String label, String fqn) {
        return new NotFoundException(label.toLowerCase(Locale.ROOT) + " " + fqn);
    }

    /** Refuses the write unless {@code expectedEtag} is absent or still the current one. */
    static void checkEtag(String expectedEtag, String currentEtag, String label, String name) {
        if (expectedEtag != null && !expectedEtag.equals(currentEtag)) {
            throw stale(label, name);
        }
    }

    /** Saves and flushes, so that a lost race is a conflict now rather than at commit. */
    static <T> T saveAndFlush(JpaRepository<T, Long> repository, T entity, String label, String name) {
        try {
            return repository.saveAndFlush(entity);
        } catch (OptimisticLockingFailureException e) {
            throw stale(label, name);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("metadata.name", label + " '" + name
                    + "' was created by someone else at the same moment; reload and try again");
        }
    }

    private static ConflictException stale(String label, String name) {
        return new ConflictException("metadata.etag", label + " '" + name + "' was changed by"
                + " someone else since you read it; reload it and apply your change again");
    }
}
