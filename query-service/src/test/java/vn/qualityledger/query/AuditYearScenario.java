package vn.qualityledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.qualityledger.api.audit.AuditFindingRecordedEvent;
import vn.qualityledger.api.audit.AuditId;
import vn.qualityledger.api.audit.AuditReportIssuedEvent;
import vn.qualityledger.api.audit.AuditTeamAppointedEvent;
import vn.qualityledger.api.audit.ChecklistNote;
import vn.qualityledger.api.audit.Conformity;
import vn.qualityledger.api.audit.FindingId;
import vn.qualityledger.api.audit.FindingKind;
import vn.qualityledger.api.audit.InternalAuditClosedEvent;
import vn.qualityledger.api.audit.InternalAuditPlannedEvent;
import vn.qualityledger.api.audit.TeamMember;
import vn.qualityledger.api.audit.UnitAuditHeldEvent;
import vn.qualityledger.api.audit.UnitAuditScheduledEvent;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.common.DocumentReference;
import vn.qualityledger.api.nonconformity.CorrectionRecordedEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionId;
import vn.qualityledger.api.nonconformity.CorrectiveActionImplementedEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionOverdueEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionPlannedEvent;
import vn.qualityledger.api.nonconformity.CorrectiveActionVerifiedEvent;
import vn.qualityledger.api.nonconformity.NonconformityClosedEvent;
import vn.qualityledger.api.nonconformity.NonconformityId;
import vn.qualityledger.api.nonconformity.NonconformityOrigin;
import vn.qualityledger.api.nonconformity.NonconformityRaisedEvent;
import vn.qualityledger.api.nonconformity.NonconformityReopenedEvent;
import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.RootCauseAnalysedEvent;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.api.objective.Assessment;
import vn.qualityledger.api.objective.MeasureDetails;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.MeasurePlannedEvent;
import vn.qualityledger.api.objective.ObjectiveClosedEvent;
import vn.qualityledger.api.objective.ObjectiveDefinedEvent;
import vn.qualityledger.api.objective.ObjectiveId;
import vn.qualityledger.api.objective.Schedule;
import vn.qualityledger.api.objective.ScheduleRule;

