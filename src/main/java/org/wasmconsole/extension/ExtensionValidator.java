package org.wasmconsole.extension;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.Violation;
import org.wasmconsole.base.Fqn;

/**
 * Every rule of spec §2–§4 for one {@link ExtensionDefinition}, in one place. Each violation
 * carries its field path in document terms and a message that says how to fix it. Pure: the
 * only outside knowledge it needs, which tenants exist, comes in as a predicate. The rules of the
 * plugin config (shared with attachments) are {@link PluginConfigRules}, those of
 * {@code spec.vmConfig.env} {@link EnvVarRules}.
 */
public final class ExtensionValidator {

    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_SUMMARY_LENGTH = 1024;
    public static final int MAX_DESCRIPTION_BYTES = 64 * 1024;
    public static final int MAX_ENV_VARS = 256;

    /** Names whose pages the console uses for something else (console rule). */
    static final java.util.Set<String> RESERVED_NAMES = java.util.Set.of("new");

    /** Any Unicode white space (a no-break space copied from a web page included), not only ASCII. */
    private static final Pattern WHITESPACE = Pattern.compile("\\s", Pattern.UNICODE_CHARACTER_CLASS);

    private final Predicate<String> tenantExists;

    /** @param tenantExists answers whether a tenant FQN names an existing tenant */
    public ExtensionValidator(Predicate<String> tenantExists) {
        this.tenantExists = tenantExists;
    }

    public List<Violation> validate(ExtensionDefinition d) {
        List<Violation> v = new ArrayList<>();
        Names.checkDnsLabel(d.organization()).ifPresent(m -> v.add(new Violation("metadata.organization", m)));
        Names.checkDnsLabel(d.name()).ifPresent(m -> v.add(new Violation("metadata.name", m)));
        if (d.name() != null && RESERVED_NAMES.contains(d.name())) {
            v.add(new Violation("metadata.name", "'" + d.name() + "' is reserved by the console (its page"
                    + " extensions/new creates extensions); choose another name"));
        }
        Names.checkDisplayName(d.displayName()).ifPresent(m -> v.add(new Violation("spec.displayName", m)));
        v.addAll(d.meta().violations());
        checkSummary(d.summary(), v);
        checkUrl(d.url(), v);
        checkSource(d.source(), v);
        checkDescription(d.description(), v);
        PluginConfigRules.check(d.config(), "spec.config", v);
        checkPullSecret(d.imagePullSecret(), d.url(), v);
        EnvVarRules.check(d.env(), v);
        checkAllowedIn(d.organization(), d.allowedIn(), v);
        return v;
    }

    private static void checkSummary(String summary, List<Violation> v) {
        if (summary == null) {
            return;
        }
        if (summary.length() > MAX_SUMMARY_LENGTH) {
            v.add(new Violation("metadata.description", "is " + summary.length()
                    + " characters long; keep the summary under " + MAX_SUMMARY_LENGTH
                    + " and put long text in spec.description"));
        } else if (summary.contains("\n") || summary.contains("\r")) {
            v.add(new Violation("metadata.description",
                    "must be a single line; put multi-line text in spec.description"));
        } else {
            Names.checkCharacters(summary, false).ifPresent(m -> v.add(new Violation("metadata.description", m)));
        }
    }

    /** The url rules of spec §2, also used by the form to check the field as the user types. */
    public static java.util.Optional<String> checkUrl(String url) {
        List<Violation> v = new ArrayList<>();
        checkUrl(url, v);
        return v.stream().map(Violation::message).findFirst();
    }

