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

    /** The module behind an {@code oci://} or {@code http(s)://} url, within the configured time and size. */
    Fetched fetch(String url) {
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
