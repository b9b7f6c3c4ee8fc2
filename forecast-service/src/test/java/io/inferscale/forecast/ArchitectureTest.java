package io.inferscale.forecast;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.inferscale.support.arch.PureDomainRules;

@AnalyzeClasses(
        packages = "io.inferscale.forecast",
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest static final ArchRule domainIsPure = PureDomainRules.domainImportsNoInfrastructure();
}
