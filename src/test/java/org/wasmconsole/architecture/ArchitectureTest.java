package org.wasmconsole.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the house in order within the modules: UI out of domain and services, screens of one module
 * out of another's. The modules' boundaries and the absence of cycles between them are checked by
 * {@link ModularityTest} (Spring Modulith).
 */
@AnalyzeClasses(packages = "org.wasmconsole", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /**
     * Screen parts exposed to other modules as named interfaces: the config editor, which the attach
     * dialog uses for overrides (it reads config text with the extension module's ConfigText).
     */
    private static final java.util.Set<String> SHARED_SCREEN_PARTS =
            java.util.Set.of("org.wasmconsole.extension.ui.config.ConfigField");

    private static final Pattern UI_PACKAGE = Pattern.compile("org\\.wasmconsole\\.([a-z]+)\\.ui(\\..*)?");

    @ArchTest
    static final ArchRule domainAndServicesHaveNoUiCode = noClasses()
            .that().resideInAPackage("org.wasmconsole.(*)..")
            .and().resideOutsideOfPackage("..ui..")
            // The page contracts: a section is a component that another module contributes to a page.
            .and().doNotHaveFullyQualifiedName("org.wasmconsole.extension.ExtensionSection")
            .and().doNotHaveFullyQualifiedName("org.wasmconsole.extension.ExtensionSection$Tab")
            .and().doNotHaveFullyQualifiedName("org.wasmconsole.tenant.TenantSection")
            .and().doNotHaveFullyQualifiedName("org.wasmconsole.tenant.TenantSection$Part")
            .and().doNotHaveFullyQualifiedName("org.wasmconsole.extension.ModuleCheckParts")
            .and().doNotHaveFullyQualifiedName("org.wasmconsole.extension.ModuleCheckParts$SelectionAction")
            .should().dependOnClassesThat().resideInAnyPackage("com.vaadin.flow.component..", "..ui..")
            .because("views call services; services and the domain never know about views");

    @ArchTest
    static final ArchRule viewsNeverTouchRepositories = noClasses()
            .that().resideInAPackage("..ui..")
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
            .orShould().dependOnClassesThat().resideInAPackage("jakarta.persistence..")
            .because("every read and write goes through a service, where rules and access checks live");

    @ArchTest
    static final ArchRule screensOfOneModuleNeverUseAnothersScreens = classes()
            .that().resideInAPackage("org.wasmconsole.*.ui..")
            .should(useNoOtherModulesUi())
            .because("a page is a frame owned by one module plus sections that other modules contribute as beans"
                    + " (ExtensionSection, TenantSection, NavigationEntries); base.ui is the shared page kit");

    @ArchTest
    static final ArchRule coreFeaturesDoNotDependOnSampleDataOrCodec = noClasses()
            .that().resideInAnyPackage("org.wasmconsole.extension..", "org.wasmconsole.tenant..",
                    "org.wasmconsole.security..", "org.wasmconsole.user..", "org.wasmconsole.base..")
            .should().dependOnClassesThat().resideInAnyPackage("org.wasmconsole.sample..",
                    "org.wasmconsole.resource..")
            .because("the model is the centre; documents and sample data are built on it, not the reverse");

    private static ArchCondition<JavaClass> useNoOtherModulesUi() {
        return new ArchCondition<>("use no other module's ui package (base.ui excepted)") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = module(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = module(dependency.getTargetClass().getPackageName());
                    if (target != null && !target.equals(own) && !target.equals("base")
                            && !SHARED_SCREEN_PARTS.contains(dependency.getTargetClass().getName())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The module of a ui package, or null for a package that is no module's ui. */
    private static String module(String packageName) {
        Matcher m = UI_PACKAGE.matcher(packageName);
        return m.matches() ? m.group(1) : null;
    }
}
