package jp.renkei.core.subscribers;

import static jp.renkei.core.Samples.open;
import static jp.renkei.core.Samples.readAll;
import static jp.renkei.core.Samples.rejections;
import static jp.renkei.core.Samples.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.util.List;
import jp.renkei.core.Language;
import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.Parsed;
import org.junit.jupiter.api.Test;

class SubscriberCsvReaderTest {

    @Test
    void keepsGoodRowsAndRejectsBadOnesWithTheLineWhereTheRecordStarts() {
        List<Parsed<SubscriberRecord>> parsed;
        try (SubscriberCsvReader reader = new SubscriberCsvReader(open("subscribers.csv"), "subscribers.csv")) {
            parsed = readAll(reader);
        }
        assertThat(rows(parsed)).containsExactly(
                new SubscriberRecord("S0001", "山田 太郎", "taro.yamada@example.jp", "090-1234-5678", Language.JA),
                new SubscriberRecord("S0002", "Smith, John\nApartment 3", "john.smith@example.jp", "", Language.EN),
                new SubscriberRecord("S0006", "田中 直子", "naoko@example.jp", "03-0000-0000", Language.JA));
        assertThat(parsed).filteredOn(p -> p instanceof Parsed.Row).extracting(Parsed::line).containsExactly(2L, 3L, 8L);
        assertThat(rejections(parsed)).extracting(Parsed.Rejected::line, Parsed.Rejected::reason).containsExactly(
                tuple(5L, "subscriber_id is empty"),
                tuple(6L, "email 'not-an-email' is not a valid address"),
                tuple(7L, "language 'fr' is not ja or en"),
                tuple(9L, "email is empty for subscriber S0007"));
    }

    @Test
    void acceptsByteOrderMarkCrlfAnyColumnOrderAndIgnoresExtraColumns() {
        try (SubscriberCsvReader reader = new SubscriberCsvReader(open("subscribers-bom-crlf.csv"), "bom.csv")) {
            assertThat(rows(readAll(reader))).containsExactly(
                    new SubscriberRecord("S0100", "Ken Ito", "ken@example.jp", "", Language.EN),
                    new SubscriberRecord("S0101", "伊藤 美咲", "misaki@example.jp", "080-1111-2222", Language.JA));
        }
    }

    @Test
    void readsTheOptionalLineUserIdAndPostalAddressColumns() {
        try (SubscriberCsvReader reader = new SubscriberCsvReader(open("subscribers-contacts.csv"), "contacts.csv")) {
            List<Parsed<SubscriberRecord>> parsed = readAll(reader);
            assertThat(rejections(parsed)).extracting(Parsed.Rejected::line, Parsed.Rejected::reason).containsExactly(
                    tuple(7L, "line_user_id 'ichiro-line' is not a LINE user id (U and 32 hex digits)"));
            assertThat(rows(parsed)).containsExactly(
                    new SubscriberRecord("S0200", "山田 太郎", "taro@example.jp", "090-1234-5678", Language.JA,
                            "U4af4980629e3f1b5c1c2d2a7e1234567", "〒100-0001\n東京都千代田区千代田1-1\n連携マンション101号室"),
                    new SubscriberRecord("S0201", "Ken Ito", "ken@example.jp", "", Language.EN, "", ""),
                    new SubscriberRecord("S0202", "佐藤 花子", "hanako@example.jp", "080-2222-3333", Language.JA,
                            "Uabcdef0123456789abcdef0123456789", "〒530-0001 大阪府大阪市北区梅田1-1-1"));
        }
    }

    @Test
    void withoutTheOptionalColumnsLineUserIdAndPostalAddressAreEmpty() {
        try (SubscriberCsvReader reader = new SubscriberCsvReader(open("subscribers-bom-crlf.csv"), "bom.csv")) {
            assertThat(rows(readAll(reader))).allSatisfy(r -> {
                assertThat(r.lineUserId()).isEmpty();
                assertThat(r.postalAddress()).isEmpty();
            });
        }
    }

    @Test
    void aMissingRequiredColumnRejectsTheWholeFileNamingTheColumn() {
        assertThatThrownBy(() -> new SubscriberCsvReader(open("subscribers-missing-email.csv"), "subs.csv"))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("'email'")
                .hasMessageContaining("subs.csv");
    }

    @Test
    void anEmptyFileIsAWholeFileProblemNotZeroImportedRows() {
        assertThatThrownBy(() -> new SubscriberCsvReader(new ByteArrayInputStream(new byte[0]), "empty.csv"))
                .isInstanceOf(ImportFormatException.class)
                .hasMessageContaining("empty.csv");
    }
}
