package org.wasmconsole.extension.ui;

import org.wasmconsole.base.ui.Clipboard;
import static org.wasmconsole.base.ui.FieldValues.code;
import static org.wasmconsole.base.ui.FieldValues.none;
import static org.wasmconsole.base.ui.FieldValues.note;
import static org.wasmconsole.base.ui.FieldValues.text;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Optional;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.OciReference;
import org.wasmconsole.extension.PullPolicy;

/**
 * The "Module" card: where the Wasm binary comes from (url, and for {@code oci://} its parts),
 * the source code link, and how the proxy pulls it (chosen and effective policy, pull secret).
 */
final class ExtensionOverviewImage {

    private ExtensionOverviewImage() {
    }

    static ExtensionOverviewSection card(ExtensionDefinition d) {
        ExtensionOverviewSection card = new ExtensionOverviewSection("Module", "module-card");
        card.row("URL", code(d.url()), Clipboard.iconButton("URL", d.url()));
        Optional<OciReference> oci = OciReference.fromUrl(d.url());
        oci.ifPresent(ref -> {
            card.row("Registry", code(ref.registry()));
            card.row("Repository", code(ref.repository()));
            card.row("Tag", ref.tag() != null ? code(ref.tag()) : none("None (untagged)"));
            card.row("Digest", ref.digest() != null ? code(ref.digest()) : none("None (not pinned)"));
        });
        card.row("Source", source(d.source()));

        PullPolicy chosen = d.imagePullPolicy();
        card.row("Pull policy", chosen == PullPolicy.UNSPECIFIED_POLICY
                ? none("Not set (" + chosen.wireName() + ")") : text(chosen.wireName()));
        PullPolicy effective = d.effectivePullPolicy();
        Div effectiveValue = new Div(text(effective.wireName()));
        effectiveValue.addClassName("field-stack");
        pullPolicyReason(d).ifPresentOrElse(reason -> effectiveValue.add(note(reason)),
                () -> effectiveValue.add(note(effective.meaning())));
        card.row("Effective pull policy", effectiveValue);
        card.row("Image pull secret", ExtensionDetailsHeader.hasText(d.imagePullSecret())
                ? code(d.imagePullSecret()) : none("None"));
        return card;
    }

    /**
     * Why the effective policy is not the chosen one, or empty when they are the same:
     * pinned by digest, or the default for an untagged / {@code latest} OCI image, or the default.
     */
    static Optional<String> pullPolicyReason(ExtensionDefinition d) {
        return d.imagePullPolicy().reasonFor(d.url());
    }

    private static Component source(String source) {
        if (!ExtensionDetailsHeader.hasText(source)) {
            return none("Not given");
        }
        if (!source.startsWith("https://") && !source.startsWith("http://")) {
            return code(source);
        }
        Anchor link = new Anchor(source, source, AnchorTarget.BLANK);
        link.getElement().setAttribute("rel", "noopener noreferrer nofollow");
        link.addClassNames("field-value", "field-link");
        link.addComponentAsFirst(VaadinIcon.EXTERNAL_LINK.create());
        link.getElement().setAttribute("aria-label", source + " (opens in a new tab)");
        return link;
    }
}
