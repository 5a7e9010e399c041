package org.wasmconsole.artifact;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How the console fetches the modules behind extension urls ({@code console.modules.*}).
 *
 * @param allowedHosts       hosts ({@code host} or {@code host:port}) fetched even when they resolve to a
 *                           loopback, link-local or metadata-service address, which are refused otherwise
 * @param insecureRegistries registries ({@code host} or {@code host:port}, {@code *} for all) spoken to over plain
 *                           HTTP, like Istio's {@code WASM_INSECURE_REGISTRIES}; every other registry over HTTPS
 * @param registries         credentials per registry; never stored in the database nor shown back
 * @param timeout            the most one check may take, every request and redirect included
 * @param maxManifestSize    the largest manifest, token answer or config read from a registry
 * @param maxModuleSize      the largest module (or image layer, or http download)
 * @param checkInterval      how often the console checks every tag url for a moved tag; zero or empty: never
 */
@ConfigurationProperties("console.modules")
public record ModuleSettings(List<String> allowedHosts, List<String> insecureRegistries,
                             List<RegistryCredentials> registries, Duration timeout, DataSize maxManifestSize,
                             DataSize maxModuleSize, Duration checkInterval) {

    public ModuleSettings {
        allowedHosts = clean(allowedHosts);
        insecureRegistries = clean(insecureRegistries);
        registries = registries == null ? List.of() : List.copyOf(registries);
        timeout = timeout == null || timeout.isZero() || timeout.isNegative() ? Duration.ofSeconds(20) : timeout;
        maxManifestSize = maxManifestSize == null ? DataSize.ofMegabytes(4) : maxManifestSize;
        maxModuleSize = maxModuleSize == null ? DataSize.ofMegabytes(64) : maxModuleSize;
        checkInterval = checkInterval == null || checkInterval.isNegative() ? Duration.ZERO : checkInterval;
    }

    /** Credentials for one registry: a user name and a password or token. */
    public record RegistryCredentials(String host, String username, String password) {

        @Override
        public String toString() {
            return "RegistryCredentials[host=" + host + ", username=" + username + ", password=***]";
        }
    }

    boolean insecure(String registry) {
        String r = registry.toLowerCase(java.util.Locale.ROOT);
        return insecureRegistries.contains("*") || insecureRegistries.contains(r)
                || insecureRegistries.contains(HostPolicy.hostOf(r));
    }

    java.util.Optional<RegistryCredentials> credentials(String registry) {
        String r = registry.toLowerCase(java.util.Locale.ROOT);
        return registries.stream().filter(c -> c.host() != null && c.host().strip().equalsIgnoreCase(r)).findFirst()
                .or(() -> registries.stream().filter(c -> c.host() != null
                        && c.host().strip().equalsIgnoreCase(HostPolicy.hostOf(r))).findFirst());
    }

    private static List<String> clean(List<String> entries) {
        return entries == null ? List.of() : entries.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(java.util.Locale.ROOT)).toList();
    }
}
