package vn.qualityledger.query.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;
import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.api.objective.Period;
import vn.qualityledger.query.auditprogramme.AuditProgramme.AuditStatus;
import vn.qualityledger.query.auditprogramme.AuditProgramme.KindCounts;
import vn.qualityledger.query.dashboard.KpiStatus;
import vn.qualityledger.query.dashboard.LatestMeasurement;
import vn.qualityledger.query.dashboard.ObjectiveDashboard;
import vn.qualityledger.query.dashboard.OccurrenceCounts;
import vn.qualityledger.query.dashboard.OrganisationSummary;
import vn.qualityledger.query.dashboard.TargetView;
import vn.qualityledger.query.dashboard.UnitFigures;
import vn.qualityledger.query.document.DocumentHeader;
import vn.qualityledger.query.document.PrintedCheckpoint;
import vn.qualityledger.query.document.Sha256;
import vn.qualityledger.query.nonconformity.NonconformityRow;
import vn.qualityledger.query.review.ManagementReviewRepository.Decision;
import vn.qualityledger.query.review.ManagementReviewRepository.Detail;
import vn.qualityledger.query.review.ManagementReviewRepository.Notes;
import vn.qualityledger.query.review.ManagementReviewRepository.Person;
import vn.qualityledger.query.tracking.NonconformityStatus;

/** The minutes from a review and inputs given by hand: Vietnamese text in the NĐ 30/2020 form, the same bytes every time. */
class ReviewMinutesDocxTest {

    /** 17:30 UTC on 9 July is already 10 July in Vietnam. */
    static final Instant CUT_OFF = Instant.parse("2023-07-09T17:30:00Z");
    static final LocalDate AS_OF = LocalDate.of(2023, 7, 10);
    static final DocumentHeader HEADER = new DocumentHeader("05/BB-SLĐTBXH", "Sở Lao động - Thương binh và Xã hội",
            "UBND tỉnh Hải Dương", "Hải Dương", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Quang", List.of("Ban Chỉ đạo ISO tỉnh;", "Lưu: VT, VP."));

    static Detail review(LocalDate heldOn, Instant cutOff) {
        Notes notes = new Notes("Luật Lao động sửa đổi có hiệu lực", null, "Nhà cung cấp phần mềm một cửa đáp ứng yêu cầu", "",
                null, null, "Chuẩn bị đánh giá giám sát", LocalDate.of(2023, 7, 5), "Nguyễn Thị Thư");
        Decision decision = new Decision("R2", "D1", "IMPROVEMENT", "Số hóa hồ sơ lưu trữ", "VP", LocalDate.of(2023, 9, 30),
                LocalDate.of(2023, 7, 10), "qmr", "OPEN", null, null, null, null, null, null);
        return new Detail("R2", "SLDTBXH-HD", "Xem xét của lãnh đạo 6 tháng đầu năm 2023", "PERIODIC", null,
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30), LocalDate.of(2023, 7, 10), heldOn == null ? "PLANNED" : "HELD",
                new Person("Nguyễn Văn An", "Giám đốc Sở"), List.of(new Person("Trần Văn Quang", "Phó Giám đốc Sở, QMR")),
                LocalDate.of(2023, 6, 20), "thuky", notes, heldOn, cutOff,
                List.of(new Person("Nguyễn Văn An", "Giám đốc Sở"), new Person("Lê Thị Vân", null)),
                "Xem xét kết quả 6 tháng đầu năm", true, true, false, "HTQLCL phù hợp, thỏa đáng; hiệu lực chưa đạt", "qmr",
                null, null, null, null, null, null, null, heldOn == null ? List.of() : List.of(decision));
    }

