package org.wasmconsole.attachment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.base.ui.YamlDocumentPane;

/**
 * The Istio preview of one attachment, or of every attachment of a gateway: the WasmPlugin
 * documents the control plane would generate (spec §6), to copy or download.
 */
public class IstioPreviewDialog extends Dialog {

    /**
     * @param extensionName the attached extension, or null for every attachment of the target
     * @param yaml          the WasmPlugin document(s), from {@code AttachmentService.preview(All)}
     */
    public IstioPreviewDialog(TargetRef target, String extensionName, String yaml) {
        String subject = extensionName == null ? target.name() : target.name() + "-" + extensionName;
        setHeaderTitle(extensionName == null
                ? "What Istio gets for " + target.kind().label() + " " + target.name()
                : "What Istio gets for " + extensionName + " in " + target.name());
        addClassName("istio-preview-dialog");
        setWidth("min(960px, 95vw)");
        String hint = "The WasmPlugin (extensions.istio.io/v1alpha1) the control plane creates in the "
                + target.kind().label() + "'s namespace; the attachment's config and match win over the extension's.";
        add(new YamlDocumentPane(hint, "WasmPlugin YAML", subject + "-wasmplugin.yaml",
                "WasmPlugin of " + subject + " as YAML", yaml));
        Button close = new Button("Close", e -> close());
        getFooter().add(close);
    }
}
