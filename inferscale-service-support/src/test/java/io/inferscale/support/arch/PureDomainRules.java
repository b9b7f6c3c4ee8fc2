package io.inferscale.support.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture rule every service's test applies to its {@code domain} package (STYLE.md §2):
 * decisions are plain Java, so the simulator can run them unchanged and tests need no
 * infrastructure.
 */
public final class PureDomainRules {
    public static final String[] INFRASTRUCTURE = {
        "org.springframework..",
        "org.apache.kafka..",
        "java.sql..",
        "javax.sql..",
        "software.amazon..",
        "com.google.cloud..",
        "io.fabric8..",
        "reactor..",
        "io.netty..",
        "jakarta.servlet..",
        "org.flywaydb..",
        "io.inferscale.support.."
    };

    private PureDomainRules() {}

    public static ArchRule domainImportsNoInfrastructure() {
        return noClasses()
                .that()
                .resideInAPackage("..domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(INFRASTRUCTURE)
                .allowEmptyShould(true)
                .because("domain code is pure: adapters translate, domain decides (STYLE.md)");
    }
}
