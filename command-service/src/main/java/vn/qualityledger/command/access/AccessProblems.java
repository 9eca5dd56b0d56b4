package vn.qualityledger.command.access;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.qualityledger.support.web.Problems;

/** The refusals of the token and session endpoints, as RFC 9457 problems like every other. */
final class AccessProblems {

    private AccessProblems() {
    }

    static ResponseEntity<ProblemDetail> of(HttpStatus status, String code, String field, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(Problems.TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-')));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).body(problem);
    }
}
