package vn.qualityledger.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** What the request guard passes on carries its query parameters in NFC and trimmed. */
class NormalisedParametersTest {

    private static final String NFC = "Thanh tra Sở";
    private static final String NFD = Normalizer.normalize(NFC, Normalizer.Form.NFD);

    private static HttpServletRequest passedOn(MockHttpServletRequest request) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletResponse response = new MockHttpServletResponse();
        new RequestGuard(1024).doFilter(request, response, chain);
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        return (HttpServletRequest) chain.getRequest();
    }

    private static MockHttpServletRequest get(String name, String... values) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/occurrences");
        StringBuilder query = new StringBuilder();
        for (String value : values) {
            query.append(query.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            request.addParameter(name, value);
        }
        request.setQueryString(query.toString());
        return request;
    }

    @Test
    void passesAParameterTypedDecomposedOnPrecomposedAndTrimmed() throws Exception {
        assertThat(NFD).isNotEqualTo(NFC);
        HttpServletRequest request = passedOn(get("unit", " " + NFD + "\u00a0"));
        assertThat(request.getParameter("unit")).isEqualTo(NFC);
        assertThat(request.getParameterValues("unit")).containsExactly(NFC);
        assertThat(request.getParameterMap().get("unit")).containsExactly(NFC);
    }

    @Test
    void keepsEveryValueOfARepeatedParameterInOrder() throws Exception {
        HttpServletRequest request = passedOn(get("type", NFD, " b "));
        assertThat(request.getParameterValues("type")).containsExactly(NFC, "b");
    }

    @Test
    void takesANameTypedInEitherFormForOneName() throws Exception {
        String nfcName = "đơn vị ở";
        HttpServletRequest request = passedOn(get(Normalizer.normalize(nfcName, Normalizer.Form.NFD), "x"));
        assertThat(Collections.list(request.getParameterNames())).containsExactly(nfcName);
        assertThat(request.getParameter(nfcName)).isEqualTo("x");
        assertThat(request.getParameter(Normalizer.normalize(nfcName, Normalizer.Form.NFD))).isEqualTo("x");
    }
}
