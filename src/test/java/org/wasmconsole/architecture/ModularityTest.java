package org.wasmconsole.architecture;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.wasmconsole.ConsoleApplication;

/**
 * The application modules (each top-level package under {@code org.wasmconsole}) talk to each
 * other only through what they expose, without cycles; the diagrams in {@code docs/modules} are
 * drawn from the same model, so running this test regenerates them.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(ConsoleApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDiagramsIntoDocs() {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }
}
