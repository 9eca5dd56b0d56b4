package vn.qualityledger.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Problems speak English unless Accept-Language prefers Vietnamese; both bundles have every key. */
class ProblemMessagesTest {

    @AfterEach
    void forgetTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ProblemMessagesTest.class.getResourceAsStream("/" + ProblemMessages.BASENAME + suffix + ".properties")) {
            assertThat(in).as(ProblemMessages.BASENAME + suffix).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void bothLanguagesHaveEveryKeyAndVietnameseTranslatesEachOne() throws IOException {
        Properties english = bundle("");
        Properties vietnamese = bundle("_vi");
        assertThat(vietnamese.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        for (String key : english.stringPropertyNames()) {
            assertThat(vietnamese.getProperty(key)).as(key).isNotBlank().isNotEqualTo(english.getProperty(key));
        }
    }

    @Test
    void englishTitlesAreTheReasonPhrasesClientsAlreadyRead() throws IOException {
        Properties english = bundle("");
        english.stringPropertyNames().stream().filter(key -> key.matches("problem\\.title\\.\\d+")).forEach(key -> {
            int status = Integer.parseInt(key.substring("problem.title.".length()));
            assertThat(english.getProperty(key)).as(key).isEqualTo(HttpStatus.resolve(status).getReasonPhrase());
        });
        assertThat(ProblemMessages.title(418, ProblemMessages.ENGLISH)).as("a status without a key").isEqualTo("I'm a teapot");
        assertThat(ProblemMessages.title(418, ProblemMessages.VIETNAMESE)).isEqualTo("Lỗi");
    }

    @Test
    void choosesVietnameseOnlyWhenTheRequestPrefersIt() {
        assertThat(ProblemMessages.locale((String) null)).isEqualTo(ProblemMessages.ENGLISH);
        assertThat(ProblemMessages.locale("")).isEqualTo(ProblemMessages.ENGLISH);
        assertThat(ProblemMessages.locale("vi")).isEqualTo(ProblemMessages.VIETNAMESE);
        assertThat(ProblemMessages.locale("vi-VN,vi;q=0.9,en;q=0.8")).isEqualTo(ProblemMessages.VIETNAMESE);
        assertThat(ProblemMessages.locale("en-US,en;q=0.9,vi;q=0.8")).isEqualTo(ProblemMessages.ENGLISH);
        assertThat(ProblemMessages.locale("fr-FR")).as("neither: the default").isEqualTo(ProblemMessages.ENGLISH);
        assertThat(ProblemMessages.locale("fr;q=1, vi;q=0.5")).isEqualTo(ProblemMessages.VIETNAMESE);
        assertThat(ProblemMessages.locale(";;q=x")).as("malformed: the default").isEqualTo(ProblemMessages.ENGLISH);
    }

    @Test
    void aProblemOfTheCurrentRequestIsInItsLanguage() {
        assertThat(Problems.json(404, "NOT_FOUND", Problems.detailOf(404)))
                .as("no request at all: English").contains("\"title\":\"Not Found\"", "There is nothing at this address");

        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/nothing");
        request.addHeader("Accept-Language", "vi-VN,vi;q=0.9");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        assertThat(Problems.json(404, "NOT_FOUND", Problems.detailOf(404)))
                .contains("\"title\":\"Không tìm thấy\"", "\"detail\":\"Không có gì ở địa chỉ này\"", "\"code\":\"NOT_FOUND\"");
        assertThat(Problems.detail(503, "SERVICE_UNAVAILABLE", Problems.detailOf(503)).getTitle()).isEqualTo("Dịch vụ tạm thời không sẵn sàng");
        assertThat(ProblemMessages.text("problem.stream-not-found", ProblemMessages.text("problem.stream.objective"), "MT-1"))
                .isEqualTo("Không có mục tiêu MT-1");
    }
}
