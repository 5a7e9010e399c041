package org.wasmconsole.artifact;

import java.net.URI;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.wasmconsole.extension.OciReference;

/** Fetches the module behind a url: from an OCI registry, or by an http(s) download. */
@Component
class ModuleFetcher {

    private final ModuleSettings settings;
    private final SafeHttp http;
    private final OciRegistryClient registry;

    ModuleFetcher(ModuleSettings settings) {
        this.settings = settings;
        this.http = new SafeHttp(new HostPolicy(settings.allowedHosts()), settings.timeout());
        this.registry = new OciRegistryClient(http, settings);
    }

    /** Runs the fetches, so that not even a hanging DNS look-up holds the caller past the time limit. */
    private final java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors
            .newVirtualThreadPerTaskExecutor();

    /**
     * The module behind an {@code oci://} or {@code http(s)://} url, within the configured time and size.
     * The caller waits at most the time limit (and a second's grace): a fetch that overruns it (e.g. a
     * DNS look-up, which no request timeout covers) is interrupted and reported as too slow.
     */
    Fetched fetch(String url) {
        var running = java.util.concurrent.CompletableFuture.supplyAsync(() -> fetchNow(url), workers);
        try {
            return running.get(settings.timeout().toMillis() + 1000, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            running.cancel(true);
            throw Deadline.in(settings.timeout()).expired("fetching " + url);
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new ModuleFetchException("stopped fetching " + url + ": the check was cancelled");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new ModuleFetchException("could not fetch " + url + ": " + e.getCause());
        }
    }

    private Fetched fetchNow(String url) {
        Deadline deadline = Deadline.in(settings.timeout());
        if (url.startsWith(OciReference.SCHEME)) {
            OciReference ref = OciReference.fromUrl(url).orElseThrow(() ->
                    new ModuleFetchException("the url is not a valid OCI reference"));
            return registry.fetch(ref, deadline);
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ModuleFetchException("the url is not a valid http(s) url");
        }
        SafeHttp.Response response = http.get(uri, Map.of(), null, settings.maxModuleSize().toBytes(), deadline,
                "the module");
        if (response.status() != 200) {
            throw new ModuleFetchException(uri.getHost() + " answered HTTP " + response.status() + " for the module");
        }
        byte[] body = response.body();
        return new Fetched(Digests.sha256(body), response.header("Content-Type").orElse(null), Fetched.HTTP,
                body.length, response.header("Last-Modified").map(ModuleFetcher::httpDate).orElse(null), body);
    }

    private static Instant httpDate(String text) {
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
