package org.wasmconsole.operations;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.stereotype.Component;

import lombok.RequiredArgsConstructor;

/**
 * Empties the application context's cache of class metadata once the start-up has read it, so that the parsed
 * class files do not stay in memory for the life of the process.
 *
 * <p>Why: at start Vaadin's {@code VaadinServletContextInitializer} scans the allowed packages (routes, app shell,
 * lookup services...) through a {@code CachingMetadataReaderFactory} built on this cache and keeps that factory for
 * the life of the servlet context. Spring clears the context's resource caches at the end of its refresh by
 * forgetting its maps, not by emptying them, so the map Vaadin holds kept ~1,500 parsed class files (their bytes
 * and, on JDK 24+, their ClassFile models): ~7 MiB of the ~53 MiB live heap at ready, which the serial collector
 * keeps in the old generation and so in the resident memory (docs/benchmarks.md, start-up). Every singleton,
 * the embedded server and Vaadin's scan exist by the time this runs; a later lookup reads the class file again.
 */
@Component
@RequiredArgsConstructor
class ClassMetadataCache implements SmartInitializingSingleton {

    private final ApplicationContext context;

    @Override
    public void afterSingletonsInstantiated() {
        if (context instanceof DefaultResourceLoader loader) {
            loader.getResourceCache(MetadataReader.class).clear();
        }
    }
}
