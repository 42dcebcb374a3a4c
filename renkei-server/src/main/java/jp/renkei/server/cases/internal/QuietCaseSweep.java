package jp.renkei.server.cases.internal;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Hourly (and right after start-up): closes cases whose device has been quiet for the quiet period. */
@Component
class QuietCaseSweep {

    private static final Logger log = LoggerFactory.getLogger(QuietCaseSweep.class);

    private final CaseStore cases;
    private final Clock clock;

    QuietCaseSweep(CaseStore cases, Clock clock) {
        this.cases = cases;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT0S", fixedDelayString = "PT1H")
    void sweep() {
        int closed = cases.closeQuietCases(Instant.now(clock));
        if (closed > 0) {
            log.info("Closed {} quiet case(s) as closed-unverified", closed);
        }
    }
}
