package org.wasmconsole.artifact.ui;

import static org.wasmconsole.base.ui.FieldValues.code;
import static org.wasmconsole.base.ui.FieldValues.none;
import static org.wasmconsole.base.ui.FieldValues.note;
import static org.wasmconsole.base.ui.FieldValues.text;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.wasmconsole.artifact.ModuleReport;
import org.wasmconsole.base.ui.Clipboard;

/** The cards of the Module tab: where the module comes from (artifact) and what it is (module). */
final class ModuleFacts {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")
            .withZone(ZoneId.systemDefault());

    private ModuleFacts() {
    }

    static Section artifact(ModuleReport r) {
        Section card = card("Artifact", "module-artifact-card");
        DescriptionList fields = fields(card);
        row(fields, "Url", code(r.url()), Clipboard.iconButton("url", r.url()));
        if (r.digest() != null) {
            row(fields, "Digest", code(r.digest()), Clipboard.iconButton("digest", r.digest()));
        }
        if (r.tagMoved()) {
            row(fields, "First seen", stack(code(r.firstDigest()), note("the digest this tag named when first checked")));
        }
        if (r.pinnedFrom() != null) {
            row(fields, "Pinned from", stack(code(r.pinnedFrom()), note("the tag this digest was resolved from")));
        }
        if (r.layout() != null) {
            row(fields, "Layout", stack(text(layout(r.layout())), note(r.mediaType() == null ? "" : r.mediaType())));
        }
        if (r.artifactSize() != null) {
            row(fields, "Artifact size", text(bytes(r.artifactSize())));
        }
        if (r.created() != null) {
            row(fields, "Built", when(r.created()));
        }
        row(fields, "Last checked", r.checkedAt() == null ? none("Never") : when(r.checkedAt()));
        return card;
    }

    static Section module(ModuleReport r) {
        Section card = card("Module", "module-module-card");
        DescriptionList fields = fields(card);
        row(fields, "ABI version", r.abiVersion() == null ? none("None exported")
                : stack(code("proxy-wasm " + r.abiVersion()), note("from its proxy_abi_version_* export")));
        row(fields, "Size", r.size() == null ? none("Unknown") : text(bytes(r.size())));
        if (r.moduleSha256() != null) {
            row(fields, "Module sha256", code(r.moduleSha256()));
        }
        row(fields, "Exports", names(r.exports(), "None"));
        row(fields, "Host imports", names(r.imports(), "None: it needs nothing from the proxy"));
        return card;
    }

    static String layout(String layout) {
        return switch (layout) {
            case "oci-wasm" -> "Wasm OCI artifact (one Wasm layer)";
            case "docker-compat" -> "Docker-image compatible (plugin.wasm in the last layer)";
            case "http" -> "HTTP download";
            default -> layout;
        };
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " bytes";
        }
        if (n < 1024 * 1024) {
            return String.format("%.1f KiB (%,d bytes)", n / 1024.0, n);
        }
        return String.format("%.1f MiB (%,d bytes)", n / (1024.0 * 1024), n);
    }

    private static Component names(List<String> names, String empty) {
        if (names.isEmpty()) {
            return none(empty);
        }
        Div list = new Div();
        list.addClassName("module-names");
        names.forEach(n -> list.add(code(n)));
        return list;
    }

    private static Section card(String title, String className) {
        Section section = new Section();
        section.addClassNames("details-card", className);
        H3 heading = new H3(title);
        heading.addClassName("details-card-title");
        section.add(heading);
        section.getElement().setAttribute("aria-label", title);
        return section;
    }

    private static DescriptionList fields(Section card) {
        DescriptionList fields = new DescriptionList();
        fields.addClassName("details-fields");
        card.add(fields);
        return fields;
    }

    private static void row(DescriptionList fields, String term, Component... value) {
        Div pair = new Div(new DescriptionList.Term(term), new DescriptionList.Description(value));
        pair.addClassName("details-field");
        pair.getElement().setAttribute("data-field", term);
        fields.add(pair);
    }

    private static Component when(Instant instant) {
        Span value = text(WHEN.format(instant));
        value.getElement().setAttribute("title", instant.toString());
        return value;
    }

    private static Div stack(Component... parts) {
        Div stack = new Div(parts);
        stack.addClassName("field-stack");
        return stack;
    }




}
