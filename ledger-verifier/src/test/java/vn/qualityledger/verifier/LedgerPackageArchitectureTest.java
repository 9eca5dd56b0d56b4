package vn.qualityledger.verifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The verifier ships service-support's ledger package without the rest of service-support or its dependencies: so the
 * package may use the JDK alone (and the verifier, the JDK, the package and Jackson for reading JSON).
 */
@AnalyzeClasses(packages = {"vn.qualityledger.support.ledger", "vn.qualityledger.verifier"},
        importOptions = {ImportOption.DoNotIncludeTests.class, LedgerPackageArchitectureTest.NoTestJars.class})
class LedgerPackageArchitectureTest {

    /** service-support's test-jar (its ledger test helpers) is on this module's test classpath: not shipped, not checked. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.asURI().toString().matches(".*-tests\\.jar.*");
        }
    }

    @ArchTest
    static final ArchRule theLedgerPackageUsesTheJdkAlone = classes().that().resideInAPackage("vn.qualityledger.support.ledger")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "vn.qualityledger.support.ledger");

    @ArchTest
    static final ArchRule theVerifierUsesTheLedgerPackageAndJacksonAlone = classes().that().resideInAPackage("vn.qualityledger.verifier")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "vn.qualityledger.support.ledger",
                    "vn.qualityledger.verifier", "tools.jackson..");
}
