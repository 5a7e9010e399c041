package org.wasmconsole.artifact;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.security.Roles;

/**
 * The module behind each extension's url: what was last found there, checking it again, pinning a
 * tag url to its digest, and the drift of tags. Every read goes through {@link ExtensionService}
 * first, so a caller learns about a module only for an extension they may see. A fetch never
 * runs inside a database transaction, and is bounded by {@code console.modules.timeout}.
 */
@Service
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class ModuleService {

    private final ExtensionService extensions;
    private final ModuleFetcher fetcher;
    private final ModuleRecordRepository records;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final java.time.Duration timeout;
    /** Checks started from a page run here (as the user who started them), never on a request thread. */
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();

    ModuleService(ExtensionService extensions, ModuleFetcher fetcher, ModuleRecordRepository records,
                  PlatformTransactionManager transactions, ModuleSettings settings) {
        this.timeout = settings.timeout();
        this.extensions = extensions;
        this.fetcher = fetcher;
        this.records = records;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = Clock.tickMillis(java.time.ZoneOffset.UTC); // what both databases store exactly
    }

    /** The most one check takes (console.modules.timeout), for pages that say how long to wait. */
    public java.time.Duration checkTimeout() {
        return timeout;
    }

    /** What was last found behind the extension's url (no fetch). */
    public ModuleReport report(String organization, String name) {
        StoredExtension extension = extensions.get(organization, name);
        return report(organization, name, extension.definition().url());
    }

    private ModuleReport report(String organization, String name, String url) {
        return ModuleReport.of(url, transaction.execute(s ->
                records.findByOrganizationNameAndExtensionName(organization, name).orElse(null)));
    }

    /**
     * The names of the organization's extensions whose tag names another module than when first checked,
     * for the catalogue's "Tag moved" filter ({@code ExtensionFilter.withNames}); the catalogue's own query
     * still applies the caller's visibility.
     */
    public java.util.Set<String> namesWithMovedTag(String organization) {
        return java.util.Set.copyOf(transaction.execute(s -> records.namesWithMovedTag(organization)));
    }

    /** Fetches and inspects the module now, remembers what was found and answers it. Bounded in time. */
    public ModuleReport check(String organization, String name) {
        StoredExtension extension = extensions.get(organization, name);
        return checkUrl(organization, name, extension.definition().url());
    }

    /**
     * Fetches and inspects the module behind a url that is not saved yet (the form's "Check module"):
     * nothing is remembered. Admins only, as only they type urls.
     */
    @RolesAllowed(Roles.ADMIN)
    public CompletableFuture<ModuleReport> inspectInBackground(String url) {
        return inBackground(() -> inspect(url));
    }

    private ModuleReport inspect(String url) {
        if (url.startsWith("file://")) {
            return ModuleReport.of(url, null);
        }
        ModuleRecord scratch = new ModuleRecord(null, null);
        scratch.resetFor(url);
        try {
            Fetched fetched = fetcher.fetch(url);
            scratch.fetched(fetched, WasmInspector.inspect(fetched.module()), clock.instant());
        } catch (ModuleFetchException e) {
            scratch.failed(status(e), e.getMessage(), clock.instant());
        }
        return ModuleReport.of(url, scratch);
    }

    private static ModuleStatus status(ModuleFetchException failure) {
        return failure.notLoadable() ? ModuleStatus.INVALID : ModuleStatus.UNREACHABLE;
    }

    /** {@link #check} on a background thread: for pages, which poll for the answer instead of waiting. */
    public CompletableFuture<ModuleReport> checkInBackground(String organization, String name) {
        String url = extensions.get(organization, name).definition().url(); // refused here if not visible
        return inBackground(() -> checkUrl(organization, name, url));
    }

    private ModuleReport checkUrl(String organization, String name, String url) {
        if (url.startsWith("file://")) {
            return ModuleReport.of(url, null);
        }
        Fetched fetched = null;
        WasmInspector.Inspection inspection = null;
        ModuleFetchException failure = null;
        try {
            fetched = fetcher.fetch(url);
            inspection = WasmInspector.inspect(fetched.module());
        } catch (ModuleFetchException e) {
            failure = e;
        }
        Fetched f = fetched;
        WasmInspector.Inspection i = inspection;
        ModuleFetchException problem = failure;
        return save(organization, name, url, r -> {
            if (problem == null) {
                r.fetched(f, i, clock.instant());
            } else {
                r.failed(status(problem), problem.getMessage(), clock.instant());
            }
        });
    }

    /**
     * Rewrites the extension's tag url to the digest last found behind it (checking first when it was
     * never checked), as an edit like any other: the extension's rules, etag and history apply.
     *
     * @return the extension as saved
     */
    @RolesAllowed(Roles.ADMIN)
    public StoredExtension pin(String organization, String name, String expectedEtag) {
        StoredExtension extension = extensions.get(organization, name);
        String url = extension.definition().url();
        if (!Pinning.pinnable(url)) {
            throw new ValidationException("spec.url", url.startsWith("oci://")
                    ? "is already pinned to a digest" : "only an oci:// url with a tag can be pinned to a digest");
        }
        ModuleReport report = report(organization, name, url);
        if (report.digest() == null) {
            report = checkUrl(organization, name, url);
        }
        if (report.digest() == null) {
            throw new ValidationException("spec.url", "cannot be pinned: the console found no digest behind it ("
                    + report.problems().stream().map(Problem::message).findFirst().orElse("unknown") + ")");
        }
        String pinned = Pinning.pinned(url, report.digest()).orElseThrow();
        // An edit like any other; ModuleRecordCleanup sees the tag url become its own digest and keeps the facts.
        return extensions.update(extension.definition().toBuilder().url(pinned).build(), expectedEtag);
    }

    /** What a bulk pin did to one extension: its new url, or why it was left as it was. */
    public record PinResult(String name, String pinnedUrl, String problem) {
    }

    /**
     * Pins each named extension (catalogue selection), each as its own edit with the etag read just
     * before: one that cannot be pinned (already pinned, not a tag url, nothing resolved, changed meanwhile)
     * is reported and left as it was, and the others are still pinned. Runs in the background: every
     * pin may fetch.
     */
    @RolesAllowed(Roles.ADMIN)
    public CompletableFuture<List<PinResult>> pinAllInBackground(String organization, List<String> names) {
        return inBackground(() -> names.stream().map(name -> {
            try {
                StoredExtension current = extensions.get(organization, name);
                return new PinResult(name, pin(organization, name, current.etag()).definition().url(), null);
            } catch (ValidationException | org.wasmconsole.base.ConflictException
                     | org.wasmconsole.base.NotFoundException e) {
                return new PinResult(name, null, e.getMessage());
            }
        }).toList());
    }

    /**
     * Runs work on a background thread as the caller: the authentication is read now (the caller's context
     * may be gone, or restored to another, by the time the work starts) and set on the worker thread.
     */
    private <T> CompletableFuture<T> inBackground(java.util.function.Supplier<T> work) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return CompletableFuture.supplyAsync(() -> {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(caller);
            SecurityContextHolder.setContext(context);
            try {
                return work.get();
            } finally {
                SecurityContextHolder.clearContext();
            }
        }, background);
    }

    /** The user takes the tag's new digest as the one to compare with: "tag moved" goes away until it moves again. */
    @RolesAllowed(Roles.ADMIN)
    public ModuleReport acceptDigest(String organization, String name) {
        String url = extensions.get(organization, name).definition().url();
        return save(organization, name, url, ModuleRecord::acceptDigest);
    }

    /** Checks every extension of the organization whose url can move (not pinned, not file://), one after another. */
    @RolesAllowed(Roles.ADMIN)
    public int checkAll(String organization) {
        List<String[]> movable = new ArrayList<>();
        extensions.forEach(new ExtensionFilter(organization, null, null, null, null), e -> {
            String url = e.definition().url();
            if (!url.startsWith("file://") && !url.contains("@sha256:")) {
                movable.add(new String[] {e.definition().name(), url});
            }
        });
        for (String[] m : movable) {
            checkUrl(organization, m[0], m[1]);
        }
        return movable.size();
    }

    /** Reads or creates the record for this url and changes it; one retry when another check created it first. */
    private ModuleReport save(String organization, String name, String url,
                              java.util.function.Consumer<ModuleRecord> change) {
        for (int attempt = 0; ; attempt++) {
            try {
                return transaction.execute(s -> {
                    ModuleRecord record = records.findByOrganizationNameAndExtensionName(organization, name)
                            .orElseGet(() -> new ModuleRecord(organization, name));
                    if (!url.equals(record.getUrl())) {
                        record.resetFor(url);
                    }
                    change.accept(record);
                    return ModuleReport.of(url, records.saveAndFlush(record));
                });
            } catch (DataIntegrityViolationException | org.springframework.dao.OptimisticLockingFailureException e) {
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }
}
