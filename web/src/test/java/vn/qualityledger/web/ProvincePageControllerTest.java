package vn.qualityledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.qualityledger.web.SliceTests.signedIn;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The province on one page over a mocked client: every organisation's figures as the roll-up answered them, in
 * Vietnamese and English formats, each linked to its own dashboard; the province auditor lands there and finds it in
 * the navigation; a reader of one organisation is offered no link and sees the service's refusal.
 */
@WebMvcTest
@Import({SecurityConfiguration.class, WebConfiguration.class, Formats.class, ProblemMessages.class, Reads.class})
class ProvincePageControllerTest {

    static final SignedInUser TINH = new SignedInUser("tinh", "qlt_tinh", "tinh", "Ban Chỉ đạo", List.of("PROVINCE_AUDITOR"), null, null);
    static final SignedInUser THUKY = InsightPagesControllerTest.THUKY;

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QualityLedgerClient client;

    final List<URI> asked = new ArrayList<>();

    @Test
    void showsEveryOrganisationsFiguresAsTheRollUpGaveThemEachLinkedToItsDashboard() throws Exception {
        answer();
        String page = mvc.perform(get("/province").param("year", "2024").param("asOf", "05/06/2024").with(signedIn(TINH)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Toàn tỉnh: mục tiêu chất lượng năm 2024")))
                .andExpect(content().string(containsString("Số liệu tính đến ngày 05/06/2024.")))
                .andReturn().getResponse().getContentAsString();
        assertThat(asked).containsExactly(URI.create("http://query/api/province/years/2024/summary?asOf=2024-06-05"));

        String bt = row(page, "so-ldtbxh-bt");
        assertThat(bt).contains("href=\"/organisations/so-ldtbxh-bt/years/2024?asOf=2024-06-05\"", "<td class=\"num objectives\">4</td>",
                "<td class=\"num completion\">100 %</td>", "<td class=\"num on-time\">66,67 %</td>", "<td class=\"num due\">1.212</td>",
                "class=\"num overdue bad\">36</td>", "Có nguy cơ không đạt", "Đang đạt", "<strong>2</strong>",
                "href=\"/organisations/so-ldtbxh-bt/nonconformities?year=2024\"", ">4</a>", "1 quá hạn khắc phục");
        assertThat(bt).contains("data-review-status=\"NOT_DUE\"", "Lần gần nhất 10/01/2024", "Chưa đến hạn");
        assertThat(bt).doesNotContain("Không đạt</span>"); // zero counts are left out
        // BT is shown by the name its directory records, its code beneath; QN has none recorded and is shown by its code.
        assertThat(bt).contains(">Sở Lao động – Thương binh và Xã hội tỉnh Bến Tre</a>", "class=\"small muted block organisation-code\">so-ldtbxh-bt</span>");
        String qn = row(page, "so-ldtbxh-qn");
        assertThat(qn).contains(">so-ldtbxh-qn</a>").doesNotContain("organisation-code");
        assertThat(qn).contains("<td class=\"num completion\">—</td>", "<td class=\"num on-time\">—</td>", "Không có chỉ tiêu",
                "class=\"num overdue\">0</td>", "Chưa họp lần nào", "Đến hạn xem xét").doesNotContain("quá hạn khắc phục");
    }

    @Test
    void anAdministratorReadsTheProvinceAndOpensOnlyTheirOwnOrganisationFromIt() throws Exception {
        SignedInUser admin = new SignedInUser("admin", "qlt_admin", "admin", "Quản trị Sở", List.of("ADMIN"), "so-ldtbxh-bt", null);
        answer(admin);
        String page = mvc.perform(get("/province").param("year", "2024").param("asOf", "05/06/2024").with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"nav-province\"")))
                .andExpect(content().string(not(containsString("id=\"pick-organisation\""))))
                .andReturn().getResponse().getContentAsString();
        assertThat(row(page, "so-ldtbxh-bt")).contains("href=\"/organisations/so-ldtbxh-bt/years/2024?asOf=2024-06-05\"",
                "href=\"/organisations/so-ldtbxh-bt/nonconformities?year=2024\"");
        assertThat(row(page, "so-ldtbxh-qn")).doesNotContain("href=").contains("<span>so-ldtbxh-qn</span>", "Chưa họp lần nào");
    }

