package jp.renkei.server.demo.web;

import jp.renkei.server.demo.internal.DemoMailServer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The demo's mail viewer: what the subscribers' inboxes received. Exists only with --demo. */
@Controller
@ConditionalOnProperty(name = "renkei.demo.enabled", havingValue = "true")
class MailViewer {

    private final DemoMailServer mailServer;

    MailViewer(DemoMailServer mailServer) {
        this.mailServer = mailServer;
    }

    @GetMapping("/demo/mail")
    String inbox(Model model) {
        model.addAttribute("mails", mailServer.inbox());
        return "demo/inbox";
    }

    @GetMapping("/demo/mail/{index}")
    String mail(@PathVariable int index, Model model) {
        model.addAttribute("mail", mailServer.mail(index)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "demo/mail";
    }
}
