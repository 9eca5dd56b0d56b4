package vn.qualityledger.web;

import java.time.LocalDate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Small helpers the page controllers share. */
final class Pages {

    private Pages() {
    }

    static SignedInUser user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return user;
        }
        throw new ServiceProblem(401, "NOT_SIGNED_IN", "");
    }

    static LocalDate today() {
        return LocalDate.now(WebApplication.AGENCY_ZONE);
    }
}
