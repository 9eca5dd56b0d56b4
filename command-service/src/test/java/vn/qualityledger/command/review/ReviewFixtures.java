package vn.qualityledger.command.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import vn.qualityledger.api.audit.AuditId;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.review.*;

/**
 * Sample values: the periodic review of the first half of 2023 (plan's measure I.4), planned on 20/06/2023 for
 * 10/07/2023, held that morning with its inputs read at 08:00 in Hà Nội; decision D1 (an improvement owned by VP)
 * due 30/09/2023.
 */
final class ReviewFixtures {

    static final String ORG = "SLDTBXH-HD";
    static final ManagementReviewId REVIEW = new ManagementReviewId("SLDTBXH-HD.XXLD-2023-1");
    static final AuditId AUDIT = new AuditId("SLDTBXH-HD.DGNB-2023");
    static final String TITLE = "Xem xét của lãnh đạo 6 tháng đầu năm 2023";
    static final LocalDate PERIOD_FROM = LocalDate.of(2023, 1, 1);
    static final LocalDate PERIOD_TO = LocalDate.of(2023, 6, 30);
    static final LocalDate SCHEDULED_ON = LocalDate.of(2023, 7, 10);
    static final LocalDate PLANNED_ON = LocalDate.of(2023, 6, 20);
    static final ReviewPerson CHAIR = new ReviewPerson("Nguyễn Văn An", "Giám đốc Sở");
    static final List<ReviewPerson> PARTICIPANTS = List.of(new ReviewPerson("Trần Văn Quang", "Phó Giám đốc Sở, QMR"),
            new ReviewPerson("Nguyễn Thị Thư", "Thư ký ISO"), new ReviewPerson("Lê Thị Vân", "Chánh Văn phòng"));
    static final ReviewNotes NOTES = new ReviewNotes("Luật Lao động sửa đổi có hiệu lực", "Không có phản ánh, kiến nghị",
            null, "Thiếu 01 công chức tại Văn phòng Sở", "Các biện pháp giảm rủi ro trễ hạn TTHC có hiệu quả", null, null);
    static final LocalDate HELD_ON = LocalDate.of(2023, 7, 10);
    /** 08:00 on the meeting's day in Hà Nội. */
    static final Instant CUT_OFF = Instant.parse("2023-07-10T01:00:00Z");
    static final List<ReviewPerson> ATTENDEES = List.of(CHAIR, PARTICIPANTS.get(0), PARTICIPANTS.get(1));
    static final String SUMMARY = "Xem xét kết quả thực hiện MTCL 6 tháng đầu năm, kết quả ĐGNB và các hành động khắc phục";
    static final QmsConclusion CONCLUSION = new QmsConclusion(true, true, true,
            "Hệ thống quản lý chất lượng tiếp tục phù hợp, thỏa đáng và có hiệu lực");
    static final ReviewDecisionId DECISION = new ReviewDecisionId("D1");
    static final ReviewDecisionId SECOND_DECISION = new ReviewDecisionId("D2");
    static final LocalDate DUE = LocalDate.of(2023, 9, 30);
    static final LocalDate SECOND_DUE = LocalDate.of(2023, 12, 31);
    static final LocalDate DECIDED_ON = LocalDate.of(2023, 7, 11);
    static final DocumentReference EVIDENCE = new DocumentReference("120/BC-VP", LocalDate.of(2023, 9, 20), "Văn phòng Sở",
            "Báo cáo kết quả số hóa hồ sơ lưu trữ", null, null);
    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    static final Actor ADMINISTRATOR = new Actor("admin", "Quản trị hệ thống", List.of(Role.ADMIN), ORG, null);
    static final Actor VP_STAFF = new Actor("nhanvienvp", "Phạm Minh Hiếu", List.of(Role.STAFF), ORG, "VP");

    private ReviewFixtures() {
    }

    /** Commands dispatched without an actor act as {@link #ADMINISTRATOR}. */
    static void actAsAdministratorByDefault(AggregateTestFixture<ManagementReview> fixture) {
        fixture.registerCommandDispatchInterceptor(messages -> (index, command) ->
                command.getMetaData().containsKey(Actor.ID) ? command : command.andMetaData(ADMINISTRATOR.toMetaData()));
    }

