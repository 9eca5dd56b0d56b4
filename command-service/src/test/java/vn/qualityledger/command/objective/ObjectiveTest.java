package vn.qualityledger.command.objective;

import vn.qualityledger.api.common.FileReference;
import static vn.qualityledger.command.objective.ObjectiveFixtures.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.CommandErrorDetails.Kind;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.objective.*;

class ObjectiveTest {

    private AggregateTestFixture<Objective> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Objective.class);
        actAsAdministratorByDefault(fixture);
    }

    private static void refused(ResultValidator<Objective> result, Kind kind, String code, String field) {
        result.expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new CommandErrorDetails(kind, code, field));
    }

    private TestExecutor<Objective> givenPlannedReports(Object... more) {
        Object[] events = new Object[2 + more.length];
        events[0] = defined();
        events[1] = reportsPlanned();
        System.arraycopy(more, 0, events, 2, more.length);
        return fixture.given(events);
    }

    @Nested
    class DefiningAnObjective {

        @Test
        void canDefineAnObjectiveWithATarget() {
            fixture.givenNoPriorActivity().when(define()).expectEvents(defined());
        }

        @Test
        void canDefineAnObjectiveWithoutATarget() {
            fixture.givenNoPriorActivity()
                    .when(new DefineObjectiveCommand(OBJECTIVE, ORG, YEAR, "MTCL-2023-07", "Xây dựng đội ngũ", null))
                    .expectEvents(new ObjectiveDefinedEvent(OBJECTIVE, ORG, YEAR, "MTCL-2023-07", "Xây dựng đội ngũ", null));
        }

        @Test
        void definingTheSameObjectiveAgainChangesNothing() {
            fixture.given(defined()).when(define()).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotRedefineAnObjectiveWithOtherContent() {
            refused(fixture.given(defined()).when(new DefineObjectiveCommand(OBJECTIVE, ORG, YEAR, "MTCL-2023-03", "Khác", TARGET)),
                    Kind.CONFLICT, "OBJECTIVE_EXISTS", "objectiveId");
        }

        @Test
        void cannotDefineAPercentageTargetAboveHundred() {
            Target impossible = new Target("Tỷ lệ", Comparator.AT_LEAST, new BigDecimal("120"), "%");
            refused(fixture.givenNoPriorActivity().when(new DefineObjectiveCommand(OBJECTIVE, ORG, YEAR, "X", STATEMENT, impossible)),
                    Kind.RULE_BROKEN, "TARGET_PERCENT_OUT_OF_RANGE", "target.value");
        }

        @Test
        void cannotDefineATargetValueNoRecordCanMean() {
            Target endless = new Target("Số hồ sơ", Comparator.AT_LEAST, new BigDecimal("1e999999999"), "hồ sơ");
            refused(fixture.givenNoPriorActivity().when(new DefineObjectiveCommand(OBJECTIVE, ORG, YEAR, "X", STATEMENT, endless)),
                    Kind.RULE_BROKEN, "TARGET_VALUE_OUT_OF_RANGE", "target.value");
        }

        @Test
        void cannotDefineATargetWithoutComparator() {
            Target vague = new Target("Tỷ lệ", null, new BigDecimal("95"), "%");
            refused(fixture.givenNoPriorActivity().when(new DefineObjectiveCommand(OBJECTIVE, ORG, YEAR, "X", STATEMENT, vague)),
                    Kind.RULE_BROKEN, "TARGET_COMPARATOR_REQUIRED", "target.comparator");
        }

        @Test
        void cannotDefineAnObjectiveForAnImplausibleYear() {
            refused(fixture.givenNoPriorActivity().when(new DefineObjectiveCommand(OBJECTIVE, ORG, 1999, "X", STATEMENT, TARGET)),
                    Kind.RULE_BROKEN, "YEAR_OUT_OF_RANGE", "year");
        }
    }

    @Nested
    class RevisingAnObjective {

        @Test
        void canReviseStatementAndTarget() {
            Target higher = new Target(TARGET.indicator(), Comparator.AT_LEAST, new BigDecimal("98"), "%");
            fixture.given(defined()).when(new ReviseObjectiveCommand(OBJECTIVE, "Mới", higher))
                    .expectEvents(new ObjectiveRevisedEvent(OBJECTIVE, "Mới", higher));
        }

        @Test
        void revisingToTheSameContentChangesNothing() {
            fixture.given(defined()).when(new ReviseObjectiveCommand(OBJECTIVE, STATEMENT, TARGET)).expectNoEvents();
        }

        @Test
        void cannotRemoveATargetThatHasBeenMeasured() {
            MeasurementRecordedEvent measured = new MeasurementRecordedEvent(OBJECTIVE, new MeasurementId("m1"),
                    new Period(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 3, 31)), null, null, new BigDecimal("96"), "Khảo sát", LocalDate.of(2023, 4, 2));
            refused(fixture.given(defined(), measured).when(new ReviseObjectiveCommand(OBJECTIVE, STATEMENT, null)),
                    Kind.RULE_BROKEN, "TARGET_MEASURED", "target");
        }

        @Test
        void cannotReviseAClosedObjective() {
            refused(fixture.given(defined(), closed()).when(new ReviseObjectiveCommand(OBJECTIVE, "Mới", TARGET)),
                    Kind.RULE_BROKEN, "OBJECTIVE_CLOSED", null);
        }
    }

    @Nested
    class PublishingAnObjective {

        private final Decision decision = new Decision("147/QĐ-SLĐTBXH", LocalDate.of(2023, 2, 7));

        @Test
        void canPublishUnderADecision() {
            fixture.given(defined()).when(new PublishObjectiveCommand(OBJECTIVE, decision))
                    .expectEvents(new ObjectivePublishedEvent(OBJECTIVE, decision));
        }

        @Test
        void publishingAgainUnderTheSameDecisionChangesNothing() {
            fixture.given(defined(), new ObjectivePublishedEvent(OBJECTIVE, decision))
                    .when(new PublishObjectiveCommand(OBJECTIVE, decision)).expectNoEvents();
        }

        @Test
        void cannotPublishUnderASecondDecision() {
            refused(fixture.given(defined(), new ObjectivePublishedEvent(OBJECTIVE, decision))
                            .when(new PublishObjectiveCommand(OBJECTIVE, new Decision("200/QĐ-SLĐTBXH", LocalDate.of(2023, 3, 1)))),
                    Kind.RULE_BROKEN, "OBJECTIVE_ALREADY_PUBLISHED", "decision");
        }

        @Test
        void cannotPublishAClosedObjective() {
            refused(fixture.given(defined(), closed()).when(new PublishObjectiveCommand(OBJECTIVE, decision)),
                    Kind.RULE_BROKEN, "OBJECTIVE_CLOSED", null);
        }
    }

    @Nested
    class ClosingTheYear {

        @Test
        void canCloseAsAchieved() {
            fixture.given(defined()).when(new CloseObjectiveCommand(OBJECTIVE, new Assessment(true, null), LocalDate.of(2023, 12, 31)))
                    .expectEvents(closed());
        }

        @Test
        void canCloseAsNotAchievedWithAReason() {
            Assessment missed = new Assessment(false, "Tỷ lệ hài lòng 93%, thấp hơn mục tiêu");
            fixture.given(defined()).when(new CloseObjectiveCommand(OBJECTIVE, missed, LocalDate.of(2024, 1, 15)))
                    .expectEvents(new ObjectiveClosedEvent(OBJECTIVE, missed, LocalDate.of(2024, 1, 15)));
        }

        @Test
        void cannotCloseAsNotAchievedWithoutAReason() {
            refused(fixture.given(defined()).when(new CloseObjectiveCommand(OBJECTIVE, new Assessment(false, " "), LocalDate.of(2023, 12, 31))),
                    Kind.RULE_BROKEN, "ASSESSMENT_REASON_REQUIRED", "assessment.reason");
        }

        @Test
        void cannotCloseBeforeTheYearBegins() {
            refused(fixture.given(defined()).when(new CloseObjectiveCommand(OBJECTIVE, new Assessment(true, null), LocalDate.of(2022, 12, 31))),
                    Kind.RULE_BROKEN, "CLOSED_BEFORE_YEAR", "closedOn");
        }

        @Test
        void cannotCloseTwice() {
            refused(fixture.given(defined(), closed()).when(new CloseObjectiveCommand(OBJECTIVE, new Assessment(true, null), LocalDate.of(2023, 12, 31))),
                    Kind.RULE_BROKEN, "OBJECTIVE_CLOSED", null);
        }
    }

    @Nested
    class PlanningMeasures {

        @Test
        void canPlanAMeasureAndRecordTheOccurrencesItsScheduleYields() {
            fixture.given(defined()).when(new PlanMeasureCommand(OBJECTIVE, REPORTS, null, REPORT_DETAILS))
                    .expectEvents(reportsPlanned());
        }

        @Test
        void canPlanASubMeasure() {
            MeasureId sub = new MeasureId("I.6.a");
            MeasureDetails details = details("I.6.a", "Báo cáo 6 tháng", new Schedule("Trước 15/5", List.of(ScheduleRule.oneOff(LocalDate.of(2023, 5, 14)))));
            givenPlannedReports().when(new PlanMeasureCommand(OBJECTIVE, sub, REPORTS, details))
                    .expectEvents(new MeasurePlannedEvent(OBJECTIVE, sub, REPORTS, details,
                            List.of(new ScheduledOccurrence(new OccurrenceId("I.6.a@2023-05-14"), LocalDate.of(2023, 5, 14)))));
        }

        @Test
        void planningTheSameMeasureAgainChangesNothing() {
            givenPlannedReports().when(new PlanMeasureCommand(OBJECTIVE, REPORTS, null, REPORT_DETAILS)).expectNoEvents();
        }

        @Test
        void cannotPlanAnotherMeasureUnderATakenId() {
            refused(givenPlannedReports().when(new PlanMeasureCommand(OBJECTIVE, REPORTS, null, details("I.6", "Khác", REPORT_SCHEDULE))),
                    Kind.CONFLICT, "MEASURE_EXISTS", "measureId");
        }

        @Test
        void cannotPlanTwoMeasuresWithOneCode() {
            refused(givenPlannedReports().when(new PlanMeasureCommand(OBJECTIVE, new MeasureId("other"), null, REPORT_DETAILS)),
                    Kind.CONFLICT, "MEASURE_CODE_TAKEN", "details.code");
        }

        @Test
        void cannotPlanASubMeasureOfAnUnknownMeasure() {
            refused(fixture.given(defined()).when(new PlanMeasureCommand(OBJECTIVE, new MeasureId("x.a"), new MeasureId("x"), details("x.a", "t", REPORT_SCHEDULE))),
                    Kind.NOT_FOUND, "MEASURE_NOT_FOUND", "parentMeasureId");
        }

        @Test
        void cannotPlanASubMeasureOfASubMeasure() {
            MeasureId sub = new MeasureId("I.6.a");
            MeasurePlannedEvent subPlanned = new MeasurePlannedEvent(OBJECTIVE, sub, REPORTS, details("I.6.a", "t", REPORT_SCHEDULE), List.of());
            refused(givenPlannedReports(subPlanned).when(new PlanMeasureCommand(OBJECTIVE, new MeasureId("I.6.a.i"), sub, details("I.6.a.i", "t", REPORT_SCHEDULE))),
                    Kind.RULE_BROKEN, "SUB_MEASURE_TOO_DEEP", "parentMeasureId");
        }

        @Test
        void cannotPlanASubMeasureOfACancelledMeasure() {
            refused(givenPlannedReports(new MeasureCancelledEvent(OBJECTIVE, REPORTS, "Bỏ", LocalDate.of(2023, 3, 1)))
                            .when(new PlanMeasureCommand(OBJECTIVE, new MeasureId("I.6.a"), REPORTS, details("I.6.a", "t", REPORT_SCHEDULE))),
                    Kind.RULE_BROKEN, "MEASURE_CANCELLED", "parentMeasureId");
        }

        @Test
        void cannotPlanWithAnUnreadableRecurrenceRule() {
            Schedule bad = new Schedule("?", List.of(ScheduleRule.recurring("FREQ=SOMETIMES")));
            refused(fixture.given(defined()).when(new PlanMeasureCommand(OBJECTIVE, new MeasureId("X.1"), null, details("X.1", "t", bad))),
                    Kind.RULE_BROKEN, "SCHEDULE_RRULE_INVALID", "details.schedule.rules[0].rrule");
        }

        @Test
        void cannotPlanWithAReversedWindow() {
            Schedule bad = new Schedule("?", List.of(ScheduleRule.window(LocalDate.of(2023, 3, 31), LocalDate.of(2023, 3, 1))));
            refused(fixture.given(defined()).when(new PlanMeasureCommand(OBJECTIVE, new MeasureId("X.1"), null, details("X.1", "t", bad))),
                    Kind.RULE_BROKEN, "SCHEDULE_WINDOW_INVALID", "details.schedule.rules[0].window");
        }

        @Test
        void cannotPlanWithARuleOfTwoKinds() {
            Schedule bad = new Schedule("?", List.of(new ScheduleRule(null, null, "FREQ=YEARLY", true, null)));
            refused(fixture.given(defined()).when(new PlanMeasureCommand(OBJECTIVE, new MeasureId("X.1"), null, details("X.1", "t", bad))),
                    Kind.RULE_BROKEN, "SCHEDULE_RULE_AMBIGUOUS", "details.schedule.rules[0]");
        }

        @Test
        void cannotPlanInAClosedObjective() {
            refused(fixture.given(defined(), closed()).when(new PlanMeasureCommand(OBJECTIVE, REPORTS, null, REPORT_DETAILS)),
                    Kind.RULE_BROKEN, "OBJECTIVE_CLOSED", null);
        }
    }

    @Nested
    class RevisingMeasures {

        private final LocalDate revisedOn = LocalDate.of(2023, 6, 1);

        @Test
        void canMoveADueDateCancellingTheOldOccurrenceAndAddingTheNewOne() {
            Schedule moved = new Schedule("Trước 15/5 và trước 15/11", List.of(
                    ScheduleRule.recurring("FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=14"),
                    ScheduleRule.recurring("FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=14")));
            MeasureDetails revised = details("I.6", REPORT_DETAILS.title(), moved);
            givenPlannedReports().when(new ReviseMeasureCommand(OBJECTIVE, REPORTS, revised, revisedOn))
                    .expectEvents(new MeasureRevisedEvent(OBJECTIVE, REPORTS, revised,
                            List.of(new ScheduledOccurrence(new OccurrenceId("I.6@2023-11-14"), LocalDate.of(2023, 11, 14))),
                            List.of(OCTOBER_REPORT), revisedOn));
        }

        @Test
        void keepsACompletedOccurrenceThatTheNewScheduleDropsOut() {
            Schedule octoberOnly = new Schedule("Trước 30/10", List.of(ScheduleRule.recurring("FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=29")));
            MeasureDetails revised = details("I.6", REPORT_DETAILS.title(), octoberOnly);
            givenPlannedReports(evidenceSubmitted(), evidenceAccepted())
                    .when(new ReviseMeasureCommand(OBJECTIVE, REPORTS, revised, revisedOn))
                    .expectEvents(new MeasureRevisedEvent(OBJECTIVE, REPORTS, revised, List.of(), List.of(), revisedOn));
        }

        @Test
        void revisingToTheSameDetailsChangesNothing() {
            givenPlannedReports().when(new ReviseMeasureCommand(OBJECTIVE, REPORTS, REPORT_DETAILS, revisedOn)).expectNoEvents();
        }

        @Test
        void cannotReviseAnUnknownMeasure() {
            refused(fixture.given(defined()).when(new ReviseMeasureCommand(OBJECTIVE, REPORTS, REPORT_DETAILS, revisedOn)),
                    Kind.NOT_FOUND, "MEASURE_NOT_FOUND", "measureId");
        }

        @Test
        void cannotReviseACancelledMeasure() {
            refused(givenPlannedReports(new MeasureCancelledEvent(OBJECTIVE, REPORTS, "Bỏ", LocalDate.of(2023, 3, 1)))
                            .when(new ReviseMeasureCommand(OBJECTIVE, REPORTS, details("I.6", "Khác", REPORT_SCHEDULE), revisedOn)),
                    Kind.RULE_BROKEN, "MEASURE_CANCELLED", "measureId");
        }
    }

    @Nested
    class CancellingMeasures {

        private final LocalDate effectiveOn = LocalDate.of(2023, 7, 1);

        @Test
        void canCancelAMeasureAndItsSubMeasures() {
            MeasureId sub = new MeasureId("I.6.a");
            givenPlannedReports(new MeasurePlannedEvent(OBJECTIVE, sub, REPORTS, details("I.6.a", "t", REPORT_SCHEDULE), List.of()))
                    .when(new CancelMeasureCommand(OBJECTIVE, REPORTS, "Không còn phù hợp", effectiveOn))
                    .expectEvents(new MeasureCancelledEvent(OBJECTIVE, REPORTS, "Không còn phù hợp", effectiveOn),
                            new MeasureCancelledEvent(OBJECTIVE, sub, "Không còn phù hợp", effectiveOn));
        }

        @Test
        void cancellingACancelledMeasureAgainChangesNothing() {
            givenPlannedReports(new MeasureCancelledEvent(OBJECTIVE, REPORTS, "Bỏ", effectiveOn))
                    .when(new CancelMeasureCommand(OBJECTIVE, REPORTS, "Bỏ", effectiveOn)).expectNoEvents();
        }

        @Test
        void cannotCancelAnUnknownMeasure() {
            refused(fixture.given(defined()).when(new CancelMeasureCommand(OBJECTIVE, REPORTS, "Bỏ", effectiveOn)),
                    Kind.NOT_FOUND, "MEASURE_NOT_FOUND", "measureId");
        }

        @Test
        void cannotWorkOnACancelledMeasure() {
            refused(givenPlannedReports(new MeasureCancelledEvent(OBJECTIVE, REPORTS, "Bỏ", effectiveOn))
                            .when(new SubmitEvidenceCommand(OBJECTIVE, EVIDENCE, MAY_REPORT, REPORT_DOCUMENT, LocalDate.of(2023, 7, 2))),
                    Kind.RULE_BROKEN, "OCCURRENCE_CANCELLED", "occurrenceId");
        }
    }

    @Nested
    class AddingAdHocOccurrences {

        private final OccurrenceId extra = new OccurrenceId("I.6-dot-xuat-1");

        @Test
        void canAddWorkOnDemand() {
            givenPlannedReports().when(new AddAdHocOccurrenceCommand(OBJECTIVE, REPORTS, extra, LocalDate.of(2023, 9, 15), "Sau ĐGNB"))
                    .expectEvents(new AdHocOccurrenceAddedEvent(OBJECTIVE, REPORTS,
                            new ScheduledOccurrence(extra, LocalDate.of(2023, 9, 15)), "Sau ĐGNB"));
        }

        @Test
        void addingTheSameOccurrenceAgainChangesNothing() {
            givenPlannedReports(new AdHocOccurrenceAddedEvent(OBJECTIVE, REPORTS, new ScheduledOccurrence(extra, LocalDate.of(2023, 9, 15)), "Sau ĐGNB"))
                    .when(new AddAdHocOccurrenceCommand(OBJECTIVE, REPORTS, extra, LocalDate.of(2023, 9, 15), "Sau ĐGNB")).expectNoEvents();
        }

        @Test
        void cannotReuseAnOccurrenceIdForOtherWork() {
            refused(givenPlannedReports().when(new AddAdHocOccurrenceCommand(OBJECTIVE, REPORTS, MAY_REPORT, LocalDate.of(2023, 9, 15), null)),
                    Kind.CONFLICT, "OCCURRENCE_EXISTS", "occurrenceId");
        }

        @Test
        void cannotAddWorkDueOutsideTheObjectivesYear() {
            for (LocalDate due : new LocalDate[] {LocalDate.of(9999, 12, 31), LocalDate.of(1, 1, 1), LocalDate.of(2022, 12, 31), LocalDate.of(2024, 1, 1)}) {
                refused(givenPlannedReports().when(new AddAdHocOccurrenceCommand(OBJECTIVE, REPORTS, extra, due, null)),
                        Kind.RULE_BROKEN, "OCCURRENCE_OUTSIDE_YEAR", "dueDate");
            }
        }

        @Test
        void canAddWorkDueOnTheLastDayOfTheYear() {
            givenPlannedReports().when(new AddAdHocOccurrenceCommand(OBJECTIVE, REPORTS, extra, LocalDate.of(2023, 12, 31), null))
                    .expectEvents(new AdHocOccurrenceAddedEvent(OBJECTIVE, REPORTS, new ScheduledOccurrence(extra, LocalDate.of(2023, 12, 31)), null));
        }

        @Test
        void cannotAddWorkToACancelledMeasure() {
            refused(givenPlannedReports(new MeasureCancelledEvent(OBJECTIVE, REPORTS, "Bỏ", LocalDate.of(2023, 3, 1)))
                            .when(new AddAdHocOccurrenceCommand(OBJECTIVE, REPORTS, extra, LocalDate.of(2023, 9, 15), null)),
                    Kind.RULE_BROKEN, "MEASURE_CANCELLED", "measureId");
        }
    }

    @Nested
    class AssigningTasks {

        private final LocalDate today = LocalDate.of(2023, 2, 10);

        @Test
        void canAssignAWholeMeasureToAUnit() {
            givenPlannedReports().when(new AssignTaskCommand(OBJECTIVE, REPORTS, null, "VP", null, today))
                    .expectEvents(new TaskAssignedEvent(OBJECTIVE, REPORTS, null, "VP", null, today));
        }

        @Test
        void canAssignOneOccurrenceToAPerson() {
            givenPlannedReports().when(new AssignTaskCommand(OBJECTIVE, REPORTS, MAY_REPORT, "VP", "Nguyễn Thị Hương", today))
                    .expectEvents(new TaskAssignedEvent(OBJECTIVE, REPORTS, MAY_REPORT, "VP", "Nguyễn Thị Hương", today));
        }

        @Test
        void assigningTheSameAgainChangesNothing() {
            givenPlannedReports(new TaskAssignedEvent(OBJECTIVE, REPORTS, null, "VP", null, today))
                    .when(new AssignTaskCommand(OBJECTIVE, REPORTS, null, "VP", null, today.plusDays(1))).expectNoEvents();
        }

        @Test
        void cannotAssignAnOccurrenceUnderAnotherMeasure() {
            MeasureId other = new MeasureId("I.7");
            MeasurePlannedEvent otherPlanned = new MeasurePlannedEvent(OBJECTIVE, other, null, details("I.7", "t", REPORT_SCHEDULE), List.of());
            refused(givenPlannedReports(otherPlanned).when(new AssignTaskCommand(OBJECTIVE, other, MAY_REPORT, "VP", null, today)),
                    Kind.RULE_BROKEN, "OCCURRENCE_OF_OTHER_MEASURE", "occurrenceId");
        }

        @Test
        void cannotAssignAnUnknownOccurrence() {
            refused(givenPlannedReports().when(new AssignTaskCommand(OBJECTIVE, REPORTS, new OccurrenceId("I.6@2023-01-01"), "VP", null, today)),
                    Kind.NOT_FOUND, "OCCURRENCE_NOT_FOUND", "occurrenceId");
        }

        @Test
        void cannotAssignCompletedWork() {
            refused(givenPlannedReports(evidenceSubmitted(), evidenceAccepted())
                            .when(new AssignTaskCommand(OBJECTIVE, REPORTS, MAY_REPORT, "P-KHTC", null, today)),
                    Kind.RULE_BROKEN, "OCCURRENCE_ALREADY_COMPLETE", "occurrenceId");
        }

        @Test
        void cannotAssignInAClosedObjective() {
            refused(givenPlannedReports(closed()).when(new AssignTaskCommand(OBJECTIVE, REPORTS, null, "VP", null, today)),
                    Kind.RULE_BROKEN, "OBJECTIVE_CLOSED", null);
        }
    }

    @Nested
    class SubmittingEvidence {

        private final LocalDate submittedOn = LocalDate.of(2023, 5, 13);

        @Test
        void canSubmitEvidenceForAnOccurrence() {
            givenPlannedReports().when(new SubmitEvidenceCommand(OBJECTIVE, EVIDENCE, MAY_REPORT, REPORT_DOCUMENT, submittedOn))
                    .expectEvents(evidenceSubmitted());
        }

        @Test
        void submittingTheSameEvidenceAgainChangesNothing() {
            givenPlannedReports(evidenceSubmitted())
                    .when(new SubmitEvidenceCommand(OBJECTIVE, EVIDENCE, MAY_REPORT, REPORT_DOCUMENT, submittedOn.plusDays(1))).expectNoEvents();
        }

        @Test
        void canSubmitNewEvidenceAfterARejection() {
            EvidenceId second = new EvidenceId("ev-2");
            givenPlannedReports(evidenceSubmitted(), new EvidenceRejectedEvent(OBJECTIVE, EVIDENCE, REPORTS, MAY_REPORT, "Thiếu chữ ký", submittedOn))
                    .when(new SubmitEvidenceCommand(OBJECTIVE, second, MAY_REPORT, REPORT_DOCUMENT, submittedOn))
                    .expectEvents(new EvidenceSubmittedEvent(OBJECTIVE, second, REPORTS, MAY_REPORT, REPORT_DOCUMENT, submittedOn));
        }

        @Test
        void cannotReuseAnEvidenceIdForAnotherDocument() {
            DocumentReference other = new DocumentReference("1/BC", LocalDate.of(2023, 5, 1), "VP", "Khác", null, null);
            refused(givenPlannedReports(evidenceSubmitted()).when(new SubmitEvidenceCommand(OBJECTIVE, EVIDENCE, MAY_REPORT, other, submittedOn)),
                    Kind.CONFLICT, "EVIDENCE_EXISTS", "evidenceId");
        }

        @Test
        void canSubmitEvidenceWithAStoredFile() {
            givenPlannedReports().when(new SubmitEvidenceCommand(OBJECTIVE, EVIDENCE, MAY_REPORT, REPORT_DOCUMENT, submittedOn, REPORT_FILE))
                    .expectEvents(new EvidenceSubmittedEvent(OBJECTIVE, EVIDENCE, REPORTS, MAY_REPORT, REPORT_DOCUMENT, submittedOn, REPORT_FILE));
        }

        @Test
        void submittingTheSameEvidenceWithItsFileAgainChangesNothing() {
            givenPlannedReports(new EvidenceSubmittedEvent(OBJECTIVE, EVIDENCE, REPORTS, MAY_REPORT, REPORT_DOCUMENT, submittedOn, REPORT_FILE))
                    .when(new SubmitEvidenceCommand(OBJECTIVE, EVIDENCE, MAY_REPORT, REPORT_DOCUMENT, submittedOn, REPORT_FILE))
                    .expectNoEvents();
        }

        @Test
        void cannotReuseAnEvidenceIdForAnotherFile() {
            FileReference other = new FileReference("0".repeat(64), "Báo cáo 6 tháng (bản 2).pdf", 2048L, "application/pdf");
            refused(givenPlannedReports(new EvidenceSubmittedEvent(OBJECTIVE, EVIDENCE, REPORTS, MAY_REPORT, REPORT_DOCUMENT, submittedOn, REPORT_FILE))
                            .when(new SubmitEvidenceCommand(OBJECTIVE, EVIDENCE, MAY_REPORT, REPORT_DOCUMENT, submittedOn, other)),
                    Kind.CONFLICT, "EVIDENCE_EXISTS", "evidenceId");
        }

        @Test
        void cannotAddAFileToEvidenceFiledWithoutOneUnderTheSameId() {
            refused(givenPlannedReports(evidenceSubmitted())
                            .when(new SubmitEvidenceCommand(OBJECTIVE, EVIDENCE, MAY_REPORT, REPORT_DOCUMENT, submittedOn, REPORT_FILE)),
                    Kind.CONFLICT, "EVIDENCE_EXISTS", "evidenceId");
        }

        @Test
        void cannotCiteADocumentHashOtherThanItsFiles() {
            DocumentReference citingAnother = new DocumentReference("512/BC-SLĐTBXH", LocalDate.of(2023, 5, 12), "Văn phòng Sở",
                    "Báo cáo 6 tháng", null, "f".repeat(64));
            refused(givenPlannedReports().when(new SubmitEvidenceCommand(OBJECTIVE, EVIDENCE, MAY_REPORT, citingAnother, submittedOn, REPORT_FILE)),
                    Kind.RULE_BROKEN, "FILE_HASH_MISMATCH", "document.sha256");
        }

        @Test
        void canCiteTheFilesOwnHashInTheDocument() {
            DocumentReference citingIt = new DocumentReference("512/BC-SLĐTBXH", LocalDate.of(2023, 5, 12), "Văn phòng Sở",
                    "Báo cáo 6 tháng", null, REPORT_FILE.sha256().toUpperCase(java.util.Locale.ROOT));
            givenPlannedReports().when(new SubmitEvidenceCommand(OBJECTIVE, EVIDENCE, MAY_REPORT, citingIt, submittedOn, REPORT_FILE))
                    .expectEvents(new EvidenceSubmittedEvent(OBJECTIVE, EVIDENCE, REPORTS, MAY_REPORT, citingIt, submittedOn, REPORT_FILE));
        }

        @Test
        void aRejectedFilingsFileMayBeFiledAgainUnderANewId() {
            EvidenceId second = new EvidenceId("ev-2");
            givenPlannedReports(new EvidenceSubmittedEvent(OBJECTIVE, EVIDENCE, REPORTS, MAY_REPORT, REPORT_DOCUMENT, submittedOn, REPORT_FILE),
                    new EvidenceRejectedEvent(OBJECTIVE, EVIDENCE, REPORTS, MAY_REPORT, "Thiếu chữ ký", submittedOn))
                    .when(new SubmitEvidenceCommand(OBJECTIVE, second, MAY_REPORT, REPORT_DOCUMENT, submittedOn, REPORT_FILE))
                    .expectEvents(new EvidenceSubmittedEvent(OBJECTIVE, second, REPORTS, MAY_REPORT, REPORT_DOCUMENT, submittedOn, REPORT_FILE));
        }

        @Test
        void cannotSubmitForCompletedWork() {
            refused(givenPlannedReports(evidenceSubmitted(), evidenceAccepted())
                            .when(new SubmitEvidenceCommand(OBJECTIVE, new EvidenceId("ev-2"), MAY_REPORT, REPORT_DOCUMENT, submittedOn)),
                    Kind.RULE_BROKEN, "OCCURRENCE_ALREADY_COMPLETE", "occurrenceId");
        }

        @Test
        void cannotSubmitADocumentDatedInTheFuture() {
            refused(givenPlannedReports().when(new SubmitEvidenceCommand(OBJECTIVE, EVIDENCE, MAY_REPORT, REPORT_DOCUMENT, LocalDate.of(2023, 5, 11))),
                    Kind.RULE_BROKEN, "DOCUMENT_DATED_AFTER_SUBMISSION", "document.date");
        }

        @Test
        void cannotSubmitForAnUnknownOccurrence() {
            refused(givenPlannedReports().when(new SubmitEvidenceCommand(OBJECTIVE, EVIDENCE, new OccurrenceId("nope"), REPORT_DOCUMENT, submittedOn)),
                    Kind.NOT_FOUND, "OCCURRENCE_NOT_FOUND", "occurrenceId");
        }

        @Test
        void cannotSubmitInAClosedObjective() {
            refused(givenPlannedReports(closed()).when(new SubmitEvidenceCommand(OBJECTIVE, EVIDENCE, MAY_REPORT, REPORT_DOCUMENT, submittedOn)),
                    Kind.RULE_BROKEN, "OBJECTIVE_CLOSED", null);
        }
    }

    @Nested
    class AcceptingEvidence {

        private final LocalDate acceptedOn = LocalDate.of(2023, 5, 16);

        @Test
        void canAcceptEvidenceEffectiveFromTheDayItWasFiled() {
            givenPlannedReports(evidenceSubmitted())
                    .when(new AcceptEvidenceCommand(OBJECTIVE, EVIDENCE, acceptedOn, LocalDate.of(2023, 5, 13)))
                    .expectEvents(evidenceAccepted());
        }

        @Test
        void acceptingTheSameEvidenceAgainChangesNothing() {
            givenPlannedReports(evidenceSubmitted(), evidenceAccepted())
                    .when(new AcceptEvidenceCommand(OBJECTIVE, EVIDENCE, acceptedOn.plusDays(3), LocalDate.of(2023, 5, 13))).expectNoEvents();
        }

        @Test
        void cannotAcceptEvidenceASecondTimeWithAnotherDate() {
            refused(givenPlannedReports(evidenceSubmitted(), evidenceAccepted())
                            .when(new AcceptEvidenceCommand(OBJECTIVE, EVIDENCE, acceptedOn, acceptedOn)),
                    Kind.RULE_BROKEN, "EVIDENCE_ALREADY_DECIDED", "evidenceId");
        }

        @Test
        void cannotAcceptRejectedEvidence() {
            refused(givenPlannedReports(evidenceSubmitted(), new EvidenceRejectedEvent(OBJECTIVE, EVIDENCE, REPORTS, MAY_REPORT, "Thiếu", acceptedOn))
                            .when(new AcceptEvidenceCommand(OBJECTIVE, EVIDENCE, acceptedOn, acceptedOn)),
                    Kind.RULE_BROKEN, "EVIDENCE_ALREADY_DECIDED", "evidenceId");
        }

        @Test
        void cannotAcceptSecondEvidenceForCompletedWork() {
            EvidenceId second = new EvidenceId("ev-2");
            refused(givenPlannedReports(evidenceSubmitted(),
                            new EvidenceSubmittedEvent(OBJECTIVE, second, REPORTS, MAY_REPORT, REPORT_DOCUMENT, LocalDate.of(2023, 5, 13)),
                            evidenceAccepted())
                            .when(new AcceptEvidenceCommand(OBJECTIVE, second, acceptedOn, acceptedOn)),
                    Kind.RULE_BROKEN, "OCCURRENCE_ALREADY_COMPLETE", "evidenceId");
        }

        @Test
        void cannotMakeAnAcceptanceEffectiveBeforeTheDocumentsDate() {
            refused(givenPlannedReports(evidenceSubmitted()).when(new AcceptEvidenceCommand(OBJECTIVE, EVIDENCE, acceptedOn, LocalDate.of(2023, 5, 1))),
                    Kind.RULE_BROKEN, "EFFECTIVE_DATE_IMPLAUSIBLE", "effectiveOn");
        }

        @Test
        void cannotMakeAnAcceptanceEffectiveAfterTheDecision() {
            refused(givenPlannedReports(evidenceSubmitted()).when(new AcceptEvidenceCommand(OBJECTIVE, EVIDENCE, acceptedOn, acceptedOn.plusDays(1))),
                    Kind.RULE_BROKEN, "EFFECTIVE_DATE_IMPLAUSIBLE", "effectiveOn");
        }

        @Test
        void cannotAcceptUnknownEvidence() {
            refused(givenPlannedReports().when(new AcceptEvidenceCommand(OBJECTIVE, EVIDENCE, acceptedOn, acceptedOn)),
                    Kind.NOT_FOUND, "EVIDENCE_NOT_FOUND", "evidenceId");
        }

        @Test
        void cannotAcceptEvidenceOfACancelledMeasure() {
            refused(givenPlannedReports(evidenceSubmitted(), new MeasureCancelledEvent(OBJECTIVE, REPORTS, "Bỏ", LocalDate.of(2023, 5, 14)))
                            .when(new AcceptEvidenceCommand(OBJECTIVE, EVIDENCE, acceptedOn, acceptedOn)),
                    Kind.RULE_BROKEN, "OCCURRENCE_CANCELLED", "evidenceId");
        }
    }

    @Nested
    class RejectingEvidence {

        private final LocalDate rejectedOn = LocalDate.of(2023, 5, 15);

        @Test
        void canRejectEvidenceWithAReason() {
            givenPlannedReports(evidenceSubmitted()).when(new RejectEvidenceCommand(OBJECTIVE, EVIDENCE, "Thiếu chữ ký", rejectedOn))
                    .expectEvents(new EvidenceRejectedEvent(OBJECTIVE, EVIDENCE, REPORTS, MAY_REPORT, "Thiếu chữ ký", rejectedOn));
        }

        @Test
        void rejectingTheSameEvidenceAgainChangesNothing() {
            givenPlannedReports(evidenceSubmitted(), new EvidenceRejectedEvent(OBJECTIVE, EVIDENCE, REPORTS, MAY_REPORT, "Thiếu chữ ký", rejectedOn))
                    .when(new RejectEvidenceCommand(OBJECTIVE, EVIDENCE, "Thiếu chữ ký", rejectedOn.plusDays(1))).expectNoEvents();
        }

        @Test
        void cannotRejectAcceptedEvidence() {
            refused(givenPlannedReports(evidenceSubmitted(), evidenceAccepted())
                            .when(new RejectEvidenceCommand(OBJECTIVE, EVIDENCE, "Sai", rejectedOn)),
                    Kind.RULE_BROKEN, "EVIDENCE_ALREADY_DECIDED", "evidenceId");
        }

        @Test
        void cannotRejectBeforeSubmission() {
            refused(givenPlannedReports(evidenceSubmitted()).when(new RejectEvidenceCommand(OBJECTIVE, EVIDENCE, "Sai", LocalDate.of(2023, 5, 1))),
                    Kind.RULE_BROKEN, "DECIDED_BEFORE_SUBMISSION", "rejectedOn");
        }
    }

    @Nested
    class RecordingMeasurements {

        private final MeasurementId q2 = new MeasurementId("q2");
        private final Period secondQuarter = new Period(LocalDate.of(2023, 4, 1), LocalDate.of(2023, 6, 30));
        private final LocalDate today = LocalDate.of(2023, 7, 5);

        @Test
        void canRecordARatioAsAPercentage() {
            // 1,212 of 1,250 satisfied = 96.96 %
            fixture.given(defined())
                    .when(new RecordMeasurementCommand(OBJECTIVE, q2, secondQuarter, new BigDecimal("1212"), new BigDecimal("1250"), null, "Phiếu khảo sát", today))
                    .expectEvents(new MeasurementRecordedEvent(OBJECTIVE, q2, secondQuarter, new BigDecimal("1212"), new BigDecimal("1250"),
                            new BigDecimal("96.9600"), "Phiếu khảo sát", today));
        }

        @Test
        void canRecordAValue() {
            fixture.given(defined())
                    .when(new RecordMeasurementCommand(OBJECTIVE, q2, secondQuarter, null, null, new BigDecimal("97.5"), "Báo cáo", today))
                    .expectEvents(new MeasurementRecordedEvent(OBJECTIVE, q2, secondQuarter, null, null, new BigDecimal("97.5"), "Báo cáo", today));
        }

        @Test
        void recordingTheSameMeasurementAgainChangesNothing() {
            fixture.given(defined(), new MeasurementRecordedEvent(OBJECTIVE, q2, secondQuarter, null, null, new BigDecimal("97.5"), "Báo cáo", today))
                    .when(new RecordMeasurementCommand(OBJECTIVE, q2, secondQuarter, null, null, new BigDecimal("97.5"), "Báo cáo", today.plusDays(1)))
                    .expectNoEvents();
        }

        @Test
        void cannotChangeARecordedMeasurementInPlace() {
            refused(fixture.given(defined(), new MeasurementRecordedEvent(OBJECTIVE, q2, secondQuarter, null, null, new BigDecimal("97.5"), "Báo cáo", today))
                            .when(new RecordMeasurementCommand(OBJECTIVE, q2, secondQuarter, null, null, new BigDecimal("90"), "Báo cáo", today)),
                    Kind.CONFLICT, "MEASUREMENT_EXISTS", "measurementId");
        }

        @Test
        void cannotMeasureAPercentageOutsideNoughtToHundred() {
            for (String value : new String[] {"-5", "100.01", "1e309"}) {
                refused(fixture.given(defined()).when(new RecordMeasurementCommand(OBJECTIVE, q2, secondQuarter, null, null, new BigDecimal(value), "x", today)),
                        Kind.RULE_BROKEN, new BigDecimal(value).abs().compareTo(Quantity.LARGEST) > 0 ? "MEASUREMENT_OUT_OF_RANGE" : "MEASUREMENT_PERCENT_OUT_OF_RANGE", "value");
            }
        }

        @Test
        void canMeasureAPercentageOfExactlyNoughtOrHundred() {
            fixture.given(defined())
                    .when(new RecordMeasurementCommand(OBJECTIVE, q2, secondQuarter, null, null, new BigDecimal("100"), "Báo cáo", today))
                    .expectEvents(new MeasurementRecordedEvent(OBJECTIVE, q2, secondQuarter, null, null, new BigDecimal("100"), "Báo cáo", today));
        }

        @Test
        void cannotMeasureAValueNoRecordCanMean() {
            Target days = new Target("Số ngày giải quyết hồ sơ", Comparator.AT_MOST, new BigDecimal("15"), "ngày");
            for (String value : new String[] {"1e999999999", "-1e13", "1.0000001", "1e-999999999"}) {
                refused(fixture.given(new ObjectiveDefinedEvent(OBJECTIVE, ORG, YEAR, "MTCL-2023-04", STATEMENT, days))
                                .when(new RecordMeasurementCommand(OBJECTIVE, q2, secondQuarter, null, null, new BigDecimal(value), "x", today)),
                        Kind.RULE_BROKEN, "MEASUREMENT_OUT_OF_RANGE", "value");
            }
            refused(fixture.given(defined()).when(new RecordMeasurementCommand(OBJECTIVE, q2, secondQuarter, BigDecimal.ONE, new BigDecimal("1e400"), null, "x", today)),
                    Kind.RULE_BROKEN, "MEASUREMENT_OUT_OF_RANGE", "denominator");
        }

        @Test
        void cannotMeasureOutsideTheObjectivesYear() {
            Period lastYear = new Period(LocalDate.of(2022, 10, 1), LocalDate.of(2022, 12, 31));
            refused(fixture.given(defined()).when(new RecordMeasurementCommand(OBJECTIVE, q2, lastYear, null, null, BigDecimal.TEN, "x", today)),
                    Kind.RULE_BROKEN, "PERIOD_OUTSIDE_YEAR", "period");
        }

        @Test
        void cannotMeasureAReversedPeriod() {
            Period reversed = new Period(LocalDate.of(2023, 6, 30), LocalDate.of(2023, 4, 1));
            refused(fixture.given(defined()).when(new RecordMeasurementCommand(OBJECTIVE, q2, reversed, null, null, BigDecimal.TEN, "x", today)),
                    Kind.RULE_BROKEN, "PERIOD_REVERSED", "period.to");
        }

        @Test
        void cannotGiveBothARatioAndAValue() {
            refused(fixture.given(defined()).when(new RecordMeasurementCommand(OBJECTIVE, q2, secondQuarter, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN, "x", today)),
                    Kind.RULE_BROKEN, "MEASUREMENT_VALUE_AMBIGUOUS", "value");
        }

        @Test
        void cannotGiveHalfARatio() {
            refused(fixture.given(defined()).when(new RecordMeasurementCommand(OBJECTIVE, q2, secondQuarter, BigDecimal.ONE, null, null, "x", today)),
                    Kind.RULE_BROKEN, "MEASUREMENT_RATIO_INCOMPLETE", "denominator");
        }

        @Test
        void cannotDivideByZero() {
            refused(fixture.given(defined()).when(new RecordMeasurementCommand(OBJECTIVE, q2, secondQuarter, BigDecimal.ZERO, BigDecimal.ZERO, null, "x", today)),
                    Kind.RULE_BROKEN, "MEASUREMENT_RATIO_INVALID", "denominator");
        }

        @Test
        void cannotCountMoreThanTheWhole() {
            refused(fixture.given(defined()).when(new RecordMeasurementCommand(OBJECTIVE, q2, secondQuarter, BigDecimal.TEN, BigDecimal.ONE, null, "x", today)),
                    Kind.RULE_BROKEN, "MEASUREMENT_RATIO_INVALID", "numerator");
        }

        @Test
        void cannotMeasureAnObjectiveWithoutTarget() {
            refused(fixture.given(new ObjectiveDefinedEvent(OBJECTIVE, ORG, YEAR, "MTCL-2023-07", "x", null))
                            .when(new RecordMeasurementCommand(OBJECTIVE, q2, secondQuarter, null, null, BigDecimal.TEN, "x", today)),
                    Kind.RULE_BROKEN, "OBJECTIVE_HAS_NO_TARGET", null);
        }

        @Test
        void cannotMeasureAClosedObjective() {
            refused(fixture.given(defined(), closed())
                            .when(new RecordMeasurementCommand(OBJECTIVE, q2, secondQuarter, null, null, BigDecimal.TEN, "x", today)),
                    Kind.RULE_BROKEN, "OBJECTIVE_CLOSED", null);
        }
    }

    /**
     * Work is dated by the day it applied, so a year can be entered after the fact; a day before the objective's work
     * opens (its year, or earlier where its decision or an occurrence reaches back) is refused.
     */
    @Nested
    class AppliedDates {

        private final LocalDate dayBeforeTheYear = LocalDate.of(2022, 12, 31);

        @Test
        void workOfAnEarlierYearIsRecordedOnTheDaysItWasDone() {
            givenPlannedReports().when(new AssignTaskCommand(OBJECTIVE, REPORTS, MAY_REPORT, "VP", null, LocalDate.of(2023, 2, 10)))
                    .expectEvents(new TaskAssignedEvent(OBJECTIVE, REPORTS, MAY_REPORT, "VP", null, LocalDate.of(2023, 2, 10)));
        }

        @Test
        void aMeasureIsNotAssignedBeforeTheYear() {
            refused(givenPlannedReports().when(new AssignTaskCommand(OBJECTIVE, REPORTS, null, "VP", null, dayBeforeTheYear)),
                    Kind.RULE_BROKEN, "DATED_BEFORE_YEAR", "assignedOn");
        }

        @Test
        void anOccurrenceIsNotAssignedBeforeTheYear() {
            refused(givenPlannedReports().when(new AssignTaskCommand(OBJECTIVE, REPORTS, MAY_REPORT, "VP", null, dayBeforeTheYear)),
                    Kind.RULE_BROKEN, "DATED_BEFORE_YEAR", "assignedOn");
        }

        @Test
        void workMayBeAssignedFromTheDayOfADecisionSignedTheYearBefore() {
            Decision december = new Decision("1520/QĐ-SLĐTBXH", LocalDate.of(2022, 12, 20));
            givenPlannedReports(new ObjectivePublishedEvent(OBJECTIVE, december))
                    .when(new AssignTaskCommand(OBJECTIVE, REPORTS, null, "VP", null, dayBeforeTheYear))
                    .expectEvents(new TaskAssignedEvent(OBJECTIVE, REPORTS, null, "VP", null, dayBeforeTheYear));
        }

        @Test
        void workDueBeforeTheYearMayBeDoneInThatYear() {
            MeasureId programme = new MeasureId("II.1");
            ScheduledOccurrence dueInDecember = new ScheduledOccurrence(new OccurrenceId("II.1@2022-12-31"), LocalDate.of(2022, 12, 31));
            DocumentReference programmeDocument = new DocumentReference("1490/CTr-SLĐTBXH", LocalDate.of(2022, 12, 15), "Sở LĐTBXH",
                    "Chương trình công tác năm 2023", null, null);
            givenPlannedReports(new MeasurePlannedEvent(OBJECTIVE, programme, null, details("II.1", "Chương trình công tác năm", REPORT_SCHEDULE),
                    List.of(dueInDecember)))
                    .when(new SubmitEvidenceCommand(OBJECTIVE, EVIDENCE, dueInDecember.occurrenceId(), programmeDocument, LocalDate.of(2022, 12, 16)))
                    .expectEvents(new EvidenceSubmittedEvent(OBJECTIVE, EVIDENCE, programme, dueInDecember.occurrenceId(), programmeDocument,
                            LocalDate.of(2022, 12, 16)));
        }

        @Test
        void evidenceIsNotSubmittedBeforeTheYear() {
            DocumentReference early = new DocumentReference("1/BC", LocalDate.of(2022, 12, 1), "VP", "Báo cáo", null, null);
            refused(givenPlannedReports().when(new SubmitEvidenceCommand(OBJECTIVE, EVIDENCE, MAY_REPORT, early, dayBeforeTheYear)),
                    Kind.RULE_BROKEN, "DATED_BEFORE_YEAR", "submittedOn");
        }

        @Test
        void evidenceReviewedOnAnEarlierDayCompletesTheOccurrenceThen() {
            givenPlannedReports(evidenceSubmitted())
                    .when(new AcceptEvidenceCommand(OBJECTIVE, EVIDENCE, LocalDate.of(2023, 5, 16), LocalDate.of(2023, 5, 16)))
                    .expectEvents(new EvidenceAcceptedEvent(OBJECTIVE, EVIDENCE, REPORTS, MAY_REPORT, LocalDate.of(2023, 5, 16), LocalDate.of(2023, 5, 16)));
        }

        @Test
        void aMeasurementIsNotRecordedBeforeItsPeriodBegan() {
            Period secondQuarter = new Period(LocalDate.of(2023, 4, 1), LocalDate.of(2023, 6, 30));
            refused(fixture.given(defined()).when(new RecordMeasurementCommand(OBJECTIVE, new MeasurementId("q2"), secondQuarter, null, null,
                            new BigDecimal("97.5"), "Báo cáo", LocalDate.of(2023, 3, 31))),
                    Kind.RULE_BROKEN, "RECORDED_BEFORE_PERIOD", "recordedOn");
        }
    }
}
