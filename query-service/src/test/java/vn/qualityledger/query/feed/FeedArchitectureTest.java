package vn.qualityledger.query.feed;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The feed serves the event store itself (through its outbox, filled from Axon's EventStore API): it reads no read model,
 * and no read model knows it. The ledger is not a read model: it takes its leaves from the outbox in the feed's order,
 * up to the feed's watermark, through {@link FeedReader}.
 */
@AnalyzeClasses(packages = "vn.qualityledger.query", importOptions = ImportOption.DoNotIncludeTests.class)
class FeedArchitectureTest {

    @ArchTest
    static final ArchRule theFeedReadsNoReadModel = noClasses().that().resideInAPackage("..query.feed..")
            .should().dependOnClassesThat().resideInAnyPackage("..query.progress..", "..query.dashboard..", "..query.board..",
                    "..query.history..", "..query.knownat..", "..query.rebuild..");

    @ArchTest
    static final ArchRule noReadModelKnowsTheFeed = noClasses().that().resideOutsideOfPackages("..query.feed..", "..query.ledger..")
            .should().dependOnClassesThat().resideInAPackage("..query.feed..");
}
