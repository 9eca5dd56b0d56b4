package vn.qualityledger.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A service's refusal becomes a readable page: the message for the problem's {@code code} in the page's language,
 * with the service's detail beneath; never a stack trace. A 401 means the session's token is no longer valid
 * (revoked, expired): the user is signed out and sent to sign in again.
 */
@ControllerAdvice
class PageErrors {

    private static final Logger LOG = LoggerFactory.getLogger(PageErrors.class);

    private final MessageSource messages;
    private final ProblemMessages problems;

    PageErrors(MessageSource messages, ProblemMessages problems) {
        this.messages = messages;
        this.problems = problems;
    }

    @ExceptionHandler(ServiceProblem.class)
    String serviceProblem(ServiceProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (problem.unauthenticated()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            return "redirect:/login?expired";
        }
        LOG.info("{} answered by a service for {}", problem.getMessage(), request.getRequestURI());
        response.setStatus(problem.status() >= 500 ? 502 : problem.status());
        model.addAttribute("message", problems.message(problem));
        model.addAttribute("detail", problem.detail());
        model.addAttribute("code", problem.code());
        return "error-page";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(MethodArgumentTypeMismatchException e, HttpServletResponse response, Model model) {
        response.setStatus(400);
        model.addAttribute("message", messages.getMessage("problem.BAD_PARAMETER", new Object[] {e.getName()},
                LocaleContextHolder.getLocale()));
        model.addAttribute("detail", "");
        model.addAttribute("code", "BAD_PARAMETER");
        return "error-page";
    }

    /** Anything unforeseen: logged in full here, shown as a plain message (a stack trace helps no user). */
    @ExceptionHandler(RuntimeException.class)
    String unexpected(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        LOG.error("Page {} failed", request.getRequestURI(), e);
        response.setStatus(500);
        model.addAttribute("message", messages.getMessage("problem.other", null, LocaleContextHolder.getLocale()));
        model.addAttribute("detail", "");
        model.addAttribute("code", "INTERNAL");
        return "error-page";
    }
}