/**
 * One organisation's audits and nonconformities, as events, for the tracker and audit programme tests. The facts the
 * hand computations use (units: VPS "Văn phòng Sở", PKH "Phòng Kế hoạch", TTS "Thanh tra Sở", PLD "Phòng Lao động",
 * TTBT "Trung tâm Bảo trợ xã hội"; all dates 2024 unless said):
 *
 * <pre>
 * Objectives: OBJ (obj-qn-mt1, 2024): measure q-m1, lead [PLD], coordinating [ALL_UNITS, UNIT_HEADS, TTBT].
 *             OBJ_2023 (obj-qn-2023, 2023): measure lead [Phòng Người có công]; closed NOT achieved 2024-01-15.
 * A0 dgnb-2023 (2023): finding F0 PKH 9.1.3 MINOR -> NC0
 * A1 dgnb-2024-1: planned 03-01, scope [VPS, PKH, TTS], 04-01..04-30; team 03-05; scheduled VPS 04-02, PKH 04-03,
 *    TTS 04-20; held VPS 04-02 (3 notes, 1 nonconforming), PKH 04-03 (2 notes, 1 nonconforming); TTS never held;
 *    findings F1 VPS 7.5.3 MAJOR (04-02) -> NC1, F2 PKH 9.1.3 MINOR (04-03, objective OBJ) -> NC2,
 *    F3 VPS 7.1.6 OBSERVATION (04-02), F4 PKH 10.3 OPPORTUNITY (04-03, objective OBJ); report 05-10; closed 05-15
 * A2 dgnb-2024-2: planned 08-01, scope [TTS, PLD, VPS], 09-01..09-30; scheduled TTS 09-10, PLD 09-12, VPS 09-15;
 *    held TTS 09-10, PLD 09-12; findings G1 TTS 7.5.3 MINOR (09-10) -> NC3, G2 PLD 8.5.1 MAJOR (09-12) -> NC4,
 *    G3 PLD 9.1.3 OBSERVATION (09-12); no report
 * NC0 (A0/F0, MINOR, PKH, 9.1.3): raised 2023-10-05; a1 planned 2023-10-10 due 2023-11-01, implemented 2023-10-25,
 *    verified effective 2023-11-20; closed 2023-12-01                                  (57 days to close)
 * NC1 (A1/F1, MAJOR, VPS, 7.5.3): raised 04-02; correction 04-03; root cause 04-05;
 *    a1 planned 04-08 due 05-15, implemented 05-10, verified NOT effective 05-20;
 *    a2 planned 05-22 due 06-30, implemented 06-25, verified effective 07-01; closed 07-05 (94 days)
 * NC2 (A1/F2, MINOR, PKH, 9.1.3): raised 04-03; b1 planned 04-10 due 05-31, recorded overdue, implemented 06-10,
 *    verified effective 06-20; closed 06-25 (83 days); [after KNOWN_AT] reopened 08-20; b2 planned 08-25 due 09-30,
 *    never implemented
 * NC3 (A2/G1, MINOR, TTS, 7.5.3): raised 09-10; c1 planned 09-15 due 10-15, implemented 10-10, verified effective
 *    10-20; [after KNOWN_AT] closed 10-25 (45 days)
 * NC4 (A2/G2, MAJOR, PLD, 8.5.1): raised 09-12; nothing else
 * NC5 (OBJ_2023 not achieved, MAJOR, PKH, 6.2): raised 01-15; root cause 01-20; e1 planned 01-25 due 03-31,
 *    implemented 03-20, verified NOT effective 04-15; nothing since
 * NC6 (complaint PA-15/2024, MINOR, TTBT, 8.2.1): raised 06-05; f1 planned 06-10 due 07-15, implemented 07-10; never verified
 * Elsewhere (never counted for ORG): NC-VL-1 of another organisation, raised 05-01.
 * </pre>
 */
public final class AuditYearScenario {

    public static final String ORG = "so-ldtbxh-qn";
    public static final String VPS = "Văn phòng Sở";
    public static final String PKH = "Phòng Kế hoạch";
    public static final String TTS = "Thanh tra Sở";
    public static final String PLD = "Phòng Lao động";
    public static final String TTBT = "Trung tâm Bảo trợ xã hội";

    public static final ObjectiveId OBJ = ObjectiveId.of("obj-qn-mt1");
    public static final ObjectiveId OBJ_2023 = ObjectiveId.of("obj-qn-2023");
    public static final AuditId A0 = AuditId.of("dgnb-2023");
    public static final AuditId A1 = AuditId.of("dgnb-2024-1");
    public static final AuditId A2 = AuditId.of("dgnb-2024-2");
    public static final NonconformityId NC0 = NonconformityId.forFinding(A0, FindingId.of("F0"));
    public static final NonconformityId NC1 = NonconformityId.forFinding(A1, FindingId.of("F1"));
    public static final NonconformityId NC2 = NonconformityId.forFinding(A1, FindingId.of("F2"));
    public static final NonconformityId NC3 = NonconformityId.forFinding(A2, FindingId.of("G1"));
    public static final NonconformityId NC4 = NonconformityId.forFinding(A2, FindingId.of("G2"));
    public static final NonconformityId NC5 = NonconformityId.forObjectiveNotAchieved(OBJ_2023);
    public static final NonconformityId NC6 = NonconformityId.of("NC-PA-15-2024");
    public static final NonconformityId NC_ELSEWHERE = NonconformityId.of("NC-VL-1");

    private static final String AUDIT = "InternalAudit";
    private static final String NC = "Nonconformity";

    private AuditYearScenario() {
    }

