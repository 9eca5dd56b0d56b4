package vn.qualityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.objective.AdHocOccurrenceAddedEvent;
import vn.qualityledger.api.objective.Assessment;
import vn.qualityledger.api.objective.Comparator;
import vn.qualityledger.api.objective.EvidenceAcceptedEvent;
import vn.qualityledger.api.objective.EvidenceId;
import vn.qualityledger.api.objective.EvidenceRejectedEvent;
import vn.qualityledger.api.objective.EvidenceSubmittedEvent;
import vn.qualityledger.api.objective.MeasureCancelledEvent;
import vn.qualityledger.api.objective.MeasureDetails;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.MeasurePlannedEvent;
import vn.qualityledger.api.objective.MeasureRevisedEvent;
import vn.qualityledger.api.objective.MeasurementId;
import vn.qualityledger.api.objective.MeasurementRecordedEvent;
import vn.qualityledger.api.objective.ObjectiveClosedEvent;
import vn.qualityledger.api.objective.ObjectiveDefinedEvent;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.api.objective.ObjectivePublishedEvent;
import vn.qualityledger.api.objective.ObjectiveRevisedEvent;
import vn.qualityledger.api.objective.OccurrenceId;
import vn.qualityledger.api.objective.Period;
import vn.qualityledger.api.objective.Schedule;
import vn.qualityledger.api.objective.ScheduleRule;
import vn.qualityledger.api.objective.ScheduledOccurrence;
import vn.qualityledger.api.objective.Target;
import vn.qualityledger.api.objective.TaskAssignedEvent;

/**
 * One organisation's 2024 quality year, as events, for the figures and replay tests. The facts the hand computations
 * use (units: VPS = "Văn phòng Sở", PKH = "Phòng Kế hoạch", TTS = "Thanh tra Sở"):
 *
 * <pre>
 * MT1 (obj-mt1, target >= 95 %), published 147/QĐ-SLĐTBXH of 2024-01-05, closed 2025-01-15 as not achieved
 *   measure 1 (m1), assigned VPS / Nguyễn Văn An on 2024-01-10
 *     m1@2024-03-31  completed 2024-03-28 (ev1 submitted 03-25, accepted 03-28)             -> on time
 *     m1@2024-06-30  completed 2024-07-08 (ev2 submitted 06-25, REJECTED 06-27;
 *                                          ev3 submitted 07-05, accepted 07-10, effective 07-08) -> late
 *     m1@2024-09-30  never completed
 *     m1@2024-12-31  never completed
 *     m1-adhoc-1, due 2024-07-20 (ad hoc), ev5 submitted 2024-07-12, never decided
 *   measure 2 (m2), assigned PKH / Trần Thị Bình on 2024-01-10; revised 2024-08-01
 *     m2@2024-06-15  completed 2024-06-12 (ev4 submitted 06-10, accepted 06-12)             -> on time
 *     m2@2024-11-30  assigned itself to TTS / Lê Văn Cường on 2024-07-01; cancelled by the revision 2024-08-01
 *     m2@2024-12-20  added by the revision, never completed
 *   measure 3 (m3), assigned PKH on 2024-01-10, CANCELLED effective 2024-05-15
 *     m3@2024-04-30, m3@2024-08-31   never completed
 *   measurements: Q1 (to 03-31) 93.50; Q2 (to 06-30) 94.00, then corrected to 96.00; year (to 12-31) 94.80
 * MT2 (obj-mt2, target >= 90 %)
 *   measure 1 (b-m1), assigned VPS / Phạm Thị Dung on 2024-02-01
 *     b-m1@2024-06-30 completed 2024-07-01 (ev6)                                           -> late
 *     b-m1@2024-12-15 completed 2024-12-12 (ev7)                                           -> on time
 *   measurements: H1 (to 06-30) 88; year (to 12-31) 91.5
 * MT3 (obj-mt3): defined with a target, revised to none; c-m1@2024-09-30 never assigned nor completed
 * MT4 (obj-mt4, target <= 5 %): no measures, no measurements
 * Elsewhere (must never be counted for ORG 2024): obj-vl-mt1 of another organisation, obj-2023-mt1 of 2023.
 * </pre>
 */
