package org.wasmconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.spring.VaadinServletContextInitializer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;
import org.wasmconsole.ConsoleTest;

/**
 * Vaadin's servlet context initializer scans the console's packages at start with a caching metadata reader factory
 * and keeps it for the life of the servlet context; {@link ClassMetadataCache} empties that cache once the start-up
 * is done. The fields are Vaadin's and Spring's private ones (vaadin-spring 25.2, spring-core 7.0): if they are
 * renamed, this test fails and the cache has to be looked at again in a heap dump (docs/benchmarks.md, start-up).
 */
@ConsoleTest
class ClassMetadataCacheTest {

    @Autowired
    ApplicationContext context;

    @Test
    void vaadinsStartupScanKeepsNoParsedClassFilesOnceTheConsoleIsUp() {
        VaadinServletContextInitializer initializer = context.getBean(VaadinServletContextInitializer.class);
        Object factory = ReflectionTestUtils.getField(initializer, "metadataReaderFactory");
        assertThat(factory).as("Vaadin scanned the console's packages at start").isNotNull();
        Map<?, ?> cache = (Map<?, ?>) ReflectionTestUtils.getField(factory, "metadataReaderCache");
        assertThat(cache.size()).as("parsed class files still cached").isZero();
    }
}
