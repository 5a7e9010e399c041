package org.wasmconsole.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the API tests: Basic credentials, headers, and the answer as text or JSON. */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String authorization;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private ApiClient(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    static ApiClient as(int port, String user, String password) {
        return new ApiClient("http://localhost:" + port, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    static ApiClient anonymous(int port) {
        return new ApiClient("http://localhost:" + port, null);
    }

    /** A copy of this client that sends one more header on every request. */
    ApiClient header(String name, String value) {
        ApiClient copy = new ApiClient(base, authorization);
        copy.headers.putAll(headers);
        copy.headers.put(name, value);
        return copy;
    }

    ApiClient yaml() {
        return header("Accept", "application/yaml");
    }

    Answer get(String path) {
        return send("GET", path, null, null);
    }

    Answer delete(String path) {
        return send("DELETE", path, null, null);
    }

    Answer postJson(String path, String body) {
        return send("POST", path, "application/json", body);
    }

    Answer postYaml(String path, String body) {
        return send("POST", path, "application/yaml", body);
    }

    Answer putJson(String path, String body) {
        return send("PUT", path, "application/json", body);
    }

    Answer putYaml(String path, String body) {
        return send("PUT", path, "application/yaml", body);
    }

    Answer send(String method, String path, String contentType, String body) {
        return sendBytes(method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    /** The body exactly as these bytes (which need not be UTF-8). */
    Answer sendBytes(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Answer(int status, Map<String, java.util.List<String>> headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
