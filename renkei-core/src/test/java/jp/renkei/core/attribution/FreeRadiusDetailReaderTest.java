package jp.renkei.core.attribution;

import static jp.renkei.core.Samples.open;
import static jp.renkei.core.Samples.readAll;
import static jp.renkei.core.Samples.rejections;
import static jp.renkei.core.Samples.rows;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import jp.renkei.core.imports.Parsed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FreeRadiusDetailReaderTest {

    private static List<Parsed<AccountingRecord>> parsed;

    @BeforeAll
    static void readSample() {
        try (FreeRadiusDetailReader reader = new FreeRadiusDetailReader(open("detail-20150609"), "detail-20150609")) {
            parsed = readAll(reader);
        }
    }

    @Test
    void readsStartInterimAndStopOfOneSession() {
        assertThat(rows(parsed)).startsWith(
                new AccountingRecord(1, AcctStatus.START, "192.0.2.1/0000A1B2", "S0001", "203.0.113.7", "192.0.2.1",
                        Instant.parse("2015-06-09T00:03:48Z"), OptionalLong.empty()),
                new AccountingRecord(11, AcctStatus.INTERIM_UPDATE, "192.0.2.1/0000A1B2", "S0001", "203.0.113.7",
                        "192.0.2.1", Instant.parse("2015-06-09T12:03:48Z"), OptionalLong.of(43_200)),
                new AccountingRecord(21, AcctStatus.STOP, "192.0.2.1/0000A1B2", "S0001", "203.0.113.7", "192.0.2.1",
                        Instant.parse("2015-06-09T13:00:00Z"), OptionalLong.of(46_572)));
    }

    @Test
    void prefersTheUniqueSessionIdAndNasIdentifierAndCanonicalisesIpv6() {
        assertThat(rows(parsed)).contains(new AccountingRecord(54, AcctStatus.START, "9f1c2e7a55d0b3aa", "S0005",
                "2001:db8::5", "bras-tokyo-2", Instant.parse("2015-06-09T14:00:00Z"), OptionalLong.empty()));
    }

    @Test
    void anAccountingOnNeedsOnlyANasAndATimeCorrectedByTheDelay() {
        assertThat(rows(parsed)).filteredOn(r -> r.status() == AcctStatus.ACCOUNTING_ON)
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.nas()).isEqualTo("192.0.2.1");
                    assertThat(r.framedIp()).isEmpty();
                    assertThat(r.eventTime()).isEqualTo(Instant.parse("2015-06-09T15:00:00Z"));
                });
    }

    @Test
    void rejectsIncompleteRecordsNamingTheAttributeAndKeepsReading() {
        assertThat(rejections(parsed)).extracting(Parsed.Rejected::line, Parsed.Rejected::reason).containsExactly(
                org.assertj.core.api.Assertions.tuple(32L, "missing Acct-Status-Type"),
                org.assertj.core.api.Assertions.tuple(38L, "Framed-IP-Address '203.0.113.999' is not an IP address"),
                org.assertj.core.api.Assertions.tuple(46L, "no valid time: Event-Timestamp 'yesterday', Timestamp ''"),
                org.assertj.core.api.Assertions.tuple(70L, "missing User-Name"));
        assertThat(parsed).hasSize(9);
    }

    @Test
    void readsCrlfFilesWithAByteOrderMark() {
        String detail = "\uFEFFWed Jun 10 00:00:00 2015\r\n\tAcct-Status-Type = Start\r\n\tAcct-Session-Id = \"x\"\r\n"
                + "\tUser-Name = \"S9\"\r\n\tFramed-IP-Address = 203.0.113.5\r\n\tTimestamp = 1433894400\r\n\r\n";
        try (FreeRadiusDetailReader reader = new FreeRadiusDetailReader(
                new ByteArrayInputStream(detail.getBytes(StandardCharsets.UTF_8)), "crlf")) {
            assertThat(rows(readAll(reader))).singleElement()
                    .satisfies(r -> assertThat(r.eventTime()).isEqualTo(Instant.parse("2015-06-10T00:00:00Z")));
        }
    }

    @Test
    void understandsEventTimestampsInEitherFreeRadiusFormat() {
        assertThat(RadiusTime.parse("Jun  9 2015 00:03:48 UTC")).contains(Instant.parse("2015-06-09T00:03:48Z"));
        assertThat(RadiusTime.parse("Jun 19 2015 00:03:48.123456 UTC")).contains(Instant.parse("2015-06-19T00:03:48Z"));
        assertThat(RadiusTime.parse("Jun  9 2015 09:03:48 JST")).contains(Instant.parse("2015-06-09T00:03:48Z"));
        assertThat(RadiusTime.parse("1433808228")).contains(Instant.parse("2015-06-09T00:03:48Z"));
        assertThat(RadiusTime.parse("Foo  9 2015 00:03:48 UTC")).isEmpty();
    }

    @Test
    void parsesStatusNamesAndNumbers() {
        assertThat(AcctStatus.parse("Interim-Update")).contains(AcctStatus.INTERIM_UPDATE);
        assertThat(AcctStatus.parse("3")).contains(AcctStatus.INTERIM_UPDATE);
        assertThat(AcctStatus.parse("Accounting-Off")).contains(AcctStatus.ACCOUNTING_OFF);
        assertThat(AcctStatus.parse("8")).contains(AcctStatus.ACCOUNTING_OFF);
        assertThat(AcctStatus.parse("Bogus")).isEmpty();
    }
}
