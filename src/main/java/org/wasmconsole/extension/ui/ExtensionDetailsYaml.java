package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.wasmconsole.base.ui.YamlEditor;

/**
 * The YAML tab: the exact WasmExtension document, as {@code tctl apply -f} takes it, read-only,
 * with Copy and Download. The document is the one of the version shown (same etag).
 * Shown in the read-only YAML editor: highlighted, with line numbers, selectable.
 */
class ExtensionDetailsYaml extends Composite<Div> {

    ExtensionDetailsYaml(String organization, String name, String yaml) {
        Div content = getContent();
        content.addClassName("details-yaml");

        String fileName = organization + "-" + name + ".yaml";
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        DownloadHandler download = DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(bytes), fileName, "application/yaml; charset=utf-8", bytes.length));
        Anchor downloadLink = new Anchor();
        downloadLink.setHref(download, AttachmentType.DOWNLOAD);
        downloadLink.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span("Download"));
        downloadLink.addClassName("download-link");
        downloadLink.getElement().setAttribute("download", fileName);
        downloadLink.getElement().setAttribute("aria-label", "Download " + fileName);

        Span hint = new Span("The WasmExtension document as tctl apply -f and the import take it.");
        hint.addClassName("field-note");
        Div actions = new Div(ExtensionDetailsClipboard.textButton("YAML", yaml), downloadLink);
        actions.addClassName("yaml-actions");
        Div toolbar = new Div(hint, actions);
        toolbar.addClassName("yaml-toolbar");

        YamlEditor block = new YamlEditor();
        block.setValue(yaml);
        block.setReadOnly(true);
        block.addClassName("yaml-block");
        block.setAriaLabel("WasmExtension " + name + " as YAML");
        block.setWidthFull();
        content.add(toolbar, block);
    }
}
