package org.wasmconsole.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.wasmconsole.ConsoleApplication;

/**
 * The application modules (each top-level package under {@code org.wasmconsole}; sub-packages such
 * as {@code ui} are their internals) use each other only through what they expose, and build on each
 * other in one order. Running this test also writes the module diagrams and canvases into
 * {@code docs/modules} (see README, "How the code is laid out").
 */
class ModularityTest {

    static final Path DOCS = Path.of("docs", "modules");

    static final ApplicationModules MODULES = ApplicationModules.of(ConsoleApplication.class);

    /** The modules bottom to top: a module may use the ones before it. */
    static final List<String> LAYERS = List.of("base", "security", "tenant", "user", "extension", "artifact",
            "attachment", "resource", "audit", "apply", "sample", "operations", "api");

    @Test
    void modulesUseEachOtherOnlyThroughWhatTheyExposeAndFormNoCycle() {
        MODULES.verify();
    }

    /**
     * Stricter than {@link ApplicationModules#verify()}, which refuses cycles and uses of another module's
     * internals: every dependency runs down the layers, so that a new upward one fails here even before
     * it closes a cycle.
     */
    @Test
    void modulesBuildOnlyOnTheOnesBelowThem() {
        assertThat(MODULES.stream().map(ApplicationModule::getName)).containsExactlyInAnyOrderElementsOf(LAYERS);
        Set<String> upward = new TreeSet<>();
        MODULES.forEach(module -> module.getDirectDependencies(MODULES).uniqueModules()
                .filter(target -> LAYERS.indexOf(target.getName()) > LAYERS.indexOf(module.getName()))
                .forEach(target -> upward.add(module.getName() + " -> " + target.getName())));
        assertThat(upward).isEmpty();
    }

    @Test
    void writesTheModuleDiagramsIntoDocs() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Files.write(file, inStableOrder(Files.readAllLines(file)));
            }
        }
        assertThat(DOCS.resolve("components.puml")).exists();
    }

    /**
     * The diagrams list components and relations in an order that changes from run to run: each run
     * of such lines is sorted, so that regenerating unchanged code changes no file.
     */
    static List<String> inStableOrder(List<String> lines) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String runKind = null;
        for (String line : lines) {
            String kind = line.startsWith("Rel(") ? "Rel(" : line.strip().startsWith("Component(") ? "Component(" : null;
            if (kind == null || !kind.equals(runKind)) {
                run.sort(null);
                out.addAll(run);
                run.clear();
            }
            runKind = kind;
            if (kind == null) {
                out.add(line);
            } else {
                run.add(line);
            }
        }
        run.sort(null);
        out.addAll(run);
        return out;
    }
}
