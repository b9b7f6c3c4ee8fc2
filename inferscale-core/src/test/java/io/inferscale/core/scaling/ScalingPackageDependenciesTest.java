package io.inferscale.core.scaling;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * The autoscalers run in the simulator's virtual time and the scaler-service's wall-clock time, so
 * they may not read a clock: time only arrives as arguments. Durations in the configuration are
 * fine.
 */
class ScalingPackageDependenciesTest {

    private static final JavaClasses SCALING =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("io.inferscale.core.scaling");

    @Test
    void dependsOnTheJdkAndContractsOnly() {
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(
                        "io.inferscale.core.scaling..", "io.inferscale.contracts..", "java..")
                .check(SCALING);
    }

    @Test
    void neverReadsAClock() {
        noClasses()
                .should()
                .callMethod(System.class, "nanoTime")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .orShould()
                .dependOnClassesThat()
                .belongToAnyOf(
                        Clock.class,
                        Instant.class,
                        LocalDateTime.class,
                        OffsetDateTime.class,
                        ZonedDateTime.class)
                .check(SCALING);
    }
}
