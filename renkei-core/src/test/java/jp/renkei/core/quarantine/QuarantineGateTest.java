package jp.renkei.core.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;

import jp.renkei.core.quarantine.QuarantineGate.ByConsent;
import jp.renkei.core.quarantine.QuarantineGate.ByPolicy;
import jp.renkei.core.quarantine.QuarantineGate.Permitted;
import jp.renkei.core.quarantine.QuarantineGate.Refused;
import org.junit.jupiter.api.Test;

class QuarantineGateTest {

    static final Instant GIVEN = Instant.parse("2026-10-01T03:00:00Z");

    static Optional<Consent> consent(ConsentLevel level) {
        return Optional.of(new Consent(level, "2026-04", GIVEN));
    }

    @Test
    void eachConsentLevelAllowsExactlyWhatItSays() {
        assertThat(QuarantineGate.check(Measure.QUARANTINE, consent(ConsentLevel.NOTIFY_ONLY), Optional.empty()))
                .isInstanceOf(Refused.class);
        assertThat(QuarantineGate.check(Measure.QUARANTINE, consent(ConsentLevel.QUARANTINE_ALLOWED), Optional.empty()))
                .isEqualTo(new Permitted(new ByConsent(consent(ConsentLevel.QUARANTINE_ALLOWED).get())));
        assertThat(QuarantineGate.check(Measure.TRAFFIC_BLOCKING, consent(ConsentLevel.QUARANTINE_ALLOWED),
                Optional.empty())).isInstanceOf(Refused.class);
        assertThat(QuarantineGate.check(Measure.TRAFFIC_BLOCKING, consent(ConsentLevel.BLOCKING_ALLOWED),
                Optional.empty())).isInstanceOf(Permitted.class);
        assertThat(QuarantineGate.check(Measure.QUARANTINE, consent(ConsentLevel.BLOCKING_ALLOWED), Optional.empty()))
                .isInstanceOf(Permitted.class);
    }

    @Test
    void withoutAnyConsentOnlyAPolicyCoveringTheMeasureAllowsIt() {
        IspPolicy policy = new IspPolicy("botnet C&C", "正当業務行為", EnumSet.of(Measure.QUARANTINE));

        assertThat(QuarantineGate.check(Measure.QUARANTINE, Optional.empty(), Optional.of(policy)))
                .isEqualTo(new Permitted(new ByPolicy(policy)));
        Refused refused = (Refused) QuarantineGate.check(Measure.TRAFFIC_BLOCKING, Optional.empty(), Optional.of(policy));
        assertThat(refused.reason()).isEqualTo(
                "the subscriber has not consented and ISP policy 'botnet C&C' does not cover traffic-blocking");
        assertThat(((Refused) QuarantineGate.check(Measure.QUARANTINE, Optional.empty(), Optional.empty())).reason())
                .isEqualTo("the subscriber has not consented and no ISP policy is recorded");
    }

    @Test
    void consentIsTheGroundsWhenBothExist() {
        IspPolicy policy = new IspPolicy("botnet C&C", "正当業務行為", EnumSet.of(Measure.QUARANTINE));

        assertThat(QuarantineGate.check(Measure.QUARANTINE, consent(ConsentLevel.QUARANTINE_ALLOWED), Optional.of(policy)))
                .isEqualTo(new Permitted(new ByConsent(consent(ConsentLevel.QUARANTINE_ALLOWED).get())));
    }

    @Test
    void consentAndPolicyKeepWhatMakesThemLawful() {
        assertThatThrownBy(() -> new Consent(ConsentLevel.QUARANTINE_ALLOWED, " ", GIVEN)).hasMessageContaining("terms");
        assertThatThrownBy(() -> new IspPolicy("p", "", EnumSet.of(Measure.QUARANTINE))).hasMessageContaining("legal basis");
        assertThatThrownBy(() -> new IspPolicy("p", "basis", EnumSet.noneOf(Measure.class))).hasMessageContaining("no measure");
        assertThat(ConsentLevel.fromCode(" Quarantine-Allowed ")).contains(ConsentLevel.QUARANTINE_ALLOWED);
        assertThat(ConsentLevel.fromCode("yes")).isEmpty();
    }
}
