package jp.renkei.core.radius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import jp.renkei.core.attribution.AccountingRecord;
import jp.renkei.core.attribution.AcctStatus;
import org.junit.jupiter.api.Test;

class RadiusPacketTest {

    static final byte[] SECRET = "testing123".getBytes(StandardCharsets.US_ASCII);

    static List<RadiusAttribute> start() throws Exception {
        return List.of(
                RadiusAttribute.integer(RadiusAttributeType.ACCT_STATUS_TYPE, 1),
                RadiusAttribute.text(RadiusAttributeType.USER_NAME, "alice@isp"),
                RadiusAttribute.address(RadiusAttributeType.NAS_IP_ADDRESS, InetAddress.getByName("192.0.2.10")),
                RadiusAttribute.text(RadiusAttributeType.ACCT_SESSION_ID, "s-1"),
                RadiusAttribute.address(RadiusAttributeType.FRAMED_IP_ADDRESS, InetAddress.getByName("198.51.100.7")),
                new RadiusAttribute(RadiusAttributeType.DELEGATED_IPV6_PREFIX,
                        HexFormat.of().parseHex("003820010db8001200")),
                RadiusAttribute.integer(RadiusAttributeType.EVENT_TIMESTAMP, 1_727_136_000L));
    }

    @Test
    void signedAccountingRequestVerifiesWithItsSecretOnly() throws Exception {
        byte[] wire = RadiusAuthenticators.signRequest(RadiusCode.ACCOUNTING_REQUEST, 42, start(), SECRET);

        assertThat(RadiusAuthenticators.verifyRequest(wire, wire.length, SECRET)).isTrue();
        assertThat(RadiusAuthenticators.verifyRequest(wire, wire.length, "wrong".getBytes())).isFalse();
        wire[wire.length - 1] ^= 1;
        assertThat(RadiusAuthenticators.verifyRequest(wire, wire.length, SECRET)).isFalse();
    }

    @Test
    void decodeReadsWhatEncodeWrote() throws Exception {
        byte[] wire = RadiusAuthenticators.signRequest(RadiusCode.ACCOUNTING_REQUEST, 42, start(), SECRET);
        byte[] padded = java.util.Arrays.copyOf(wire, wire.length + 7);

        RadiusPacket p = RadiusPacket.decode(padded, padded.length);

        assertThat(p.code()).isEqualTo(RadiusCode.ACCOUNTING_REQUEST);
        assertThat(p.identifier()).isEqualTo(42);
        assertThat(p.attributes()).isEqualTo(start());
        assertThat(p.encode()).isEqualTo(wire);
        assertThat(RadiusAuthenticators.verifyRequest(padded, padded.length, SECRET)).isTrue();
    }

    @Test
    void responseAuthenticatorCoversTheRequestAuthenticator() throws Exception {
        byte[] request = RadiusAuthenticators.signRequest(RadiusCode.ACCOUNTING_REQUEST, 7, start(), SECRET);
        byte[] requestAuth = RadiusPacket.decode(request).authenticator();

        byte[] response = RadiusAuthenticators.response(RadiusCode.ACCOUNTING_RESPONSE, 7, List.of(), requestAuth, SECRET);

        assertThat(response).hasSize(20);
        assertThat(response[0]).isEqualTo((byte) 5);
        assertThat(response[1]).isEqualTo((byte) 7);
        assertThat(RadiusAuthenticators.verifyResponse(response, 20, requestAuth, SECRET)).isTrue();
        assertThat(RadiusAuthenticators.verifyResponse(response, 20, new byte[16], SECRET)).isFalse();
    }

    @Test
    void knownVectorFromRfc2866Arithmetic() {
        // Accounting-Response id 1 to a request authenticator of zeros, secret "s": MD5(05 01 0014 00*16 "s").
        byte[] response = RadiusAuthenticators.response(RadiusCode.ACCOUNTING_RESPONSE, 1, List.of(), new byte[16],
                "s".getBytes());
        assertThat(HexFormat.of().formatHex(response, 0, 4)).isEqualTo("05010014");
        assertThat(RadiusAuthenticators.verifyResponse(response, 20, new byte[16], "s".getBytes())).isTrue();
    }

