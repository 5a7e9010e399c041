package org.wasmconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;

/** The embedded default keeps its data in a file: what was saved is there after a restart. */
class RestartPersistenceTest {

    @TempDir
    Path dataDir;

    /**
     * Each application start installs Vaadin's security-context strategy in Spring Security's
     * static holder; the contexts started here must not leave theirs behind for the shared test
     * context, whose method security reads through its own.
     */
    private final SecurityContextHolderStrategy sharedStrategy = SecurityContextHolder.getContextHolderStrategy();

    @AfterEach
    void restoreTheSharedSecurityContextStrategy() {
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    @Test
    void savedExtensionAndSampleDataSurviveARestartWithoutBeingLoadedTwice() {
        long sampleCount;
        try (ConfigurableApplicationContext first = start()) {
            ExtensionService service = first.getBean(ExtensionService.class);
            sampleCount = asSystem(() -> service.count(ExtensionFilter.all("tse")));
            asSystem(() -> service.create(ExtensionDefinition.builder().organization("tse").name("survivor")
                    .url("oci://docker.io/example/survivor:1.0").priority(77).build()));
        }
        try (ConfigurableApplicationContext second = start()) {
            ExtensionService service = second.getBean(ExtensionService.class);
            assertThat(asSystem(() -> service.get("tse", "survivor")).definition().priority()).isEqualTo(77);
            assertThat(asSystem(() -> service.count(ExtensionFilter.all("tse")))).isEqualTo(sampleCount + 1);
        }
        assertThat(sampleCount).isEqualTo(15);
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments, not builder defaults: application.properties must not win.
        return new SpringApplicationBuilder(ConsoleApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("console").toAbsolutePath(),
                "--console.admin.password=restart-test-password",
                "--vaadin.devmode.devTools.enabled=false");
    }
}
