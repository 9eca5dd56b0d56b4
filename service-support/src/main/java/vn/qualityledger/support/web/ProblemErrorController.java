package vn.qualityledger.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}) as a problem: what reaches it was refused outside the controllers (by
 * the security firewall, or a {@code sendError}) and would otherwise get Spring Boot's own JSON, without a code.
 * Replaces Boot's {@code BasicErrorController}; like the advices, it names no exception and no class.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly, not dispatched with an error: there is nothing at this address.
        int status = attribute instanceof Integer code && code >= 400 ? code : 404;
        ProblemDetail problem = Problems.detail(status, Problems.codeOf(status), Problems.detailOf(status));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
