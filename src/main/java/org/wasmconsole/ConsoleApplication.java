package org.wasmconsole;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.theme.lumo.Lumo;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Wasm Extension Console. Styles: Lumo plus the console's own theme from {@code themes/},
 * loaded as plain style sheets so that Vaadin's pre-compiled bundle is used as it is.
 */
@SpringBootApplication
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("context://themes/console/styles.css")
public class ConsoleApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(ConsoleApplication.class, args);
    }

    /** A favicon on every page, the sign-in page included (themes/ is served to anyone). */
    @Override
    public void configurePage(AppShellSettings settings) {
        settings.addFavIcon("icon", "themes/console/favicon.svg", "any");
    }
}