public final class QualityYearScenario {

    public static final String ORG = "so-ldtbxh-bt";
    public static final int YEAR = 2024;
    public static final String VPS = "Văn phòng Sở";
    public static final String PKH = "Phòng Kế hoạch";
    public static final String TTS = "Thanh tra Sở";

    public static final ObjectiveId MT1 = ObjectiveId.of("obj-mt1");
    public static final ObjectiveId MT2 = ObjectiveId.of("obj-mt2");
    public static final ObjectiveId MT3 = ObjectiveId.of("obj-mt3");
    public static final ObjectiveId MT4 = ObjectiveId.of("obj-mt4");
    public static final ObjectiveId OTHER_ORGANISATION = ObjectiveId.of("obj-vl-mt1");
    public static final ObjectiveId OTHER_YEAR = ObjectiveId.of("obj-2023-mt1");

    private static final MeasureId M1 = MeasureId.of("m1");
    private static final MeasureId M2 = MeasureId.of("m2");
    private static final MeasureId M3 = MeasureId.of("m3");
    private static final MeasureId B_M1 = MeasureId.of("b-m1");

    private QualityYearScenario() {
    }

    public static void publish(ObjectiveStreams streams) {
        Target ninetyFivePercent = new Target("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", Comparator.AT_LEAST, new BigDecimal("95"), "%");
        streams.append(MT1,
                new ObjectiveDefinedEvent(MT1, ORG, YEAR, "MT1", "100% hồ sơ TTHC được giải quyết đúng hạn, tối thiểu 95%", ninetyFivePercent),
                new MeasurePlannedEvent(MT1, M1, null, details("1", "Rà soát quy trình nội bộ hằng quý"),
                        occurrences(M1, "2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31")),
                new MeasurePlannedEvent(MT1, M2, null, details("2", "Báo cáo kết quả thực hiện MTCL"),
                        occurrences(M2, "2024-06-15", "2024-11-30")),
                new MeasurePlannedEvent(MT1, M3, null, details("3", "Tập huấn nghiệp vụ ISO"),
                        occurrences(M3, "2024-04-30", "2024-08-31")),
                new ObjectivePublishedEvent(MT1, new Decision("147/QĐ-SLĐTBXH", d("2024-01-05"))),
                new TaskAssignedEvent(MT1, M1, null, VPS, "Nguyễn Văn An", d("2024-01-10")),
                new TaskAssignedEvent(MT1, M2, null, PKH, "Trần Thị Bình", d("2024-01-10")),
                new TaskAssignedEvent(MT1, M3, null, PKH, null, d("2024-01-10")));
        streams.append(MT1,
                submitted(MT1, "ev1", M1, "m1@2024-03-31", "2024-03-25"),
                accepted(MT1, "ev1", M1, "m1@2024-03-31", "2024-03-28", "2024-03-28"),
                measured(MT1, "meas-q1", "2024-01-01", "2024-03-31", "93.50", "2024-04-05"),
                new MeasureCancelledEvent(MT1, M3, "Gộp vào biện pháp 1", d("2024-05-15")),
                submitted(MT1, "ev4", M2, "m2@2024-06-15", "2024-06-10"),
                accepted(MT1, "ev4", M2, "m2@2024-06-15", "2024-06-12", "2024-06-12"),
                submitted(MT1, "ev2", M1, "m1@2024-06-30", "2024-06-25"),
                new EvidenceRejectedEvent(MT1, EvidenceId.of("ev2"), M1, OccurrenceId.of("m1@2024-06-30"), "Thiếu chữ ký của lãnh đạo phòng", d("2024-06-27")),
                new TaskAssignedEvent(MT1, M2, OccurrenceId.of("m2@2024-11-30"), TTS, "Lê Văn Cường", d("2024-07-01")),
                measured(MT1, "meas-q2", "2024-04-01", "2024-06-30", "94.00", "2024-07-03"),
                submitted(MT1, "ev3", M1, "m1@2024-06-30", "2024-07-05"),
                accepted(MT1, "ev3", M1, "m1@2024-06-30", "2024-07-10", "2024-07-08"),
                new AdHocOccurrenceAddedEvent(MT1, M1, new ScheduledOccurrence(OccurrenceId.of("m1-adhoc-1"), d("2024-07-20")), "Kiểm tra đột xuất"),
                submitted(MT1, "ev5", M1, "m1-adhoc-1", "2024-07-12"),
                // The Q2 figure corrected: same period, recorded later, so it supersedes 94.00.
                new MeasurementRecordedEvent(MT1, MeasurementId.of("meas-q2-fix"), period("2024-04-01", "2024-06-30"),
                        new BigDecimal("1200"), new BigDecimal("1250"), new BigDecimal("96.00"), "Phần mềm một cửa", d("2024-07-20")),
                new MeasureRevisedEvent(MT1, M2, details("2", "Báo cáo kết quả thực hiện MTCL 6 tháng và năm"),
                        occurrences(M2, "2024-12-20"), List.of(OccurrenceId.of("m2@2024-11-30")), d("2024-08-01")),
                measured(MT1, "meas-year", "2024-01-01", "2024-12-31", "94.80", "2025-01-10"),
                new ObjectiveClosedEvent(MT1, new Assessment(false, "Chưa đạt chỉ tiêu 95%"), d("2025-01-15")));

        streams.append(MT2,
                new ObjectiveDefinedEvent(MT2, ORG, YEAR, "MT2", "Mức độ hài lòng của người dân đạt từ 90% trở lên",
                        new Target("Mức độ hài lòng", Comparator.AT_LEAST, new BigDecimal("90"), "%")),
                new MeasurePlannedEvent(MT2, B_M1, null, details("1", "Khảo sát sự hài lòng"),
                        occurrences(B_M1, "2024-06-30", "2024-12-15")),
                new TaskAssignedEvent(MT2, B_M1, null, VPS, "Phạm Thị Dung", d("2024-02-01")),
                submitted(MT2, "ev6", B_M1, "b-m1@2024-06-30", "2024-07-01"),
                accepted(MT2, "ev6", B_M1, "b-m1@2024-06-30", "2024-07-02", "2024-07-01"),
                measured(MT2, "meas-b-h1", "2024-01-01", "2024-06-30", "88", "2024-07-05"),
                submitted(MT2, "ev7", B_M1, "b-m1@2024-12-15", "2024-12-10"),
                accepted(MT2, "ev7", B_M1, "b-m1@2024-12-15", "2024-12-12", "2024-12-12"),
                measured(MT2, "meas-b-year", "2024-01-01", "2024-12-31", "91.5", "2025-01-05"));

        MeasureId cm1 = MeasureId.of("c-m1");
        streams.append(MT3,
                new ObjectiveDefinedEvent(MT3, ORG, YEAR, "MT3", "Cải tiến quy trình tiếp nhận hồ sơ",
                        new Target("Tỷ lệ quy trình được cải tiến", Comparator.AT_LEAST, new BigDecimal("80"), "%")),
                new ObjectiveRevisedEvent(MT3, "Cải tiến quy trình tiếp nhận và trả kết quả hồ sơ", null),
                new MeasurePlannedEvent(MT3, cm1, null, details("1", "Cải tiến quy trình một cửa"), occurrences(cm1, "2024-09-30")));

        streams.append(MT4,
                new ObjectiveDefinedEvent(MT4, ORG, YEAR, "MT4", "Giảm tỷ lệ hồ sơ trễ hạn xuống dưới 5%",
                        new Target("Tỷ lệ hồ sơ trễ hạn", Comparator.AT_MOST, new BigDecimal("5"), "%")));

        MeasureId em1 = MeasureId.of("e-m1");
        streams.append(OTHER_ORGANISATION,
                new ObjectiveDefinedEvent(OTHER_ORGANISATION, "so-ldtbxh-vl", YEAR, "MT1", "Mục tiêu của Sở khác", null),
                new MeasurePlannedEvent(OTHER_ORGANISATION, em1, null, details("1", "Việc của Sở khác"), occurrences(em1, "2024-03-31")),
                new TaskAssignedEvent(OTHER_ORGANISATION, em1, null, VPS, null, d("2024-01-05")));
        MeasureId fm1 = MeasureId.of("f-m1");
        streams.append(OTHER_YEAR,
                new ObjectiveDefinedEvent(OTHER_YEAR, ORG, 2023, "MT1", "Mục tiêu năm 2023", null),
                new MeasurePlannedEvent(OTHER_YEAR, fm1, null, details("1", "Việc năm 2023"), occurrences(fm1, "2023-06-30")),
                new TaskAssignedEvent(OTHER_YEAR, fm1, null, VPS, null, d("2023-01-05")));
    }

