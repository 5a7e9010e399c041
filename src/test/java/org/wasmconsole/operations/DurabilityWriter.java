package org.wasmconsole.operations;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.wasmconsole.ConsoleApplication;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.security.SystemAuthentication;

/**
 * The child process of {@link DurabilityTest}: the whole console, started as in production, then
 * an endless stream of writes through the real service. "COMMITTED name" is printed only after the
 * service call returned, i.e. after its transaction committed; the test kills this process at some
 * point of that stream.
 */
public final class DurabilityWriter {

    static final String COMMITTED = "COMMITTED ";

    private DurabilityWriter() {
    }

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(ConsoleApplication.class, args);
        ExtensionService extensions = context.getBean(ExtensionService.class);
        for (int i = 0; ; i++) {
            String name = "durable-" + i;
            SystemAuthentication.runAsSystem(() -> extensions.create(ExtensionDefinition.builder()
                    .organization("tse").name(name).url("oci://docker.io/example/" + name + ":1.0").build()));
            System.out.println(COMMITTED + name);
            System.out.flush();
        }
    }
}
