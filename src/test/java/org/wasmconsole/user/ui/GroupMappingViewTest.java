package org.wasmconsole.user.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.GroupMappingInfo;
import org.wasmconsole.user.GroupMappingService;

/**
 * The group mappings screen without a browser, signed in as {@code admin}: a rule added through the
 * dialog, and what the service refuses shown in the dialog (a taken group at its field, a rule
 * deleted meanwhile above the form). Unique group names only.
 */
@ConsoleTest
@WithUserDetails("admin")
class GroupMappingViewTest extends SpringBrowserlessTest {

    @Autowired
    GroupMappingService mappings;

    @BeforeEach
    void open() {
        navigate(GroupMappingView.class);
    }

    static String unique() {
        return "gmv-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings("unchecked")
    Grid<GroupMappingInfo> grid() {
        return find(Grid.class).withClassName("group-mapping-grid").single();
    }

    Dialog openAdd() {
        test(find(Button.class).withText("Add rule").single()).click();
        return find(Dialog.class).single();
    }

    @SuppressWarnings("unchecked")
    void fill(String group) {
        test(find(TextField.class).withLabel("Group").single()).setValue(group);
        test((Select<Role>) find(Select.class).withLabel("Role").single()).selectItem("Platform admin");
    }

    void save(Dialog dialog, String text) {
        test(find(Button.class).withText(text).all().stream().filter(b -> ComponentTree.isInside(b, dialog)).findFirst()
                .orElseThrow()).click();
    }

    @Test
    void addARuleThroughTheDialogThenTheSameGroupAgainIsRefusedAtTheGroupField() {
        String group = unique();
        Dialog dialog = openAdd();
        fill(group);
        save(dialog, "Add rule");
        assertThat(dialog.isOpened()).isFalse();
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Saved the rule of " + group);
        assertThat(asSystem(() -> mappings.list()).stream().map(GroupMappingInfo::group)).contains(group);

        Dialog again = openAdd();
        fill(group);
        save(again, "Add rule");
        assertThat(again.isOpened()).isTrue();
        TextField field = find(TextField.class).withLabel("Group").single();
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).contains("already has a rule");
    }

    @Test
    void savingARuleDeletedMeanwhileSaysSoAboveTheForm() {
        String group = unique();
        GroupMappingInfo rule = asSystem(() -> mappings.create(group, Role.PLATFORM_ADMIN, Set.of()));
        navigate(GroupMappingView.class);
        var grid = test(grid());
        int row = IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).group().equals(group)).findFirst()
                .orElseThrow(() -> new AssertionError(group + " not in the grid"));
        test(grid.getCellComponent(row, "actions").getChildren().map(Button.class::cast)
                .filter(b -> b.getText().equals("Edit")).findFirst().orElseThrow()).click();
        Dialog dialog = find(Dialog.class).single();
        asSystem(() -> mappings.delete(rule.id()));
        save(dialog, "Save");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(find(Div.class).withClassName("form-error").single().getText())
                .startsWith("Not found: ").endsWith("(deleted meanwhile?)");
    }
}
