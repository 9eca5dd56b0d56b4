package vn.qualityledger.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles its POST (and the sign-out's) itself. */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn() {
        return "login";
    }
}
