package vn.qualityledger.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page knows who is signed in (for the navigation, which offers only what the role may see), and today as its
 * forms' hints write it (fragment parameters may not call beans such as {@code @fmt}).
 */
@ControllerAdvice
class CurrentUserAdvice {

    @ModelAttribute("user")
    SignedInUser user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user ? user : null;
    }

    @ModelAttribute("todayText")
    String todayText() {
        return new Formats().date(Pages.today());
    }
}
