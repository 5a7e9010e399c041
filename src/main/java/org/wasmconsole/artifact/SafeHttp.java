package org.wasmconsole.artifact;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeoutException;

/**
 * GET with the console's safety rules: every url (redirects included) passes the {@link HostPolicy},
 * at most {@value #MAX_REDIRECTS} redirects, never from https down to http, credentials never
 * sent to another host than the one they were meant for, bodies cut off past a size limit, and the
 * whole exchange bounded by the check's {@link Deadline} (a slow server is abandoned, its connection
 * cancelled).
 */
final class SafeHttp {

    static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final HostPolicy policy;

    SafeHttp(HostPolicy policy, Duration connectTimeout) {
        this.policy = policy;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout).build();
    }

    record Response(int status, HttpHeaders headers, byte[] body, URI uri) {

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /**
     * @param authorization an Authorization header for {@code uri}'s host, or null; dropped on a redirect to another host
     * @param what          what is being fetched, in words, for errors ("the manifest of …")
     */
    Response get(URI uri, Map<String, String> headers, String authorization, long maxBytes, Deadline deadline,
                 String what) {
        URI current = uri;
        String auth = authorization;
        for (int hop = 0; ; hop++) {
            policy.check(current);
            Response response = once(current, headers, auth, maxBytes, deadline, what);
            if (response.status() / 100 != 3 || response.header("Location").isEmpty()) {
                return response;
            }
            if (hop == MAX_REDIRECTS) {
                throw new ModuleFetchException("gave up " + what + ": more than " + MAX_REDIRECTS + " redirects");
            }
            URI next = current.resolve(response.header("Location").get().strip());
            if ("https".equalsIgnoreCase(current.getScheme()) && "http".equalsIgnoreCase(next.getScheme())) {
                throw new ModuleFetchException("refused " + what + ": " + current.getHost()
                        + " redirected from https to plain http (" + next + ")");
            }
            if (!sameOrigin(current, next)) {
                auth = null; // e.g. a registry redirecting a blob to object storage: the registry's token stays here
            }
            current = next;
        }
    }

    private Response once(URI uri, Map<String, String> headers, String authorization, long maxBytes,
                          Deadline deadline, String what) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET().timeout(deadline.remaining(what));
        headers.forEach(request::header);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request.build(), limited(maxBytes, what));
        try {
            HttpResponse<byte[]> r = future.get(deadline.remaining(what).toNanos(),
                    java.util.concurrent.TimeUnit.NANOSECONDS);
            return new Response(r.statusCode(), r.headers(), r.body(), uri);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw deadline.expired(what + " from " + uri.getHost());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new ModuleFetchException("stopped " + what + ": the check was cancelled");
        } catch (CancellationException e) {
            throw new ModuleFetchException("stopped " + what + ": the check was cancelled");
        } catch (ExecutionException e) {
            throw failure(e.getCause(), uri, what, deadline);
        }
    }

    private static ModuleFetchException failure(Throwable cause, URI uri, String what, Deadline deadline) {
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof ModuleFetchException m) {
            return m;
        }
        if (cause != null && cause.getCause() instanceof ModuleFetchException m) {
            return m;
        }
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return deadline.expired(what + " from " + uri.getHost());
        }
        if (cause instanceof java.net.ConnectException) {
            return new ModuleFetchException("could not connect to " + uri.getHost()
                    + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + " for " + what
                    + " (nothing answers there, or a firewall is in the way)");
        }
        if (cause instanceof javax.net.ssl.SSLException) {
            return new ModuleFetchException("TLS with " + uri.getHost() + " failed for " + what + ": "
                    + cause.getMessage() + (uri.getScheme().equals("https")
                    ? " (a registry that speaks plain HTTP must be listed in console.modules.insecure-registries)" : ""));
        }
        return new ModuleFetchException("could not read " + what + " from " + uri.getHost() + ": "
                + (cause == null ? "unknown error" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage())));
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && a.getPort() == b.getPort();
    }

    /** Reads the body into memory, failing as soon as it grows past the limit (or declares that it will). */
    private static HttpResponse.BodyHandler<byte[]> limited(long maxBytes, String what) {
        return info -> {
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            boolean redirect = info.statusCode() / 100 == 3;
            if (declared > maxBytes && !redirect) {
                return new Limited(0, tooLarge(what, maxBytes, declared));
            }
            return new Limited(maxBytes, tooLarge(what, maxBytes, -1));
        };
    }

    static ModuleFetchException tooLarge(String what, long maxBytes, long declared) {
        return new ModuleFetchException(what + " is larger than the console reads (" + (declared >= 0 ? declared
                + " bytes, " : "") + "limit " + maxBytes + " bytes); the limits are console.modules.max-manifest-size"
                + " and console.modules.max-module-size");
    }

    private static final class Limited implements HttpResponse.BodySubscriber<byte[]> {

        private final long maxBytes;
        private final ModuleFetchException tooLarge;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        Limited(long maxBytes, ModuleFetchException tooLarge) {
            this.maxBytes = maxBytes;
            this.tooLarge = tooLarge;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (maxBytes <= 0) {
                s.cancel();
                result.completeExceptionally(tooLarge);
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (bytes.size() + (long) item.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(tooLarge);
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
