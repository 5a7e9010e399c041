package org.wasmconsole.attachment;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.stereotype.Component;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.WasmExtension;

/**
 * The steps a write of an attachment owner (a gateway, security setting or default setting) takes
 * the same way for each kind: the definition checked whole before anything is written, its
 * extensions locked, 404 for what is gone, 409 for a stale etag or for a name someone else created
 * at the same moment, and one {@link AttachmentChanged} event per write. {@link AttachmentService}
 * and {@link DefaultSettingService} decide what to write; this is how it is written.
 * Called inside their transactions and access checks.
 */
@Component
@RequiredArgsConstructor
class OwnerWrites {

    /**
     * What a write is about, as its messages and its event name it.
     *
     * @param label the kind as documents name it ("Ingress Gateway", "Tenant setting")
     */
    record Subject(String label, String name, String organization, String fqn) {

        NotFoundException notFound() {
            return new NotFoundException(label.toLowerCase(Locale.ROOT) + " " + fqn);
        }
    }

    private final EntityManager entityManager;
    private final ApplicationEventPublisher events;

    /**
     * The extensions the definition attaches, as {@code resolve} finds them while it collects the
     * definition's violations: refused whole when there is any.
     */
    List<WasmExtension> resolveAndLock(Function<List<Violation>, List<WasmExtension>> resolve) {
        List<Violation> v = new ArrayList<>();
        List<WasmExtension> extensions = resolve.apply(v);
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
        // Attaching bumps each extension's version: a concurrent allowedIn change or delete, whose
        // guard could not see this uncommitted attachment, then fails on its own version check
        // instead of committing an attachment its allowedIn forbids (and the reverse order fails here).
        extensions.forEach(e -> entityManager.lock(e, LockModeType.OPTIMISTIC_FORCE_INCREMENT));
        return extensions;
    }

    /**
     * Creates the owner ({@code created}) or changes the existing one, if {@code expectedEtag} is
     * absent or still its etag: {@code apply} takes the definition into it, then it is saved and
     * flushed, so that a lost race is a conflict now rather than at commit.
     */
    <O extends AttachmentOwner<?>> O store(JpaRepository<O, Long> repository, Optional<O> existing,
                                           Supplier<O> created, String expectedEtag, Subject subject,
                                           Consumer<O> apply) {
        existing.ifPresent(o -> checkEtag(expectedEtag, o, subject));
        O owner = existing.orElseGet(created);
        apply.accept(owner);
        try {
            return repository.saveAndFlush(owner);
        } catch (OptimisticLockingFailureException e) {
            throw stale(subject);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("metadata.name", subject.label() + " '" + subject.name()
                    + "' was created by someone else at the same moment; reload and try again");
        }
    }

    /** Deletes the owner with its attachments, if {@code expectedEtag} is absent or still its etag. */
    <O extends AttachmentOwner<?>> void delete(JpaRepository<O, Long> repository, O owner, String expectedEtag,
                                               Subject subject) {
        checkEtag(expectedEtag, owner, subject);
        int attached = owner.getAttachments().size();
        repository.delete(owner);
        repository.flush();
        publish(AttachmentChanged.Change.DELETED, subject, "deleted with " + attached + " attachment(s)");
    }

    void publish(AttachmentChanged.Change change, Subject subject, String summary) {
        events.publishEvent(new AttachmentChanged(change, subject.label(), subject.organization(), subject.fqn(),
                summary));
    }

    private static void checkEtag(String expectedEtag, AttachmentOwner<?> owner, Subject subject) {
        if (expectedEtag != null && !expectedEtag.equals(owner.getEtag())) {
            throw stale(subject);
        }
    }

    private static ConflictException stale(Subject subject) {
        return new ConflictException("metadata.etag", subject.label() + " '" + subject.name() + "' was changed by"
                + " someone else since you read it; reload it and apply your change again");
    }
}