    /** Appends everything; returns KNOWN_AT, an instant after all but NC2's reopening (and b2) and NC3's closure. */
    public static Instant publish(ObjectiveStreams streams) {
        objectives(streams);
        audits(streams);
        nonconformities(streams);
        Instant knownAt = pause();
        streams.append(NC, NC2.value(),
                new NonconformityReopenedEvent(NC2, "Tái diễn tại kỳ kiểm tra tháng 8", d("2024-08-20")),
                planned(NC2, "b2", PKH, "Rà soát lại toàn bộ quy trình phân tích dữ liệu", "2024-09-30", "2024-08-25"));
        streams.append(NC, NC3.value(), new NonconformityClosedEvent(NC3, "Đã khắc phục", d("2024-10-25")));
        return knownAt;
    }

    private static void objectives(ObjectiveStreams streams) {
        Schedule adHoc = new Schedule("Theo kế hoạch", List.of(ScheduleRule.adHoc("theo kế hoạch")));
        streams.append(OBJ,
                new ObjectiveDefinedEvent(OBJ, ORG, 2024, "MT1", "Giải quyết 100% hồ sơ người lao động đúng hạn", null),
                new MeasurePlannedEvent(OBJ, MeasureId.of("q-m1"), null, new MeasureDetails("1", "Theo dõi hồ sơ lao động",
                        List.of(PLD), List.of("ALL_UNITS", "UNIT_HEADS", TTBT), List.of("QMR"), List.of(), adHoc), List.of()));
        streams.append(OBJ_2023,
                new ObjectiveDefinedEvent(OBJ_2023, ORG, 2023, "MT5", "Chi trả trợ cấp đúng hạn 100%", null),
                new MeasurePlannedEvent(OBJ_2023, MeasureId.of("r-m1"), null, new MeasureDetails("1", "Chi trả trợ cấp",
                        List.of("Phòng Người có công"), List.of(), List.of("QMR"), List.of(), adHoc), List.of()),
                new ObjectiveClosedEvent(OBJ_2023, new Assessment(false, "Chậm chi trả 3 hồ sơ"), d("2024-01-15")));
    }

