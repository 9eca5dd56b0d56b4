package vn.qualityledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Spring's own errors, which no read endpoint of ours raises through MockMvc easily, get a code too. */
class ProblemDetailsAdviceTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();
    private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("POST", "/api/feed"));

    @Test
    void givesAnUnsupportedMediaTypeItsCode() throws Exception {
        ResponseEntity<Object> answer = advice.handleException(
                new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN, List.of(MediaType.APPLICATION_JSON)), request);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(answer.getStatusCode().value()).isEqualTo(415);
        assertThat(problem.getProperties()).containsEntry("code", "UNSUPPORTED_MEDIA_TYPE");
        assertThat(problem.getType().toString()).isEqualTo("https://quality-ledger.vn/problems/unsupported-media-type");
    }

    @Test
    void speaksVietnameseWhenTheRequestPrefersItAndEnglishOtherwise() {
        ProblemDetail english = (ProblemDetail) advice.invalidParameter(new InvalidParameterException("limit", "must be at most 1000"), request).getBody();
        assertThat(english.getTitle()).isEqualTo("Bad Request");
        assertThat(english.getDetail()).isEqualTo("Invalid parameter: limit must be at most 1000");

        MockHttpServletRequest vietnamese = new MockHttpServletRequest("GET", "/api/feed");
        vietnamese.addHeader("Accept-Language", "vi");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(vietnamese));
        try {
            ProblemDetail invalid = (ProblemDetail) advice.invalidParameter(new InvalidParameterException("limit", "must be at most 1000"),
                    new ServletWebRequest(vietnamese)).getBody();
            assertThat(invalid.getTitle()).isEqualTo("Yêu cầu không hợp lệ");
            assertThat(invalid.getDetail()).isEqualTo("Tham số không hợp lệ: limit must be at most 1000");
            assertThat(invalid.getProperties()).containsEntry("code", "INVALID_PARAMETER");
            assertThat(advice.notFound(new NotFoundException("No audit A1")).getTitle()).isEqualTo("Không tìm thấy");
            ProblemDetail unavailable = advice.unavailable(new org.springframework.dao.DataAccessResourceFailureException("down")).getBody();
            assertThat(unavailable.getTitle()).isEqualTo("Dịch vụ tạm thời không sẵn sàng");
            assertThat(unavailable.getDetail()).startsWith("Cơ sở dữ liệu của mô hình đọc");
        } finally {
            RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    void givesAnUnknownPathItsCode() throws Exception {
        ResponseEntity<Object> answer = advice.handleException(
                new NoResourceFoundException(org.springframework.http.HttpMethod.GET, "/api/nothing", "api/nothing"), request);
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("code", "NOT_FOUND");
    }
}
