package io.signet.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
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

    /**
     * {@code http} is the edge: only it, the routes that features hand it, the hosted pages and the admin
     * console (HTML for a browser) and the class that wires the application may use it. A service or store that needs to refuse a
     * request throws {@code error.SignetException}; wire formats live in {@code wire}.
     */
    @Test
    void only_the_edge_depends_on_http() {
        noClasses().that().resideOutsideOfPackages("io.signet.http..", "io.signet.ui..", "io.signet.console..")
                .and().haveSimpleNameNotEndingWith("Routes")
                .and().doNotHaveFullyQualifiedName("io.signet.SignetApp")
                .should().dependOnClassesThat().resideInAPackage("io.signet.http..")
                .check(MAIN);
    }

    @Test
    void services_and_stores_never_depend_on_http() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Store")
                .should().dependOnClassesThat().resideInAPackage("io.signet.http..")
                .check(MAIN);
    }

    /** A store answers with data; whether that is a 404 or a 409 is its service's decision. */
    @Test
    void stores_neither_throw_API_errors_nor_format_the_wire() {
        noClasses().that().haveSimpleNameStartingWith("Jdbc").and().haveSimpleNameEndingWith("Store")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.signet.error.SignetException")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("io.signet.wire.WireTime")
                .check(MAIN);
    }

    /** SQL runs in stores: the edge's idempotency keeps its records through {@code IdempotencyStore}. */
    @Test
    void the_edge_runs_no_SQL() {
        noClasses().that().resideInAPackage("io.signet.http..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.signet.store.Jdbc")
                .check(MAIN);
    }

    /**
     * Enrollment bodies are read into records at the route ({@code EnrollmentRequests.read}), like every other
     * request; the service and the batch see no JSON tree. (Rules and custom data are JSON by nature.)
     */
    @Test
    void enrollment_services_take_request_records_not_JSON_trees() {
        noClasses().that().haveFullyQualifiedName("io.signet.authenticator.AuthenticatorService")
                .should().dependOnClassesThat().resideInAPackage("tools.jackson..")
                .check(MAIN);
    }

    /** Commands live together in {@code cli}; only the root command and {@code serve} stay beside {@code main}. */
    @Test
    void picocli_commands_live_in_cli() {
        noClasses().that().resideOutsideOfPackage("io.signet.cli..")
                .and().doNotHaveFullyQualifiedName("io.signet.Signet")
                .and().doNotHaveFullyQualifiedName("io.signet.Signet$Serve")
                .should().beAnnotatedWith(picocli.CommandLine.Command.class)
                .check(MAIN);
    }

    /**
     * One wiring site: services receive their stores, and only the classes that build the application
     * ({@code SignetApp} and its helpers beside it) or the services the server and the CLI share
     * ({@code wiring.CoreServices}) construct a store.
     */
    @Test
    void only_the_wiring_builds_stores() {
        noClasses().that().resideOutsideOfPackages("io.signet", "io.signet.wiring..")
                .should().callConstructorWhere(DescribedPredicate.<JavaConstructorCall>describe("a Jdbc*Store",
                        call -> call.getTargetOwner().getSimpleName().matches("Jdbc\\w*Store")))
                .check(MAIN);
    }

    /** The shared wiring is for the entry points (the server and the commands), never for a feature. */
    @Test
    void only_entry_points_use_the_shared_wiring() {
        noClasses().that().resideOutsideOfPackages("io.signet", "io.signet.cli..", "io.signet.wiring..")
                .should().dependOnClassesThat().resideInAPackage("io.signet.wiring..")
                .check(MAIN);
    }

    /** One SHA-256 helper ({@code crypto.Sha256}) for every digest, instead of a copy per feature. */
    @Test
    void only_crypto_instantiates_a_message_digest() {
        noClasses().that().resideOutsideOfPackage("io.signet.crypto..")
                .should().callMethod(java.security.MessageDigest.class, "getInstance", String.class)
                .check(MAIN);
    }

    @Test
    void only_wire_builds_a_JSON_mapper() {
        noClasses().that().resideOutsideOfPackage("io.signet.wire..")
                .should().callMethod(tools.jackson.databind.json.JsonMapper.class, "builder")
                .check(MAIN);
    }

    @Test
    void infrastructure_never_depends_on_features() {
        noClasses().that().resideInAnyPackage("io.signet.http..", "io.signet.store..", "io.signet.crypto..",
                        "io.signet.config..", "io.signet.error..", "io.signet.wire..", "io.signet.caller..",
                        "io.signet.idempotency..", "io.signet.text..")
                .should().dependOnClassesThat().resideInAnyPackage("io.signet.tenant..", "io.signet.user..",
                        "io.signet.authenticator..", "io.signet.action..", "io.signet.rule..", "io.signet.challenge..",
                        "io.signet.session..", "io.signet.webhook..", "io.signet.passkey..", "io.signet.clientapi..",
                        "io.signet.ui..", "io.signet.lockout..")
                .check(MAIN);
    }

    @Test
    void feature_packages_have_no_cycles() {
        slices().matching("io.signet.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
