package org.wasmconsole.base.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The browser holds an option's position (the empty choice is ""), the field the item itself. */
class AnyOfSelectTest {

    private final AnyOfSelect<String> select = new AnyOfSelect<>("Any colour", c -> c.toUpperCase(), "9rem",
            List.of("red", "green", "blue"));

    @Test
    void theValueIsSentAsTheOptionsPositionAndNothingChosenAsEmpty() {
        assertThat(select.getValue()).isNull();
        assertThat(select.getElement().getProperty("value", "")).isEmpty();
        select.setValue("green");
        assertThat(select.getElement().getProperty("value")).isEqualTo("2");
        select.clear();
        assertThat(select.getValue()).isNull();
        assertThat(select.getElement().getProperty("value")).isEmpty();
    }

    @Test
    void aChoiceInTheBrowserBecomesTheItemAndUnknownPositionsMeanAny() {
        List<String> changes = new ArrayList<>();
        select.addValueChangeListener(e -> changes.add(e.getValue()));
        select.getElement().setProperty("value", "3");
        assertThat(select.getValue()).isEqualTo("blue");
        select.getElement().setProperty("value", "");
        assertThat(select.getValue()).isNull();
        select.getElement().setProperty("value", "4");
        assertThat(select.getValue()).isNull();
        assertThat(changes).containsExactly("blue", null);
    }

    @Test
    void choicesAreFoundByTheirCaption() {
        assertThat(select.getItemLabels()).containsExactly("Any colour", "RED", "GREEN", "BLUE");
        assertThat(select.itemWithLabel("BLUE")).isEqualTo("blue");
        assertThat(select.itemWithLabel("Any colour")).isNull();
        assertThatThrownBy(() -> select.itemWithLabel("PINK")).hasMessageContaining("PINK");
    }

    @Test
    void theAriaLabelIsTheFieldsAccessibleNameAsInVaadinsSelect() {
        select.setAriaLabel("Colour");
        assertThat(select.getElement().getProperty("accessibleName")).isEqualTo("Colour");
        assertThat(select.getAriaLabel()).contains("Colour");
        assertThat(select.getElement().getStyle().get("width")).isEqualTo("9rem");
    }
}
