package org.wasmconsole.audit.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import org.wasmconsole.audit.AuditAction;
import org.wasmconsole.audit.AuditFilter;
import org.wasmconsole.base.ui.FilterFields;

/**
 * The History view's filters, kept in the URL ({@code ?user=…&resource=…&action=…&from=…&to=…})
 * so that a filtered trail can be bookmarked and the back button steps through earlier filters.
 * Dates are days of the server's time zone, the one the times are shown in; "to" includes its day.
 */
class HistoryFilters extends HorizontalLayout {

    private final TextField user = new TextField("User");
    private final TextField resource = new TextField("Resource");
    private final Select<AuditAction> action = new Select<>();
    private final DatePicker from = new DatePicker("From");
    private final DatePicker to = new DatePicker("To");
    private final Checkbox signIns = new Checkbox("Show sign-ins");
    private boolean reading;

    HistoryFilters(Runnable onChange) {
        addClassName("history-filters");
        setAlignItems(FlexComponent.Alignment.BASELINE);

        FilterFields.text(user, "Any user", "11rem");
        FilterFields.text(resource, "Name or fqn", "16rem").setPrefixComponent(VaadinIcon.SEARCH.create());
        action.setLabel("Action");
        FilterFields.anyOf(action, "Any action", AuditAction::label, "11rem", AuditAction.values());

        from.setPlaceholder("Any day");
        from.setClearButtonVisible(true);
        from.setWidth("10rem");
        to.setPlaceholder("Any day");
        to.setClearButtonVisible(true);
        to.setWidth("10rem");
        from.addValueChangeListener(e -> to.setMin(e.getValue()));
        to.addValueChangeListener(e -> from.setMax(e.getValue()));

        user.addValueChangeListener(e -> changed(onChange));
        resource.addValueChangeListener(e -> changed(onChange));
        action.addValueChangeListener(e -> changed(onChange));
        from.addValueChangeListener(e -> changed(onChange));
        to.addValueChangeListener(e -> changed(onChange));
        signIns.setTooltipText("Successful sign-ins are hidden by default; failed ones and refusals are always shown");
        signIns.addValueChangeListener(e -> changed(onChange));
        add(user, resource, action, from, to, signIns);
    }

    private void changed(Runnable onChange) {
        if (!reading) {
            onChange.run();
        }
    }

    AuditFilter toFilter() {
        ZoneId zone = HistoryFormat.WHEN.getZone();
        return new AuditFilter(blankToNull(user.getValue()), blankToNull(resource.getValue()), action.getValue(),
                from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(zone).toInstant(),
                !signIns.getValue());
    }

    boolean isActive() {
        return !user.getValue().isBlank() || !resource.getValue().isBlank() || action.getValue() != null
                || from.getValue() != null || to.getValue() != null || signIns.getValue();
    }

    void clear() {
        reading = true;
        user.clear();
        resource.clear();
        action.clear();
        from.clear();
        to.clear();
        signIns.clear();
        reading = false;
    }

    QueryParameters toQueryParameters() {
        return FilterFields.parameters()
                .text("user", user.getValue())
                .text("resource", resource.getValue())
                .value("action", action.getValue(), AuditAction::name)
                .value("from", from.getValue(), LocalDate::toString)
                .value("to", to.getValue(), LocalDate::toString)
                .flag("signins", signIns.getValue(), "shown")
                .toQueryParameters();
    }

    /** Shows the filters of a URL without firing a change; unknown values are ignored. */
    void read(QueryParameters params) {
        reading = true;
        user.setValue(params.getSingleParameter("user").orElse(""));
        resource.setValue(params.getSingleParameter("resource").orElse(""));
        action.setValue(params.getSingleParameter("action").flatMap(HistoryFilters::action).orElse(null));
        signIns.setValue("shown".equals(params.getSingleParameter("signins").orElse("")));
        LocalDate fromDay = params.getSingleParameter("from").flatMap(HistoryFilters::day).orElse(null);
        LocalDate toDay = params.getSingleParameter("to").flatMap(HistoryFilters::day).orElse(null);
        from.setMax(null);
        to.setMin(null);
        from.setValue(fromDay);
        to.setValue(toDay);
        reading = false;
    }

    /**
     * The action a URL names: its name ({@code DELETE}) or its label as shown ({@code Deleted},
     * {@code deleted}, {@code sign-in failed}), case and '-'/'_'/' ' ignored, as people type them.
     */
    static Optional<AuditAction> action(String value) {
        String wanted = simplified(value);
        return Arrays.stream(AuditAction.values())
                .filter(a -> simplified(a.name()).equals(wanted) || simplified(a.label()).equals(wanted))
                .findFirst();
    }

    private static String simplified(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[-_ ]", "");
    }

    private static Optional<LocalDate> day(String value) {
        try {
            return Optional.of(LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
