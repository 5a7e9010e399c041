package org.wasmconsole.e2e;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.wasmconsole.base.ui.EditorMarker;
import org.wasmconsole.base.ui.YamlEditor;

/** Test-only page for {@link YamlEditorTest}: the editor as the real screens use it. */
@Route("test/yaml-editor")
@PageTitle("YAML editor test")
@PermitAll
public class YamlEditorTestView extends VerticalLayout {

    static final String INITIAL = """
            apiVersion: extensions.istio.io/v1alpha1
            kind: WasmExtension
            metadata:
              name: wasm-auth   # the extension's name
              namespace: istio-system
            spec:
              url: oci://ghcr.io/example/wasm-auth:1.4.2
              phase: AUTHN
              priority: 10
              failStrategy: FAIL_CLOSE
              pluginConfig:
                audiences: ["console", "mesh"]
                strict: true
            """;

    static final String FROM_SERVER = """
            # replaced by the server
            name: sample-from-server
            enabled: false
            """;

    public YamlEditorTestView() {
        YamlEditor editor = new YamlEditor(INITIAL);
        editor.setId("editable");
        editor.setAriaLabel("Plugin configuration");
        editor.setHeight("20rem");
        editor.setWidthFull();

        Span echo = new Span(editor.getValue());
        echo.setId("echo");
        echo.getStyle().set("white-space", "pre").set("font-size", "var(--lumo-font-size-xs)");
        Span changes = new Span("0 changes from the client");
        changes.setId("changes");
        int[] fromClient = {0};
        editor.addValueChangeListener(event -> {
            echo.setText(event.getValue());
            if (event.isFromClient()) {
                changes.setText(++fromClient[0] + " changes from the client");
            }
        });

        NativeLabel viewerLabel = new NativeLabel("Stored resource");
        YamlEditor viewer = new YamlEditor(INITIAL);
        viewer.setId("viewer");
        viewer.setReadOnly(true);
        viewer.setAriaLabelledBy(viewerLabel);
        viewer.setHeight("20rem");
        viewer.setWidthFull();
        viewer.addValueChangeListener(event -> changes.setText("the read-only editor changed!"));

        YamlEditor empty = new YamlEditor();
        empty.setId("empty");
        empty.setAriaLabel("Empty editor");
        empty.setPlaceholder("key: value");
        empty.setWidthFull();

        Button setMarkers = new Button("Set markers", e -> editor.setMarkers(List.of(
                EditorMarker.error(2, 7, "kind must be WasmPlugin"),
                EditorMarker.warning(9, 0, "priority 10 is shared with wasm-ratelimit"),
                EditorMarker.error(40, 0, "document ends inside a mapping"))));
        Button clearMarkers = new Button("Clear markers", e -> editor.clearMarkers());
        Button load = new Button("Load from server", e -> editor.setValue(FROM_SERVER));
        Button lock = new Button("Make read-only", e -> editor.setReadOnly(true));

        HorizontalLayout buttons = new HorizontalLayout(setMarkers, clearMarkers, load, lock);
        buttons.setWrap(true);
        Div left = column(new H3("Editable"), editor, buttons);
        Div right = column(new H3("Read-only"), viewerLabel, viewer, empty);
        HorizontalLayout columns = new HorizontalLayout(left, right);
        columns.setWidthFull();
        columns.setFlexGrow(1, left, right);
        add(columns, changes, echo);
        setAlignItems(FlexComponent.Alignment.STRETCH);
    }

    private static Div column(com.vaadin.flow.component.Component... children) {
        Div column = new Div(children);
        column.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)")
                .set("flex", "1 1 0").set("min-width", "0");
        return column;
    }
}
