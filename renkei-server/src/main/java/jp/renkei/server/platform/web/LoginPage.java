package jp.renkei.server.platform.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (the form itself is handled by Spring Security). */
@Controller
class LoginPage {

    @GetMapping("/login")
    String login() {
        return "platform/login";
    }
}
