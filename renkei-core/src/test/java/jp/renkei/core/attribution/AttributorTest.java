package jp.renkei.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttributorTest {

    private static final String IP = "203.0.113.7";

    private static Instant at(String hhmmss) {
        return Instant.parse("2026-11-22T" + hhmmss + "Z");
    }

    private static Assignment held(String subscriber, String from, String to) {
        return new Assignment(subscriber, IP, at(from), to == null ? Optional.empty() : Optional.of(at(to)), "radius");
    }

    // One IP, one day, three subscribers: A until 08:00, B from 08:00 to 15:30, C from 16:00 on.
    private final List<Assignment> day = List.of(
            held("A", "00:00:00", "08:00:00"),
            held("B", "08:00:00", "15:30:00"),
            held("C", "16:00:00", null));

    private static String who(Attribution attribution) {
        return attribution instanceof Attribution.Attributed a ? a.assignment().subscriberId() : "nobody";
    }

    @Test
    void attributesIpToTheSubscriberWhoHeldItAtThatInstant() {
        assertThat(who(Attributor.attribute(at("03:00:00"), day))).isEqualTo("A");
        assertThat(who(Attributor.attribute(at("12:00:00"), day))).isEqualTo("B");
        assertThat(who(Attributor.attribute(at("23:59:59"), day))).isEqualTo("C");
    }

    @Test
    void atTheInstantOneSessionStopsAndTheNextStartsTheNewSubscriberHoldsTheIp() {
        assertThat(who(Attributor.attribute(at("08:00:00"), day))).isEqualTo("B");
        assertThat(who(Attributor.attribute(at("07:59:59"), day))).isEqualTo("A");
    }

    @Test
    void theStopInstantItselfIsNoLongerCovered() {
        assertThat(Attributor.attribute(at("15:30:00"), day))
                .isEqualTo(new Attribution.Unattributed(UnattributedReason.NO_ASSIGNMENT));
        assertThat(UnattributedReason.NO_ASSIGNMENT.code()).isEqualTo("no-assignment");
    }

    @Test
    void anOpenSessionCoversEverythingAfterItsStart() {
        assertThat(who(Attributor.attribute(at("16:00:00"), day))).isEqualTo("C");
        assertThat(who(Attributor.attribute(Instant.parse("2026-12-31T00:00:00Z"), day))).isEqualTo("C");
        assertThat(who(Attributor.attribute(at("15:59:59"), day))).isEqualTo("nobody");
    }

    @Test
    void aSessionWhoseStopWasLostDoesNotBeatARealLaterSession() {
        List<Assignment> lostStop = List.of(held("A", "00:00:00", null), held("B", "08:00:00", "15:30:00"));
        assertThat(who(Attributor.attribute(at("12:00:00"), lostStop))).isEqualTo("B");
    }

    @Test
    void amongOverlappingClosedSessionsTheLatestStartWins() {
        List<Assignment> overlap = List.of(held("A", "00:00:00", "12:00:00"), held("B", "08:00:00", "15:30:00"));
        assertThat(who(Attributor.attribute(at("10:00:00"), overlap))).isEqualTo("B");
    }

    @Test
    void noCandidatesMeansNoAssignment() {
        assertThat(Attributor.attribute(at("10:00:00"), List.of()))
                .isEqualTo(new Attribution.Unattributed(UnattributedReason.NO_ASSIGNMENT));
    }

    @Test
    void anAssignmentCannotEndBeforeItStarts() {
        assertThatThrownBy(() -> held("A", "10:00:00", "09:00:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
