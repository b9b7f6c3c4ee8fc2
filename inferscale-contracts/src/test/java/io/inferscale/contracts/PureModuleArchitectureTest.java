package io.inferscale.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Contracts are shared by every service and the simulator: plain Java and Jackson only. */
@AnalyzeClasses(
        packages = "io.inferscale.contracts",
        importOptions = ImportOption.DoNotIncludeTests.class)
class PureModuleArchitectureTest {
    @ArchTest
    static final ArchRule importsNoFrameworkOrInfrastructure =
            noClasses()
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "org.springframework..",
                            "org.apache.kafka..",
                            "java.sql..",
                            "javax.sql..",
                            "software.amazon..",
                            "com.google.cloud..",
                            "io.fabric8..",
                            "reactor..",
                            "io.netty..",
                            "ai.djl..",
                            "org.tensorflow..");
}
