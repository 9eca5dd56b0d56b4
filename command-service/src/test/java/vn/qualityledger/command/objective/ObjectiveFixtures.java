package vn.qualityledger.command.objective;

import vn.qualityledger.api.common.FileReference;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.objective.*;

/** Sample values for the fixture tests: one objective of 2023 with a target of at least 95 %. */
final class ObjectiveFixtures {

    static final ObjectiveId OBJECTIVE = new ObjectiveId("SLDTBXH-HD.MTCL-2023-03");
    static final String ORG = "SLDTBXH-HD";
    static final int YEAR = 2023;
    static final Target TARGET = new Target("Tỷ lệ tổ chức/công dân hài lòng", Comparator.AT_LEAST, new BigDecimal("95"), "%");
    static final String STATEMENT = "95% tổ chức/công dân hài lòng khi giải quyết thủ tục hành chính";

    static final MeasureId REPORTS = new MeasureId("I.6");
    static final Schedule REPORT_SCHEDULE = new Schedule("Trước 15/5 và trước 30/10 hằng năm", List.of(
            ScheduleRule.recurring("FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=14"),
            ScheduleRule.recurring("FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=29")));
    static final MeasureDetails REPORT_DETAILS = details("I.6", "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng", REPORT_SCHEDULE);
    static final OccurrenceId MAY_REPORT = new OccurrenceId("I.6@2023-05-14");
    static final OccurrenceId OCTOBER_REPORT = new OccurrenceId("I.6@2023-10-29");
    static final List<ScheduledOccurrence> REPORT_OCCURRENCES = List.of(
            new ScheduledOccurrence(MAY_REPORT, LocalDate.of(2023, 5, 14)),
            new ScheduledOccurrence(OCTOBER_REPORT, LocalDate.of(2023, 10, 29)));

    static final EvidenceId EVIDENCE = new EvidenceId("ev-1");
    static final DocumentReference REPORT_DOCUMENT = new DocumentReference("512/BC-SLĐTBXH", LocalDate.of(2023, 5, 12),
            "Văn phòng Sở", "Báo cáo kết quả thực hiện MTCL 6 tháng đầu năm 2023", "https://example.vn/bc-512.pdf", null);

    /** The actor of the behaviour tests: allowed everything those tests do (an administrator who monitors as QMR). */
    /** A stored copy of the report, as an upload answered it and a submission cites it. */
    static final FileReference REPORT_FILE = new FileReference("3a0c3c0e2a4a6aa1b8b8c4d0a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
            "Báo cáo 6 tháng.pdf", 1024L, "application/pdf");
    static final Actor ADMINISTRATOR = new Actor("admin", "Quản trị hệ thống", List.of(Role.ADMIN), ORG, "QMR");

    private ObjectiveFixtures() {
    }

    /** Commands dispatched without an actor act as {@link #ADMINISTRATOR}. */
    static void actAsAdministratorByDefault(org.axonframework.test.aggregate.AggregateTestFixture<Objective> fixture) {
        fixture.registerCommandDispatchInterceptor(messages -> (index, command) ->
                command.getMetaData().containsKey(Actor.ID) ? command : command.andMetaData(ADMINISTRATOR.toMetaData()));
    }

    static MeasureDetails details(String code, String title, Schedule schedule) {
        return new MeasureDetails(code, title, List.of("VP", "BCD-ISO"), List.of("ALL_UNITS"), List.of("QMR", "TK-ISO"),
                List.of("Báo cáo kết quả thực hiện MTCL"), schedule);
    }

    static ObjectiveDefinedEvent defined() {
        return new ObjectiveDefinedEvent(OBJECTIVE, ORG, YEAR, "MTCL-2023-03", STATEMENT, TARGET);
    }

    static DefineObjectiveCommand define() {
        return new DefineObjectiveCommand(OBJECTIVE, ORG, YEAR, "MTCL-2023-03", STATEMENT, TARGET);
    }

    static MeasurePlannedEvent reportsPlanned() {
        return new MeasurePlannedEvent(OBJECTIVE, REPORTS, null, REPORT_DETAILS, REPORT_OCCURRENCES);
    }

    static EvidenceSubmittedEvent evidenceSubmitted() {
        return new EvidenceSubmittedEvent(OBJECTIVE, EVIDENCE, REPORTS, MAY_REPORT, REPORT_DOCUMENT, LocalDate.of(2023, 5, 13));
    }

    static EvidenceAcceptedEvent evidenceAccepted() {
        return new EvidenceAcceptedEvent(OBJECTIVE, EVIDENCE, REPORTS, MAY_REPORT, LocalDate.of(2023, 5, 16), LocalDate.of(2023, 5, 13));
    }

    static ObjectiveClosedEvent closed() {
        return new ObjectiveClosedEvent(OBJECTIVE, new Assessment(true, null), LocalDate.of(2023, 12, 31));
    }
}
