package org.wasmconsole.base.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Switches between Lumo's light and dark themes. The choice is remembered in the browser per
 * user name, so that two people sharing a machine each keep their own.
 */
class ThemeToggle extends Button {

    private static final String APPLY = """
            const key = 'wasm-console-theme:' + $0;
            const stored = localStorage.getItem(key);
            const dark = $1 === null ? stored === 'dark' : $1;
            if ($1 !== null) { localStorage.setItem(key, dark ? 'dark' : 'light'); }
            if (dark) { document.documentElement.setAttribute('theme', 'dark'); }
            else { document.documentElement.removeAttribute('theme'); }
            return dark;""";

    private final String username;
    private boolean dark;

    ThemeToggle(String username) {
        this.username = username;
        addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ICON);
        addClassName("theme-toggle");
        addClickListener(e -> apply(!dark));
        show(false);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        getElement().executeJs(APPLY, username, null).then(Boolean.class, this::show);
    }

    private void apply(boolean wantDark) {
        getElement().executeJs(APPLY, username, wantDark).then(Boolean.class, this::show);
    }

    private void show(boolean isDark) {
        dark = isDark;
        setIcon((isDark ? VaadinIcon.SUN_O : VaadinIcon.MOON_O).create());
        String label = isDark ? "Switch to the light theme" : "Switch to the dark theme";
        setAriaLabel(label);
        setTooltipText(label);
    }
}
