package vn.qualityledger.command.audit;

import static vn.qualityledger.command.audit.AuditFixtures.*;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.qualityledger.api.audit.*;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.CommandErrorDetails.Kind;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.objective.MeasureId;

class InternalAuditTest {

    private AggregateTestFixture<InternalAudit> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InternalAudit.class);
    }

    private static void refused(ResultValidator<InternalAudit> result, Kind kind, String code, String field) {
        result.expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new CommandErrorDetails(kind, code, field));
    }

    private static void ruleBroken(ResultValidator<InternalAudit> result, String code, String field) {
        refused(result, Kind.RULE_BROKEN, code, field);
    }

    private ResultValidator<InternalAudit> whenPlanned(PlanInternalAuditCommand command) {
        return fixture.givenNoPriorActivity().when(command, SECRETARY.toMetaData());
    }

    private static PlanInternalAuditCommand planOf(int year, String title, List<String> scope, String criteria, List<String> clauses,
                                                 LocalDate from, LocalDate to) {
        return new PlanInternalAuditCommand(AUDIT, ORG, year, title, scope, criteria, clauses, from, to, PLANNED_ON);
    }

    @Nested
    class PlanningARound {

        @Test
        void canPlanAnAuditRound() {
            whenPlanned(plan()).expectEvents(planned());
        }

        @Test
        void canPlanARoundOfOneDay() {
            whenPlanned(planOf(YEAR, TITLE, SCOPE, CRITERIA, CLAUSES, FROM, FROM))
                    .expectEvents(new InternalAuditPlannedEvent(AUDIT, ORG, YEAR, TITLE, SCOPE, CRITERIA, CLAUSES, FROM, FROM, PLANNED_ON));
        }

        @Test
        void planningTheSameRoundAgainOnAnotherDayChangesNothing() {
            fixture.given(planned())
                    .when(new PlanInternalAuditCommand(AUDIT, ORG, YEAR, TITLE, SCOPE, CRITERIA, CLAUSES, FROM, TO, PLANNED_ON.plusDays(1)),
                            SECRETARY.toMetaData())
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotPlanARoundAgainWithOtherContent() {
            refused(fixture.given(planned()).when(planOf(YEAR, "Khác", SCOPE, CRITERIA, CLAUSES, FROM, TO), SECRETARY.toMetaData()),
                    Kind.CONFLICT, "AUDIT_EXISTS", "auditId");
        }

        @Test
        void cannotPlanForAnImplausibleYear() {
            ruleBroken(whenPlanned(planOf(1999, TITLE, SCOPE, CRITERIA, CLAUSES, FROM, TO)), "YEAR_OUT_OF_RANGE", "year");
        }

        @Test
        void cannotPlanWithoutATitle() {
            ruleBroken(whenPlanned(planOf(YEAR, " ", SCOPE, CRITERIA, CLAUSES, FROM, TO)), "TITLE_REQUIRED", "title");
        }

        @Test
        void cannotPlanWithoutAUnitToAudit() {
            ruleBroken(whenPlanned(planOf(YEAR, TITLE, List.of(), CRITERIA, CLAUSES, FROM, TO)), "SCOPE_REQUIRED", "scopeUnits");
        }

        @Test
        void cannotPlanAUnitTwice() {
            ruleBroken(whenPlanned(planOf(YEAR, TITLE, List.of("VP", "P-KHTC", "VP"), CRITERIA, CLAUSES, FROM, TO)), "SCOPE_UNIT_TWICE", "scopeUnits[2]");
        }

        @Test
        void cannotPlanWithoutCriteria() {
            ruleBroken(whenPlanned(planOf(YEAR, TITLE, SCOPE, "", CLAUSES, FROM, TO)), "CRITERIA_REQUIRED", "criteria");
        }

        @Test
        void cannotPlanWithoutClauses() {
            ruleBroken(whenPlanned(planOf(YEAR, TITLE, SCOPE, CRITERIA, List.of(), FROM, TO)), "CLAUSES_REQUIRED", "clauses");
        }

        @Test
        void cannotPlanAClauseThatHoldsNoRequirement() {
            ruleBroken(whenPlanned(planOf(YEAR, TITLE, SCOPE, CRITERIA, List.of("7.5", "3.1"), FROM, TO)), "CLAUSE_UNKNOWN", "clauses[1]");
        }

        @Test
        void cannotPlanAClauseTwice() {
            ruleBroken(whenPlanned(planOf(YEAR, TITLE, SCOPE, CRITERIA, List.of("9.2", "9.2"), FROM, TO)), "CLAUSE_TWICE", "clauses[1]");
        }

        @Test
        void cannotPlanWithoutDates() {
            ruleBroken(whenPlanned(planOf(YEAR, TITLE, SCOPE, CRITERIA, CLAUSES, null, TO)), "PLANNED_DATES_REQUIRED", "plannedFrom");
        }

        @Test
        void cannotPlanARoundThatEndsBeforeItStarts() {
            ruleBroken(whenPlanned(planOf(YEAR, TITLE, SCOPE, CRITERIA, CLAUSES, TO, FROM)), "PLANNED_DATES_REVERSED", "plannedTo");
        }

        @Test
        void cannotPlanARoundThatStartsInAnotherYear() {
            ruleBroken(whenPlanned(planOf(YEAR, TITLE, SCOPE, CRITERIA, CLAUSES, LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 12))),
                    "ROUND_OUTSIDE_YEAR", "plannedFrom");
        }
    }

    @Nested
    class AppointingTheTeam {

        @Test
        void canAppointATeamByADecision() {
            fixture.given(planned()).when(appoint(), SECRETARY.toMetaData()).expectEvents(appointed());
        }

        @Test
        void canAppointATeamOfALeadAuditorAlone() {
            fixture.given(planned()).when(new AppointAuditTeamCommand(AUDIT, LEAD_MEMBER, null, DECISION, APPOINTED_ON), SECRETARY.toMetaData())
                    .expectEvents(new AuditTeamAppointedEvent(AUDIT, LEAD_MEMBER, List.of(), DECISION, APPOINTED_ON));
        }

        @Test
        void appointingTheSameTeamAgainChangesNothing() {
            fixture.given(planned(), appointed())
                    .when(new AppointAuditTeamCommand(AUDIT, LEAD_MEMBER, List.of(KHTC_MEMBER), DECISION, APPOINTED_ON.plusDays(3)), SECRETARY.toMetaData())
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void canReappointTheTeamByANewDecision() {
            Decision amended = new Decision("230/QĐ-SLĐTBXH", LocalDate.of(2023, 10, 1));
            fixture.given(planned(), appointed())
                    .when(new AppointAuditTeamCommand(AUDIT, KHTC_MEMBER, List.of(), amended, APPOINTED_ON), SECRETARY.toMetaData())
                    .expectEvents(new AuditTeamAppointedEvent(AUDIT, KHTC_MEMBER, List.of(), amended, APPOINTED_ON));
        }

        @Test
        void aReappointedTeamReplacesTheFormerOne() {
            AuditTeamAppointedEvent withoutTheLead = new AuditTeamAppointedEvent(AUDIT, KHTC_MEMBER, List.of(),
                    new Decision("230/QĐ-SLĐTBXH", LocalDate.of(2023, 10, 1)), APPOINTED_ON);
            refused(fixture.given(planned(), appointed(), vpScheduled(), withoutTheLead).when(holdVp(), LEAD.toMetaData()),
                    Kind.FORBIDDEN, "TEAM_ONLY", null);
        }

        @Test
        void cannotAppointATeamWithoutALeadAuditor() {
            ruleBroken(fixture.given(planned()).when(new AppointAuditTeamCommand(AUDIT, null, List.of(KHTC_MEMBER), DECISION, APPOINTED_ON),
                    SECRETARY.toMetaData()), "LEAD_AUDITOR_REQUIRED", "leadAuditor");
        }

        @Test
        void cannotNameAnAuditorTwice() {
            TeamMember leadAgain = new TeamMember("danhgia", "Đỗ Thị Đào", "TO-ISO");
            ruleBroken(fixture.given(planned()).when(new AppointAuditTeamCommand(AUDIT, LEAD_MEMBER, List.of(KHTC_MEMBER, leadAgain), DECISION,
                    APPOINTED_ON), SECRETARY.toMetaData()), "TEAM_MEMBER_TWICE", "members[1].userId");
        }

        @Test
        void cannotAppointAMemberWithoutAName() {
            ruleBroken(fixture.given(planned()).when(new AppointAuditTeamCommand(AUDIT, LEAD_MEMBER, List.of(new TeamMember("danhgiakhtc", " ", "P-KHTC")),
                    DECISION, APPOINTED_ON), SECRETARY.toMetaData()), "TEAM_MEMBER_INCOMPLETE", "members[0].name");
        }

        @Test
        void cannotAppointATeamWithoutADecision() {
            ruleBroken(fixture.given(planned()).when(new AppointAuditTeamCommand(AUDIT, LEAD_MEMBER, List.of(), null, APPOINTED_ON),
                    SECRETARY.toMetaData()), "DECISION_REQUIRED", "decision");
        }

        @Test
        void cannotAppointATeamAfterTheReportIsIssued() {
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled(), vpHeld(), reportIssued())
                    .when(new AppointAuditTeamCommand(AUDIT, KHTC_MEMBER, List.of(), DECISION, APPOINTED_ON), SECRETARY.toMetaData()),
                    "REPORT_ISSUED", null);
        }
    }

    @Nested
    class SchedulingUnitAudits {

        @Test
        void canScheduleAUnitAuditWithAuditorsOfTheTeam() {
            fixture.given(planned(), appointed()).when(scheduleVp(), SECRETARY.toMetaData()).expectEvents(vpScheduled());
        }

        @Test
        void theLeadAuditorCanScheduleUnitAudits() {
            fixture.given(planned(), appointed()).when(scheduleVp(), LEAD.toMetaData()).expectEvents(vpScheduled());
        }

        @Test
        void canScheduleAfterThePlannedEndWhenTheRoundOverruns() {
            LocalDate late = TO.plusDays(10);
            fixture.given(planned(), appointed()).when(new ScheduleUnitAuditCommand(AUDIT, "VP", late, List.of("danhgia")), SECRETARY.toMetaData())
                    .expectEvents(new UnitAuditScheduledEvent(AUDIT, "VP", late, List.of("danhgia")));
        }

        @Test
        void schedulingTheSameAgainChangesNothing() {
            fixture.given(planned(), appointed(), vpScheduled()).when(scheduleVp(), SECRETARY.toMetaData())
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void canRescheduleBeforeItIsHeld() {
            LocalDate later = VP_DAY.plusDays(2);
            fixture.given(planned(), appointed(), vpScheduled())
                    .when(new ScheduleUnitAuditCommand(AUDIT, "VP", later, List.of("danhgiakhtc")), SECRETARY.toMetaData())
                    .expectEvents(new UnitAuditScheduledEvent(AUDIT, "VP", later, List.of("danhgiakhtc")));
        }

        @Test
        void cannotRescheduleOnceHeld() {
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled(), vpHeld())
                    .when(new ScheduleUnitAuditCommand(AUDIT, "VP", VP_DAY.plusDays(2), List.of("danhgia")), SECRETARY.toMetaData()),
                    "UNIT_AUDIT_ALREADY_HELD", "unit");
        }

        @Test
        void cannotScheduleAUnitOutsideTheScope() {
            ruleBroken(fixture.given(planned(), appointed())
                    .when(new ScheduleUnitAuditCommand(AUDIT, "TTR", VP_DAY, List.of("danhgia")), SECRETARY.toMetaData()),
                    "UNIT_NOT_IN_SCOPE", "unit");
        }

        @Test
        void cannotScheduleBeforeTheTeamIsAppointed() {
            ruleBroken(fixture.given(planned()).when(scheduleVp(), SECRETARY.toMetaData()), "TEAM_NOT_APPOINTED", null);
        }

        @Test
        void cannotScheduleWithoutAuditors() {
            ruleBroken(fixture.given(planned(), appointed()).when(new ScheduleUnitAuditCommand(AUDIT, "VP", VP_DAY, List.of()), SECRETARY.toMetaData()),
                    "AUDITORS_REQUIRED", "auditors");
        }

        @Test
        void cannotScheduleSomeoneWhoIsNotOnTheTeam() {
            ruleBroken(fixture.given(planned(), appointed())
                    .when(new ScheduleUnitAuditCommand(AUDIT, "VP", VP_DAY, List.of("danhgia", "qmr")), SECRETARY.toMetaData()),
                    "AUDITOR_NOT_ON_TEAM", "auditors[1]");
        }

        @Test
        void cannotScheduleAnAuditorTwice() {
            ruleBroken(fixture.given(planned(), appointed())
                    .when(new ScheduleUnitAuditCommand(AUDIT, "VP", VP_DAY, List.of("danhgia", "danhgia")), SECRETARY.toMetaData()),
                    "AUDITOR_TWICE", "auditors[1]");
        }

        @Test
        void cannotScheduleAnAuditorToAuditTheirOwnUnit() {
            ruleBroken(fixture.given(planned(), appointed())
                    .when(new ScheduleUnitAuditCommand(AUDIT, "P-KHTC", VP_DAY, List.of("danhgia", "danhgiakhtc")), SECRETARY.toMetaData()),
                    "OWN_UNIT", "auditors[1]");
        }

        @Test
        void cannotScheduleBeforeTheRoundStarts() {
            ruleBroken(fixture.given(planned(), appointed())
                    .when(new ScheduleUnitAuditCommand(AUDIT, "VP", FROM.minusDays(1), List.of("danhgia")), SECRETARY.toMetaData()),
                    "BEFORE_ROUND", "date");
        }

        @Test
        void cannotScheduleAfterTheReportIsIssued() {
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled(), vpHeld(), reportIssued())
                    .when(new ScheduleUnitAuditCommand(AUDIT, "P-KHTC", VP_DAY, List.of("danhgia")), SECRETARY.toMetaData()),
                    "REPORT_ISSUED", null);
        }

        @Test
        void cannotScheduleInAClosedRound() {
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled(), vpHeld(), reportIssued(), auditClosed())
                    .when(new ScheduleUnitAuditCommand(AUDIT, "P-KHTC", VP_DAY, List.of("danhgia")), SECRETARY.toMetaData()),
                    "AUDIT_CLOSED", null);
        }
    }

    @Nested
    class HoldingUnitAudits {

        @Test
        void canRecordAUnitAuditHeldWithItsChecklistNotes() {
            fixture.given(planned(), appointed(), vpScheduled()).when(holdVp(), LEAD.toMetaData()).expectEvents(vpHeld());
        }

        @Test
        void anyAuditorOfTheTeamFromAnotherUnitCanRecordIt() {
            UnitAuditScheduledEvent leadOnly = new UnitAuditScheduledEvent(AUDIT, "VP", VP_DAY, List.of("danhgia"));
            fixture.given(planned(), appointed(), leadOnly).when(holdVp(), KHTC_AUDITOR.toMetaData()).expectEvents(vpHeld());
        }

        @Test
        void canRecordItHeldOnAnotherDayThanScheduled() {
            LocalDate otherDay = VP_DAY.plusDays(1);
            fixture.given(planned(), appointed(), vpScheduled())
                    .when(new RecordUnitAuditCommand(AUDIT, "VP", otherDay, VP_NOTES), LEAD.toMetaData())
                    .expectEvents(new UnitAuditHeldEvent(AUDIT, ORG, YEAR, "VP", otherDay, VP_NOTES));
        }

        @Test
        void recordingTheSameAgainChangesNothing() {
            fixture.given(planned(), appointed(), vpScheduled(), vpHeld()).when(holdVp(), LEAD.toMetaData())
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotRecordItHeldAgainWithOtherNotes() {
            refused(fixture.given(planned(), appointed(), vpScheduled(), vpHeld())
                            .when(new RecordUnitAuditCommand(AUDIT, "VP", VP_DAY, VP_NOTES.subList(0, 1)), LEAD.toMetaData()),
                    Kind.CONFLICT, "UNIT_AUDIT_ALREADY_HELD", "unit");
        }

        @Test
        void cannotRecordAUnitAuditThatWasNotScheduled() {
            ruleBroken(fixture.given(planned(), appointed()).when(holdVp(), LEAD.toMetaData()), "UNIT_AUDIT_NOT_SCHEDULED", "unit");
        }

        @Test
        void cannotRecordAUnitOutsideTheScope() {
            ruleBroken(fixture.given(planned(), appointed()).when(new RecordUnitAuditCommand(AUDIT, "TTR", VP_DAY, VP_NOTES), LEAD.toMetaData()),
                    "UNIT_NOT_IN_SCOPE", "unit");
        }

        @Test
        void cannotRecordWithoutNotes() {
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled()).when(new RecordUnitAuditCommand(AUDIT, "VP", VP_DAY, List.of()),
                    LEAD.toMetaData()), "NOTES_REQUIRED", "notes");
        }

        @Test
        void cannotRecordANoteAgainstAClauseOutsideTheStandard() {
            List<ChecklistNote> notes = List.of(new ChecklistNote("11.2", "Hỏi", "Thấy", Conformity.CONFORMING));
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled()).when(new RecordUnitAuditCommand(AUDIT, "VP", VP_DAY, notes),
                    LEAD.toMetaData()), "CLAUSE_UNKNOWN", "notes[0].clause");
        }

        @Test
        void cannotRecordANoteWithoutAVerdict() {
            List<ChecklistNote> notes = List.of(new ChecklistNote("7.5.3", "Hỏi", "Thấy", null));
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled()).when(new RecordUnitAuditCommand(AUDIT, "VP", VP_DAY, notes),
                    LEAD.toMetaData()), "NOTE_INCOMPLETE", "notes[0].conformity");
        }

        @Test
        void cannotRecordItHeldBeforeTheRoundStarts() {
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled())
                    .when(new RecordUnitAuditCommand(AUDIT, "VP", FROM.minusDays(1), VP_NOTES), LEAD.toMetaData()), "BEFORE_ROUND", "heldOn");
        }

        @Test
        void cannotRecordAfterTheReportIsIssued() {
            UnitAuditScheduledEvent khtcScheduled = new UnitAuditScheduledEvent(AUDIT, "P-KHTC", VP_DAY, List.of("danhgia"));
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled(), vpHeld(), khtcScheduled, reportIssued())
                    .when(new RecordUnitAuditCommand(AUDIT, "P-KHTC", VP_DAY, VP_NOTES), LEAD.toMetaData()), "REPORT_ISSUED", null);
        }

        @Test
        void anAuditorCannotRecordTheAuditOfTheirOwnUnit() {
            UnitAuditScheduledEvent khtcScheduled = new UnitAuditScheduledEvent(AUDIT, "P-KHTC", VP_DAY, List.of("danhgia"));
            refused(fixture.given(planned(), appointed(), khtcScheduled)
                    .when(new RecordUnitAuditCommand(AUDIT, "P-KHTC", VP_DAY, VP_NOTES), KHTC_AUDITOR.toMetaData()), Kind.FORBIDDEN, "OWN_UNIT", null);
        }

        @Test
        void anAuditorWhoseSignInUnitIsTheAuditedUnitCannotRecordIt() {
            // on the decision without a unit (say, seconded), but signed in as a member of P-KHTC
            AuditTeamAppointedEvent unitless = new AuditTeamAppointedEvent(AUDIT, LEAD_MEMBER,
                    List.of(new TeamMember("danhgiakhtc", "Vũ Minh Khoa", null)), DECISION, APPOINTED_ON);
            UnitAuditScheduledEvent khtcScheduled = new UnitAuditScheduledEvent(AUDIT, "P-KHTC", VP_DAY, List.of("danhgia"));
            refused(fixture.given(planned(), unitless, khtcScheduled)
                    .when(new RecordUnitAuditCommand(AUDIT, "P-KHTC", VP_DAY, VP_NOTES), KHTC_AUDITOR.toMetaData()), Kind.FORBIDDEN, "OWN_UNIT", null);
        }

        @Test
        void someoneOffTheTeamCannotRecordIt() {
            refused(fixture.given(planned(), appointed(), vpScheduled()).when(holdVp(), QMR.toMetaData()), Kind.FORBIDDEN, "TEAM_ONLY", null);
        }
    }

    @Nested
    class RecordingFindings {

        private ResultValidator<InternalAudit> whenFound(RecordAuditFindingCommand command) {
            return fixture.given(planned(), appointed(), vpScheduled(), vpHeld()).when(command, LEAD.toMetaData());
        }

        private RecordAuditFindingCommand finding(String unit, String clause, FindingKind kind, String description, String evidenceSeen,
                                                  MeasureId measureId, boolean withObjective) {
            return new RecordAuditFindingCommand(AUDIT, FINDING, unit, clause, kind, description, evidenceSeen,
                    withObjective ? OBJECTIVE : null, measureId, RECORDED_ON);
        }

        @Test
        void canRecordAFindingOfAHeldUnitAuditWithItsOrganisationAndYear() {
            whenFound(findVp()).expectEvents(vpFound());
        }

        @Test
        void canRecordAnObservationWithoutARelatedObjective() {
            whenFound(finding("VP", "9.1.2", FindingKind.OBSERVATION, "Chưa phân tích ý kiến phản hồi", "Phiếu khảo sát quý III", null, false))
                    .expectEvents(new AuditFindingRecordedEvent(AUDIT, ORG, YEAR, FINDING, "VP", "9.1.2", FindingKind.OBSERVATION,
                            "Chưa phân tích ý kiến phản hồi", "Phiếu khảo sát quý III", null, null, RECORDED_ON));
        }

        @Test
        void recordingTheSameFindingAgainOnAnotherDayChangesNothing() {
            RecordAuditFindingCommand f = findVp();
            fixture.given(planned(), appointed(), vpScheduled(), vpHeld(), vpFound())
                    .when(new RecordAuditFindingCommand(AUDIT, FINDING, f.unit(), f.clause(), f.kind(), f.description(), f.evidenceSeen(),
                            f.relatedObjectiveId(), f.relatedMeasureId(), RECORDED_ON.plusDays(1)), LEAD.toMetaData())
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotReuseAFindingIdForOtherContent() {
            refused(fixture.given(planned(), appointed(), vpScheduled(), vpHeld(), vpFound())
                            .when(finding("VP", "7.5.3", FindingKind.MAJOR_NONCONFORMITY, "Khác", "Sổ", null, false), LEAD.toMetaData()),
                    Kind.CONFLICT, "FINDING_EXISTS", "findingId");
        }

        @Test
        void cannotRecordAFindingForAUnitWhoseAuditWasOnlyScheduled() {
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled()).when(findVp(), LEAD.toMetaData()), "UNIT_NOT_AUDITED", "unit");
        }

        @Test
        void cannotRecordAFindingForAUnitOutsideTheScope() {
            ruleBroken(whenFound(finding("TTR", "7.5.3", FindingKind.OBSERVATION, "d", "e", null, false)), "UNIT_NOT_IN_SCOPE", "unit");
        }

        @Test
        void cannotCiteAClauseOutsideTheStandard() {
            ruleBroken(whenFound(finding("VP", "2", FindingKind.OBSERVATION, "d", "e", null, false)), "CLAUSE_UNKNOWN", "clause");
        }

        @Test
        void cannotRecordAFindingWithoutItsKind() {
            ruleBroken(whenFound(finding("VP", "7.5.3", null, "d", "e", null, false)), "KIND_REQUIRED", "kind");
        }

        @Test
        void cannotRecordAFindingWithoutADescription() {
            ruleBroken(whenFound(finding("VP", "7.5.3", FindingKind.OBSERVATION, " ", "e", null, false)), "DESCRIPTION_REQUIRED", "description");
        }

        @Test
        void cannotRecordAFindingWithoutTheEvidenceSeen() {
            ruleBroken(whenFound(finding("VP", "7.5.3", FindingKind.OBSERVATION, "d", null, null, false)), "EVIDENCE_SEEN_REQUIRED", "evidenceSeen");
        }

        @Test
        void cannotRelateAMeasureWithoutItsObjective() {
            ruleBroken(whenFound(finding("VP", "7.5.3", FindingKind.OBSERVATION, "d", "e", MEASURE, false)),
                    "MEASURE_WITHOUT_OBJECTIVE", "relatedMeasureId");
        }

        @Test
        void cannotRecordAFindingAfterTheReportIsIssued() {
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled(), vpHeld(), reportIssued()).when(findVp(), LEAD.toMetaData()),
                    "REPORT_ISSUED", null);
        }

        @Test
        void anAuditorCannotRecordAFindingAgainstTheirOwnUnit() {
            UnitAuditScheduledEvent khtcScheduled = new UnitAuditScheduledEvent(AUDIT, "P-KHTC", VP_DAY, List.of("danhgia"));
            UnitAuditHeldEvent khtcHeld = new UnitAuditHeldEvent(AUDIT, ORG, YEAR, "P-KHTC", VP_DAY, VP_NOTES);
            refused(fixture.given(planned(), appointed(), khtcScheduled, khtcHeld)
                            .when(finding("P-KHTC", "7.5.3", FindingKind.OBSERVATION, "d", "e", null, false), KHTC_AUDITOR.toMetaData()),
                    Kind.FORBIDDEN, "OWN_UNIT", null);
        }

        @Test
        void aViewerPutOnTheTeamCannotRecordAFinding() {
            TeamMember viewer = new TeamMember("xem", "Hoàng Văn Xuân", null);
            AuditTeamAppointedEvent withViewer = new AuditTeamAppointedEvent(AUDIT, LEAD_MEMBER, List.of(KHTC_MEMBER, viewer), DECISION, APPOINTED_ON);
            Actor xem = new Actor("xem", "Hoàng Văn Xuân", List.of(Role.VIEWER), ORG, null);
            refused(fixture.given(planned(), withViewer, vpScheduled(), vpHeld()).when(findVp(), xem.toMetaData()),
                    Kind.FORBIDDEN, "TEAM_ONLY", null);
        }

        @Test
        void anAuditorOffTheTeamCannotRecordAFinding() {
            Actor otherAuditor = new Actor("danhgia2", "Đánh giá viên khác", List.of(Role.AUDITOR), ORG, "TTR");
            refused(fixture.given(planned(), appointed(), vpScheduled(), vpHeld()).when(findVp(), otherAuditor.toMetaData()),
                    Kind.FORBIDDEN, "TEAM_ONLY", null);
        }
    }

    @Nested
    class IssuingTheReport {

        @Test
        void theLeadAuditorCanIssueTheReportOnceAUnitAuditWasHeld() {
            fixture.given(planned(), appointed(), vpScheduled(), vpHeld()).when(issueReport(), LEAD.toMetaData()).expectEvents(reportIssued());
        }

        @Test
        void issuingTheSameReportAgainChangesNothing() {
            fixture.given(planned(), appointed(), vpScheduled(), vpHeld(), reportIssued()).when(issueReport(), LEAD.toMetaData())
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotIssueASecondReport() {
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled(), vpHeld(), reportIssued())
                    .when(new IssueAuditReportCommand(AUDIT, REPORT, "Tóm tắt khác", ISSUED_ON), LEAD.toMetaData()), "REPORT_ALREADY_ISSUED", "report");
        }

        @Test
        void cannotIssueTheReportBeforeAnyUnitAuditWasHeld() {
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled()).when(issueReport(), LEAD.toMetaData()), "NO_UNIT_AUDIT_HELD", null);
        }

        @Test
        void cannotIssueAReportWithoutTheDocument() {
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled(), vpHeld())
                    .when(new IssueAuditReportCommand(AUDIT, null, SUMMARY, ISSUED_ON), LEAD.toMetaData()), "REPORT_REQUIRED", "report");
        }

        @Test
        void cannotIssueAReportWithoutASummary() {
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled(), vpHeld())
                    .when(new IssueAuditReportCommand(AUDIT, REPORT, "", ISSUED_ON), LEAD.toMetaData()), "SUMMARY_REQUIRED", "summary");
        }

        @Test
        void cannotIssueAReportDatedAfterTheDayOfIssue() {
            DocumentReference postDated = new DocumentReference("320/BC-SLĐTBXH", ISSUED_ON.plusDays(1), "Đoàn ĐGNB", "Báo cáo", null, null);
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled(), vpHeld())
                    .when(new IssueAuditReportCommand(AUDIT, postDated, SUMMARY, ISSUED_ON), LEAD.toMetaData()), "REPORT_DATED_AFTER_ISSUE", "report.date");
        }
    }

    @Nested
    class ClosingTheRound {

        @Test
        void canCloseTheRoundOnceTheReportIsIssued() {
            LocalDate closedOn = LocalDate.of(2023, 11, 1);
            fixture.given(planned(), appointed(), vpScheduled(), vpHeld(), reportIssued())
                    .when(new CloseInternalAuditCommand(AUDIT, closedOn), QMR.toMetaData())
                    .expectEvents(new InternalAuditClosedEvent(AUDIT, closedOn));
        }

        @Test
        void closingAgainChangesNothing() {
            fixture.given(planned(), appointed(), vpScheduled(), vpHeld(), reportIssued(), auditClosed())
                    .when(new CloseInternalAuditCommand(AUDIT, LocalDate.of(2023, 11, 2)), QMR.toMetaData())
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void cannotCloseTheRoundBeforeTheReportIsIssued() {
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled(), vpHeld())
                    .when(new CloseInternalAuditCommand(AUDIT, LocalDate.of(2023, 11, 1)), QMR.toMetaData()), "REPORT_NOT_ISSUED", null);
        }
    }

    /** Each step of a round is dated by the day it applied; a day before the step it follows is refused. */
    @Nested
    class AppliedDates {

        @Test
        void theTeamIsNotAppointedBeforeTheRoundWasPlanned() {
            ruleBroken(fixture.given(planned())
                    .when(new AppointAuditTeamCommand(AUDIT, LEAD_MEMBER, List.of(KHTC_MEMBER), DECISION, PLANNED_ON.minusDays(1)), SECRETARY.toMetaData()),
                    "APPOINTED_BEFORE_PLANNING", "appointedOn");
        }

        @Test
        void aFindingIsNotRecordedBeforeTheUnitWasAudited() {
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled(), vpHeld())
                    .when(new RecordAuditFindingCommand(AUDIT, FINDING, "VP", "7.5.3", FindingKind.MINOR_NONCONFORMITY,
                            "Văn bản đến không được vào sổ đầy đủ", "Sổ công văn đến 2023, tháng 8", OBJECTIVE, MEASURE, VP_DAY.minusDays(1)),
                            LEAD.toMetaData()), "FOUND_BEFORE_UNIT_AUDIT", "recordedOn");
        }

        @Test
        void aFindingIsRecordedOnTheDayOfTheUnitAudit() {
            fixture.given(planned(), appointed(), vpScheduled(), vpHeld())
                    .when(new RecordAuditFindingCommand(AUDIT, FINDING, "VP", "7.5.3", FindingKind.OBSERVATION,
                            "Sổ công văn ghi chưa kịp thời", "Sổ công văn đến 2023", null, null, VP_DAY), LEAD.toMetaData())
                    .expectEvents(new AuditFindingRecordedEvent(AUDIT, ORG, YEAR, FINDING, "VP", "7.5.3", FindingKind.OBSERVATION,
                            "Sổ công văn ghi chưa kịp thời", "Sổ công văn đến 2023", null, null, VP_DAY));
        }

        @Test
        void theReportIsNotIssuedBeforeTheFindingsItReports() {
            DocumentReference early = new DocumentReference("320/BC-SLĐTBXH", VP_DAY, "Đoàn ĐGNB", "Báo cáo", null, null);
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled(), vpHeld(), vpFound())
                    .when(new IssueAuditReportCommand(AUDIT, early, SUMMARY, VP_DAY), LEAD.toMetaData()), "ISSUED_BEFORE_AUDIT_WORK", "issuedOn");
        }

        @Test
        void theRoundIsNotClosedBeforeItsReportWasIssued() {
            ruleBroken(fixture.given(planned(), appointed(), vpScheduled(), vpHeld(), reportIssued())
                    .when(new CloseInternalAuditCommand(AUDIT, ISSUED_ON.minusDays(1)), QMR.toMetaData()), "CLOSED_BEFORE_REPORT", "closedOn");
        }
    }
}
