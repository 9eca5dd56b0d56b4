package vn.qualityledger.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpMediaTypeNotSupportedException;
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
    void givesAnUnknownPathItsCode() throws Exception {
        ResponseEntity<Object> answer = advice.handleException(
                new NoResourceFoundException(org.springframework.http.HttpMethod.GET, "/api/nothing", "api/nothing"), request);
        assertThat(((ProblemDetail) answer.getBody()).getProperties()).containsEntry("code", "NOT_FOUND");
    }
}