    @Test
    void readsInEnglishWithEnglishSeparators() throws Exception {
        answer();
        mvc.perform(get("/province").param("year", "2024").param("asOf", "2024-06-05").param("lang", "en").with(signedIn(TINH)))
                .andExpect(content().string(containsString("The province: quality objectives 2024")))
                .andExpect(content().string(containsString("66.67 %")))
                .andExpect(content().string(containsString("1,212")))
                .andExpect(content().string(containsString("1 overdue for action")));
    }

    @Test
    void theProvinceAuditorLandsOnTheProvinceAndFindsItInTheNavigation() throws Exception {
        answer();
        mvc.perform(get("/").with(signedIn(TINH))).andExpect(redirectedUrl("/province"));
        mvc.perform(get("/province").with(signedIn(TINH)))
                .andExpect(content().string(containsString("id=\"nav-province\"")))
                .andExpect(content().string(containsString("href=\"/organisations\"")));
        // Without a year: this year, as of today.
        assertThat(asked.get(asked.size() - 1).getPath()).isEqualTo("/api/province/years/" + Pages.today().getYear() + "/summary");
        assertThat(asked.get(asked.size() - 1).getQuery()).isEqualTo("asOf=" + Pages.today());
    }

    @Test
    void aReaderOfOneOrganisationIsOfferedNoProvinceAndSeesTheServicesRefusal() throws Exception {
        given(client.read(eq(THUKY), any())).willAnswer(invocation -> {
            if (SliceTests.readUri(invocation).getPath().startsWith("/api/province")) {
                throw new ServiceProblem(403, "HTTP_403", "Only a reader of every organisation (PROVINCE_AUDITOR) reads the province");
            }
            return Map.of("organisations", List.of());
        });
        mvc.perform(get("/province").with(signedIn(THUKY)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Bạn không có quyền xem nội dung này.")))
                .andExpect(content().string(not(containsString("id=\"nav-province\""))))
                .andExpect(content().string(not(containsString("so-ldtbxh"))));
    }

    @Test
    void saysSoWhenNoOrganisationHasObjectivesThatYear() throws Exception {
        given(client.read(eq(TINH), any())).willReturn(Map.of("year", 2031, "asOf", "2031-01-01", "organisations", List.of()));
        mvc.perform(get("/province").param("year", "2031").with(signedIn(TINH)))
                .andExpect(content().string(containsString("Chưa có cơ quan nào có mục tiêu năm 2031.")));
    }

    private void answer() {
        answer(TINH);
    }

    private void answer(SignedInUser reader) {
        asked.clear();
        given(client.read(eq(reader), any())).willAnswer(invocation -> {
            asked.add(SliceTests.readUri(invocation));
            return Map.of("year", 2024, "asOf", "2024-06-05", "organisations", List.of(
                    named(organisation("so-ldtbxh-bt", 4, "100.00", "66.67", 1212, 36, Map.of("ON_TRACK", 1, "AT_RISK", 2, "MISSED", 0), 4, 1,
                            "2024-01-10", "NOT_DUE"), "Sở Lao động – Thương binh và Xã hội tỉnh Bến Tre"),
                    organisation("so-ldtbxh-qn", 1, null, null, 0, 0, Map.of("NO_TARGET", 1), 0, 0, null, "DUE")));
        });
    }

    private static Map<String, Object> organisation(String id, int objectives, String completion, String onTime, long due, long overdue,
                                                    Map<String, Integer> kpi, long open, long ncOverdue, String lastReviewHeldOn,
                                                    String reviewStatus) {
        Map<String, Object> summary = new HashMap<>();
        summary.put("organisationId", id);
        summary.put("objectiveCount", objectives);
        summary.put("completionRate", completion == null ? null : new BigDecimal(completion));
        summary.put("onTimeRate", onTime == null ? null : new BigDecimal(onTime));
        summary.put("occurrences", Map.of("total", due + 10, "due", due, "onTime", 0, "late", 0, "overdue", overdue, "upcoming", 10));
        summary.put("kpiStatusCounts", new LinkedHashMap<>(kpi));
        Map<String, Object> review = new HashMap<>();
        review.put("lastHeldOn", lastReviewHeldOn);
        review.put("status", reviewStatus);
        return Map.of("organisationId", id, "summary", summary, "nonconformities", Map.of("total", open + 1, "open", open, "overdue", ncOverdue),
                "review", review);
    }

    private static Map<String, Object> named(Map<String, Object> organisation, String name) {
        Map<String, Object> named = new HashMap<>(organisation);
        named.put("organisationName", name);
        return named;
    }

    private static String row(String page, String organisation) {
        int start = page.indexOf("data-organisation=\"" + organisation + "\"");
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
