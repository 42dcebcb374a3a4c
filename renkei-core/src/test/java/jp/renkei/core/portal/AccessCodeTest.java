package jp.renkei.core.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import jp.renkei.core.Sha256;
import org.junit.jupiter.api.Test;

class AccessCodeTest {

    private final AccessCode code = AccessCode.parse("ABCD-EFGH-JK").orElseThrow();

    @Test
    void generatedCodesUseOnlyUnambiguousCharactersAndDisplayInGroups() {
        SecureRandom random = new SecureRandom();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            AccessCode generated = AccessCode.generate(random);
            assertThat(generated.canonical()).hasSize(10).matches("[ABCDEFGHJKMNPQRSTUVWXYZ2-9]+");
            assertThat(generated.display()).matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{2}");
            assertThat(AccessCode.parse(generated.display())).contains(generated);
            seen.add(generated.canonical());
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void acceptsWhatSubscribersActuallyTypeLowerCaseSpacesAndFullWidth() {
        assertThat(AccessCode.parse("abcd efgh jk")).contains(code);
        assertThat(AccessCode.parse("ＡＢＣＤ－ＥＦＧＨ－ＪＫ")).contains(code);
        assertThat(AccessCode.parse("ａｂｃｄ　ｅｆｇｈ　ｊｋ")).contains(code);
        assertThat(AccessCode.parse(" ABCDーEFGHーJK ")).contains(code);
    }

    @Test
    void rejectsLookAlikesWrongLengthsAndOtherCharacters() {
        assertThat(AccessCode.parse("ABCD-EFGH-J0")).isEmpty();
        assertThat(AccessCode.parse("ABCD-EFGH-JI")).isEmpty();
        assertThat(AccessCode.parse("ABCD-EFGH-J")).isEmpty();
        assertThat(AccessCode.parse("ABCD-EFGH-JKM")).isEmpty();
        assertThat(AccessCode.parse("ABCD/EFGH/JK")).isEmpty();
        assertThat(AccessCode.parse(null)).isEmpty();
    }

    @Test
    void theServerStoresOnlyTheHashOfTheCanonicalCharacters() {
        assertThat(code.hash()).isEqualTo(Sha256.hex("ABCDEFGHJK")).hasSize(64);
        assertThat(AccessCode.parse("abcd efgh jk").orElseThrow().hash()).isEqualTo(code.hash());
        assertThat(code.toString()).doesNotContain("ABCD");
    }
}
