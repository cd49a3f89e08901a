package io.signet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Pins the package graph of CONTRIBUTING.md ("Layout of signet-server": infrastructure below features,
 * features without cycles) so it cannot erode one import at a time.
 */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.signet");

    @Test
    void only_http_and_routes_classes_use_the_web_framework() {
        noClasses().that().resideOutsideOfPackage("io.signet.http..")
                .and().haveSimpleNameNotEndingWith("Routes")
                .should().dependOnClassesThat().resideInAPackage("io.javalin..")
                .check(MAIN);
    }

    @Test
    void only_store_classes_touch_JDBC() {
        noClasses().that().resideOutsideOfPackage("io.signet.store..")
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .check(MAIN);
    }

    @Test
    void only_http_builds_a_JSON_mapper() {
        noClasses().that().resideOutsideOfPackage("io.signet.http..")
                .should().callMethod(tools.jackson.databind.json.JsonMapper.class, "builder")
                .check(MAIN);
    }

    @Test
    void infrastructure_never_depends_on_features() {
        noClasses().that().resideInAnyPackage("io.signet.http..", "io.signet.store..", "io.signet.crypto..",
                        "io.signet.config..", "io.signet.text..")
                .should().dependOnClassesThat().resideInAnyPackage("io.signet.tenant..", "io.signet.user..",
                        "io.signet.authenticator..", "io.signet.action..", "io.signet.rule..", "io.signet.challenge..",
                        "io.signet.session..", "io.signet.webhook..")
                .check(MAIN);
    }

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("io.signet.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
