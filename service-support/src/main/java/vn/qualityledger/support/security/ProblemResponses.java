package vn.qualityledger.support.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import vn.qualityledger.support.web.ProblemMessages;
import vn.qualityledger.support.web.Problems;

/** 401 and 403 as RFC 9457 problems, like every other error of the service. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthenticated(boolean basic) {
        return (request, response, exception) -> {
            if (basic) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Quality Ledger\"");
            }
            write(response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", ProblemMessages.text("problem.unauthenticated"));
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) ->
                write(response, HttpStatus.FORBIDDEN, "FORBIDDEN", ProblemMessages.text("problem.forbidden"));
    }

    private static void write(HttpServletResponse response, HttpStatus status, String code, String detail) throws IOException {
        Problems.write(response, status.value(), code, detail);
    }
}
