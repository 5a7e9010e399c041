package org.wasmconsole.base.ui;

import com.vaadin.flow.component.AbstractSinglePropertyField;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasAriaLabel;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A filter's choice of one of a few fixed values, or "any" (the empty choice, listed first): the
 * same {@code vaadin-select} with the same list box and items that Vaadin's {@code Select} shows
 * (as {@code FilterFields.anyOf} sets it up), but its options are built in the browser from the
 * labels sent when it is attached. Vaadin's {@code Select} keeps a server-side component with a
 * text node for every option; for the catalogue's two filters that was ~14 KiB of every open
 * catalogue's session (issue #23). The value in the browser is the option's position (1, 2, …),
 * the empty choice's is the empty string, as Vaadin's keys are.
 */
@Tag("vaadin-select")
public class AnyOfSelect<T> extends AbstractSinglePropertyField<AnyOfSelect<T>, @Nullable T> implements HasSize,
        HasAriaLabel {

    /** The list box of {@code $0} ([value, label] pairs), as Vaadin's Select renders its items into the overlay. */
    private static final String RENDERER = """
            const options = $0;
            this.renderer = root => {
              if (root.firstElementChild) { return; }
              const box = document.createElement('vaadin-select-list-box');
              for (const [value, label] of options) {
                const item = document.createElement('vaadin-select-item');
                item.value = value;
                item.setAttribute('value', value);
                item.setAttribute('label', label);
                item.textContent = label;
                box.appendChild(item);
              }
              root.appendChild(box);
            };""";

    private final List<T> items;
    private final Function<T, String> label;
    private final String any;

    /**
     * @param any   the empty choice's caption ("Any phase"), shown when nothing is chosen
     * @param label each item's caption
     */
    public AnyOfSelect(String any, Function<T, String> label, String width, List<T> items) {
        super("value", null, String.class, AnyOfSelect::fromClient, AnyOfSelect::toClient);
        this.items = List.copyOf(items);
        this.label = label;
        this.any = any;
        setWidth(width);
    }

    private static <T> @Nullable T fromClient(AnyOfSelect<T> select, @Nullable String key) {
        try {
            int position = key == null || key.isEmpty() ? 0 : Integer.parseInt(key);
            return position < 1 || position > select.items.size() ? null : select.items.get(position - 1);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static <T> String toClient(AnyOfSelect<T> select, @Nullable T value) {
        int index = value == null ? -1 : select.items.indexOf(value);
        return index < 0 ? "" : Integer.toString(index + 1);
    }

    /** The choices as the user reads them, the empty choice first. */
    public List<String> getItemLabels() {
        return Stream.concat(Stream.of(any), items.stream().map(label)).toList();
    }

    /** The item whose caption is {@code caption}; null for the empty choice. */
    public @Nullable T itemWithLabel(String caption) {
        return items.stream().filter(i -> label.apply(i).equals(caption)).findFirst().orElseGet(() -> {
            if (!caption.equals(any)) {
                throw new IllegalArgumentException("no choice " + caption + " in " + getItemLabels());
            }
            return null;
        });
    }

    /** Like Vaadin's Select: the field's accessible name, which the web component gives its value button. */
    @Override
    public void setAriaLabel(String ariaLabel) {
        getElement().setProperty("accessibleName", ariaLabel);
    }

    @Override
    public Optional<String> getAriaLabel() {
        return Optional.ofNullable(getElement().getProperty("accessibleName"));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        ArrayNode options = JsonNodeFactory.instance.arrayNode();
        options.addArray().add("").add(any);
        for (int i = 0; i < items.size(); i++) {
            options.addArray().add(Integer.toString(i + 1)).add(label.apply(items.get(i)));
        }
        getElement().executeJs(RENDERER, options);
    }
}
