package vn.qualityledger.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.serialization.Revision;

/** The contract stays light and stable: consumers must be able to use it without our frameworks. */
@AnalyzeClasses(packages = "vn.qualityledger.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ContractArchitectureTest {

    @ArchTest
    static final ArchRule noSpringOrPersistence = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "jakarta.persistence..", "org.hibernate..", "tools.jackson.databind..");

    @ArchTest
    static final ArchRule everyEventHasARevision = classes().that().haveSimpleNameEndingWith("Event")
            .should().beAnnotatedWith(Revision.class).andShould().beRecords();

    @ArchTest
    static final ArchRule commandsAreRecords = classes().that().haveSimpleNameEndingWith("Command").should().beRecords();
}