    static ReviewInputs inputs() {
        OccurrenceCounts counts = OccurrenceCounts.of(14, 8, 2, 2, 5);
        ObjectiveDashboard objective = new ObjectiveDashboard("SLDTBXH-HD.MTCL-2023-01", "SLDTBXH-HD", 2023, "MTCL-2023-01",
                "100% phòng, trung tâm áp dụng HTQLCL", new TargetView("Tỷ lệ hồ sơ đúng hạn", ">=", new BigDecimal("95"), "%"), null,
                null, null, new LatestMeasurement("q2", new Period(LocalDate.of(2023, 4, 1), LocalDate.of(2023, 6, 30)),
                new BigDecimal("96.96"), new BigDecimal("1212"), new BigDecimal("1250"), "Báo cáo quý II", LocalDate.of(2023, 7, 5)),
                KpiStatus.ON_TRACK, counts, new BigDecimal("50.00"), new BigDecimal("25.00"), AS_OF);
        Map<KpiStatus, Integer> statuses = new EnumMap<>(KpiStatus.class);
        for (KpiStatus status : KpiStatus.values()) {
            statuses.put(status, status == KpiStatus.ON_TRACK ? 1 : 0);
        }
        Decision previous = new Decision("R1", "D9", "QMS_CHANGE", "Sửa quy trình tiếp nhận hồ sơ", "VP", LocalDate.of(2023, 3, 31),
                LocalDate.of(2023, 1, 10), "qmr", "DONE", LocalDate.of(2023, 4, 2), false, "truongvp", null, null, "Đã sửa");
        NonconformityRow row = new NonconformityRow("NC-1", NonconformitySource.COMPLAINT, Severity.MINOR, "VP", "8.7",
                "Hồ sơ trả chậm", LocalDate.of(2023, 5, 12), NonconformityStatus.ACTIONS_PLANNED, null, 59, true, 1, 1, null, null, null);
        AuditStatus audit = new AuditStatus("DGNB-1", "Đánh giá nội bộ đợt 1", LocalDate.of(2023, 5, 2), LocalDate.of(2023, 5, 10),
                LocalDate.of(2023, 5, 20), LocalDate.of(2023, 5, 25), 3, new KindCounts(0, 2, 1, 1, 4), 1, List.of("F-1"));
        return new ReviewInputs("R2", "SLDTBXH-HD", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30), 2023, CUT_OFF, AS_OF, false,
                new ReviewInputs.PreviousDecisions(1, 0, 0, 1, List.of(previous)), List.of(objective),
                new OrganisationSummary("SLDTBXH-HD", 2023, AS_OF, 1, counts, new BigDecimal("50.00"), new BigDecimal("25.00"), statuses),
                new ReviewInputs.Nonconformities(1, 0, 2, 1, 1, List.of(row)),
                new ReviewInputs.Monitoring(List.of(new UnitFigures("VP", 12, 8, 2, 2, 4, new BigDecimal("50.00"), new BigDecimal("25.00"), 0)),
                        4, 3, new BigDecimal("75.00")), List.of(audit), review(LocalDate.of(2023, 7, 10), CUT_OFF).notes());
    }

    private static byte[] minutes() {
        return minutes(null);
    }

    private static byte[] minutes(PrintedCheckpoint checkpoint) {
        return ReviewMinutesDocx.write(review(LocalDate.of(2023, 7, 10), CUT_OFF), inputs(), HEADER, checkpoint);
    }

    /** The SHA-256 these minutes had before checkpoints were printed (generator of commit 50306f6). */
    static final String WITHOUT_CHECKPOINT = "8b768a474ed1f1b007382aacefeace0d457c2341d265795273928ed1c577be8e";

    @Test
    void minutesIssuedWithoutACheckpointKeepTheBytesTheyWereIssuedWith() {
        assertThat(Sha256.hex(minutes())).isEqualTo(WITHOUT_CHECKPOINT);
    }

    @Test
    void theCheckpointIssuedAtIsTheLastLineOfTheMinutes() throws IOException {
        PrintedCheckpoint checkpoint = new PrintedCheckpoint(77, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "0123456789abcdef",
                "2023-07-09T17:00:00Z");
        byte[] docx = minutes(checkpoint);
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(document.getParagraphs().get(document.getParagraphs().size() - 1).getText()).isEqualTo(
                    "Điểm kiểm tra sổ cái: kích thước 77, gốc AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=, khóa 0123456789abcdef, "
                            + "thời điểm 2023-07-09T17:00:00Z");
        }
        assertThat(minutes(checkpoint)).isEqualTo(docx);
    }

    @Test
    void printsTheMeetingItsInputsItsConclusionAndItsDecisionsInVietnamese() throws IOException {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(minutes()));
             XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            String text = extractor.getText();
            assertThat(text).contains("UBND TỈNH HẢI DƯƠNG", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                    "Số: 05/BB-SLĐTBXH", "Hải Dương, ngày 10 tháng 7 năm 2023", "BIÊN BẢN",
                    "Họp xem xét của lãnh đạo về hệ thống quản lý chất lượng", "Kỳ xem xét: từ ngày 01/01/2023 đến ngày 30/06/2023; hình thức: định kỳ.",
                    "Thành phần tham dự: Nguyễn Văn An - Giám đốc Sở; Lê Thị Vân.",
                    "theo các dữ liệu đã ghi nhận trên hệ thống đến 00:30:00 ngày 10/07/2023 (giờ Việt Nam)",
                    "1 quyết định; đã hoàn thành: 1; đang thực hiện: 0; quá hạn: 0.",
                    "R1\tSửa quy trình tiếp nhận hồ sơ\tVP\t31/03/2023\tĐã hoàn thành 02/04/2023 (trễ hạn)",
                    "MTCL-2023-01\tTỷ lệ hồ sơ đúng hạn ≥ 95 %\t96,96 % (1.212/1.250), kỳ 01/04/2023 - 30/06/2023; nguồn: Báo cáo quý II\tĐang đạt\t50,00 %\t25,00 %",
                    "a) Sự thỏa mãn của người dân, tổ chức và phản hồi từ các bên quan tâm liên quan: Không có.",
                    "f) Kết quả thực hiện của các nhà cung cấp bên ngoài: Nhà cung cấp phần mềm một cửa đáp ứng yêu cầu",
                    "4. Sự thỏa đáng của các nguồn lực: Không có.", "7. Nội dung khác: Chuẩn bị đánh giá giám sát",
                    "Đơn vị đã được đánh giá nội bộ trong năm 2023: 3/4 (75,00 %).",
                    "NC-1\tPhản ánh, kiến nghị\tNhẹ\tVP\t8.7\t12/05/2023\tĐang khắc phục (quá hạn)",
                    "Đánh giá nội bộ đợt 1\t25/05/2023\t3\t0\t2\t1\t1\t1",
                    "Hệ thống quản lý chất lượng: phù hợp; thỏa đáng; chưa có hiệu lực.",
                    "1\tSố hóa hồ sơ lưu trữ\tCơ hội cải tiến\tVP\t30/09/2023",
                    "Nơi nhận:", "- Lưu: VT, VP.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Trần Văn Quang");
            assertThat(document.getProperties().getCoreProperties().getCreated().toInstant()).isEqualTo(CUT_OFF);
            assertThat(document.getProperties().getCoreProperties().getIdentifier()).isEqualTo("05/BB-SLĐTBXH");
        }
    }

    @Test
    void theSameMinutesGiveTheSameBytesLaterOnAnyMachine() throws Exception {
        byte[] first = minutes();
        Thread.sleep(2100); // a zip entry's time has a resolution of two seconds
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/New_York"));
            Locale.setDefault(Locale.GERMANY);
            assertThat(minutes()).isEqualTo(first);
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
        // and another signer is another document
        DocumentHeader other = new DocumentHeader(HEADER.number(), HEADER.organisationName(), HEADER.parentName(), HEADER.place(), "",
                "GIÁM ĐỐC", "Nguyễn Văn An", HEADER.recipients());
        assertThat(ReviewMinutesDocx.write(review(LocalDate.of(2023, 7, 10), CUT_OFF), inputs(), other, null)).isNotEqualTo(first);
    }

    @Test
    void aReviewNotHeldHasNoMinutes() {
        ReviewMinutes minutes = new ReviewMinutes(null, null);
        ReviewInputsReader.Review planned = new ReviewInputsReader.Review(review(null, null), inputs());
        assertThatThrownBy(() -> minutes.docx(planned, HEADER, null)).isInstanceOfSatisfying(ErrorResponseException.class, e -> {
            assertThat(e.getStatusCode().value()).isEqualTo(409);
            assertThat(e.getBody().getProperties()).containsEntry("code", "REVIEW_NOT_HELD");
        });
    }
}
