package io.inferscale.core.trace;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The simulator, the benchmark CLI and the services all read traces, so the readers stay plain JDK
 * code.
 */
class TracePackageDependenciesTest {

    @Test
    void readersDependOnTheJdkOnly() {
        JavaClasses readers =
                new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.inferscale.core.trace");

        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.inferscale.core.trace..", "java..")
                .check(readers);
    }
}
