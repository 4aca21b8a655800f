package org.itaoversight.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The architecture of docs/architecture.md as rules of the build, over the production classes of every module
 * (this module's tests see them all): the module graph, thin resources, schemas only in {@code migrations}, and the
 * product apart from the demo stack.
 */
@AnalyzeClasses(packages = "org.itaoversight", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String API = "org.itaoversight.api..";
    private static final String DEMO_STACK_DEMO = "org.itaoversight.demo..";
    private static final String DEMO_STACK_EMBEDDED = "org.itaoversight.embedded..";

    @ArchTest
    static final ArchRule tenantsReportingAndMigrationsDoNotKnowTheApi = noClasses()
            .that().resideInAnyPackage("org.itaoversight.tenants..", "org.itaoversight.reporting..", "org.itaoversight.migrations..")
            .should().dependOnClassesThat().resideInAnyPackage(API, DEMO_STACK_DEMO, DEMO_STACK_EMBEDDED);

    @ArchTest
    static final ArchRule tenantsReportingAndMigrationsKnowNoModuleOfOurs = noClasses()
            .that().resideInAPackage("org.itaoversight.tenants..")
            .should().dependOnClassesThat().resideInAnyPackage("org.itaoversight.reporting..", "org.itaoversight.migrations..")
            .orShould().dependOnClassesThat().resideInAnyPackage("org.itaoversight.embedded..", "org.itaoversight.demo..")
            .because("tenants is plain Java that depends on no module of ours");

    @ArchTest
    static final ArchRule reportingKnowsNoModuleOfOurs = noClasses()
            .that().resideInAPackage("org.itaoversight.reporting..")
            .should().dependOnClassesThat().resideInAnyPackage("org.itaoversight.tenants..", "org.itaoversight.migrations..")
            .because("reporting renders a plain data model and knows nothing of HTTP, databases or tenants");

    @ArchTest
    static final ArchRule migrationsKnowNoModuleOfOurs = noClasses()
            .that().resideInAPackage("org.itaoversight.migrations..")
            .should().dependOnClassesThat().resideInAnyPackage("org.itaoversight.tenants..", "org.itaoversight.reporting..")
            .because("migrations take a DataSource or a connection factory and nothing else of ours");

    @ArchTest
    static final ArchRule theProductDoesNotImportTheDemoStack = noClasses()
            .that().resideInAnyPackage(API, "org.itaoversight.tenants..", "org.itaoversight.reporting..", "org.itaoversight.migrations..")
            .should().dependOnClassesThat().resideInAnyPackage(DEMO_STACK_DEMO, DEMO_STACK_EMBEDDED);

    @ArchTest
    static final ArchRule theEmbeddedServersKnowNoModuleOfOurs = noClasses()
            .that().resideInAPackage(DEMO_STACK_EMBEDDED)
            .should().dependOnClassesThat().resideInAnyPackage(API, DEMO_STACK_DEMO, "org.itaoversight.tenants..",
                    "org.itaoversight.reporting..", "org.itaoversight.migrations..");

    @ArchTest
    static final ArchRule resourcesDoNotTouchJdbi = noClasses()
            .that().resideInAPackage(API).and().areAnnotatedWith(jakarta.ws.rs.Path.class)
            .should().dependOnClassesThat().resideInAPackage("org.jdbi..")
            .as("resources (@Path) do not touch JDBI: they translate HTTP and call services and DAOs");

    @ArchTest
    static final ArchRule resourcesLiveInTheApi = classes()
            .that().areAnnotatedWith(jakarta.ws.rs.Path.class)
            .should().resideInAPackage(API);

    @ArchTest
    static final ArchRule schemasChangeOnlyInMigrations = noClasses()
            .that().resideInAnyPackage(API, "org.itaoversight.tenants..", "org.itaoversight.reporting..")
            .should(holdDdl())
            .as("schemas change only in migrations: no DDL in the product's other modules");

    /** The DDL detector itself sees DDL where it is: the staging copies of the ClickHouse loads. */
    @ArchTest
    static final ArchRule theDdlDetectorFindsTheMigrationsDdl = classes()
            .that().haveFullyQualifiedName("org.itaoversight.migrations.clickhouse.StagingTables")
            .should(holdDdl());

    private static final Pattern DDL = Pattern.compile(
            "(?i)\\b(CREATE|ALTER|DROP|TRUNCATE|RENAME)\\s+(TEMPORARY\\s+)?(TABLE|DATABASE|INDEX|VIEW|MATERIALIZED\\s+VIEW|DICTIONARY|SCHEMA|SEQUENCE|TRIGGER|FUNCTION)\\b");

    /** A class whose constants (its SQL text) hold a DDL statement. */
    private static ArchCondition<JavaClass> holdDdl() {
        return new ArchCondition<>("hold DDL statements") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                javaClass.getSource().ifPresent(source -> {
                    try (InputStream in = source.getUri().toURL().openStream()) {
                        Matcher ddl = DDL.matcher(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
                        if (ddl.find()) {
                            events.add(SimpleConditionEvent.satisfied(javaClass,
                                    javaClass.getName() + " holds DDL: '" + ddl.group() + "'"));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read " + source.getUri(), e);
                    }
                });
            }
        };
    }
}