    private static void checkUrl(String url, List<Violation> v) {
        String path = "spec.url";
        if (url == null || url.isEmpty()) {
            v.add(new Violation(path, "is required: the location of the Wasm module, e.g."
                    + " oci://docker.io/example/my-wasm-extension:1.0 or https://example.com/filter.wasm"));
            return;
        }
        if (url.length() > MAX_URL_LENGTH) {
            v.add(new Violation(path, "is " + url.length() + " characters long; use at most " + MAX_URL_LENGTH));
            return;
        }
        if (WHITESPACE.matcher(url).find()) {
            v.add(new Violation(path, "contains whitespace; remove the spaces and line breaks"));
            return;
        }
        // Without a scheme TSB and Istio read oci:// (the service saves it so, with a warning on import).
        String read = OciReference.withScheme(url);
        String shown = read.equals(url) ? "'" + url + "'" : "'" + url + "' (read as " + read + ")";
        if (read.startsWith(OciReference.SCHEME)) {
            if (OciReference.fromUrl(read).isEmpty()) {
                v.add(new Violation(path, shown + " is not a valid OCI reference: use"
                        + " oci://registry/repository[:tag][@sha256:<64 hex digits>], e.g."
                        + " oci://docker.io/example/my-wasm-extension:1.0 (the registry is a host name such as docker.io,"
                        + " an IPv6 literal such as [::1]:5000 or anything with a port; repository path components are"
                        + " lowercase, at most " + OciReference.MAX_REPOSITORY_LENGTH + " characters in all)"));
            }
        } else if (url.startsWith("http://") || url.startsWith("https://")) {
            if (!hasHost(url)) {
                v.add(new Violation(path, "'" + url + "' is not a valid URL with a host, e.g."
                        + " https://example.com/filters/auth.wasm"));
            }
        } else if (url.startsWith("file://")) {
            if (!url.startsWith("file:///") || url.length() == "file:///".length()) {
                v.add(new Violation(path, "a file:// url needs an absolute path, e.g. file:///opt/filters/auth.wasm"));
            }
        } else {
            v.add(new Violation(path, "must start with oci://, http://, https:// or file://; '"
                    + url.substring(0, url.indexOf("://")) + "://' is not supported"));
        }
    }

    /** The warning to give when a url is read differently from how it was written, or empty. */
    public static java.util.Optional<String> urlWarning(String url) {
        String read = OciReference.withScheme(url);
        if (read == null || read.equals(url)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("spec.url has no scheme: read as " + read + ", as TSB and Istio read it;"
                + " write the oci:// yourself to silence this");
    }

    private static boolean hasHost(String url) {
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void checkSource(String source, List<Violation> v) {
        if (source == null) {
            return;
        }
        if (source.length() > MAX_URL_LENGTH) {
            v.add(new Violation("spec.source", "is " + source.length() + " characters long; use at most "
                    + MAX_URL_LENGTH));
        } else if (!(source.startsWith("http://") || source.startsWith("https://"))
                || WHITESPACE.matcher(source).find() || !hasHost(source)) {
            v.add(new Violation("spec.source", "must be an http(s) link to the code, e.g."
                    + " https://github.com/example/wasm-extension"));
        }
    }

    private static void checkDescription(String description, List<Violation> v) {
        if (description == null) {
            return;
        }
        // Markdown: other control characters are rendered harmlessly (MarkdownRenderer); NUL cannot be stored.
        int nul = description.indexOf('\0');
        if (nul >= 0) {
            v.add(new Violation("spec.description", "contains the control character U+0000 at character "
                    + (description.codePointCount(0, nul) + 1) + "; remove it"));
        }
        int bytes = description.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_DESCRIPTION_BYTES) {
            v.add(new Violation("spec.description", "is " + bytes + " bytes; shorten it to at most 64 KiB ("
                    + MAX_DESCRIPTION_BYTES + " bytes) and link to longer documents"));
        }
    }

    private static void checkPullSecret(String secret, String url, List<Violation> v) {
        if (secret == null) {
            return;
        }
        String path = "spec.imagePullSecret";
        if (secret.isEmpty()) {
            v.add(new Violation(path, "is empty; remove it or name a Kubernetes Secret (e.g. regcred)"));
            return;
        }
        if (url != null && !url.startsWith(OciReference.SCHEME)) {
            v.add(new Violation(path, "is only used to pull OCI images: remove it, or use an oci:// url"));
            return;
        }
        Names.checkDnsSubdomain(secret).ifPresent(m -> v.add(new Violation(path, m)));
    }

    private void checkAllowedIn(String organization, List<String> allowedIn, List<Violation> v) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < allowedIn.size(); i++) {
            String fqn = allowedIn.get(i);
            String path = "spec.allowedIn[" + i + "]";
            Fqn tenant = Fqn.tryParse(fqn, Fqn.Level.TENANT).orElse(null);
            if (tenant == null) {
                v.add(new Violation(path, "'" + fqn + "' is not a tenant FQN: write organizations/"
                        + organization + "/tenants/<tenant>"));
            } else if (!tenant.organization().equals(organization)) {
                v.add(new Violation(path, "'" + fqn + "' is a tenant of organization '" + tenant.organization()
                        + "'; an extension of '" + organization + "' can only allow its own tenants"));
            } else if (!seen.add(fqn)) {
                v.add(new Violation(path, "'" + fqn + "' is listed twice; remove the duplicate"));
            } else if (!tenantExists.test(fqn)) {
                v.add(new Violation(path, "tenant '" + tenant.tenant() + "' does not exist in organization '"
                        + organization + "'; create it first or remove it from the list"));
            }
        }
    }
}
