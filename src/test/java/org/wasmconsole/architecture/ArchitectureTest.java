package org.wasmconsole.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Keeps the house in order: UI out of domain and services, features free of cycles. */
@AnalyzeClasses(packages = "org.wasmconsole", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainAndServicesHaveNoUiCode = noClasses()
            .that().resideInAPackage("org.wasmconsole.(*)..")
            .and().resideOutsideOfPackage("..ui..")
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin.flow.component..", "..ui..")
            .because("views call services; services and the domain never know about views");

    @ArchTest
    static final ArchRule viewsNeverTouchRepositories = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .orShould().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
            .because("every read and write goes through a service, where rules and access checks live");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices()
            .matching("org.wasmconsole.(**)")
            .should().beFreeOfCycles()
            .because("each package, its ui package included, builds on the ones below it and never the reverse");

    @ArchTest
    static final ArchRule coreFeaturesDoNotDependOnSampleDataOrCodec = noClasses()
            .that().resideInAnyPackage("org.wasmconsole.extension", "org.wasmconsole.tenant",
                    "org.wasmconsole.security", "org.wasmconsole.base")
            .should().dependOnClassesThat().resideInAnyPackage("org.wasmconsole.sample..",
                    "org.wasmconsole.resource..")
            .because("the model is the centre; documents and sample data are built on it, not the reverse");
}
