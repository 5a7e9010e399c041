package org.wasmconsole.base.yaml;

/**
 * Bounds on YAML input, checked while reading so that hostile input is refused before it can
 * take much memory or time.
 *
 * @param maxBytes         the whole input
 * @param maxDocuments     documents in one stream
 * @param maxDepth         nesting of mappings and lists
 * @param maxAliasNodes    values that alias expansion ({@code *name}) may copy in one input, all its
 *                         documents together ("billion laughs")
 * @param maxStringLength  one scalar or key, in characters
 */
public record YamlLimits(int maxBytes, int maxDocuments, int maxDepth, int maxAliasNodes, int maxStringLength) {

    public static final YamlLimits DEFAULT = new YamlLimits(5 * 1024 * 1024, 20_000, 64, 10_000, 256 * 1024);
}