    private static void audits(ObjectiveStreams streams) {
        streams.append(AUDIT, A0.value(),
                new InternalAuditPlannedEvent(A0, ORG, 2023, "Đánh giá nội bộ năm 2023", List.of(PKH), "TCVN ISO 9001:2015",
                        List.of("9.1"), d("2023-10-01"), d("2023-10-31"), d("2023-09-01")),
                new UnitAuditHeldEvent(A0, ORG, 2023, PKH, d("2023-10-05"), List.of(note("9.1.3", Conformity.NONCONFORMING))),
                finding(A0, 2023, "F0", PKH, "9.1.3", FindingKind.MINOR_NONCONFORMITY, null, "2023-10-05"));

        streams.append(AUDIT, A1.value(),
                new InternalAuditPlannedEvent(A1, ORG, 2024, "Đánh giá nội bộ đợt 1 năm 2024", List.of(VPS, PKH, TTS),
                        "TCVN ISO 9001:2015 và quy trình nội bộ", List.of("7.5", "9.1", "10"), d("2024-04-01"), d("2024-04-30"),
                        d("2024-03-01")),
                new AuditTeamAppointedEvent(A1, new TeamMember("danhgia", "Đỗ Thị Đào", "TO-ISO"),
                        List.of(new TeamMember("auditor2", "Nguyễn Văn Bình", TTS)), new Decision("45/QĐ-SLĐTBXH", d("2024-03-05")),
                        d("2024-03-05")),
                new UnitAuditScheduledEvent(A1, VPS, d("2024-04-02"), List.of("danhgia")),
                new UnitAuditScheduledEvent(A1, PKH, d("2024-04-03"), List.of("danhgia")),
                new UnitAuditScheduledEvent(A1, TTS, d("2024-04-20"), List.of("danhgia")),
                new UnitAuditHeldEvent(A1, ORG, 2024, VPS, d("2024-04-02"), List.of(note("7.5.3", Conformity.NONCONFORMING),
                        note("7.1.6", Conformity.CONFORMING), note("8.1", Conformity.NOT_APPLICABLE))),
                finding(A1, 2024, "F1", VPS, "7.5.3", FindingKind.MAJOR_NONCONFORMITY, null, "2024-04-02"),
                finding(A1, 2024, "F3", VPS, "7.1.6", FindingKind.OBSERVATION, null, "2024-04-02"),
                new UnitAuditHeldEvent(A1, ORG, 2024, PKH, d("2024-04-03"), List.of(note("9.1.3", Conformity.NONCONFORMING),
                        note("10.3", Conformity.CONFORMING))),
                finding(A1, 2024, "F2", PKH, "9.1.3", FindingKind.MINOR_NONCONFORMITY, OBJ, "2024-04-03"),
                finding(A1, 2024, "F4", PKH, "10.3", FindingKind.OPPORTUNITY_FOR_IMPROVEMENT, OBJ, "2024-04-03"),
                new AuditReportIssuedEvent(A1, new DocumentReference("120/BC-ĐGNB", d("2024-05-10"), "Đoàn ĐGNB",
                        "Báo cáo kết quả đánh giá nội bộ đợt 1", null, null), "4 phát hiện", d("2024-05-10")),
                new InternalAuditClosedEvent(A1, d("2024-05-15")));

        streams.append(AUDIT, A2.value(),
                new InternalAuditPlannedEvent(A2, ORG, 2024, "Đánh giá nội bộ đợt 2 năm 2024", List.of(TTS, PLD, VPS),
                        "TCVN ISO 9001:2015", List.of("7.5", "8.5", "9.1"), d("2024-09-01"), d("2024-09-30"), d("2024-08-01")),
                new UnitAuditScheduledEvent(A2, TTS, d("2024-09-10"), List.of("danhgia")),
                new UnitAuditScheduledEvent(A2, PLD, d("2024-09-12"), List.of("danhgia")),
                new UnitAuditScheduledEvent(A2, VPS, d("2024-09-15"), List.of("danhgia")),
                new UnitAuditHeldEvent(A2, ORG, 2024, TTS, d("2024-09-10"), List.of(note("7.5.3", Conformity.NONCONFORMING))),
                finding(A2, 2024, "G1", TTS, "7.5.3", FindingKind.MINOR_NONCONFORMITY, null, "2024-09-10"),
                new UnitAuditHeldEvent(A2, ORG, 2024, PLD, d("2024-09-12"), List.of(note("8.5.1", Conformity.NONCONFORMING))),
                finding(A2, 2024, "G2", PLD, "8.5.1", FindingKind.MAJOR_NONCONFORMITY, null, "2024-09-12"),
                finding(A2, 2024, "G3", PLD, "9.1.3", FindingKind.OBSERVATION, null, "2024-09-12"));
    }

