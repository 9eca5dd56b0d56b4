package vn.qualityledger.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.qualityledger.web.SliceTests.signedIn;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The pages over a mocked client: sign-in failures, figures as the service gives them, Vietnamese formats, errors. */
@WebMvcTest
@Import({SecurityConfiguration.class, WebConfiguration.class, Formats.class, ProblemMessages.class, Reads.class})
class PagesControllerTest {

    static final SignedInUser THUKY = new SignedInUser("thuky", "qlt_test", "thuky", "Nguyễn Thị Thư", List.of("ISO_SECRETARY"),
            "SLDTBXH-HD", "TK-ISO");
    static final SignedInUser TINH = new SignedInUser("tinh", "qlt_tinh", "tinh", "Ban Chỉ đạo", List.of("PROVINCE_AUDITOR"), null, null);

    @Autowired
    MockMvc mvc;

    @MockitoBean
    QualityLedgerClient client;

    @Test
    void aWrongPasswordSendsBackToSignInWithTheMessage() throws Exception {
        given(client.signIn("thuky", "wrong")).willReturn(Optional.empty());
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).param("username", "thuky").param("password", "wrong").with(csrf()))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").session(session).param("error", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tên đăng nhập hoặc mật khẩu không đúng")))
                .andExpect(content().string(containsString("value=\"thuky\"")))
                .andExpect(content().string(not(containsString("wrong"))));
    }

    @Test
    void anUnreachableServiceIsSaidSoNotBlamedOnThePassword() throws Exception {
        given(client.signIn(anyString(), anyString())).willThrow(new ServiceProblem(503, "SERVICE_UNAVAILABLE", "refused"));
        mvc.perform(post("/login").param("username", "thuky").param("password", "demo").with(csrf()))
                .andExpect(redirectedUrl("/login?unavailable"));
        mvc.perform(get("/login").param("unavailable", ""))
                .andExpect(content().string(containsString("Chưa kết nối được với dịch vụ xác thực")))
                .andExpect(content().string(not(containsString("Tên đăng nhập hoặc mật khẩu không đúng"))));
    }

    @Test
    void theSignInPageOffersThePasswordFormAndNoIssuerInBasicMode() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"password\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(not(containsString("id=\"sign-in-oidc\""))))
                .andExpect(content().string(not(containsString("Đăng nhập bằng tài khoản của Sở"))));
        mvc.perform(get("/oauth2/authorization/oidc")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void signInWithoutTheCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "thuky").param("password", "demo")).andExpect(status().isForbidden());
    }

    @Test
    void theSignInPageIsInEnglishOnRequest() throws Exception {
        mvc.perform(get("/login").param("lang", "en").param("error", ""))
                .andExpect(content().string(containsString("Wrong username or password")));
    }

    @Test
    void theDashboardShowsTheServicesFiguresInVietnameseFormats() throws Exception {
        answerReads();
        mvc.perform(get("/organisations/SLDTBXH-HD/years/2023").param("asOf", "2023-06-30").with(signedIn(THUKY)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("95,5 %")))
                .andExpect(content().string(containsString("87,25 %")))
                .andExpect(content().string(containsString("Số liệu tính đến ngày 30/06/2023.")))
                .andExpect(content().string(containsString("≥ 95 %")))
                .andExpect(content().string(containsString("96,96")))
                .andExpect(content().string(containsString("1.212")))
                .andExpect(content().string(containsString("Tỷ lệ hoàn thành")))
                .andExpect(content().string(containsString("Đang đạt")))
                .andExpect(content().string(containsString("href=\"/objectives/SLDTBXH-HD.MTCL-2023-01?asOf=2023-06-30\"")))
                .andExpect(content().string(not(containsString("Chọn cơ quan"))));
    }

    @Test
    void theDashboardInEnglishUsesEnglishSeparators() throws Exception {
        answerReads();
        mvc.perform(get("/organisations/SLDTBXH-HD/years/2023").param("asOf", "30/06/2023").param("lang", "en").with(signedIn(THUKY)))
                .andExpect(content().string(containsString("95.5 %")))
                .andExpect(content().string(containsString("1,212")))
                .andExpect(content().string(containsString("Figures as of 30/06/2023.")));
    }

    @Test
    void aServiceRefusalIsShownAsAReadableMessage() throws Exception {
        given(client.read(eq(THUKY), any())).willThrow(new ServiceProblem(403, "HTTP_403", "You read only your own organisation's data"));
        mvc.perform(get("/organisations/OTHER/years/2023").with(signedIn(THUKY)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Bạn không có quyền xem nội dung này.")))
                .andExpect(content().string(not(containsString("at vn.qualityledger"))));
    }

    @Test
    void aRevokedTokenSignsTheUserOut() throws Exception {
        given(client.read(eq(THUKY), any())).willThrow(new ServiceProblem(401, "INVALID_TOKEN", "revoked"));
        mvc.perform(get("/organisations/SLDTBXH-HD/years/2023").with(signedIn(THUKY)))
                .andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    void aProvinceAuditorLandsOnTheProvinceAndMayPickOneOrganisation() throws Exception {
        given(client.read(eq(TINH), any())).willReturn(Map.of("organisations",
                List.of(Map.of("organisationId", "SLDTBXH-HD", "years", List.of(2023, 2022)))));
        mvc.perform(get("/").with(signedIn(TINH))).andExpect(redirectedUrl("/province"));
        mvc.perform(get("/organisations").with(signedIn(TINH)))
                .andExpect(content().string(containsString("Mã cơ quan")))
                .andExpect(content().string(containsString("href=\"/organisations/SLDTBXH-HD/years/2023\"")))
                .andExpect(content().string(containsString("href=\"/organisations/SLDTBXH-HD/years/2022\"")))
                .andExpect(content().string(not(containsString("id=\"nav-work\""))));
        mvc.perform(get("/organisations").param("code", "SLDTBXH-HD").param("year", "2023").with(signedIn(TINH)))
                .andExpect(redirectedUrl("/organisations/SLDTBXH-HD/years/2023"));
    }

    @Test
    void opensTheLatestYearWithObjectivesWhenThisYearHasNone() throws Exception {
        given(client.read(eq(THUKY), any())).willReturn(Map.of("organisations",
                List.of(Map.of("organisationId", "SLDTBXH-HD", "years", List.of(2023, 2022)))));
        mvc.perform(get("/").with(signedIn(THUKY))).andExpect(redirectedUrl("/organisations/SLDTBXH-HD/years/2023"));
    }

    @Test
    void pagesNeedASignIn() throws Exception {
        mvc.perform(get("/work")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }


    /** Answers the dashboard's three reads by the path each asks for. */
    @SuppressWarnings("unchecked")
    private void answerReads() {
        given(client.read(eq(THUKY), any())).willAnswer(invocation -> {
            String path = SliceTests.readUri(invocation).getPath();
            if (path.endsWith("/summary")) {
                return Map.of("objectiveCount", 1, "completionRate", new BigDecimal("95.50"), "onTimeRate", new BigDecimal("87.25"),
                        "occurrences", Map.of("total", 1300, "due", 1250, "onTime", 1212, "late", 2, "overdue", 36, "upcoming", 50),
                        "kpiStatusCounts", new LinkedHashMap<>(Map.of("ON_TRACK", 1, "MISSED", 0)));
            }
            if (path.endsWith("/objectives")) {
                Map<String, Object> objective = new LinkedHashMap<>();
                objective.put("objectiveId", "SLDTBXH-HD.MTCL-2023-01");
                objective.put("code", "MTCL-2023-01");
                objective.put("statement", "Tỷ lệ hài lòng của tổ chức, cá nhân");
                objective.put("target", Map.of("indicator", "Tỷ lệ hài lòng", "comparator", ">=", "value", new BigDecimal("95"), "unit", "%"));
                objective.put("latestMeasurement", Map.of("value", new BigDecimal("96.96"),
                        "period", Map.of("from", "2023-04-01", "to", "2023-06-30")));
                objective.put("kpiStatus", "ON_TRACK");
                objective.put("occurrences", Map.of("due", 8, "overdue", 0));
                objective.put("completionRate", new BigDecimal("100.00"));
                objective.put("onTimeRate", null);
                return Map.of("content", List.of(objective));
            }
            return Map.of("units", List.of());
        });
    }
}
