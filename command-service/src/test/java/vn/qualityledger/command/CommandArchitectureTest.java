package vn.qualityledger.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "vn.qualityledger.command", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandArchitectureTest {

    /** The model knows nothing of HTTP or of how plans are imported; Axon's @Aggregate stereotype is its only Spring tie. */
    @ArchTest
    static final ArchRule modelIsFreeOfWebAndSpring = noClasses().that().resideInAPackage("..command.objective..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.web..", "..command.plan..", "org.springframework..");

    /**
     * The nonconformity model likewise; its automatic raising ({@code AutomaticRaising}, an event handler bean) is the
     * one class of the package that may use Spring.
     */
    @ArchTest
    static final ArchRule nonconformityModelIsFreeOfWebAndSpring = noClasses().that().resideInAPackage("..command.nonconformity..")
            .and().doNotHaveSimpleName("AutomaticRaising")
            .should().dependOnClassesThat().resideInAnyPackage("..command.web..", "..command.plan..", "org.springframework..");

    @ArchTest
    static final ArchRule nobodyButTheWebLayerDependsOnIt = noClasses().that().resideInAnyPackage("..command.nonconformity..", "..command.objective..")
            .should().dependOnClassesThat().resideInAPackage("..command.web..");

    @ArchTest
    static final ArchRule auditModelIsFreeOfWebAndSpring = noClasses().that().resideInAPackage("..command.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.web..", "..command.plan..", "org.springframework..");

    /** Aggregates meet only through messages: an audit refers to objectives by their ids (shared-api), never to the model. */
    @ArchTest
    static final ArchRule auditModelDoesNotReachIntoTheObjectiveModel = noClasses().that().resideInAPackage("..command.audit..")
            .should().dependOnClassesThat().resideInAPackage("..command.objective..");

    @ArchTest
    static final ArchRule objectiveModelDoesNotReachIntoTheAuditModel = noClasses().that().resideInAPackage("..command.objective..")
            .should().dependOnClassesThat().resideInAPackage("..command.audit..");

    @ArchTest
    static final ArchRule importDoesNotGoThroughTheWebLayer = noClasses().that().resideInAPackage("..command.plan..")
            .should().dependOnClassesThat().resideInAPackage("..command.web..");

    @ArchTest
    static final ArchRule reportModelIsFreeOfWebAndSpring = noClasses().that().resideInAPackage("..command.report")
            .should().dependOnClassesThat().resideInAnyPackage("..command.web..", "..command.reportweb..", "..command.plan..",
                    "org.springframework..");

    @ArchTest
    static final ArchRule reportModelStaysApartFromTheOtherModels = noClasses().that().resideInAPackage("..command.report")
            .should().dependOnClassesThat().resideInAnyPackage("..command.objective..", "..command.audit..", "..command.nonconformity..");

    @ArchTest
    static final ArchRule reviewModelIsFreeOfWebAndSpring = noClasses().that().resideInAPackage("..command.review..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.web..", "..command.reportweb..", "..command.plan..",
                    "org.springframework..");

    /** A review refers to the audit it follows by its id (shared-api), never to another model. */
    @ArchTest
    static final ArchRule reviewModelStaysApartFromTheOtherModels = noClasses().that().resideInAPackage("..command.review..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.objective..", "..command.audit..", "..command.nonconformity..",
                    "..command.report");

    /** The directory model knows nothing of the web, the plan import, Spring or the other models. */
    @ArchTest
    static final ArchRule directoryModelIsFreeOfWebSpringAndTheOtherModels = noClasses().that().resideInAPackage("..command.directory..")
            .should().dependOnClassesThat().resideInAnyPackage("..command.web..", "..command.plan..", "org.springframework..",
                    "..command.objective..", "..command.audit..", "..command.nonconformity..", "..command.review..", "..command.report");
}
