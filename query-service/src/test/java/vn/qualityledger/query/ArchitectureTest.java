package vn.qualityledger.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Feature packages stay apart: the dashboards and the board read the progress tables (through progress's shared
 * as-of SQL), the tracker and the audit programme read the tracking tables (through tracking's shared as-of SQL), and
 * all share the web conventions, but never each other; the projections know nothing of how they are read.
 */
@AnalyzeClasses(packages = "vn.qualityledger.query", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule dashboardsDoNotReachIntoTheBoard = noClasses().that().resideInAPackage("..query.dashboard..")
            .should().dependOnClassesThat().resideInAPackage("..query.board..");

    @ArchTest
    static final ArchRule theBoardDoesNotReachIntoTheDashboards = noClasses().that().resideInAPackage("..query.board..")
            .should().dependOnClassesThat().resideInAPackage("..query.dashboard..");

    @ArchTest
    static final ArchRule theProjectionKnowsNothingOfItsReaders = noClasses().that().resideInAPackage("..query.progress..")
            .should().dependOnClassesThat().resideInAnyPackage("..query.dashboard..", "..query.board..", "..query.web..");

    @ArchTest
    static final ArchRule theTrackingProjectionKnowsNothingOfItsReaders = noClasses().that().resideInAPackage("..query.tracking..")
            .should().dependOnClassesThat().resideInAnyPackage("..query.nonconformity..", "..query.auditprogramme..",
                    "..query.dashboard..", "..query.board..", "..query.web..", "..query.history..", "..query.knownat..");

    @ArchTest
    static final ArchRule theTrackerAndTheProgrammeStayApartFromTheObjectiveReads = noClasses().that()
            .resideInAnyPackage("..query.nonconformity..", "..query.auditprogramme..")
            .should().dependOnClassesThat().resideInAnyPackage("..query.dashboard..", "..query.board..");

    @ArchTest
    static final ArchRule theProgrammeDoesNotReachIntoTheTracker = noClasses().that().resideInAPackage("..query.auditprogramme..")
            .should().dependOnClassesThat().resideInAPackage("..query.nonconformity..");

    @ArchTest
    static final ArchRule webConventionsDependOnNoFeature = noClasses().that().resideInAPackage("..query.web..")
            .should().dependOnClassesThat().resideInAnyPackage("..query.dashboard..", "..query.board..", "..query.progress..",
                    "..query.tracking..", "..query.nonconformity..", "..query.auditprogramme..");

    /** The reminders read the progress tables through progress's as-of SQL, as the board does, never another read. */
    @ArchTest
    static final ArchRule theRemindersReadNoOtherFeature = noClasses().that().resideInAPackage("..query.reminder..")
            .should().dependOnClassesThat().resideInAnyPackage("..query.dashboard..", "..query.board..", "..query.tracking..",
                    "..query.nonconformity..", "..query.auditprogramme..", "..query.report..", "..query.feed..");

    @ArchTest
    static final ArchRule noFeatureDependsOnTheReminders = noClasses().that().resideOutsideOfPackage("..query.reminder..")
            .should().dependOnClassesThat().resideInAPackage("..query.reminder..");

    /** The report reads every feature's repositories; no feature reads the report. */
    @ArchTest
    static final ArchRule noFeatureDependsOnTheReport = noClasses().that().resideOutsideOfPackage("..query.report..")
            .should().dependOnClassesThat().resideInAPackage("..query.report..");

    /** The Nghị định 30/2020 form is shared by the results report and the review minutes, and knows neither. */
    @ArchTest
    static final ArchRule theDocumentFormKnowsNoDocumentWrittenInIt = noClasses().that().resideInAPackage("..query.document..")
            .should().dependOnClassesThat().resideInAnyPackage("..query.report..", "..query.review..");
}
