package vn.qualityledger.web;

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
        return SignedInUser.current().orElse(null);
    }

    @ModelAttribute("todayText")
    String todayText() {
        return new Formats().date(Pages.today());
    }
}
