package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import org.wasmconsole.base.ui.YamlDocumentPane;

/**
 * The YAML tab: the exact WasmExtension document, as {@code tctl apply -f} takes it, read-only,
 * with Copy and Download. The document is the one of the version shown (same etag).
 */
class ExtensionDetailsYaml extends Composite<Div> {

    ExtensionDetailsYaml(String organization, String name, String yaml) {
        getContent().add(new YamlDocumentPane("The WasmExtension document as tctl apply -f and the import take it.",
                "YAML", organization + "-" + name + ".yaml", "WasmExtension " + name + " as YAML", yaml));
    }
}
