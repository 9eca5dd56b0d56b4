package vn.qualityledger.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles its POST (and the sign-out's) itself. */
@Controller
class SignInController {

    /** The username of a refused sign-in, shown again in the form. */
    static final String LAST_USERNAME = "ql.lastUsername";

    @GetMapping("/login")
    String signIn(HttpSession session, Model model) {
        Object last = session.getAttribute(LAST_USERNAME);
        model.addAttribute("lastUsername", last == null ? "" : last);
        return "login";
    }
}
