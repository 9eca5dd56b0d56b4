package vn.qualityledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.qualityledger.web.SliceTests.signedIn;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The "Nhắc việc" page (vn.qualityledger.web.reminder) over a mocked client: which reads it asks for whom, and the
 * reminders and digests exactly as the service answered them, in Vietnamese (or English) with dd/MM/yyyy dates.
 */
@WebMvcTest
@Import({SecurityConfiguration.class, WebConfiguration.class, Formats.class, ProblemMessages.class, Reads.class})
class RemindersPageControllerTest {

    static final SignedInUser NHANVIENVP = new SignedInUser("nhanvienvp", "qlt_vp", "nhanvienvp", "Phạm Minh Hiếu", List.of("STAFF"),
            "SLDTBXH-HD", "VP");
    static final SignedInUser QMR = new SignedInUser("qmr", "qlt_qmr", "qmr", "Trần Văn Quản", List.of("QMR"), "SLDTBXH-HD", "QMR");
    static final SignedInUser TINH = new SignedInUser("tinh", "qlt_tinh", "tinh", "Ban Chỉ đạo", List.of("PROVINCE_AUDITOR"), null, null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QualityLedgerClient client;

    private final List<String> asked = new ArrayList<>();
    /** The header's count reads, apart from the page's own. */
    private final List<String> counted = new ArrayList<>();
    /** What {@code GET /api/reminders/count} answers: the open work, or a problem it throws. */
    private Object openWork = 0L;

    @Test
    void aUnitsStaffSeesTheirUnitsRemindersWithWhereEachEmailStands() throws Exception {
        answer(NHANVIENVP, Map.of("content", List.of(
                reminder(4, "OVERDUE", "m1@2023-05-14", "I.6", "Rà soát, cập nhật văn bản", "2023-05-14", List.of("VP"), "Phạm Minh Hiếu",
                        "2023-05-14", "SENT", 2, "2023-05-14T01:15:00Z"),
                reminder(3, "OVERDUE", "m3@2023-05-12", "III.2", "Tổ chức đánh giá nội bộ", "2023-05-12", List.of("VP", "BCD-ISO"), null,
                        "2023-05-12", "PENDING", 1, null),
                reminder(1, "DUE_SOON", "m3@2023-05-12", "III.2", "Tổ chức đánh giá nội bộ", "2023-05-12", List.of("VP", "BCD-ISO"), null,
                        "2023-05-09", "NO_RECIPIENTS", 0, null),
                reminder(0, "DUE_SOON", "m2@2023-05-06", "II.1", "Lập dự toán", "2023-05-06", List.of("VP"), null,
                        "2023-05-03", "WITHDRAWN", 1, null)),
                "page", 0, "size", 20, "totalElements", 4, "totalPages", 1));

        mvc.perform(get("/reminders").with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nhắc việc của đơn vị VP")))
                .andExpect(content().string(containsString("id=\"nav-reminders\"")))
                .andExpect(content().string(containsString("Quá hạn")))
                .andExpect(content().string(containsString("Sắp đến hạn")))
                .andExpect(content().string(containsString("14/05/2023")))
                .andExpect(content().string(containsString("09/05/2023")))
                .andExpect(content().string(containsString("Đã gửi lúc 14/05/2023 08:15")))
                .andExpect(content().string(containsString("Chờ gửi lại (đã thử 1 lần)")))
                .andExpect(content().string(containsString("Không gửi: đơn vị chưa có địa chỉ nhận")))
                .andExpect(content().string(containsString("Không gửi: việc đã hoàn thành trước khi gửi được")))
                .andExpect(content().string(containsString("VP, BCD-ISO")))
                .andExpect(content().string(containsString(
                        "href=\"/objectives/SLDTBXH-HD.MTCL-2023-01/occurrences/m1@2023-05-14\"")))
                .andExpect(content().string(not(containsString("id=\"view-organisation\""))))
                .andExpect(content().string(not(containsString("Tổng hợp việc quá hạn hằng tuần"))));
        assertThat(asked).containsExactly("/api/reminders?organisationId=SLDTBXH-HD&page=0&size=20&unitId=VP");
    }

    @Test
    void theQmrMaySeeTheWholeOrganisationAndTheWeeklyDigests() throws Exception {
        answer(QMR, Map.of("content", List.of(), "page", 0, "size", 20, "totalElements", 0, "totalPages", 0));

        mvc.perform(get("/reminders").param("view", "organisation").with(signedIn(QMR)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nhắc việc của cơ quan SLDTBXH-HD")))
                .andExpect(content().string(containsString("id=\"view-organisation\"")))
                .andExpect(content().string(containsString("Chưa có nhắc việc nào.")))
                .andExpect(content().string(containsString("Tuần 20/2023, tính đến ngày 15/05/2023: 2 việc quá hạn")))
                .andExpect(content().string(containsString("VP, BCD-ISO: 1 việc")));
        assertThat(asked).containsExactly("/api/reminders?organisationId=SLDTBXH-HD&page=0&size=20",
                "/api/reminders/digests?organisationId=SLDTBXH-HD&size=4");
    }

    @Test
    void aUnitsStaffAskingForTheWholeOrganisationStillSeesTheirUnits() throws Exception {
        answer(NHANVIENVP, Map.of("content", List.of(), "page", 0, "size", 20, "totalElements", 0, "totalPages", 0));

        mvc.perform(get("/reminders").param("view", "organisation").with(signedIn(NHANVIENVP)))
                .andExpect(content().string(containsString("Nhắc việc của đơn vị VP")));
        assertThat(asked).containsExactly("/api/reminders?organisationId=SLDTBXH-HD&page=0&size=20&unitId=VP");
    }

    @Test
    void thePageIsInEnglishOnRequest() throws Exception {
        answer(NHANVIENVP, Map.of("content", List.of(
                reminder(4, "OVERDUE", "m1@2023-05-14", "I.6", "Rà soát", "2023-05-14", List.of("VP"), null, "2023-05-14", "MAIL_DISABLED", 0, null)),
                "page", 0, "size", 20, "totalElements", 1, "totalPages", 1));

        mvc.perform(get("/reminders").param("lang", "en").with(signedIn(NHANVIENVP)))
                .andExpect(content().string(containsString("Reminders of unit VP")))
                .andExpect(content().string(containsString("Overdue")))
                .andExpect(content().string(containsString("Not sent: no mail server configured")));
    }

    // ---- the count in the header -------------------------------------------------------------------------------------

    @Test
    void theHeaderCountsTheUnitsOpenRemindedWorkBesideNhacViecInVietnameseAndEnglish() throws Exception {
        answer(NHANVIENVP, Map.of("content", List.of(), "page", 0, "size", 20, "totalElements", 0, "totalPages", 0));
        openWork = 1234L;
        String header = mvc.perform(get("/reminders").with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String link = header.substring(header.indexOf("id=\"nav-reminders\""), header.indexOf("</a>", header.indexOf("id=\"nav-reminders\"")));
        assertThat(link).contains("id=\"reminder-count\"").contains(">1.234</span>").contains("(1.234 việc được nhắc chưa xong)");
        assertThat(counted).containsExactly("/api/reminders/count?organisationId=SLDTBXH-HD&unitId=VP");

        mvc.perform(get("/reminders").param("lang", "en").with(signedIn(NHANVIENVP)))
                .andExpect(content().string(containsString(">1,234</span>")))
                .andExpect(content().string(containsString("(1,234 reminded pieces of work still open)")));
    }

    @Test
    void noCountIsShownWhenNothingIsOpenOrTheCountCannotBeRead() throws Exception {
        answer(NHANVIENVP, Map.of("content", List.of(), "page", 0, "size", 20, "totalElements", 0, "totalPages", 0));
        openWork = 0L;
        mvc.perform(get("/reminders").with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"nav-reminders\"")))
                .andExpect(content().string(not(containsString("id=\"reminder-count\""))));
        // A failed count leaves the page as it is, without a badge.
        openWork = new ServiceProblem(503, "SERVICE_UNAVAILABLE", "Connection refused");
        mvc.perform(get("/reminders").with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chưa có nhắc việc nào.")))
                .andExpect(content().string(not(containsString("id=\"reminder-count\""))));
        assertThat(counted).hasSize(2);
    }

    @Test
    void theCountIsReadAtMostOnceAMinuteInASession() throws Exception {
        answer(NHANVIENVP, Map.of("content", List.of(), "page", 0, "size", 20, "totalElements", 0, "totalPages", 0));
        openWork = 2L;
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/reminders").session(session).with(signedIn(NHANVIENVP)))
                .andExpect(content().string(containsString(">2</span>")));
        mvc.perform(get("/reminders").param("page", "1").session(session).with(signedIn(NHANVIENVP)))
                .andExpect(content().string(containsString(">2</span>")));
        assertThat(counted).hasSize(1);
        // Another session reads its own.
        mvc.perform(get("/reminders").with(signedIn(NHANVIENVP))).andExpect(content().string(containsString(">2</span>")));
        assertThat(counted).hasSize(2);
    }

    @Test
    void aProvinceAuditorWithoutAnOrganisationIsToldSoAndOfferedNoReminders() throws Exception {
        mvc.perform(get("/reminders").with(signedIn(TINH)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"nav-reminders\""))))
                .andExpect(content().string(not(containsString("reminder-items"))));
        assertThat(asked).isEmpty();
        assertThat(counted).isEmpty();
    }

    @Test
    void aRefusalOfTheServiceIsAReadableMessage() throws Exception {
        given(client.read(eq(NHANVIENVP), any())).willThrow(new ServiceProblem(403, "HTTP_403", "You read only your own unit's reminders (VP)"));

        mvc.perform(get("/reminders").with(signedIn(NHANVIENVP)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Bạn không có quyền xem nội dung này.")))
                .andExpect(content().string(not(containsString("at vn.qualityledger"))));
    }

    // ---- the service's answers --------------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private void answer(SignedInUser user, Map<String, Object> reminders) {
        given(client.read(eq(user), any())).willAnswer(invocation -> {
            URI built = SliceTests.readUri(invocation);
            if (built.getPath().endsWith("/reminders/count")) {
                counted.add(built.getPath() + "?" + built.getQuery());
                if (openWork instanceof ServiceProblem problem) {
                    throw problem;
                }
                return Map.of("organisationId", "SLDTBXH-HD", "unitId", user.unit(), "asOf", "2023-05-22", "openWork", openWork);
            }
            asked.add(built.getPath() + "?" + built.getQuery());
            if (built.getPath().endsWith("/digests")) {
                return Map.of("content", List.of(Map.of("organisationId", "SLDTBXH-HD", "isoWeek", "2023-W20", "asOf", "2023-05-15",
                        "overdueCount", 2, "subject", "[Quality Ledger] Tổng hợp việc quá hạn tuần 20/2023: 2 việc",
                        "body", "Tổng hợp việc quá hạn tính đến ngày 15/05/2023 (tuần 20/2023): 2 việc.\n\nVP, BCD-ISO: 1 việc\n",
                        "mailStatus", "SENT", "attempts", 1, "sentAt", "2023-05-15T00:30:00Z")),
                        "page", 0, "size", 4, "totalElements", 1, "totalPages", 1);
            }
            return reminders;
        });
    }

    private static Map<String, Object> reminder(long id, String step, String occurrenceId, String measureCode, String measureTitle,
                                                String dueDate, List<String> units, String person, String recordedOn, String mailStatus,
                                                int attempts, String sentAt) {
        Map<String, Object> reminder = new HashMap<>();
        reminder.put("id", id);
        reminder.put("step", step);
        reminder.put("organisationId", "SLDTBXH-HD");
        reminder.put("objectiveId", "SLDTBXH-HD.MTCL-2023-01");
        reminder.put("objectiveCode", "MT01");
        reminder.put("measureCode", measureCode);
        reminder.put("measureTitle", measureTitle);
        reminder.put("occurrenceId", occurrenceId);
        reminder.put("dueDate", dueDate);
        reminder.put("units", units);
        reminder.put("person", person);
        reminder.put("recordedOn", recordedOn);
        reminder.put("mailStatus", mailStatus);
        reminder.put("attempts", attempts);
        reminder.put("sentAt", sentAt);
        return reminder;
    }

}
