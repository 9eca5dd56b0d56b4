package vn.qualityledger.command.nonconformity;

import static vn.qualityledger.command.nonconformity.NonconformityFixtures.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.CommandErrorDetails.Kind;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.nonconformity.*;
import vn.qualityledger.api.objective.ObjectiveId;

class NonconformityTest {

    private AggregateTestFixture<Nonconformity> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Nonconformity.class);
        actAsAdministratorByDefault(fixture);
    }

    private static void refused(ResultValidator<Nonconformity> result, Kind kind, String code, String field) {
        result.expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new CommandErrorDetails(kind, code, field));
    }

    /** Raised, its cause analysed, action A1 planned. */
    private TestExecutor<Nonconformity> givenPlanned(Object... more) {
        Object[] events = new Object[3 + more.length];
        events[0] = raised();
        events[1] = rootCauseAnalysed();
        events[2] = planned();
        System.arraycopy(more, 0, events, 3, more.length);
        return fixture.given(events);
    }

    /** Action A1 planned, implemented by nhanvienvp and verified effective. */
    private TestExecutor<Nonconformity> givenVerifiedEffective(Object... more) {
        Object[] events = new Object[2 + more.length];
        events[0] = implemented(ACTION, 3);
        events[1] = verified(ACTION, true);
        System.arraycopy(more, 0, events, 2, more.length);
        return givenPlanned(events);
    }

    @Nested
    class Raising {

        @Test
        void canRaiseANonconformityFromAFinding() {
            fixture.givenNoPriorActivity().when(raise()).expectEvents(raised());
        }

        @Test
        void canRaiseANonconformityFromAComplaintWithoutUnitOrClause() {
            NonconformityOrigin complaint = new NonconformityOrigin(NonconformitySource.COMPLAINT, null, null, null, null, "PA-2023-017 (đường dây nóng)");
            fixture.givenNoPriorActivity()
                    .when(new RaiseNonconformityCommand(BY_HAND, ORG, complaint, Severity.MAJOR, null, null, "Trả kết quả trễ hẹn", RAISED_ON))
                    .expectEvents(new NonconformityRaisedEvent(BY_HAND, ORG, complaint, Severity.MAJOR, null, null, "Trả kết quả trễ hẹn", RAISED_ON));
        }

        @Test
        void cannotRaiseByHandUnderAnIdKeptForTheNonconformitiesTheServiceRaises() {
            NonconformityOrigin byHand = new NonconformityOrigin(NonconformitySource.MANUAL, null, null, null, null, null);
            NonconformityId takenFromAnObjective = NonconformityId.forObjectiveNotAchieved(new ObjectiveId("SLDTBXH-HD.MTCL-2023-03"));
            refused(fixture.givenNoPriorActivity().when(new RaiseNonconformityCommand(takenFromAnObjective, ORG, byHand, Severity.MINOR, "VP", null,
                    DESCRIPTION, RAISED_ON)), Kind.RULE_BROKEN, "ID_RESERVED", "nonconformityId");
        }

        @Test
        void raisingTheSameNonconformityAgainStoresNothing() {
            fixture.given(raised()).when(raise()).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void raisingTheSameNonconformityOnALaterDayStoresNothing() {
            fixture.given(raised())
                    .when(new RaiseNonconformityCommand(NC, ORG, FROM_FINDING, Severity.MINOR, "VP", "7.5.3", DESCRIPTION, RAISED_ON.plusDays(1)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotRaiseAnExistingIdWithOtherContent() {
            refused(fixture.given(raised()).when(new RaiseNonconformityCommand(NC, ORG, FROM_FINDING, Severity.MAJOR, "VP", "7.5.3", DESCRIPTION, RAISED_ON)),
                    Kind.CONFLICT, "NONCONFORMITY_EXISTS", "nonconformityId");
        }

        @Test
        void cannotCiteAClauseThatIsNotInTheStandard() {
            refused(fixture.givenNoPriorActivity().when(new RaiseNonconformityCommand(NC, ORG, FROM_FINDING, Severity.MINOR, "VP", "3.1", DESCRIPTION, RAISED_ON)),
                    Kind.RULE_BROKEN, "UNKNOWN_CLAUSE", "clause");
        }

        @Test
        void cannotRaiseWithoutADescription() {
            refused(fixture.givenNoPriorActivity().when(new RaiseNonconformityCommand(NC, ORG, FROM_FINDING, Severity.MINOR, "VP", "7.5.3", " ", RAISED_ON)),
                    Kind.RULE_BROKEN, "DESCRIPTION_REQUIRED", "description");
        }

        @Test
        void cannotRaiseWithoutASeverity() {
            refused(fixture.givenNoPriorActivity().when(new RaiseNonconformityCommand(NC, ORG, FROM_FINDING, null, "VP", "7.5.3", DESCRIPTION, RAISED_ON)),
                    Kind.RULE_BROKEN, "SEVERITY_REQUIRED", "severity");
        }

        @Test
        void cannotRaiseWithoutAnOrigin() {
            refused(fixture.givenNoPriorActivity().when(new RaiseNonconformityCommand(NC, ORG, null, Severity.MINOR, "VP", "7.5.3", DESCRIPTION, RAISED_ON)),
                    Kind.RULE_BROKEN, "ORIGIN_REQUIRED", "origin.source");
        }

        @Test
        void cannotRaiseFromAComplaintWithoutCitingIt() {
            NonconformityOrigin complaint = new NonconformityOrigin(NonconformitySource.COMPLAINT, null, null, null, null, null);
            refused(fixture.givenNoPriorActivity().when(new RaiseNonconformityCommand(NC, ORG, complaint, Severity.MINOR, "VP", null, DESCRIPTION, RAISED_ON)),
                    Kind.RULE_BROKEN, "COMPLAINT_REFERENCE_REQUIRED", "origin.complaintReference");
        }

        @Test
        void cannotRaiseFromAFindingWithoutNamingIt() {
            NonconformityOrigin finding = new NonconformityOrigin(NonconformitySource.AUDIT_FINDING, AUDIT, null, null, null, null);
            refused(fixture.givenNoPriorActivity().when(new RaiseNonconformityCommand(NC, ORG, finding, Severity.MINOR, "VP", null, DESCRIPTION, RAISED_ON)),
                    Kind.RULE_BROKEN, "FINDING_REQUIRED", "origin.findingId");
        }

        @Test
        void cannotRaiseFromAnObjectiveWithoutNamingIt() {
            NonconformityOrigin objective = new NonconformityOrigin(NonconformitySource.OBJECTIVE_NOT_ACHIEVED, null, null, null, null, null);
            refused(fixture.givenNoPriorActivity().when(new RaiseNonconformityCommand(NC, ORG, objective, Severity.MINOR, null, "6.2", DESCRIPTION, RAISED_ON)),
                    Kind.RULE_BROKEN, "OBJECTIVE_REQUIRED", "origin.objectiveId");
        }

        @Test
        void canRaiseFromAFindingOnBehalfOfTheStaffMemberOfTheTeamWhoRecordedIt() {
            Actor teamMember = new Actor("nhanvienkhtc", "Trần Văn Nam", List.of(Role.STAFF), ORG, "P-KHTC");
            fixture.givenNoPriorActivity().when(raise(), teamMember.toMetaData()).expectEvents(raised());
        }

        @Test
        void cannotRaiseFromAFindingUnderAnIdNotDerivedFromIt() {
            refused(fixture.givenNoPriorActivity().when(new RaiseNonconformityCommand(NonconformityId.of("NC-tu-dat"), ORG, FROM_FINDING,
                    Severity.MINOR, "VP", "7.5.3", DESCRIPTION, RAISED_ON)), Kind.FORBIDDEN, "RAISED_BY_THE_SERVICE", null);
        }

        @Test
        void cannotHaveAViewerCauseANonconformityFromAFinding() {
            Actor viewer = new Actor("xem", "Hoàng Văn Xuân", List.of(Role.VIEWER), ORG, null);
            refused(fixture.givenNoPriorActivity().when(raise(), viewer.toMetaData()), Kind.FORBIDDEN, "RAISERS_ONLY", null);
        }

        @Test
        void canRaiseFromAnObjectiveNotAchieved() {
            NonconformityId id = NonconformityId.forObjectiveNotAchieved(new ObjectiveId("SLDTBXH-HD.MTCL-2023-03"));
            NonconformityOrigin objective = new NonconformityOrigin(NonconformitySource.OBJECTIVE_NOT_ACHIEVED, null, null,
                    new ObjectiveId("SLDTBXH-HD.MTCL-2023-03"), null, null);
            fixture.givenNoPriorActivity()
                    .when(new RaiseNonconformityCommand(id, ORG, objective, Severity.MINOR, null, "6.2", "Chỉ đạt 91%", LocalDate.of(2023, 12, 31)))
                    .expectEvents(new NonconformityRaisedEvent(id, ORG, objective, Severity.MINOR, null, "6.2", "Chỉ đạt 91%", LocalDate.of(2023, 12, 31)));
        }
    }

    @Nested
    class CorrectionAndRootCause {

        @Test
        void canRecordACorrection() {
            fixture.given(raised()).when(new RecordCorrectionCommand(NC, "Sắp xếp lại hồ sơ ngay", LocalDate.of(2023, 6, 11)))
                    .expectEvents(new CorrectionRecordedEvent(NC, "Sắp xếp lại hồ sơ ngay", LocalDate.of(2023, 6, 11)));
        }

        @Test
        void recordingTheSameCorrectionAgainStoresNothing() {
            fixture.given(raised(), new CorrectionRecordedEvent(NC, "Sắp xếp lại", LocalDate.of(2023, 6, 11)))
                    .when(new RecordCorrectionCommand(NC, "Sắp xếp lại", LocalDate.of(2023, 6, 12)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotRecordACorrectionBeforeRaising() {
            refused(fixture.given(raised()).when(new RecordCorrectionCommand(NC, "Sắp xếp lại", LocalDate.of(2023, 6, 9))),
                    Kind.RULE_BROKEN, "DATED_BEFORE_RAISING", "correctedOn");
        }

        @Test
        void cannotRecordAnEmptyCorrection() {
            refused(fixture.given(raised()).when(new RecordCorrectionCommand(NC, "", LocalDate.of(2023, 6, 11))),
                    Kind.RULE_BROKEN, "CORRECTION_REQUIRED", "correction");
        }

        @Test
        void canAnalyseTheRootCause() {
            fixture.given(raised()).when(new AnalyseRootCauseCommand(NC, "Chưa phân công người lưu trữ hồ sơ", "5 Whys", LocalDate.of(2023, 6, 15)))
                    .expectEvents(rootCauseAnalysed());
        }

        @Test
        void aLaterAnalysisSupersedesTheFirst() {
            fixture.given(raised(), rootCauseAnalysed()).when(new AnalyseRootCauseCommand(NC, "Quy trình lưu trữ chưa rõ", "Ishikawa", LocalDate.of(2023, 6, 20)))
                    .expectEvents(new RootCauseAnalysedEvent(NC, "Quy trình lưu trữ chưa rõ", "Ishikawa", LocalDate.of(2023, 6, 20)));
        }

        @Test
        void analysingTheSameCauseAgainStoresNothing() {
            fixture.given(raised(), rootCauseAnalysed()).when(new AnalyseRootCauseCommand(NC, "Chưa phân công người lưu trữ hồ sơ", "5 Whys", LocalDate.of(2023, 6, 16)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotRecordAnEmptyRootCause() {
            refused(fixture.given(raised()).when(new AnalyseRootCauseCommand(NC, " ", null, LocalDate.of(2023, 6, 15))),
                    Kind.RULE_BROKEN, "ROOT_CAUSE_REQUIRED", "rootCause");
        }

        @Test
        void cannotWorkOnANonconformityThatWasNeverRaised() {
            fixture.givenNoPriorActivity().when(new RecordCorrectionCommand(NC, "x", RAISED_ON))
                    .expectNoEvents().expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
        }
    }

    @Nested
    class PlanningActions {

        @Test
        void canPlanAnActionOnceTheRootCauseIsKnown() {
            fixture.given(raised(), rootCauseAnalysed()).when(plan()).expectEvents(planned());
        }

        @Test
        void planningSchedulesTheOverdueDeadlineForTheStartOfTheDayAfterTheDueDateInHoChiMinhCity() {
            fixture.given(raised(), rootCauseAnalysed()).when(plan())
                    .expectScheduledDeadlineWithName(Instant.parse("2023-07-31T17:00:00Z"), ActionDeadline.OVERDUE);
        }

        @Test
        void aUnitHeadPlansActionsOfTheirOwnUnit() {
            Actor vpHead = new Actor("truongvp", "Lê Thị Vân", List.of(Role.UNIT_HEAD), ORG, "VP");
            fixture.given(raised(), rootCauseAnalysed()).when(plan(), vpHead.toMetaData()).expectEvents(planned());
        }

        @Test
        void aUnitHeadCannotHandAnActionToAnotherUnit() {
            Actor vpHead = new Actor("truongvp", "Lê Thị Vân", List.of(Role.UNIT_HEAD), ORG, "VP");
            refused(fixture.given(raised(), rootCauseAnalysed())
                            .when(new PlanCorrectiveActionCommand(NC, ACTION, "P-KHTC", "Rà soát sổ", DUE, LocalDate.of(2023, 6, 16)), vpHead.toMetaData()),
                    Kind.FORBIDDEN, "OWN_UNITS_ACTIONS_ONLY", null);
        }

        @Test
        void cannotPlanAnActionBeforeTheRootCauseIsAnalysed() {
            refused(fixture.given(raised()).when(plan()), Kind.RULE_BROKEN, "ROOT_CAUSE_FIRST", null);
        }

        @Test
        void cannotPlanAnActionDueBeforeTheNonconformityWasRaised() {
            refused(fixture.given(raised(), rootCauseAnalysed())
                            .when(new PlanCorrectiveActionCommand(NC, ACTION, "VP", "Phân công", LocalDate.of(2023, 6, 9), LocalDate.of(2023, 6, 16))),
                    Kind.RULE_BROKEN, "DUE_BEFORE_RAISING", "dueDate");
        }

        @Test
        void cannotPlanAnActionWithoutAnOwnerUnit() {
            refused(fixture.given(raised(), rootCauseAnalysed())
                            .when(new PlanCorrectiveActionCommand(NC, ACTION, " ", "Phân công", DUE, LocalDate.of(2023, 6, 16))),
                    Kind.RULE_BROKEN, "OWNER_UNIT_REQUIRED", "ownerUnit");
        }

        @Test
        void cannotPlanAnActionWithoutADescription() {
            refused(fixture.given(raised(), rootCauseAnalysed())
                            .when(new PlanCorrectiveActionCommand(NC, ACTION, "VP", "", DUE, LocalDate.of(2023, 6, 16))),
                    Kind.RULE_BROKEN, "DESCRIPTION_REQUIRED", "description");
        }

        @Test
        void planningTheSameActionAgainStoresNothingAndSchedulesNothing() {
            givenPlanned().when(plan()).expectSuccessfulHandlerExecution().expectNoEvents().expectNoScheduledDeadlines();
        }

        @Test
        void cannotReuseAnActionIdForOtherContent() {
            refused(givenPlanned().when(new PlanCorrectiveActionCommand(NC, ACTION, "P-KHTC", "Khác", DUE, LocalDate.of(2023, 6, 16))),
                    Kind.CONFLICT, "ACTION_EXISTS", "actionId");
        }
    }

    @Nested
    class Overdue {

        private TestExecutor<Nonconformity> planAt(Instant now) {
            return fixture.given(raised(), rootCauseAnalysed()).andGivenCurrentTime(now).andGivenCommands(plan());
        }

        @Test
        void anUnimplementedActionBecomesOverdueAtTheStartOfTheDayAfterItsDueDate() {
            planAt(Instant.parse("2023-06-16T03:00:00Z"))
                    .whenThenTimeAdvancesTo(Instant.parse("2023-07-31T17:00:00Z"))
                    .expectEvents(new CorrectiveActionOverdueEvent(NC, ACTION, "VP", DUE));
        }

        @Test
        void anActionIsNotOverdueOnItsDueDate() {
            planAt(Instant.parse("2023-06-16T03:00:00Z"))
                    .whenThenTimeAdvancesTo(Instant.parse("2023-07-31T16:59:59Z"))
                    .expectNoEvents();
        }

        @Test
        void theServiceItselfRecordsTheOverdueAction() {
            planAt(Instant.parse("2023-06-16T03:00:00Z"))
                    .whenThenTimeAdvancesTo(Instant.parse("2023-08-01T00:00:00Z"))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            new CustomTypeSafeMatcher<EventMessage<?>>("an overdue event by the system actor") {
                                @Override
                                protected boolean matchesSafely(EventMessage<?> event) {
                                    Actor actor = Actor.fromMetaData(event.getMetaData());
                                    return event.getPayload() instanceof CorrectiveActionOverdueEvent && actor != null
                                            && actor.id().equals("system") && actor.name().equals("Quality Ledger")
                                            && ORG.equals(actor.organisation()) && actor.roles().isEmpty()
                                            && event.getMetaData().keySet().containsAll(List.of(Actor.ID, Actor.NAME, Actor.ROLES, Actor.ORGANISATION, Actor.UNIT))
                                            && event.getMetaData().get("causationId") != null && event.getMetaData().get("traceId") != null;
                                }
                            },
                            org.axonframework.test.matchers.Matchers.andNoMore()));
        }

        @Test
        void anActionImplementedInTimeNeverBecomesOverdue() {
            planAt(Instant.parse("2023-06-16T03:00:00Z"))
                    .andGivenCommands(new ImplementCorrectiveActionCommand(NC, ACTION, EVIDENCE, null, LocalDate.of(2023, 7, 25)))
                    .whenThenTimeAdvancesTo(Instant.parse("2023-08-01T00:00:00Z"))
                    .expectNoEvents();
        }

        @Test
        void anActionIsReportedOverdueOnlyOnce() {
            fixture.given(raised(), rootCauseAnalysed(), planned(), new CorrectiveActionOverdueEvent(NC, ACTION, "VP", DUE))
                    .andGivenCurrentTime(Instant.parse("2023-07-31T18:00:00Z"))
                    .andGivenCommands(new PlanCorrectiveActionCommand(NC, SECOND_ACTION, "VP", "Đào tạo", DUE, LocalDate.of(2023, 7, 31)))
                    .whenThenTimeAdvancesTo(Instant.parse("2023-08-01T00:00:00Z"))
                    .expectEvents(new CorrectiveActionOverdueEvent(NC, SECOND_ACTION, "VP", DUE));
        }
    }

    @Nested
    class Implementing {

        @Test
        void canImplementAPlannedActionWithEvidence() {
            givenPlanned().when(new ImplementCorrectiveActionCommand(NC, ACTION, EVIDENCE, "Đã phân công", LocalDate.of(2023, 7, 25)))
                    .expectEvents(new CorrectiveActionImplementedEvent(NC, ACTION, EVIDENCE, "Đã phân công", LocalDate.of(2023, 7, 25)));
        }

        @Test
        void canImplementAnOverdueAction() {
            givenPlanned(new CorrectiveActionOverdueEvent(NC, ACTION, "VP", DUE))
                    .when(new ImplementCorrectiveActionCommand(NC, ACTION, EVIDENCE, null, LocalDate.of(2023, 8, 5)))
                    .expectEvents(new CorrectiveActionImplementedEvent(NC, ACTION, EVIDENCE, null, LocalDate.of(2023, 8, 5)));
        }

        @Test
        void implementingTheOnlyActionCancelsItsOverdueDeadline() {
            fixture.given(raised(), rootCauseAnalysed()).andGivenCommands(plan())
                    .when(new ImplementCorrectiveActionCommand(NC, ACTION, EVIDENCE, null, LocalDate.of(2023, 7, 25)))
                    .expectEvents(new CorrectiveActionImplementedEvent(NC, ACTION, EVIDENCE, null, LocalDate.of(2023, 7, 25)))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void implementingOneActionKeepsTheDeadlineOfAnotherStillPlanned() {
            LocalDate secondDue = LocalDate.of(2023, 9, 30);
            fixture.given(raised(), rootCauseAnalysed())
                    .andGivenCommands(plan(), new PlanCorrectiveActionCommand(NC, SECOND_ACTION, "VP", "Tập huấn lưu trữ", secondDue, LocalDate.of(2023, 6, 16)))
                    .when(new ImplementCorrectiveActionCommand(NC, ACTION, EVIDENCE, null, LocalDate.of(2023, 7, 25)))
                    .expectScheduledDeadline(Instant.parse("2023-09-30T17:00:00Z"), SECOND_ACTION.value())
                    .expectNoScheduledDeadline(Instant.parse("2023-07-31T17:00:00Z"), ACTION.value());
        }

        @Test
        void implementingAnActionDoesNotScheduleAgainTheDeadlineOfOneAlreadyOverdue() {
            fixture.given(raised(), rootCauseAnalysed(), planned(), new CorrectiveActionOverdueEvent(NC, ACTION, "VP", DUE))
                    .andGivenCommands(new PlanCorrectiveActionCommand(NC, SECOND_ACTION, "VP", "Tập huấn lưu trữ", LocalDate.of(2023, 9, 30), LocalDate.of(2023, 6, 16)))
                    .when(new ImplementCorrectiveActionCommand(NC, SECOND_ACTION, EVIDENCE, null, LocalDate.of(2023, 7, 25)))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void implementingTheSameActionAgainStoresNothing() {
            givenPlanned(implemented(ACTION, 3)).when(new ImplementCorrectiveActionCommand(NC, ACTION, EVIDENCE, null, LocalDate.of(2023, 7, 26)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotImplementAnActionTwiceWithOtherEvidence() {
            DocumentReference other = new DocumentReference("46/BC-VP", LocalDate.of(2023, 7, 21), "Văn phòng Sở", "Khác", null, null);
            refused(givenPlanned(implemented(ACTION, 3)).when(new ImplementCorrectiveActionCommand(NC, ACTION, other, null, LocalDate.of(2023, 7, 26))),
                    Kind.RULE_BROKEN, "ACTION_ALREADY_IMPLEMENTED", "actionId");
        }

        @Test
        void cannotImplementAnUnknownAction() {
            refused(givenPlanned().when(new ImplementCorrectiveActionCommand(NC, SECOND_ACTION, EVIDENCE, null, LocalDate.of(2023, 7, 25))),
                    Kind.NOT_FOUND, "ACTION_NOT_FOUND", "actionId");
        }

        @Test
        void cannotImplementWithoutEvidence() {
            refused(givenPlanned().when(new ImplementCorrectiveActionCommand(NC, ACTION, null, null, LocalDate.of(2023, 7, 25))),
                    Kind.RULE_BROKEN, "EVIDENCE_REQUIRED", "evidence");
        }

        @Test
        void cannotImplementWithEvidenceDatedLater() {
            refused(givenPlanned().when(new ImplementCorrectiveActionCommand(NC, ACTION, EVIDENCE, null, LocalDate.of(2023, 7, 19))),
                    Kind.RULE_BROKEN, "DOCUMENT_DATED_AFTER_IMPLEMENTATION", "evidence.date");
        }

        @Test
        void cannotImplementBeforeTheActionWasPlanned() {
            DocumentReference early = new DocumentReference("40/BC-VP", LocalDate.of(2023, 6, 1), "Văn phòng Sở", "Sớm", null, null);
            refused(givenPlanned().when(new ImplementCorrectiveActionCommand(NC, ACTION, early, null, LocalDate.of(2023, 6, 15))),
                    Kind.RULE_BROKEN, "IMPLEMENTED_BEFORE_PLANNING", "implementedOn");
        }
    }

    @Nested
    class Verifying {

        @Test
        void canVerifyAnActionEffective() {
            givenPlanned(implemented(ACTION, 3)).when(new VerifyActionEffectivenessCommand(NC, ACTION, true, null, LocalDate.of(2023, 8, 10)))
                    .expectEvents(verified(ACTION, true));
        }

        @Test
        void canVerifyAnActionNotEffectiveWithAReason() {
            givenPlanned(implemented(ACTION, 3)).when(new VerifyActionEffectivenessCommand(NC, ACTION, false, "Vẫn còn hồ sơ lưu sai", LocalDate.of(2023, 8, 10)))
                    .expectEvents(verified(ACTION, false));
        }

        @Test
        void cannotVerifyNotEffectiveWithoutAReason() {
            refused(givenPlanned(implemented(ACTION, 3)).when(new VerifyActionEffectivenessCommand(NC, ACTION, false, " ", LocalDate.of(2023, 8, 10))),
                    Kind.RULE_BROKEN, "VERIFICATION_REASON_REQUIRED", "reason");
        }

        @Test
        void cannotVerifyAnActionNotYetImplemented() {
            refused(givenPlanned().when(new VerifyActionEffectivenessCommand(NC, ACTION, true, null, LocalDate.of(2023, 8, 10))),
                    Kind.RULE_BROKEN, "ACTION_NOT_IMPLEMENTED", "actionId");
        }

        @Test
        void verifyingTheSameVerdictAgainStoresNothing() {
            givenVerifiedEffective().when(new VerifyActionEffectivenessCommand(NC, ACTION, true, null, LocalDate.of(2023, 8, 11)))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotVerifyAnActionTwice() {
            refused(givenVerifiedEffective().when(new VerifyActionEffectivenessCommand(NC, ACTION, false, "Thực ra chưa", LocalDate.of(2023, 8, 11))),
                    Kind.RULE_BROKEN, "ACTION_ALREADY_VERIFIED", "actionId");
        }

        @Test
        void cannotVerifyBeforeTheImplementation() {
            refused(givenPlanned(implemented(ACTION, 3)).when(new VerifyActionEffectivenessCommand(NC, ACTION, true, null, LocalDate.of(2023, 7, 24))),
                    Kind.RULE_BROKEN, "VERIFIED_BEFORE_IMPLEMENTATION", "verifiedOn");
        }

        @Test
        void nobodyVerifiesAnActionTheyImplemented() {
            Actor auditorWhoImplemented = new Actor("nhanvienvp", "Nhân viên VP", List.of(vn.qualityledger.api.common.Role.AUDITOR), ORG, "VP");
            refused(givenPlanned(implemented(ACTION, 3)).when(new VerifyActionEffectivenessCommand(NC, ACTION, true, null, LocalDate.of(2023, 8, 10)),
                    auditorWhoImplemented.toMetaData()), Kind.FORBIDDEN, "OWN_ACTION", null);
        }
    }

    @Nested
    class Closing {

        private static final CloseNonconformityCommand CLOSE = new CloseNonconformityCommand(NC, "Đã khắc phục", LocalDate.of(2023, 8, 15));

        @Test
        void canCloseWhenTheLatestActionWasVerifiedEffective() {
            givenVerifiedEffective().when(CLOSE).expectEvents(closed());
        }

        @Test
        void closingAgainWithTheSameNoteStoresNothing() {
            givenVerifiedEffective(closed()).when(CLOSE).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotCloseWithoutAnyAction() {
            refused(fixture.given(raised(), rootCauseAnalysed()).when(CLOSE), Kind.RULE_BROKEN, "NO_CORRECTIVE_ACTION", null);
        }

        @Test
        void cannotCloseWhileAnActionIsUnimplemented() {
            refused(givenVerifiedEffective(planned(SECOND_ACTION)).when(CLOSE), Kind.RULE_BROKEN, "ACTIONS_NOT_IMPLEMENTED", null);
        }

        @Test
        void cannotCloseWhileAnActionIsUnverified() {
            refused(givenPlanned(implemented(ACTION, 3)).when(CLOSE), Kind.RULE_BROKEN, "ACTIONS_NOT_VERIFIED", null);
        }

        @Test
        void cannotCloseWhenTheLatestActionWasNotEffective() {
            refused(givenPlanned(implemented(ACTION, 3), verified(ACTION, false)).when(CLOSE), Kind.RULE_BROKEN, "NEW_ACTION_REQUIRED", null);
        }

        @Test
        void cannotCloseWhenAnEarlierActionWasFoundNotEffectiveAfterTheLatestWasFoundEffective() {
            refused(givenPlanned(planned(SECOND_ACTION), implemented(ACTION, 4), implemented(SECOND_ACTION, 5), verified(SECOND_ACTION, true),
                    verified(ACTION, false)).when(CLOSE), Kind.RULE_BROKEN, "NEW_ACTION_REQUIRED", null);
        }

        @Test
        void canCloseOnceANewActionAfterAFailedOneWasVerifiedEffective() {
            givenPlanned(implemented(ACTION, 3), verified(ACTION, false), planned(SECOND_ACTION), implemented(SECOND_ACTION, 6), verified(SECOND_ACTION, true))
                    .when(CLOSE).expectEvents(closed());
        }

        @Test
        void cannotCloseBeforeRaising() {
            refused(givenVerifiedEffective().when(new CloseNonconformityCommand(NC, null, LocalDate.of(2023, 6, 1))),
                    Kind.RULE_BROKEN, "DATED_BEFORE_RAISING", "closedOn");
        }

        @Test
        void cannotCloseAClosedNonconformityWithAnotherNote() {
            refused(givenVerifiedEffective(closed()).when(new CloseNonconformityCommand(NC, "Khác", LocalDate.of(2023, 8, 16))),
                    Kind.RULE_BROKEN, "NONCONFORMITY_CLOSED", null);
        }

        @Test
        void nothingButReopeningAfterClosure() {
            refused(givenVerifiedEffective(closed()).when(new AnalyseRootCauseCommand(NC, "Khác", null, LocalDate.of(2023, 8, 16))),
                    Kind.RULE_BROKEN, "NONCONFORMITY_CLOSED", null);
        }

        @Test
        void cannotPlanAnActionAfterClosure() {
            refused(givenVerifiedEffective(closed()).when(new PlanCorrectiveActionCommand(NC, SECOND_ACTION, "VP", "Thêm", DUE, LocalDate.of(2023, 8, 16))),
                    Kind.RULE_BROKEN, "NONCONFORMITY_CLOSED", null);
        }
    }

    @Nested
    class Reopening {

        private static final ReopenNonconformityCommand REOPEN = new ReopenNonconformityCommand(NC, "Lặp lại ở đợt ĐGNB 2024", LocalDate.of(2024, 5, 2));

        @Test
        void canReopenAClosedNonconformity() {
            givenVerifiedEffective(closed()).when(REOPEN)
                    .expectEvents(new NonconformityReopenedEvent(NC, "Lặp lại ở đợt ĐGNB 2024", LocalDate.of(2024, 5, 2)));
        }

        @Test
        void reopeningAgainWithTheSameReasonStoresNothing() {
            givenVerifiedEffective(closed(), new NonconformityReopenedEvent(NC, "Lặp lại ở đợt ĐGNB 2024", LocalDate.of(2024, 5, 2)))
                    .when(REOPEN).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotReopenAnOpenNonconformity() {
            refused(givenVerifiedEffective().when(REOPEN), Kind.RULE_BROKEN, "NONCONFORMITY_NOT_CLOSED", null);
        }

        @Test
        void cannotReopenWithoutAReason() {
            refused(givenVerifiedEffective(closed()).when(new ReopenNonconformityCommand(NC, " ", LocalDate.of(2024, 5, 2))),
                    Kind.RULE_BROKEN, "REOPEN_REASON_REQUIRED", "reason");
        }

        @Test
        void cannotCloseAgainWithoutANewAction() {
            refused(givenVerifiedEffective(closed(), new NonconformityReopenedEvent(NC, "Lặp lại", LocalDate.of(2024, 5, 2)))
                    .when(new CloseNonconformityCommand(NC, "Đóng lại", LocalDate.of(2024, 5, 3))), Kind.RULE_BROKEN, "NEW_ACTION_REQUIRED", null);
        }

        @Test
        void canCloseAgainOnceANewActionIsVerifiedEffective() {
            givenVerifiedEffective(closed(), new NonconformityReopenedEvent(NC, "Lặp lại", LocalDate.of(2024, 5, 2)), planned(SECOND_ACTION),
                    implemented(SECOND_ACTION, 7), verified(SECOND_ACTION, true))
                    .when(new CloseNonconformityCommand(NC, "Đóng lại", LocalDate.of(2024, 5, 3)))
                    .expectEvents(new NonconformityClosedEvent(NC, "Đóng lại", LocalDate.of(2024, 5, 3)));
        }

        @Test
        void canPlanANewActionAfterReopening() {
            givenVerifiedEffective(closed(), new NonconformityReopenedEvent(NC, "Lặp lại", LocalDate.of(2024, 5, 2)))
                    .when(new PlanCorrectiveActionCommand(NC, SECOND_ACTION, "VP", "Đào tạo lại", LocalDate.of(2024, 6, 30), LocalDate.of(2024, 5, 3)))
                    .expectEvents(new CorrectiveActionPlannedEvent(NC, SECOND_ACTION, "VP", "Đào tạo lại", LocalDate.of(2024, 6, 30), LocalDate.of(2024, 5, 3)));
        }
    }

    /** Each step is dated by the day it applied, entered late or not; a day before the step it follows is refused. */
    @Nested
    class AppliedDates {

        @Test
        void aNonconformityOfAnEarlierYearIsRaisedOnTheDayItWasFound() {
            fixture.givenNoPriorActivity().when(raise()).expectEvents(raised());
        }

        @Test
        void anActionIsNotPlannedBeforeTheNonconformityWasRaised() {
            refused(fixture.given(raised(), rootCauseAnalysed())
                            .when(new PlanCorrectiveActionCommand(NC, ACTION, "VP", "Phân công lưu trữ", DUE, LocalDate.of(2023, 6, 9))),
                    Kind.RULE_BROKEN, "DATED_BEFORE_RAISING", "plannedOn");
        }

        @Test
        void anActionIsNotPlannedBeforeTheRootCauseWasAnalysed() {
            refused(fixture.given(raised(), rootCauseAnalysed())
                            .when(new PlanCorrectiveActionCommand(NC, ACTION, "VP", "Phân công lưu trữ", DUE, LocalDate.of(2023, 6, 14))),
                    Kind.RULE_BROKEN, "PLANNED_BEFORE_ROOT_CAUSE", "plannedOn");
        }

        @Test
        void anActionPlannedTheDayTheCauseWasFoundIsPlanned() {
            fixture.given(raised(), rootCauseAnalysed())
                    .when(new PlanCorrectiveActionCommand(NC, ACTION, "VP", "Phân công lưu trữ", DUE, LocalDate.of(2023, 6, 15)))
                    .expectEvents(new CorrectiveActionPlannedEvent(NC, ACTION, "VP", "Phân công lưu trữ", DUE, LocalDate.of(2023, 6, 15)));
        }

        @Test
        void aNonconformityIsNotClosedBeforeItsActionsWereVerified() {
            refused(givenVerifiedEffective().when(new CloseNonconformityCommand(NC, "Đã khắc phục", LocalDate.of(2023, 8, 9))),
                    Kind.RULE_BROKEN, "CLOSED_BEFORE_VERIFICATION", "closedOn");
        }

        @Test
        void aNonconformityIsClosedOnTheDayOfTheVerification() {
            givenVerifiedEffective().when(new CloseNonconformityCommand(NC, "Đã khắc phục", LocalDate.of(2023, 8, 10)))
                    .expectEvents(new NonconformityClosedEvent(NC, "Đã khắc phục", LocalDate.of(2023, 8, 10)));
        }

        @Test
        void aNonconformityIsNotReopenedBeforeItWasClosed() {
            refused(givenVerifiedEffective(closed()).when(new ReopenNonconformityCommand(NC, "Lặp lại", LocalDate.of(2023, 8, 14))),
                    Kind.RULE_BROKEN, "REOPENED_BEFORE_CLOSING", "reopenedOn");
        }
    }
}
