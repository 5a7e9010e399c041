package org.wasmconsole.artifact;

/** Something wrong with a module: an {@link Severity#ERROR} means the proxy cannot load or run it as an HTTP filter. */
public record Problem(Severity severity, String message) {

    public enum Severity { ERROR, WARNING }

    static Problem error(String message) {
        return new Problem(Severity.ERROR, message);
    }

    static Problem warning(String message) {
        return new Problem(Severity.WARNING, message);
    }
}