    @Test
    void malformedPacketsAreRefused() {
        assertThatThrownBy(() -> RadiusPacket.decode(new byte[10])).isInstanceOf(RadiusFormatException.class)
                .hasMessageContaining("shorter");
        byte[] overrun = HexFormat.of().parseHex("04010018" + "00".repeat(16) + "0108616c");
        assertThatThrownBy(() -> RadiusPacket.decode(overrun)).hasMessageContaining("attribute 1");
        byte[] longer = HexFormat.of().parseHex("04010100" + "00".repeat(16));
        assertThatThrownBy(() -> RadiusPacket.decode(longer)).hasMessageContaining("length field");
        byte[] unknown = HexFormat.of().parseHex("63010014" + "00".repeat(16));
        assertThatThrownBy(() -> RadiusPacket.decode(unknown)).hasMessageContaining("unknown code 99");
    }

    @Test
    void accountingStartCarriesItsAddressAndDelegatedPrefix() throws Exception {
        RadiusPacket p = RadiusPacket.decode(
                RadiusAuthenticators.signRequest(RadiusCode.ACCOUNTING_REQUEST, 1, start(), SECRET));

        List<AccountingRecord> records = AccountingRequest.records(p, "127.0.0.1", Instant.EPOCH,
                SubscriberAttribute.USER_NAME);

        assertThat(records).hasSize(1);
        assertThat(records.get(0).framedIp()).isEqualTo("198.51.100.7");
        assertThat(records.get(0).ipv6Prefixes()).containsExactly("2001:db8:12::/56");
        assertThat(records.get(0).sessionKey()).isEqualTo("192.0.2.10/s-1");
        assertThat(records.get(0).status()).isEqualTo(AcctStatus.START);
        assertThat(records.get(0).userName()).isEqualTo("alice@isp");
        assertThat(records.get(0).eventTime()).isEqualTo(Instant.ofEpochSecond(1_727_136_000L));
    }

    @Test
    void withoutEventTimestampTheTimeIsReceiptLessDelay() {
        RadiusPacket p = RadiusPacket.decode(RadiusAuthenticators.signRequest(RadiusCode.ACCOUNTING_REQUEST, 1, List.of(
                RadiusAttribute.integer(RadiusAttributeType.ACCT_STATUS_TYPE, 7),
                RadiusAttribute.text(RadiusAttributeType.NAS_IDENTIFIER, "bras-3"),
                RadiusAttribute.integer(RadiusAttributeType.ACCT_DELAY_TIME, 5)), SECRET));

        AccountingRecord on = AccountingRequest.records(p, "127.0.0.1", Instant.ofEpochSecond(100),
                SubscriberAttribute.USER_NAME).get(0);

        assertThat(on.status()).isEqualTo(AcctStatus.ACCOUNTING_ON);
        assertThat(on.nas()).isEqualTo("bras-3");
        assertThat(on.eventTime()).isEqualTo(Instant.ofEpochSecond(95));
    }

    @Test
    void configuredSubscriberAttributeNamesTheSubscriber() throws Exception {
        List<RadiusAttribute> attrs = new java.util.ArrayList<>(start());
        attrs.add(RadiusAttribute.text(RadiusAttributeType.CALLING_STATION_ID, "02-00-5e-00-53-01"));
        RadiusPacket p = RadiusPacket.decode(RadiusAuthenticators.signRequest(RadiusCode.ACCOUNTING_REQUEST, 1, attrs, SECRET));

        assertThat(AccountingRequest.records(p, "127.0.0.1", Instant.EPOCH, SubscriberAttribute.CALLING_STATION_ID)
                .get(0).userName()).isEqualTo("02-00-5e-00-53-01");
        assertThatThrownBy(() -> AccountingRequest.records(p, "127.0.0.1", Instant.EPOCH, SubscriberAttribute.NAS_PORT_ID))
                .hasMessageContaining("nas-port-id");
    }
}
