package jp.renkei.server.quarantine.internal;

import java.time.Clock;

import jp.renkei.server.quarantine.Quarantines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases quarantines that are due by the injected clock ({@code renkei.quarantine.auto-release}
 * after their start) and those whose case was verified or closed meanwhile.
 */
@Component
public class ReleaseSweep {

    private static final Logger log = LoggerFactory.getLogger(ReleaseSweep.class);

    private final Quarantines quarantines;
    private final Clock clock;

    ReleaseSweep(Quarantines quarantines, Clock clock) {
        this.quarantines = quarantines;
        this.clock = clock;
    }

    /** Runs one sweep now; returns how many were released. */
    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "${renkei.quarantine.release-sweep:PT1M}")
    public int sweep() {
        int released = quarantines.releaseDue(clock.instant());
        if (released > 0) {
            log.info("Released {} quarantine(s): due, or their case was verified or closed", released);
        }
        return released;
    }
}
