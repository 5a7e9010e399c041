package org.wasmconsole.attachment.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ExtensionSummary;

/**
 * The extension choice of the attach dialog: searched by name or display name among the extensions
 * available in the target's tenant, page by page, those already attached marked as such.
 */
final class ExtensionPicker {

    private ExtensionPicker() {
    }

    static void offer(ComboBox<ExtensionSummary> extension, ExtensionService extensions, TargetRef ref,
                      Set<String> attached) {
        extension.setRequiredIndicatorVisible(true);
        extension.setPlaceholder("Search by name or display name");
        extension.setHelperText("Extensions available in " + ref.tenantName());
        extension.setItemLabelGenerator(ExtensionSummary::name);
        extension.setRenderer(LitRenderer.<ExtensionSummary>of("""
                        <div class="attach-option"><span class="attach-option-name">${item.name}</span\
                        ><span class="attach-option-display">${item.display}</span\
                        ><span class="attach-option-attached" ?hidden="${!item.attached}">already attached</span\
                        ></div>""")
                .withProperty("name", ExtensionSummary::name)
                .withProperty("display", s -> s.displayName() == null ? "" : s.displayName())
                .withProperty("attached", s -> attached.contains(s.fqn())));
        extension.setItems(query -> extensions.list(new ExtensionFilter(ref.organization(),
                        query.getFilter().filter(f -> !f.isBlank()).orElse(null), null, null, ref.tenant()),
                PageRequest.of(query.getPage(), query.getPageSize())).stream());
    }
}
