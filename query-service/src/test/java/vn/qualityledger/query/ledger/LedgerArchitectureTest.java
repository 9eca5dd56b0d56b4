package vn.qualityledger.query.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The ledger proves the event store itself: it reads no read model (they could drift), and no read model knows it. */
@AnalyzeClasses(packages = "vn.qualityledger.query", importOptions = ImportOption.DoNotIncludeTests.class)
class LedgerArchitectureTest {

    @ArchTest
    static final ArchRule theLedgerReadsNoReadModel = noClasses().that().resideInAPackage("..query.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage("..query.progress..", "..query.dashboard..", "..query.board..",
                    "..query.tracking..", "..query.history..", "..query.knownat..", "..query.rebuild..", "..query.report..");

    @ArchTest
    static final ArchRule noOtherFeatureKnowsTheLedger = noClasses().that().resideOutsideOfPackage("..query.ledger..")
            .should().dependOnClassesThat().resideInAPackage("..query.ledger..");
}
