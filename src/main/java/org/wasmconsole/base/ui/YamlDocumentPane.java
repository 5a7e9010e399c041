package org.wasmconsole.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/**
 * A YAML document to read and take away: a one-line explanation, Copy and Download, and the text in
 * the read-only YAML editor (highlighted, line numbers, selectable).
 */
@StyleSheet("context://themes/console/details.css")
public class YamlDocumentPane extends Composite<Div> {

    /**
     * @param hint     what the document is, in one sentence
     * @param what     what "Copy" copies, for its label and notification ("YAML", "WasmPlugin YAML")
     * @param fileName the download's file name
     */
    public YamlDocumentPane(String hint, String what, String fileName, String ariaLabel, String yaml) {
        Div content = getContent();
        content.addClassName("details-yaml");

        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        DownloadHandler download = DownloadHandler.fromInputStream(event -> new DownloadResponse(
                new ByteArrayInputStream(bytes), fileName, "application/yaml; charset=utf-8", bytes.length));
        Anchor downloadLink = new Anchor();
        downloadLink.setHref(download, AttachmentType.DOWNLOAD);
        downloadLink.add(VaadinIcon.DOWNLOAD_ALT.create(), new Span("Download"));
        downloadLink.addClassName("download-link");
        downloadLink.getElement().setAttribute("download", fileName);
        downloadLink.getElement().setAttribute("aria-label", "Download " + fileName);

        Span note = new Span(hint);
        note.addClassName("field-note");
        Div actions = new Div(Clipboard.textButton(what, yaml), downloadLink);
        actions.addClassName("yaml-actions");
        Div toolbar = new Div(note, actions);
        toolbar.addClassName("yaml-toolbar");

        YamlEditor block = new YamlEditor();
        block.setValue(yaml);
        block.setReadOnly(true);
        block.addClassName("yaml-block");
        block.setAriaLabel(ariaLabel);
        block.setWidthFull();
        content.add(toolbar, block);
    }
}
