package vn.qualityledger.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.util.UriBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Tải Excel" / "Tải CSV": the web forwards a list's filters to query-service's export and serves its file as named
 * there; the pages offer the links with the filters they read their list with.
 */
@WebMvcTest
@Import({SecurityConfiguration.class, WebConfiguration.class, Formats.class, ProblemMessages.class, Reads.class})
class ExportsControllerTest {

    static final SignedInUser NHANVIENVP = new SignedInUser("nhanvienvp", "qlt_nhanvienvp", "nhanvienvp", "Phạm Minh Hiếu",
            List.of("STAFF"), "SLDTBXH-HD", "VP");
    static final String DISPOSITION = "attachment; filename=\"Bang cong viec SLDTBXH-HD.xlsx\"; "
            + "filename*=UTF-8''B%E1%BA%A3ng%20c%C3%B4ng%20vi%E1%BB%87c%20SLDTBXH-HD.xlsx";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    QualityLedgerClient client;

    final List<URI> asked = new ArrayList<>();

    @Test
    void forwardsTheFiltersTheListTakesAndServesTheFileAsTheServiceNamedIt() throws Exception {
        answerWithFile();
        byte[] body = mvc.perform(get("/exports/occurrences.xlsx").param("organisationId", "SLDTBXH-HD").param("unit", "Văn phòng")
                        .param("status", "OVERDUE").param("page", "2").param("size", "20").param("other", "x").with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", DISPOSITION))
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(body).isEqualTo("xlsx bytes".getBytes(StandardCharsets.UTF_8));
        // the page and size of the page shown, and anything the list does not take, stay behind: the file holds every row
        assertThat(asked).containsExactly(URI.create(
                "http://query/api/occurrences.xlsx?organisationId=SLDTBXH-HD&unit=V%C4%83n%20ph%C3%B2ng&status=OVERDUE"));
    }

    @Test
    void putsTheListsPathVariablesInItsPath() throws Exception {
        answerWithFile();
        mvc.perform(get("/exports/objectives.csv?organisationId=SLDTBXH-HD&year=2023&asOf=2023-06-30").with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk());
        mvc.perform(get("/exports/history.xlsx?objectiveId=SLDTBXH-HD.MTCL-2023-01").with(signedIn(NHANVIENVP))).andExpect(status().isOk());
        mvc.perform(get("/exports/province.csv?year=2024&asOf=2024-06-05&sort=onTimeRate,desc").with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk());

        assertThat(asked).extracting(URI::toString).containsExactly(
                "http://query/api/organisations/SLDTBXH-HD/years/2023/objectives.csv?asOf=2023-06-30",
                "http://query/api/objectives/SLDTBXH-HD.MTCL-2023-01/history.xlsx",
                "http://query/api/province/years/2024/summary.csv?asOf=2024-06-05&sort=onTimeRate,desc");
    }

    @Test
    void refusesAListWithoutWhatItsPathNeedsAndUnknownListsOrFormats() throws Exception {
        mvc.perform(get("/exports/objectives.xlsx?organisationId=SLDTBXH-HD").with(signedIn(NHANVIENVP))).andExpect(status().isBadRequest());
        mvc.perform(get("/exports/evidence.xlsx").with(signedIn(NHANVIENVP))).andExpect(status().isNotFound());
        mvc.perform(get("/exports/occurrences.pdf").with(signedIn(NHANVIENVP))).andExpect(status().isNotFound());
        verify(client, never()).readFile(any(), any());
    }

    @Test
    void showsTheServicesRefusalOfAnotherOrganisationsList() throws Exception {
        given(client.readFile(eq(NHANVIENVP), any())).willThrow(new ServiceProblem(403, "FORBIDDEN",
                "You read only your own organisation's data (SLDTBXH-HD)"));
        mvc.perform(get("/exports/nonconformities.xlsx?organisationId=so-ldtbxh-bt").with(signedIn(NHANVIENVP)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("Bạn không có quyền xem nội dung này.")));
    }

    @Test
    void theWorkPageOffersItsBoardWithTheSameFiltersInBothLanguages() throws Exception {
        given(client.read(eq(NHANVIENVP), any())).willReturn(Map.of("content", List.of(), "page", 0, "size", 20, "totalElements", 0,
                "totalPages", 0));
        String today = Pages.today().toString();
        mvc.perform(get("/work").with(signedIn(NHANVIENVP)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "href=\"/exports/occurrences.xlsx?organisationId=SLDTBXH-HD&amp;unit=VP&amp;status=OVERDUE&amp;asOf=" + today + "\"")))
                .andExpect(content().string(containsString(
                        "href=\"/exports/occurrences.csv?organisationId=SLDTBXH-HD&amp;unit=VP&amp;status=OVERDUE&amp;asOf=" + today + "\"")))
                .andExpect(content().string(containsString(">Tải Excel</a>")))
                .andExpect(content().string(containsString(">Tải CSV</a>")));
        mvc.perform(get("/work?view=upcoming&lang=en").with(signedIn(NHANVIENVP)))
                .andExpect(content().string(containsString("/exports/occurrences.csv?organisationId=SLDTBXH-HD&amp;unit=VP&amp;status=UPCOMING"
                        + "&amp;dueFrom=" + today + "&amp;dueTo=" + Pages.today().plusDays(30) + "&amp;asOf=" + today)))
                .andExpect(content().string(containsString(">Download Excel</a>")));
    }

    private void answerWithFile() {
        asked.clear();
        given(client.readFile(eq(NHANVIENVP), any())).willAnswer(invocation -> {
            Function<UriBuilder, URI> uri = invocation.getArgument(1);
            asked.add(uri.apply(UriComponentsBuilder.fromUriString("http://query")));
            return new QualityLedgerClient.ServiceFile("xlsx bytes".getBytes(StandardCharsets.UTF_8),
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", DISPOSITION, null);
        });
    }

    private static RequestPostProcessor signedIn(SignedInUser user) {
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList()));
    }
}
