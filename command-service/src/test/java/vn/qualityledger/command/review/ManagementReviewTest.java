package vn.qualityledger.command.review;

import static vn.qualityledger.command.review.ReviewFixtures.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.qualityledger.api.audit.AuditId;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.CommandErrorDetails.Kind;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.review.*;

class ManagementReviewTest {

    private AggregateTestFixture<ManagementReview> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ManagementReview.class);
        actAsAdministratorByDefault(fixture);
    }

    private static void refused(ResultValidator<ManagementReview> result, Kind kind, String code, String field) {
        result.expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new CommandErrorDetails(kind, code, field));
    }

    private static PlanManagementReviewCommand planWith(ReviewTrigger trigger, AuditId audit, LocalDate from, LocalDate to, LocalDate scheduledOn,
                                                    ReviewPerson chair, List<ReviewPerson> participants, LocalDate plannedOn) {
        return new PlanManagementReviewCommand(REVIEW, ORG, TITLE, trigger, audit, from, to, scheduledOn, chair, participants, plannedOn);
    }

    private static HoldManagementReviewCommand holdWith(LocalDate heldOn, Instant cutOff) {
        return new HoldManagementReviewCommand(REVIEW, heldOn, cutOff, ATTENDEES, SUMMARY, CONCLUSION);
    }

    private static RecordReviewDecisionCommand decideWith(ReviewDecisionKind kind, String description, String ownerUnit, LocalDate due, LocalDate recordedOn) {
        return new RecordReviewDecisionCommand(REVIEW, DECISION, kind, description, ownerUnit, due, recordedOn);
    }

    private TestExecutor<ManagementReview> givenHeld(Object... more) {
        Object[] events = new Object[2 + more.length];
        events[0] = planned();
        events[1] = held();
        System.arraycopy(more, 0, events, 2, more.length);
        return fixture.given(events);
    }

    @Nested
    class Planning {

        @Test
        void canPlanAPeriodicReview() {
            fixture.givenNoPriorActivity().when(plan()).expectEvents(planned());
        }

        @Test
        void canPlanAReviewAfterAnInternalAuditNamingTheAudit() {
            fixture.givenNoPriorActivity()
                    .when(planWith(ReviewTrigger.AFTER_INTERNAL_AUDIT, AUDIT, PERIOD_FROM, PERIOD_TO, SCHEDULED_ON, CHAIR, PARTICIPANTS, PLANNED_ON))
                    .expectEvents(new ManagementReviewPlannedEvent(REVIEW, ORG, TITLE, ReviewTrigger.AFTER_INTERNAL_AUDIT, AUDIT, PERIOD_FROM,
                            PERIOD_TO, SCHEDULED_ON, CHAIR, PARTICIPANTS, PLANNED_ON));
        }

        @Test
        void cannotPlanAReviewAfterAnInternalAuditWithoutNamingTheAudit() {
            refused(fixture.givenNoPriorActivity()
                            .when(planWith(ReviewTrigger.AFTER_INTERNAL_AUDIT, null, PERIOD_FROM, PERIOD_TO, SCHEDULED_ON, CHAIR, PARTICIPANTS, PLANNED_ON)),
                    Kind.RULE_BROKEN, "AUDIT_REQUIRED", "auditId");
        }

        @Test
        void planningTheSameReviewAgainOnALaterDayStoresNothing() {
            fixture.given(planned())
                    .when(planWith(ReviewTrigger.PERIODIC, null, PERIOD_FROM, PERIOD_TO, SCHEDULED_ON, CHAIR, PARTICIPANTS, PLANNED_ON.plusDays(2)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotReuseAReviewIdForOtherContent() {
            refused(fixture.given(planned())
                            .when(planWith(ReviewTrigger.EXTRAORDINARY, null, PERIOD_FROM, PERIOD_TO, SCHEDULED_ON, CHAIR, PARTICIPANTS, PLANNED_ON)),
                    Kind.CONFLICT, "REVIEW_EXISTS", "reviewId");
        }

        @Test
        void cannotPlanAReviewWithoutATitle() {
            refused(fixture.givenNoPriorActivity().when(new PlanManagementReviewCommand(REVIEW, ORG, " ", ReviewTrigger.PERIODIC, null,
                    PERIOD_FROM, PERIOD_TO, SCHEDULED_ON, CHAIR, PARTICIPANTS, PLANNED_ON)), Kind.RULE_BROKEN, "TITLE_REQUIRED", "title");
        }

        @Test
        void cannotPlanAReviewWithoutSayingWhyItIsHeld() {
            refused(fixture.givenNoPriorActivity().when(planWith(null, null, PERIOD_FROM, PERIOD_TO, SCHEDULED_ON, CHAIR, PARTICIPANTS, PLANNED_ON)),
                    Kind.RULE_BROKEN, "TRIGGER_REQUIRED", "trigger");
        }

        @Test
        void cannotPlanAReviewWithoutTheStartOfItsPeriod() {
            refused(fixture.givenNoPriorActivity().when(planWith(ReviewTrigger.PERIODIC, null, null, PERIOD_TO, SCHEDULED_ON, CHAIR, PARTICIPANTS, PLANNED_ON)),
                    Kind.RULE_BROKEN, "PERIOD_REQUIRED", "periodFrom");
        }

        @Test
        void cannotPlanAReviewWithoutTheEndOfItsPeriod() {
            refused(fixture.givenNoPriorActivity().when(planWith(ReviewTrigger.PERIODIC, null, PERIOD_FROM, null, SCHEDULED_ON, CHAIR, PARTICIPANTS, PLANNED_ON)),
                    Kind.RULE_BROKEN, "PERIOD_REQUIRED", "periodTo");
        }

        @Test
        void cannotPlanAPeriodThatEndsBeforeItStarts() {
            refused(fixture.givenNoPriorActivity().when(planWith(ReviewTrigger.PERIODIC, null, PERIOD_TO, PERIOD_FROM, SCHEDULED_ON, CHAIR, PARTICIPANTS, PLANNED_ON)),
                    Kind.RULE_BROKEN, "PERIOD_REVERSED", "periodTo");
        }

        @Test
        void cannotPlanAReviewWithoutItsMeetingDay() {
            refused(fixture.givenNoPriorActivity().when(planWith(ReviewTrigger.PERIODIC, null, PERIOD_FROM, PERIOD_TO, null, CHAIR, PARTICIPANTS, PLANNED_ON)),
                    Kind.RULE_BROKEN, "SCHEDULED_DATE_REQUIRED", "scheduledOn");
        }

        @Test
        void cannotScheduleTheMeetingBeforeTheLastDayOfThePeriod() {
            refused(fixture.givenNoPriorActivity().when(planWith(ReviewTrigger.PERIODIC, null, PERIOD_FROM, PERIOD_TO, PERIOD_TO.minusDays(1), CHAIR,
                    PARTICIPANTS, PLANNED_ON)), Kind.RULE_BROKEN, "SCHEDULED_BEFORE_PERIOD_END", "scheduledOn");
        }

        @Test
        void canScheduleTheMeetingOnTheLastDayOfThePeriodAsThePlanDoes() {
            fixture.givenNoPriorActivity().when(planWith(ReviewTrigger.PERIODIC, null, PERIOD_FROM, PERIOD_TO, PERIOD_TO, CHAIR, PARTICIPANTS, PLANNED_ON))
                    .expectEvents(new ManagementReviewPlannedEvent(REVIEW, ORG, TITLE, ReviewTrigger.PERIODIC, null, PERIOD_FROM, PERIOD_TO,
                            PERIOD_TO, CHAIR, PARTICIPANTS, PLANNED_ON));
        }

        @Test
        void cannotScheduleTheMeetingBeforeTheDayItIsPlanned() {
            refused(fixture.givenNoPriorActivity().when(planWith(ReviewTrigger.PERIODIC, null, PERIOD_FROM, PERIOD_TO, SCHEDULED_ON, CHAIR, PARTICIPANTS,
                    SCHEDULED_ON.plusDays(1))), Kind.RULE_BROKEN, "SCHEDULED_BEFORE_PLANNING", "scheduledOn");
        }

        @Test
        void cannotPlanAReviewWithoutAChair() {
            refused(fixture.givenNoPriorActivity().when(planWith(ReviewTrigger.PERIODIC, null, PERIOD_FROM, PERIOD_TO, SCHEDULED_ON, null, PARTICIPANTS, PLANNED_ON)),
                    Kind.RULE_BROKEN, "CHAIR_REQUIRED", "chair");
        }

        @Test
        void cannotPlanAReviewWhoseChairHasNoName() {
            refused(fixture.givenNoPriorActivity().when(planWith(ReviewTrigger.PERIODIC, null, PERIOD_FROM, PERIOD_TO, SCHEDULED_ON,
                    new ReviewPerson(" ", "Giám đốc Sở"), PARTICIPANTS, PLANNED_ON)), Kind.RULE_BROKEN, "CHAIR_REQUIRED", "chair.name");
        }

        @Test
        void cannotPlanAReviewWithoutParticipants() {
            refused(fixture.givenNoPriorActivity().when(planWith(ReviewTrigger.PERIODIC, null, PERIOD_FROM, PERIOD_TO, SCHEDULED_ON, CHAIR, List.of(), PLANNED_ON)),
                    Kind.RULE_BROKEN, "PARTICIPANTS_REQUIRED", "participants");
        }

        @Test
        void cannotPlanAParticipantWithoutAName() {
            refused(fixture.givenNoPriorActivity().when(planWith(ReviewTrigger.PERIODIC, null, PERIOD_FROM, PERIOD_TO, SCHEDULED_ON, CHAIR,
                    List.of(PARTICIPANTS.get(0), new ReviewPerson("", "Thư ký ISO")), PLANNED_ON)), Kind.RULE_BROKEN, "PARTICIPANTS_REQUIRED", "participants[1].name");
        }

        @Test
        void cannotInviteTheSamePersonTwiceEvenWrittenWithDecomposedDiacriticsOrOtherCase() {
            String decomposed = java.text.Normalizer.normalize("trần văn quang ", java.text.Normalizer.Form.NFD);
            refused(fixture.givenNoPriorActivity().when(planWith(ReviewTrigger.PERIODIC, null, PERIOD_FROM, PERIOD_TO, SCHEDULED_ON, CHAIR,
                    List.of(PARTICIPANTS.get(0), PARTICIPANTS.get(1), new ReviewPerson(decomposed, null)), PLANNED_ON)),
                    Kind.RULE_BROKEN, "PARTICIPANT_TWICE", "participants[2]");
        }
    }

    @Nested
    class Notes {

        @Test
        void canRecordTheSecretarysNotes() {
            fixture.given(planned()).when(new RecordReviewNotesCommand(REVIEW, NOTES, LocalDate.of(2023, 7, 5)))
                    .expectEvents(new ReviewNotesRecordedEvent(REVIEW, NOTES, LocalDate.of(2023, 7, 5)));
        }

        @Test
        void canReplaceTheNotesBeforeTheReviewIsHeld() {
            ReviewNotes revised = new ReviewNotes(null, null, null, "Đã bổ sung 01 công chức", null, null, "Không");
            fixture.given(planned(), new ReviewNotesRecordedEvent(REVIEW, NOTES, LocalDate.of(2023, 7, 5)))
                    .when(new RecordReviewNotesCommand(REVIEW, revised, LocalDate.of(2023, 7, 8)))
                    .expectEvents(new ReviewNotesRecordedEvent(REVIEW, revised, LocalDate.of(2023, 7, 8)));
        }

        @Test
        void recordingTheSameNotesAgainStoresNothing() {
            fixture.given(planned(), new ReviewNotesRecordedEvent(REVIEW, NOTES, LocalDate.of(2023, 7, 5)))
                    .when(new RecordReviewNotesCommand(REVIEW, NOTES, LocalDate.of(2023, 7, 6)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotChangeTheNotesOnceTheReviewIsHeld() {
            refused(givenHeld().when(new RecordReviewNotesCommand(REVIEW, NOTES, HELD_ON)), Kind.RULE_BROKEN, "REVIEW_ALREADY_HELD", null);
        }

        @Test
        void cannotRecordNotesOfACancelledReview() {
            refused(fixture.given(planned(), cancelled()).when(new RecordReviewNotesCommand(REVIEW, NOTES, LocalDate.of(2023, 7, 5))),
                    Kind.RULE_BROKEN, "REVIEW_CANCELLED", null);
        }

        @Test
        void cannotRecordNoNotes() {
            refused(fixture.given(planned()).when(new RecordReviewNotesCommand(REVIEW, null, LocalDate.of(2023, 7, 5))),
                    Kind.RULE_BROKEN, "NOTES_REQUIRED", "notes");
        }

        @Test
        void cannotDateNotesBeforeThePlan() {
            refused(fixture.given(planned()).when(new RecordReviewNotesCommand(REVIEW, NOTES, PLANNED_ON.minusDays(1))),
                    Kind.RULE_BROKEN, "DATED_BEFORE_PLANNING", "recordedOn");
        }
    }

    @Nested
    class Holding {

        @Test
        void canHoldAPlannedReview() {
            fixture.given(planned()).when(hold()).expectEvents(held());
        }

        @Test
        void holdingItAgainWithTheSameContentStoresNothing() {
            givenHeld().when(hold()).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void holdingItAgainAtAnotherCutOffStoresNothingAsARetryOfCutOffNow() {
            givenHeld().when(holdWith(HELD_ON, CUT_OFF.plusSeconds(90))).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotHoldItAgainWithOtherContent() {
            refused(givenHeld().when(holdWith(HELD_ON.plusDays(1), CUT_OFF)), Kind.CONFLICT, "REVIEW_ALREADY_HELD", "reviewId");
        }

        @Test
        void cannotHoldACancelledReview() {
            refused(fixture.given(planned(), cancelled()).when(hold()), Kind.RULE_BROKEN, "REVIEW_CANCELLED", null);
        }

        @Test
        void cannotHoldWithoutTheMeetingsDay() {
            refused(fixture.given(planned()).when(holdWith(null, CUT_OFF)), Kind.RULE_BROKEN, "HELD_DATE_REQUIRED", "heldOn");
        }

        @Test
        void cannotHoldBeforeTheLastDayOfThePeriod() {
            refused(fixture.given(planned()).when(holdWith(PERIOD_TO.minusDays(1), Instant.parse("2023-06-29T01:00:00Z"))),
                    Kind.RULE_BROKEN, "HELD_BEFORE_PERIOD_END", "heldOn");
        }

        @Test
        void cannotHoldBeforeTheReviewWasPlanned() {
            ManagementReviewPlannedEvent plannedLate = new ManagementReviewPlannedEvent(REVIEW, ORG, TITLE, ReviewTrigger.EXTRAORDINARY, null,
                    PERIOD_FROM, PERIOD_TO, SCHEDULED_ON, CHAIR, PARTICIPANTS, LocalDate.of(2023, 7, 5));
            refused(fixture.given(plannedLate).when(holdWith(LocalDate.of(2023, 7, 4), Instant.parse("2023-07-04T01:00:00Z"))),
                    Kind.RULE_BROKEN, "HELD_BEFORE_PLANNING", "heldOn");
        }

        @Test
        void cannotHoldWithoutACutOff() {
            refused(fixture.given(planned()).when(holdWith(HELD_ON, null)), Kind.RULE_BROKEN, "CUT_OFF_REQUIRED", "cutOff");
        }

        @Test
        void cannotReadTheInputsBeforeTheStartOfThePeriodsLastDayInHoChiMinhCity() {
            refused(fixture.given(planned()).when(holdWith(HELD_ON, Instant.parse("2023-06-29T16:59:59Z"))),
                    Kind.RULE_BROKEN, "CUT_OFF_BEFORE_PERIOD_END", "cutOff");
        }

        @Test
        void canReadTheInputsFromTheStartOfThePeriodsLastDay() {
            Instant startOfJune30 = Instant.parse("2023-06-29T17:00:00Z");
            fixture.given(planned()).when(holdWith(HELD_ON, startOfJune30))
                    .expectEvents(new ManagementReviewHeldEvent(REVIEW, HELD_ON, startOfJune30, ATTENDEES, SUMMARY, CONCLUSION));
        }

        @Test
        void cannotReadTheInputsAfterTheEndOfTheMeetingsDay() {
            refused(fixture.given(planned()).when(holdWith(HELD_ON, Instant.parse("2023-07-10T17:00:00.001Z"))),
                    Kind.RULE_BROKEN, "CUT_OFF_AFTER_MEETING", "cutOff");
        }

        @Test
        void canReadTheInputsUpToTheEndOfTheMeetingsDay() {
            Instant endOfJuly10 = Instant.parse("2023-07-10T17:00:00Z");
            fixture.given(planned()).when(holdWith(HELD_ON, endOfJuly10))
                    .expectEvents(new ManagementReviewHeldEvent(REVIEW, HELD_ON, endOfJuly10, ATTENDEES, SUMMARY, CONCLUSION));
        }

        @Test
        void cannotHoldWithoutAttendees() {
            refused(fixture.given(planned()).when(new HoldManagementReviewCommand(REVIEW, HELD_ON, CUT_OFF, List.of(), SUMMARY, CONCLUSION)),
                    Kind.RULE_BROKEN, "ATTENDEES_REQUIRED", "attendees");
        }

        @Test
        void cannotNameAnAttendeeTwice() {
            refused(fixture.given(planned()).when(new HoldManagementReviewCommand(REVIEW, HELD_ON, CUT_OFF, List.of(CHAIR, CHAIR), SUMMARY, CONCLUSION)),
                    Kind.RULE_BROKEN, "ATTENDEE_TWICE", "attendees[1]");
        }

        @Test
        void cannotHoldWithoutASummaryOfTheMinutes() {
            refused(fixture.given(planned()).when(new HoldManagementReviewCommand(REVIEW, HELD_ON, CUT_OFF, ATTENDEES, "  ", CONCLUSION)),
                    Kind.RULE_BROKEN, "MINUTES_SUMMARY_REQUIRED", "minutesSummary");
        }

        @Test
        void cannotHoldWithoutAConclusion() {
            refused(fixture.given(planned()).when(new HoldManagementReviewCommand(REVIEW, HELD_ON, CUT_OFF, ATTENDEES, SUMMARY, null)),
                    Kind.RULE_BROKEN, "CONCLUSION_REQUIRED", "conclusion");
        }

        @Test
        void cannotHoldWithAConclusionThatSaysNothing() {
            refused(fixture.given(planned()).when(new HoldManagementReviewCommand(REVIEW, HELD_ON, CUT_OFF, ATTENDEES, SUMMARY,
                    new QmsConclusion(true, false, true, ""))), Kind.RULE_BROKEN, "CONCLUSION_REQUIRED", "conclusion.statement");
        }
    }

    @Nested
    class Decisions {

        @Test
        void canRecordADecisionOfAHeldReview() {
            givenHeld().when(decide()).expectEvents(decided());
        }

        @Test
        void recordingSchedulesTheOverdueDeadlineForTheStartOfTheDayAfterTheDueDateInHoChiMinhCity() {
            givenHeld().when(decide()).expectScheduledDeadline(Instant.parse("2023-09-30T17:00:00Z"), DECISION.value());
        }

        @Test
        void recordingTheSameDecisionAgainStoresNothingAndSchedulesNothing() {
            givenHeld(decided()).when(decideWith(ReviewDecisionKind.IMPROVEMENT, "Số hóa hồ sơ lưu trữ của Văn phòng Sở", "VP", DUE, DECIDED_ON.plusDays(3)))
                    .expectSuccessfulHandlerExecution().expectNoEvents().expectNoScheduledDeadlines();
        }

        @Test
        void cannotReuseADecisionIdForOtherContent() {
            refused(givenHeld(decided()).when(decideWith(ReviewDecisionKind.QMS_CHANGE, "Sửa quy trình", "VP", DUE, DECIDED_ON)),
                    Kind.CONFLICT, "DECISION_EXISTS", "decisionId");
        }

        @Test
        void cannotDecideBeforeTheReviewIsHeld() {
            refused(fixture.given(planned()).when(decide()), Kind.RULE_BROKEN, "REVIEW_NOT_HELD", null);
        }

        @Test
        void cannotDecideOnACancelledReview() {
            refused(fixture.given(planned(), cancelled()).when(decide()), Kind.RULE_BROKEN, "REVIEW_CANCELLED", null);
        }

        @Test
        void cannotDecideOnceTheMinutesAreIssued() {
            refused(givenHeld(minutesIssued(LocalDate.of(2023, 7, 12))).when(decide()), Kind.RULE_BROKEN, "MINUTES_ALREADY_ISSUED", null);
        }

        @Test
        void cannotDecideWithoutAKind() {
            refused(givenHeld().when(decideWith(null, "Số hóa", "VP", DUE, DECIDED_ON)), Kind.RULE_BROKEN, "DECISION_KIND_REQUIRED", "kind");
        }

        @Test
        void cannotDecideWithoutADescription() {
            refused(givenHeld().when(decideWith(ReviewDecisionKind.IMPROVEMENT, " ", "VP", DUE, DECIDED_ON)), Kind.RULE_BROKEN, "DESCRIPTION_REQUIRED", "description");
        }

        @Test
        void cannotDecideWithoutAnOwnerUnit() {
            refused(givenHeld().when(decideWith(ReviewDecisionKind.IMPROVEMENT, "Số hóa", "", DUE, DECIDED_ON)), Kind.RULE_BROKEN, "OWNER_UNIT_REQUIRED", "ownerUnit");
        }

        @Test
        void cannotDecideWithoutADueDate() {
            refused(givenHeld().when(decideWith(ReviewDecisionKind.IMPROVEMENT, "Số hóa", "VP", null, DECIDED_ON)), Kind.RULE_BROKEN, "DUE_DATE_REQUIRED", "dueDate");
        }

        @Test
        void cannotMakeADecisionDueBeforeTheMeeting() {
            refused(givenHeld().when(decideWith(ReviewDecisionKind.IMPROVEMENT, "Số hóa", "VP", HELD_ON.minusDays(1), DECIDED_ON)),
                    Kind.RULE_BROKEN, "DUE_BEFORE_MEETING", "dueDate");
        }

        @Test
        void cannotRecordADecisionDatedBeforeTheMeeting() {
            refused(givenHeld().when(decideWith(ReviewDecisionKind.IMPROVEMENT, "Số hóa", "VP", DUE, HELD_ON.minusDays(1))),
                    Kind.RULE_BROKEN, "RECORDED_BEFORE_MEETING", "recordedOn");
        }
    }

    @Nested
    class Completion {

        @Test
        void theOwnerUnitsStaffCompleteADecision() {
            givenHeld(decided()).when(complete(), VP_STAFF.toMetaData()).expectEvents(completed());
        }

        @Test
        void aDecisionIsCompletedWithANoteAlone() {
            givenHeld(decided()).when(new CompleteReviewDecisionCommand(REVIEW, DECISION, LocalDate.of(2023, 9, 25), null, "Đã số hóa"))
                    .expectEvents(new ReviewDecisionCompletedEvent(REVIEW, DECISION, LocalDate.of(2023, 9, 25), null, "Đã số hóa"));
        }

        @Test
        void aDecisionIsCompletedAfterTheMinutesAreIssued() {
            givenHeld(decided(), minutesIssued(LocalDate.of(2023, 7, 12))).when(complete()).expectEvents(completed());
        }

        @Test
        void completingTheSameWayAgainStoresNothing() {
            givenHeld(decided(), completed())
                    .when(new CompleteReviewDecisionCommand(REVIEW, DECISION, LocalDate.of(2023, 9, 28), EVIDENCE, "Đã số hóa 1.200 hồ sơ"))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotCompleteADecisionTwice() {
            refused(givenHeld(decided(), completed()).when(new CompleteReviewDecisionCommand(REVIEW, DECISION, LocalDate.of(2023, 9, 28), null, "Khác")),
                    Kind.RULE_BROKEN, "DECISION_ALREADY_COMPLETED", "decisionId");
        }

        @Test
        void cannotCompleteADecisionTheReviewDidNotTake() {
            refused(givenHeld(decided()).when(new CompleteReviewDecisionCommand(REVIEW, new ReviewDecisionId("D9"), LocalDate.of(2023, 9, 25), null, "x")),
                    Kind.NOT_FOUND, "DECISION_NOT_FOUND", "decisionId");
        }

        @Test
        void cannotCompleteADecisionBeforeItWasRecorded() {
            refused(givenHeld(decided()).when(new CompleteReviewDecisionCommand(REVIEW, DECISION, DECIDED_ON.minusDays(1), null, "Đã làm")),
                    Kind.RULE_BROKEN, "COMPLETED_BEFORE_DECISION", "completedOn");
        }

        @Test
        void cannotCompleteWithoutANoteOrEvidence() {
            refused(givenHeld(decided()).when(new CompleteReviewDecisionCommand(REVIEW, DECISION, LocalDate.of(2023, 9, 25), null, " ")),
                    Kind.RULE_BROKEN, "NOTE_OR_EVIDENCE_REQUIRED", "note");
        }

        @Test
        void cannotCiteEvidenceDatedAfterTheCompletion() {
            DocumentReference later = new DocumentReference("121/BC-VP", LocalDate.of(2023, 9, 26), "Văn phòng Sở", "Báo cáo", null, null);
            refused(givenHeld(decided()).when(new CompleteReviewDecisionCommand(REVIEW, DECISION, LocalDate.of(2023, 9, 25), later, null)),
                    Kind.RULE_BROKEN, "DOCUMENT_DATED_AFTER_COMPLETION", "evidence.date");
        }

        @Test
        void completingTheOnlyOpenDecisionLeavesNoDeadline() {
            fixture.given(planned(), held()).andGivenCommands(decide()).when(complete()).expectEvents(completed()).expectNoScheduledDeadlines();
        }

        @Test
        void completingADecisionKeepsTheDeadlinesOfTheOthersOpen() {
            fixture.given(planned(), held()).andGivenCommands(decide(), decideSecond()).when(complete())
                    .expectEvents(completed())
                    .expectScheduledDeadline(Instant.parse("2023-12-31T17:00:00Z"), SECOND_DECISION.value())
                    .expectNoScheduledDeadline(Instant.parse("2023-09-30T17:00:00Z"), DECISION.value());
        }
    }

    @Nested
    class Overdue {

        private TestExecutor<ManagementReview> decideAt(Instant now, Object... commands) {
            return fixture.given(planned(), held()).andGivenCurrentTime(now).andGivenCommands(commands);
        }

        @Test
        void anOpenDecisionBecomesOverdueAtTheStartOfTheDayAfterItsDueDate() {
            decideAt(Instant.parse("2023-07-11T03:00:00Z"), decide())
                    .whenThenTimeAdvancesTo(Instant.parse("2023-09-30T17:00:00Z"))
                    .expectEvents(new ReviewDecisionOverdueEvent(REVIEW, DECISION, "VP", DUE));
        }

        @Test
        void aDecisionIsNotOverdueOnItsDueDate() {
            decideAt(Instant.parse("2023-07-11T03:00:00Z"), decide())
                    .whenThenTimeAdvancesTo(Instant.parse("2023-09-30T16:59:59Z"))
                    .expectNoEvents();
        }

        @Test
        void aDecisionCompletedInTimeNeverBecomesOverdue() {
            decideAt(Instant.parse("2023-07-11T03:00:00Z"), decide(), complete())
                    .whenThenTimeAdvancesTo(Instant.parse("2024-01-01T00:00:00Z"))
                    .expectNoEvents();
        }

        @Test
        void theOtherDecisionsStillBecomeOverdueAfterOneIsCompleted() {
            decideAt(Instant.parse("2023-07-11T03:00:00Z"), decide(), decideSecond(), complete())
                    .whenThenTimeAdvancesTo(Instant.parse("2024-01-01T00:00:00Z"))
                    .expectEvents(new ReviewDecisionOverdueEvent(REVIEW, SECOND_DECISION, "P-TCCB", SECOND_DUE));
        }

        @Test
        void aDecisionAlreadyOverdueIsNotRecordedOverdueAgain() {
            decideAt(Instant.parse("2023-07-11T03:00:00Z"), decide())
                    .andGiven(new ReviewDecisionOverdueEvent(REVIEW, DECISION, "VP", DUE))
                    .whenThenTimeAdvancesTo(Instant.parse("2023-10-02T00:00:00Z"))
                    .expectNoEvents();
        }

        @Test
        void completingAnotherDecisionDoesNotScheduleTheDeadlineOfOneAlreadyOverdueAgain() {
            fixture.given(planned(), held(), decided(), decidedSecond(), new ReviewDecisionOverdueEvent(REVIEW, DECISION, "VP", DUE))
                    .when(new CompleteReviewDecisionCommand(REVIEW, SECOND_DECISION, LocalDate.of(2023, 10, 5), null, "Đã tuyển dụng"))
                    .expectEvents(new ReviewDecisionCompletedEvent(REVIEW, SECOND_DECISION, LocalDate.of(2023, 10, 5), null, "Đã tuyển dụng"))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void aDecisionOverdueIsStillCompletedLate() {
            givenHeld(decided(), new ReviewDecisionOverdueEvent(REVIEW, DECISION, "VP", DUE))
                    .when(new CompleteReviewDecisionCommand(REVIEW, DECISION, LocalDate.of(2023, 10, 3), null, "Hoàn thành muộn"))
                    .expectEvents(new ReviewDecisionCompletedEvent(REVIEW, DECISION, LocalDate.of(2023, 10, 3), null, "Hoàn thành muộn"));
        }

        @Test
        void theServiceItselfRecordsTheOverdueDecisionCausedByItsRecording() {
            decideAt(Instant.parse("2023-07-11T03:00:00Z"), decide())
                    .whenThenTimeAdvancesTo(Instant.parse("2023-10-01T00:00:00Z"))
                    .expectEventsMatching(Matchers.exactSequenceOf(
                            new CustomTypeSafeMatcher<EventMessage<?>>("an overdue event by the system actor") {
                                @Override
                                protected boolean matchesSafely(EventMessage<?> event) {
                                    Actor actor = Actor.fromMetaData(event.getMetaData());
                                    return event.getPayload() instanceof ReviewDecisionOverdueEvent && actor != null && actor.id().equals("system")
                                            && actor.roles().isEmpty() && ORG.equals(actor.organisation())
                                            && event.getMetaData().get("causationId") != null
                                            && event.getMetaData().get("causationId").equals(event.getMetaData().get("correlationId"))
                                            && !event.getMetaData().containsKey("commandId");
                                }
                            }, Matchers.andNoMore()));
        }
    }

    @Nested
    class Minutes {

        private static final LocalDate ISSUED_ON = LocalDate.of(2023, 7, 12);

        @Test
        void canIssueTheMinutesOfAHeldReview() {
            givenHeld(decided()).when(issueMinutes(ISSUED_ON)).expectEvents(minutesIssued(ISSUED_ON));
        }

        @Test
        void issuingTheSameMinutesAgainOnALaterDayStoresNothing() {
            givenHeld(minutesIssued(ISSUED_ON)).when(issueMinutes(ISSUED_ON.plusDays(5))).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotIssueOtherMinutesForTheSameReview() {
            IssueReviewMinutesCommand other = new IssueReviewMinutesCommand(REVIEW, "06/BB-SLĐTBXH", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
                    "UBND TỈNH HẢI DƯƠNG", "Hải Dương", "", "GIÁM ĐỐC", "Nguyễn Văn An", List.of("- Lưu: VT."), SHA, "quality-ledger-minutes 1 (POI 5.4.1)", 42L, ISSUED_ON);
            refused(givenHeld(minutesIssued(ISSUED_ON)).when(other), Kind.CONFLICT, "MINUTES_EXIST", "reviewId");
        }

        @Test
        void cannotIssueTheSameMinutesPrintingAnotherCheckpoint() {
            IssueReviewMinutesCommand other = new IssueReviewMinutesCommand(REVIEW, "05/BB-SLĐTBXH", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
                    "UBND TỈNH HẢI DƯƠNG", "Hải Dương", "", "GIÁM ĐỐC", "Nguyễn Văn An", List.of("- Ban Chỉ đạo ISO;", "- Lưu: VT."), SHA,
                    "quality-ledger-minutes 1 (POI 5.4.1)", 43L, ISSUED_ON);
            refused(givenHeld(minutesIssued(ISSUED_ON)).when(other), Kind.CONFLICT, "MINUTES_EXIST", "reviewId");
        }

        @Test
        void cannotIssueMinutesBeforeTheReviewIsHeld() {
            refused(fixture.given(planned()).when(issueMinutes(ISSUED_ON)), Kind.RULE_BROKEN, "REVIEW_NOT_HELD", null);
        }

        @Test
        void cannotIssueMinutesOfACancelledReview() {
            refused(fixture.given(planned(), cancelled()).when(issueMinutes(ISSUED_ON)), Kind.RULE_BROKEN, "REVIEW_CANCELLED", null);
        }

        @Test
        void cannotIssueMinutesDatedBeforeTheMeeting() {
            refused(givenHeld().when(issueMinutes(HELD_ON.minusDays(1))), Kind.RULE_BROKEN, "ISSUED_BEFORE_MEETING", "issuedOn");
        }

        @Test
        void cannotIssueMinutesWithoutANumber() {
            refused(givenHeld().when(minutes(" ", "Sở", "Hải Dương", "GIÁM ĐỐC", SHA, "g")), Kind.RULE_BROKEN, "NUMBER_REQUIRED", "number");
        }

        @Test
        void cannotIssueMinutesWithoutTheOrganisationsName() {
            refused(givenHeld().when(minutes("05/BB", "", "Hải Dương", "GIÁM ĐỐC", SHA, "g")), Kind.RULE_BROKEN, "ORGANISATION_NAME_REQUIRED", "organisationName");
        }

        @Test
        void cannotIssueMinutesWithoutAPlace() {
            refused(givenHeld().when(minutes("05/BB", "Sở", null, "GIÁM ĐỐC", SHA, "g")), Kind.RULE_BROKEN, "PLACE_REQUIRED", "place");
        }

        @Test
        void cannotIssueMinutesWithoutTheSignersTitle() {
            refused(givenHeld().when(minutes("05/BB", "Sở", "Hải Dương", "", SHA, "g")), Kind.RULE_BROKEN, "SIGNER_TITLE_REQUIRED", "signerTitle");
        }

        @Test
        void cannotIssueMinutesWithoutTheGenerator() {
            refused(givenHeld().when(minutes("05/BB", "Sở", "Hải Dương", "GIÁM ĐỐC", SHA, " ")), Kind.RULE_BROKEN, "GENERATOR_REQUIRED", "generator");
        }

        @Test
        void cannotIssueMinutesWhoseHashIsNotALowerCaseSha256() {
            refused(givenHeld().when(minutes("05/BB", "Sở", "Hải Dương", "GIÁM ĐỐC", SHA.toUpperCase(), "g")), Kind.RULE_BROKEN, "NOT_A_SHA_256", "docxSha256");
        }

        private IssueReviewMinutesCommand minutes(String number, String organisation, String place, String signerTitle, String sha, String generator) {
            return new IssueReviewMinutesCommand(REVIEW, number, organisation, "", place, "", signerTitle, "Nguyễn Văn An", List.of(), sha, generator, null, ISSUED_ON);
        }
    }

    @Nested
    class Cancelling {

        private static final CancelManagementReviewCommand CANCEL = new CancelManagementReviewCommand(REVIEW,
                "Lùi sang kỳ sau do trùng đợt kiểm tra của Bộ", LocalDate.of(2023, 7, 1));

        @Test
        void canCancelAPlannedReview() {
            fixture.given(planned()).when(CANCEL).expectEvents(cancelled());
        }

        @Test
        void cancellingAgainForTheSameReasonStoresNothing() {
            fixture.given(planned(), cancelled()).when(CANCEL).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotCancelAgainForAnotherReason() {
            refused(fixture.given(planned(), cancelled()).when(new CancelManagementReviewCommand(REVIEW, "Khác", LocalDate.of(2023, 7, 2))),
                    Kind.RULE_BROKEN, "REVIEW_CANCELLED", null);
        }

        @Test
        void cannotCancelAHeldReview() {
            refused(givenHeld().when(CANCEL), Kind.RULE_BROKEN, "REVIEW_ALREADY_HELD", null);
        }

        @Test
        void cannotCancelWithoutAReason() {
            refused(fixture.given(planned()).when(new CancelManagementReviewCommand(REVIEW, "", LocalDate.of(2023, 7, 1))),
                    Kind.RULE_BROKEN, "CANCEL_REASON_REQUIRED", "reason");
        }

        @Test
        void cannotCancelBeforeTheReviewWasPlanned() {
            refused(fixture.given(planned()).when(new CancelManagementReviewCommand(REVIEW, "Lùi", PLANNED_ON.minusDays(1))),
                    Kind.RULE_BROKEN, "DATED_BEFORE_PLANNING", "cancelledOn");
        }
    }
}
