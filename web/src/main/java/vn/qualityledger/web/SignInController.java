package vn.qualityledger.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page: the password form, or in OIDC mode the link to the issuer's sign-in; Spring Security handles the
 * form's POST, the issuer's answer and the sign-out itself.
 */
@Controller
class SignInController {

    /** The username of a refused sign-in, shown again in the form. */
    static final String LAST_USERNAME = "ql.lastUsername";

    private final SecurityConfiguration.Mode mode;

    SignInController(@Value("${" + SecurityConfiguration.MODE_PROPERTY + ":BASIC}") SecurityConfiguration.Mode mode) {
        this.mode = mode;
    }

    @GetMapping("/login")
    String signIn(HttpSession session, Model model) {
        Object last = session.getAttribute(LAST_USERNAME);
        model.addAttribute("lastUsername", last == null ? "" : last);
        model.addAttribute("oidc", mode == SecurityConfiguration.Mode.OIDC);
        model.addAttribute("oidcSignIn", "/oauth2/authorization/" + OidcSignIn.REGISTRATION_ID);
        return "login";
    }
}
