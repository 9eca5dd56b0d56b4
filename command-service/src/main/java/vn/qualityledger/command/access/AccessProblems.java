package vn.qualityledger.command.access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import vn.qualityledger.support.web.Problems;

/** The refusals of the token and session endpoints, as RFC 9457 problems like every other. */
final class AccessProblems {

    private AccessProblems() {
    }

    static ResponseEntity<ProblemDetail> of(HttpStatus status, String code, String field, String detail) {
        ProblemDetail problem = Problems.detail(status.value(), code, detail);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return ResponseEntity.status(status).body(problem);
    }
}
