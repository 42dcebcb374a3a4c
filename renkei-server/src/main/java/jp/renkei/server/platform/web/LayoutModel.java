package jp.renkei.server.platform.web;

import java.time.ZoneId;

import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.platform.security.SignedIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is signed in, whether this is the demo, which zone to show times in. */
@ControllerAdvice
class LayoutModel {

    private final boolean demo;
    private final ZoneId zone;

    LayoutModel(@Value("${renkei.demo.enabled:false}") boolean demo, @Value("${renkei.display-zone:Asia/Tokyo}") String zone) {
        this.demo = demo;
        this.zone = ZoneId.of(zone);
    }

    @ModelAttribute("caller")
    RenkeiPrincipal caller() {
        return SignedIn.principal().orElse(null);
    }

    @ModelAttribute("demo")
    boolean demo() {
        return demo;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return zone;
    }
}
