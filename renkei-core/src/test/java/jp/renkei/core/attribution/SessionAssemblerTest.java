package jp.renkei.core.attribution;

import static jp.renkei.core.Samples.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class SessionAssemblerTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private static AccountingRecord record(AcctStatus status, String key, long atSeconds, Long sessionTime) {
        return new AccountingRecord(1, status, key, "S1", "203.0.113.7", "192.0.2.1", T0.plusSeconds(atSeconds),
                sessionTime == null ? OptionalLong.empty() : OptionalLong.of(sessionTime));
    }

    @Test
    void foldsStartInterimAndStopIntoOneSession() {
        SessionAssembler assembler = new SessionAssembler();
        assembler.add(record(AcctStatus.START, "k", 0, null));
        assembler.add(record(AcctStatus.INTERIM_UPDATE, "k", 3_600, 3_600L));
        assembler.add(record(AcctStatus.STOP, "k", 7_200, 7_200L));
        assertThat(assembler.fragments()).containsExactly(new SessionFragment("k", "S1", "203.0.113.7", "192.0.2.1",
                T0, Optional.of(T0.plusSeconds(7_200)), T0.plusSeconds(7_200), 3));
    }

    @Test
    void recoversTheStartFromTheSessionTimeWhenTheStartRecordIsInAnotherFile() {
        SessionFragment stopOnly = SessionFragment.of(record(AcctStatus.STOP, "k", 7_200, 5_000L)).orElseThrow();
        assertThat(stopOnly.start()).isEqualTo(T0.plusSeconds(2_200));
        assertThat(stopOnly.stop()).contains(T0.plusSeconds(7_200));
    }

    @Test
    void mergingKeepsEarliestStartLatestStopAndSumsRecords() {
        SessionFragment a = new SessionFragment("k", "S1", "203.0.113.7", "n", T0, Optional.empty(), T0.plusSeconds(10), 2);
        SessionFragment b = new SessionFragment("k", "S1", "203.0.113.7", "n", T0.plusSeconds(5),
                Optional.of(T0.plusSeconds(20)), T0.plusSeconds(20), 1);
        assertThat(a.merge(b)).isEqualTo(new SessionFragment("k", "S1", "203.0.113.7", "n", T0,
                Optional.of(T0.plusSeconds(20)), T0.plusSeconds(20), 3));
        assertThat(b.merge(a)).isEqualTo(a.merge(b));
    }

    @Test
    void nasRestartsAreNotSessions() {
        assertThat(SessionFragment.of(record(AcctStatus.ACCOUNTING_ON, "", 0, null))).isEmpty();
    }

    @Test
    void aNasRestartClosesTheSessionsItForgotToStop() {
        SessionAssembler assembler = new SessionAssembler()
                .addAll(new FreeRadiusDetailReader(open("detail-20150609"), "detail-20150609"));
        assertThat(assembler.nasRestarts()).hasSize(1);
        assertThat(assembler.rejections()).hasSize(4);
        List<Assignment> assignments = assembler.assignments("radius:detail-20150609");
        assertThat(assignments).containsExactlyInAnyOrder(
                new Assignment("S0001", "203.0.113.7", Instant.parse("2015-06-09T00:03:48Z"),
                        Optional.of(Instant.parse("2015-06-09T13:00:00Z")), "radius:detail-20150609"),
                // another NAS: its restart is not this NAS's business
                new Assignment("S0005", "2001:db8::5", Instant.parse("2015-06-09T14:00:00Z"), Optional.empty(),
                        "radius:detail-20150609"));
    }

    @Test
    void anOpenSessionOnTheRestartedNasEndsAtTheRestart() {
        SessionAssembler assembler = new SessionAssembler();
        assembler.add(record(AcctStatus.START, "k", 0, null));
        assembler.add(new AccountingRecord(9, AcctStatus.ACCOUNTING_ON, "192.0.2.1/", "", "", "192.0.2.1",
                T0.plusSeconds(600), OptionalLong.empty()));
        assertThat(assembler.assignments("r")).singleElement()
                .satisfies(a -> assertThat(a.to()).contains(T0.plusSeconds(600)));
    }
}