    /** Waits until the last event of every stream is in the read model (a stream's events are applied in order). */
    public static void awaitProjected(JdbcTemplate jdbc) {
        List<String> lastEventApplied = List.of(
                "SELECT count(*) FROM query.objective WHERE id = 'obj-mt1' AND closed_on IS NOT NULL",
                "SELECT count(*) FROM query.measurement WHERE objective_id = 'obj-mt2' AND measurement_id = 'meas-b-year'",
                "SELECT count(*) FROM query.occurrence WHERE objective_id = 'obj-mt3' AND occurrence_id = 'c-m1@2024-09-30'",
                "SELECT count(*) FROM query.objective WHERE id = 'obj-mt4'",
                "SELECT count(*) FROM query.measure WHERE objective_id = 'obj-vl-mt1' AND assigned_unit IS NOT NULL",
                "SELECT count(*) FROM query.measure WHERE objective_id = 'obj-2023-mt1' AND assigned_unit IS NOT NULL");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String sql : lastEventApplied) {
                assertThat(jdbc.queryForObject(sql, Integer.class)).as(sql).isEqualTo(1);
            }
        });
    }

    static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private static MeasureDetails details(String code, String title) {
        return new MeasureDetails(code, title, List.of(VPS), List.of(PKH), List.of("Thư ký ISO"),
                List.of("Báo cáo kết quả"), new Schedule("Theo kế hoạch", List.of(ScheduleRule.adHoc("theo kế hoạch"))));
    }

    private static List<ScheduledOccurrence> occurrences(MeasureId measure, String... dueDates) {
        return java.util.Arrays.stream(dueDates)
                .map(due -> new ScheduledOccurrence(OccurrenceId.of(measure.value() + "@" + due), d(due)))
                .toList();
    }

    private static EvidenceSubmittedEvent submitted(ObjectiveId objective, String evidence, MeasureId measure, String occurrence, String on) {
        DocumentReference document = new DocumentReference("15/BC-" + evidence, d(on), VPS, "Báo cáo kết quả thực hiện", null, null);
        return new EvidenceSubmittedEvent(objective, EvidenceId.of(evidence), measure, OccurrenceId.of(occurrence), document, d(on));
    }

    private static EvidenceAcceptedEvent accepted(ObjectiveId objective, String evidence, MeasureId measure, String occurrence,
                                                  String acceptedOn, String effectiveOn) {
        return new EvidenceAcceptedEvent(objective, EvidenceId.of(evidence), measure, OccurrenceId.of(occurrence), d(acceptedOn), d(effectiveOn));
    }

    private static MeasurementRecordedEvent measured(ObjectiveId objective, String id, String from, String to, String value, String recordedOn) {
        return new MeasurementRecordedEvent(objective, MeasurementId.of(id), period(from, to), null, null, new BigDecimal(value),
                "Báo cáo của Văn phòng Sở", d(recordedOn));
    }

    private static Period period(String from, String to) {
        return new Period(d(from), d(to));
    }
}