    static PlanManagementReviewCommand plan() {
        return new PlanManagementReviewCommand(REVIEW, ORG, TITLE, ReviewTrigger.PERIODIC, null, PERIOD_FROM, PERIOD_TO, SCHEDULED_ON,
                CHAIR, PARTICIPANTS, PLANNED_ON);
    }

    static ManagementReviewPlannedEvent planned() {
        return new ManagementReviewPlannedEvent(REVIEW, ORG, TITLE, ReviewTrigger.PERIODIC, null, PERIOD_FROM, PERIOD_TO, SCHEDULED_ON,
                CHAIR, PARTICIPANTS, PLANNED_ON);
    }

    static HoldManagementReviewCommand hold() {
        return new HoldManagementReviewCommand(REVIEW, HELD_ON, CUT_OFF, ATTENDEES, SUMMARY, CONCLUSION);
    }

    static ManagementReviewHeldEvent held() {
        return new ManagementReviewHeldEvent(REVIEW, HELD_ON, CUT_OFF, ATTENDEES, SUMMARY, CONCLUSION);
    }

    static RecordReviewDecisionCommand decide() {
        return new RecordReviewDecisionCommand(REVIEW, DECISION, ReviewDecisionKind.IMPROVEMENT, "Số hóa hồ sơ lưu trữ của Văn phòng Sở",
                "VP", DUE, DECIDED_ON);
    }

    static ReviewDecisionRecordedEvent decided() {
        return new ReviewDecisionRecordedEvent(REVIEW, DECISION, ReviewDecisionKind.IMPROVEMENT, "Số hóa hồ sơ lưu trữ của Văn phòng Sở",
                "VP", DUE, DECIDED_ON);
    }

    static RecordReviewDecisionCommand decideSecond() {
        return new RecordReviewDecisionCommand(REVIEW, SECOND_DECISION, ReviewDecisionKind.RESOURCE_NEED, "Tuyển dụng 01 công chức",
                "P-TCCB", SECOND_DUE, DECIDED_ON);
    }

    static ReviewDecisionRecordedEvent decidedSecond() {
        return new ReviewDecisionRecordedEvent(REVIEW, SECOND_DECISION, ReviewDecisionKind.RESOURCE_NEED, "Tuyển dụng 01 công chức",
                "P-TCCB", SECOND_DUE, DECIDED_ON);
    }

    static CompleteReviewDecisionCommand complete() {
        return new CompleteReviewDecisionCommand(REVIEW, DECISION, LocalDate.of(2023, 9, 25), EVIDENCE, "Đã số hóa 1.200 hồ sơ");
    }

    static ReviewDecisionCompletedEvent completed() {
        return new ReviewDecisionCompletedEvent(REVIEW, DECISION, LocalDate.of(2023, 9, 25), EVIDENCE, "Đã số hóa 1.200 hồ sơ");
    }

    static IssueReviewMinutesCommand issueMinutes(LocalDate issuedOn) {
        return new IssueReviewMinutesCommand(REVIEW, "05/BB-SLĐTBXH", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "UBND TỈNH HẢI DƯƠNG",
                "Hải Dương", "", "GIÁM ĐỐC", "Nguyễn Văn An", List.of("- Ban Chỉ đạo ISO;", "- Lưu: VT."), SHA,
                "quality-ledger-minutes 1 (POI 5.4.1)", 42L, issuedOn);
    }

    static ReviewMinutesIssuedEvent minutesIssued(LocalDate issuedOn) {
        return new ReviewMinutesIssuedEvent(REVIEW, "05/BB-SLĐTBXH", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "UBND TỈNH HẢI DƯƠNG",
                "Hải Dương", "", "GIÁM ĐỐC", "Nguyễn Văn An", List.of("- Ban Chỉ đạo ISO;", "- Lưu: VT."), SHA,
                "quality-ledger-minutes 1 (POI 5.4.1)", 42L, issuedOn);
    }

    static ManagementReviewCancelledEvent cancelled() {
        return new ManagementReviewCancelledEvent(REVIEW, "Lùi sang kỳ sau do trùng đợt kiểm tra của Bộ", LocalDate.of(2023, 7, 1));
    }
}
