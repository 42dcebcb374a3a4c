package jp.renkei.core.csaf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void writesKeysSortedAtEveryLevelWithTwoSpacesLineFeedsAndAFinalNewline() throws Exception {
        String json = "{\"b\": 1, \"a\": {\"z\": [3, {\"y\": true, \"x\": null}], \"m\": \"日本語\"}, \"c\": []}";

        assertThat(CanonicalJson.writeString(CanonicalJson.read(json.getBytes(StandardCharsets.UTF_8)))).isEqualTo("""
                {
                  "a": {
                    "m": "日本語",
                    "z": [
                      3,
                      {
                        "x": null,
                        "y": true
                      }
                    ]
                  },
                  "b": 1,
                  "c": []
                }
                """);
    }

    @Test
    void equalDocumentsGiveEqualBytesWhateverTheirKeyOrder() throws Exception {
        byte[] one = CanonicalJson.write(CanonicalJson.read("{\"x\": 1, \"y\": 2}".getBytes(StandardCharsets.UTF_8)));
        byte[] two = CanonicalJson.write(CanonicalJson.read("{\"y\": 2, \"x\": 1}".getBytes(StandardCharsets.UTF_8)));

        assertThat(one).isEqualTo(two);
    }

    @Test
    void readingRefusesDuplicateKeysAndTrailingContent() {
        assertThatThrownBy(() -> CanonicalJson.read("{\"a\": 1, \"a\": 2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field 'a'");
        assertThatThrownBy(() -> CanonicalJson.read("{} {}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Trailing token");
    }
}