    private static void nonconformities(ObjectiveStreams streams) {
        streams.append(NC, NC0.value(),
                raisedFromFinding(NC0, A0, "F0", Severity.MINOR, PKH, "9.1.3", "2023-10-05"),
                planned(NC0, "a1", PKH, "Bổ sung biểu mẫu phân tích dữ liệu", "2023-11-01", "2023-10-10"),
                implemented(NC0, "a1", "2023-10-25"),
                verified(NC0, "a1", true, null, "2023-11-20"),
                new NonconformityClosedEvent(NC0, null, d("2023-12-01")));

        streams.append(NC, NC1.value(),
                raisedFromFinding(NC1, A1, "F1", Severity.MAJOR, VPS, "7.5.3", "2024-04-02"),
                new CorrectionRecordedEvent(NC1, "Thu hồi tài liệu hết hiệu lực tại bộ phận một cửa", d("2024-04-03")),
                new RootCauseAnalysedEvent(NC1, "Chưa phân công người kiểm soát tài liệu", "5 Why", d("2024-04-05")),
                planned(NC1, "a1", VPS, "Ban hành danh mục tài liệu hiện hành", "2024-05-15", "2024-04-08"),
                implemented(NC1, "a1", "2024-05-10"),
                verified(NC1, "a1", false, "Hồ sơ vẫn chưa được kiểm soát", "2024-05-20"),
                planned(NC1, "a2", VPS, "Phân công văn thư kiểm soát tài liệu", "2024-06-30", "2024-05-22"),
                implemented(NC1, "a2", "2024-06-25"),
                verified(NC1, "a2", true, null, "2024-07-01"),
                new NonconformityClosedEvent(NC1, "Đã có hiệu lực", d("2024-07-05")));

        streams.append(NC, NC2.value(),
                raisedFromFinding(NC2, A1, "F2", Severity.MINOR, PKH, "9.1.3", "2024-04-03"),
                planned(NC2, "b1", PKH, "Phân tích số liệu hằng quý", "2024-05-31", "2024-04-10"),
                new CorrectiveActionOverdueEvent(NC2, CorrectiveActionId.of("b1"), PKH, d("2024-05-31")),
                implemented(NC2, "b1", "2024-06-10"),
                verified(NC2, "b1", true, null, "2024-06-20"),
                new NonconformityClosedEvent(NC2, null, d("2024-06-25")));

        streams.append(NC, NC3.value(),
                raisedFromFinding(NC3, A2, "G1", Severity.MINOR, TTS, "7.5.3", "2024-09-10"),
                planned(NC3, "c1", TTS, "Lập sổ theo dõi văn bản đến", "2024-10-15", "2024-09-15"),
                implemented(NC3, "c1", "2024-10-10"),
                verified(NC3, "c1", true, null, "2024-10-20"));

        streams.append(NC, NC4.value(), raisedFromFinding(NC4, A2, "G2", Severity.MAJOR, PLD, "8.5.1", "2024-09-12"));

        streams.append(NC, NC5.value(),
                new NonconformityRaisedEvent(NC5, ORG, new NonconformityOrigin(NonconformitySource.OBJECTIVE_NOT_ACHIEVED, null, null,
                        OBJ_2023, null, null), Severity.MAJOR, PKH, "6.2", "Mục tiêu MT5 năm 2023 không đạt", d("2024-01-15")),
                new RootCauseAnalysedEvent(NC5, "Thiếu kinh phí chi trả", "Biểu đồ xương cá", d("2024-01-20")),
                planned(NC5, "e1", PKH, "Đề xuất bổ sung kinh phí", "2024-03-31", "2024-01-25"),
                implemented(NC5, "e1", "2024-03-20"),
                verified(NC5, "e1", false, "Vẫn còn hồ sơ chậm chi trả", "2024-04-15"));

        streams.append(NC, NC6.value(),
                new NonconformityRaisedEvent(NC6, ORG, new NonconformityOrigin(NonconformitySource.COMPLAINT, null, null, null, null,
                        "PA-15/2024, đường dây nóng"), Severity.MINOR, TTBT, "8.2.1", "Công dân phản ánh không được hướng dẫn",
                        d("2024-06-05")),
                planned(NC6, "f1", TTBT, "Niêm yết hướng dẫn tại bộ phận tiếp dân", "2024-07-15", "2024-06-10"),
                implemented(NC6, "f1", "2024-07-10"));

        streams.append(NC, NC_ELSEWHERE.value(),
                new NonconformityRaisedEvent(NC_ELSEWHERE, "so-ldtbxh-vl", new NonconformityOrigin(NonconformitySource.MANUAL, null,
                        null, null, null, null), Severity.MAJOR, VPS, "7.5.3", "Của Sở khác", d("2024-05-01")));
    }

