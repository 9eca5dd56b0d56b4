package vn.qualityledger.command.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.CommandErrorDetails.Kind;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.report.IssueResultsReportCommand;
import vn.qualityledger.api.report.ResultsReportId;
import vn.qualityledger.api.report.ResultsReportIssuedEvent;
import vn.qualityledger.api.report.ResultsReportKind;

class IssuedResultsReportTest {

    static final String ORG = "SLDTBXH-HD";
    static final ResultsReportId REPORT = new ResultsReportId("SLDTBXH-HD.BC-MTCL-2023-6T");
    /** 17:30 UTC on 14 July is 15 July in Vietnam: the report is issued on the 15th at the earliest. */
    static final Instant CUT_OFF = Instant.parse("2023-07-14T17:30:00Z");
    static final LocalDate ISSUED_ON = LocalDate.of(2023, 7, 15);
    static final String DOCX = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final String XLSX = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    static final Actor SECRETARY = new Actor("thuky", "Nguyễn Thị Thư", List.of(Role.ISO_SECRETARY), ORG, "TK-ISO");

    private AggregateTestFixture<IssuedResultsReport> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IssuedResultsReport.class);
    }

    static IssueResultsReportCommand issue(String docx, Instant cutOff, LocalDate issuedOn) {
        return new IssueResultsReportCommand(REPORT, ORG, 2023, ResultsReportKind.SIX_MONTH, cutOff, "215/BC-SLĐTBXH",
                "Sở Lao động - Thương binh và Xã hội", "UBND tỉnh Hải Dương", "Hải Dương", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
                "Nguyễn Văn An", List.of("Lưu: VT, VP."), docx, XLSX, "quality-ledger results-report 1; Apache POI 5.5.1", 42L, issuedOn);
    }

    static ResultsReportIssuedEvent issued() {
        return new ResultsReportIssuedEvent(REPORT, ORG, 2023, ResultsReportKind.SIX_MONTH, CUT_OFF, "215/BC-SLĐTBXH",
                "Sở Lao động - Thương binh và Xã hội", "UBND tỉnh Hải Dương", "Hải Dương", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
                "Nguyễn Văn An", List.of("Lưu: VT, VP."), DOCX, XLSX, "quality-ledger results-report 1; Apache POI 5.5.1", 42L, ISSUED_ON);
    }

    private static void refused(ResultValidator<IssuedResultsReport> result, Kind kind, String code, String field) {
        result.expectNoEvents()
                .expectException(CommandExecutionException.class)
                .expectExceptionDetails(new CommandErrorDetails(kind, code, field));
    }

    @Test
    void canIssueAReportRecordingItsParametersAndBothHashes() {
        fixture.givenNoPriorActivity().when(issue(DOCX, CUT_OFF, ISSUED_ON), SECRETARY.toMetaData()).expectEvents(issued());
    }

    @Test
    void canRepeatTheSameIssueOnAnotherDayWithoutRecordingItTwice() {
        fixture.given(issued()).when(issue(DOCX, CUT_OFF, ISSUED_ON.plusDays(3)), SECRETARY.toMetaData()).expectNoEvents()
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void cannotIssueTheSameIdWithOtherFiles() {
        refused(fixture.given(issued()).when(issue(XLSX, CUT_OFF, ISSUED_ON), SECRETARY.toMetaData()), Kind.CONFLICT, "REPORT_EXISTS", "reportId");
    }

    @Test
    void cannotIssueTheSameIdPrintingAnotherCheckpoint() {
        IssueResultsReportCommand other = issue(DOCX, CUT_OFF, ISSUED_ON);
        other = new IssueResultsReportCommand(other.reportId(), other.organisationId(), other.year(), other.kind(), other.cutOff(),
                other.number(), other.organisationName(), other.parentName(), other.place(), other.signerAuthority(),
                other.signerTitle(), other.signerName(), other.recipients(), other.docxSha256(), other.xlsxSha256(),
                other.generator(), 43L, other.issuedOn());
        refused(fixture.given(issued()).when(other, SECRETARY.toMetaData()), Kind.CONFLICT, "REPORT_EXISTS", "reportId");
    }

    @Test
    void cannotIssueAReportBeforeItsCutOffsDay() {
        refused(fixture.givenNoPriorActivity().when(issue(DOCX, CUT_OFF, LocalDate.of(2023, 7, 14)), SECRETARY.toMetaData()),
                Kind.RULE_BROKEN, "ISSUED_BEFORE_CUT_OFF", "cutOff");
    }

    @Test
    void cannotIssueWithoutARealSha256() {
        refused(fixture.givenNoPriorActivity().when(issue(DOCX.toUpperCase(), CUT_OFF, ISSUED_ON), SECRETARY.toMetaData()),
                Kind.RULE_BROKEN, "NOT_A_SHA_256", "docxSha256");
    }

    @Test
    void cannotIssueAsStaff() {
        Actor staff = new Actor("nhanvienvp", "Lê Văn Phúc", List.of(Role.STAFF), ORG, "VP");
        refused(fixture.givenNoPriorActivity().when(issue(DOCX, CUT_OFF, ISSUED_ON), staff.toMetaData()),
                Kind.FORBIDDEN, "ISSUERS_ONLY", null);
    }

    @Test
    void cannotIssueForAnotherOrganisation() {
        Actor other = new Actor("thuky-hn", "Phạm Thu", List.of(Role.ISO_SECRETARY), "SLDTBXH-HN", "TK-ISO");
        refused(fixture.givenNoPriorActivity().when(issue(DOCX, CUT_OFF, ISSUED_ON), other.toMetaData()),
                Kind.FORBIDDEN, "OTHER_ORGANISATION", null);
    }
}
