package org.wasmconsole.artifact;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wasmconsole.extension.OciReference;
import tools.jackson.databind.JsonNode;

/**
 * One check's conversation with one registry over the distribution API: its base url, and the
 * authorization once challenged, answering Basic and Bearer-token challenges as Docker clients do
 * with the registry's credentials from the configuration. What the answers mean (manifests,
 * layers) is {@link OciRegistryClient}'s.
 */
final class RegistrySession {

    private static final Pattern CHALLENGE_PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final SafeHttp http;
    private final ModuleSettings settings;
    private final OciReference ref;
    private final Deadline deadline;
    private final String base;
    private String authorization;
    private boolean challenged;

    RegistrySession(SafeHttp http, ModuleSettings settings, OciReference ref, Deadline deadline) {
        this.http = http;
        this.settings = settings;
        this.ref = ref;
        this.deadline = deadline;
        String scheme = settings.insecure(ref.registry()) ? "http" : "https";
        this.base = scheme + "://" + ref.registry() + "/v2/" + ref.repository();
    }

    SafeHttp.Response get(String path, Map<String, String> headers, long maxBytes, String what) {
        URI uri = URI.create(base + path);
        SafeHttp.Response response = http.get(uri, headers, authorization, maxBytes, deadline, what);
        if (response.status() == 401 && !challenged) {
            challenged = true;
            authorization = answer(response.header("WWW-Authenticate").orElse(""));
            response = http.get(uri, headers, authorization, maxBytes, deadline, what);
        }
        return switch (response.status()) {
            case 200 -> response;
            case 401 -> throw new ModuleFetchException(ref.registry() + " refused "
                    + (authorization == null ? "anonymous access" : "the configured credentials")
                    + " to " + ref.repository() + credentialsHint());
            case 403 -> throw new ModuleFetchException(ref.registry() + " denied access to " + ref.repository()
                    + credentialsHint());
            case 404 -> throw new ModuleFetchException(ref.registry() + " does not have " + what
                    + " (HTTP 404): check the repository and tag");
            default -> throw new ModuleFetchException(ref.registry() + " answered HTTP " + response.status()
                    + " for " + what);
        };
    }

    private String credentialsHint() {
        return settings.credentials(ref.registry()).isPresent()
                ? "; check the credentials configured for it in console.modules.registries"
                : "; if it needs credentials, configure them in console.modules.registries (see the README)";
    }

    /** The Authorization header that answers the registry's challenge. */
    private String answer(String challenge) {
        var credentials = settings.credentials(ref.registry());
        String basic = credentials.map(c -> "Basic " + Base64.getEncoder().encodeToString(
                (c.username() + ":" + c.password()).getBytes(StandardCharsets.UTF_8))).orElse(null);
        String scheme = challenge.strip().split("\\s+", 2)[0].toLowerCase(java.util.Locale.ROOT);
        if (scheme.equals("basic")) {
            if (basic == null) {
                throw new ModuleFetchException(ref.registry() + " needs credentials (HTTP Basic); configure"
                        + " them in console.modules.registries (see the README)");
            }
            return basic;
        }
        if (!scheme.equals("bearer")) {
            throw new ModuleFetchException(ref.registry() + " asks for an authentication the console does not"
                    + " speak (" + (challenge.isBlank() ? "no WWW-Authenticate header" : scheme) + ")");
        }
        Map<String, String> params = new HashMap<>();
        Matcher m = CHALLENGE_PARAM.matcher(challenge);
        while (m.find()) {
            params.put(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2));
        }
        String realm = params.get("realm");
        if (realm == null || realm.isBlank()) {
            throw new ModuleFetchException(ref.registry() + " asks for a token but names no realm to get it from");
        }
        StringBuilder url = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
        if (params.containsKey("service")) {
            url.append("service=").append(URLEncoder.encode(params.get("service"), StandardCharsets.UTF_8))
                    .append('&');
        }
        String scope = params.getOrDefault("scope", "repository:" + ref.repository() + ":pull");
        url.append("scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        URI tokenUri;
        try {
            tokenUri = URI.create(url.toString());
        } catch (IllegalArgumentException e) {
            throw new ModuleFetchException(ref.registry() + " names a token realm that is not a url: " + realm);
        }
        SafeHttp.Response token = http.get(tokenUri, Map.of(), basic, settings.maxManifestSize().toBytes(),
                deadline, "a token from " + tokenUri.getHost());
        if (token.status() != 200) {
            throw new ModuleFetchException(tokenUri.getHost() + " refused a token for " + ref.repository()
                    + " (HTTP " + token.status() + ")" + credentialsHint());
        }
        JsonNode body = OciRegistryClient.json(token.body(), "the token answer");
        String value = body.path("token").asString(body.path("access_token").asString(null));
        if (value == null || value.isBlank()) {
            throw new ModuleFetchException(tokenUri.getHost() + " answered no token");
        }
        return "Bearer " + value;
    }
}
