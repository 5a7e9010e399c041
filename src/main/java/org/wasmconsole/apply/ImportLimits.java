package org.wasmconsole.apply;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.wasmconsole.base.yaml.YamlLimits;

/**
 * The bounds on YAML and JSON input of the API and the Import screen ({@code console.import.*}):
 * the size and the number of documents are configurable, the structural limits (depth, alias
 * expansion, string length) are the reader's defaults.
 */
@Component
public class ImportLimits {

    private final YamlLimits yaml;

    ImportLimits(@Value("${console.import.max-bytes:5MB}") DataSize maxBytes,
                 @Value("${console.import.max-documents:20000}") int maxDocuments) {
        YamlLimits d = YamlLimits.DEFAULT;
        this.yaml = new YamlLimits((int) Math.min(Integer.MAX_VALUE - 1, maxBytes.toBytes()), maxDocuments,
                d.maxDepth(), d.maxAliasNodes(), d.maxStringLength());
    }

    public YamlLimits yaml() {
        return yaml;
    }

    public int maxBytes() {
        return yaml.maxBytes();
    }
}
