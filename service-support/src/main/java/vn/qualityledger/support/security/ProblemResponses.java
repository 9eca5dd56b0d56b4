package vn.qualityledger.support.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as RFC 9457 problems, like every other error of the service. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthenticated(boolean basic) {
        return (request, response, exception) -> {
            if (basic) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Quality Ledger\"");
            }
            write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Sign in to use this service");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) ->
                write(response, HttpStatus.FORBIDDEN, "FORBIDDEN", "Your roles do not allow this request");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("""
                {"type":"https://quality-ledger.vn/problems/%s","title":"%s","status":%d,"detail":"%s","code":"%s"}"""
                .formatted(code.toLowerCase(), status.getReasonPhrase(), status.value(), detail, code));
    }
}