    /** Waits until the last event of every stream is in the read model (a stream's events are applied in order). */
    public static void awaitProjected(JdbcTemplate jdbc) {
        List<String> lastEventApplied = List.of(
                "SELECT count(*) FROM query.measure WHERE objective_id = 'obj-qn-mt1'",
                "SELECT count(*) FROM query.objective WHERE id = 'obj-qn-2023' AND closed_on IS NOT NULL",
                "SELECT count(*) FROM query.finding WHERE audit_id = 'dgnb-2023'",
                "SELECT count(*) FROM query.audit WHERE id = 'dgnb-2024-1' AND closed_on IS NOT NULL",
                "SELECT count(*) FROM query.finding WHERE audit_id = 'dgnb-2024-2' AND finding_id = 'G3'",
                "SELECT count(*) FROM query.nonconformity_closure WHERE nonconformity_id = '" + NC0 + "'",
                "SELECT count(*) FROM query.nonconformity_closure WHERE nonconformity_id = '" + NC1 + "'",
                "SELECT count(*) FROM query.corrective_action WHERE nonconformity_id = '" + NC2 + "' AND action_id = 'b2'",
                "SELECT count(*) FROM query.nonconformity_closure WHERE nonconformity_id = '" + NC3 + "'",
                "SELECT count(*) FROM query.nonconformity WHERE id = '" + NC4 + "'",
                "SELECT count(*) FROM query.verification WHERE nonconformity_id = '" + NC5 + "'",
                "SELECT count(*) FROM query.corrective_action WHERE nonconformity_id = '" + NC6 + "' AND implemented_on IS NOT NULL",
                "SELECT count(*) FROM query.nonconformity WHERE id = '" + NC_ELSEWHERE + "'");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String sql : lastEventApplied) {
                assertThat(jdbc.queryForObject(sql, Integer.class)).as(sql).isEqualTo(1);
            }
        });
    }

    public static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    /** An instant strictly between what was appended before and what is appended after. */
    private static Instant pause() {
        try {
            Thread.sleep(20);
            Instant between = Instant.now();
            Thread.sleep(20);
            return between;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ChecklistNote note(String clause, Conformity conformity) {
        return new ChecklistNote(clause, "Kiểm tra điều khoản " + clause, "Hồ sơ tại đơn vị", conformity);
    }

    private static AuditFindingRecordedEvent finding(AuditId audit, int year, String id, String unit, String clause, FindingKind kind,
                                                     ObjectiveId objective, String on) {
        return new AuditFindingRecordedEvent(audit, ORG, year, FindingId.of(id), unit, clause, kind, "Phát hiện " + id + " tại " + unit,
                "Sổ theo dõi năm " + year, objective, null, d(on));
    }

    private static NonconformityRaisedEvent raisedFromFinding(NonconformityId nc, AuditId audit, String finding, Severity severity,
                                                              String unit, String clause, String on) {
        return new NonconformityRaisedEvent(nc, ORG, new NonconformityOrigin(NonconformitySource.AUDIT_FINDING, audit,
                FindingId.of(finding), null, null, null), severity, unit, clause, "Phát hiện " + finding + " tại " + unit, d(on));
    }

    private static CorrectiveActionPlannedEvent planned(NonconformityId nc, String action, String unit, String description, String due,
                                                        String on) {
        return new CorrectiveActionPlannedEvent(nc, CorrectiveActionId.of(action), unit, description, d(due), d(on));
    }

    private static CorrectiveActionImplementedEvent implemented(NonconformityId nc, String action, String on) {
        return new CorrectiveActionImplementedEvent(nc, CorrectiveActionId.of(action),
                new DocumentReference("BC-" + action, d(on), "Đơn vị", "Báo cáo thực hiện " + action, null, null), null, d(on));
    }

    private static CorrectiveActionVerifiedEvent verified(NonconformityId nc, String action, boolean effective, String reason, String on) {
        return new CorrectiveActionVerifiedEvent(nc, CorrectiveActionId.of(action), effective, reason, d(on));
    }
}
