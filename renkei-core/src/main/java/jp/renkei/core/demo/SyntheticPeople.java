package jp.renkei.core.demo;

import java.util.SplittableRandom;
import jp.renkei.core.Language;

/** Japanese-looking synthetic subscribers; names are combinations, not real people. */
final class SyntheticPeople {

    private static final String[][] FAMILY = {
        {"佐藤", "sato"}, {"鈴木", "suzuki"}, {"高橋", "takahashi"}, {"田中", "tanaka"}, {"伊藤", "ito"},
        {"渡辺", "watanabe"}, {"山本", "yamamoto"}, {"中村", "nakamura"}, {"小林", "kobayashi"},
        {"加藤", "kato"}, {"吉田", "yoshida"}, {"山田", "yamada"}, {"佐々木", "sasaki"}, {"山口", "yamaguchi"},
        {"松本", "matsumoto"}, {"井上", "inoue"}, {"木村", "kimura"}, {"林", "hayashi"}, {"斎藤", "saito"},
        {"清水", "shimizu"}, {"山崎", "yamazaki"}, {"森", "mori"}, {"池田", "ikeda"}, {"橋本", "hashimoto"},
    };
    private static final String[][] GIVEN = {
        {"太郎", "taro"}, {"花子", "hanako"}, {"翔太", "shota"}, {"陽菜", "hina"}, {"健一", "kenichi"},
        {"美咲", "misaki"}, {"大輔", "daisuke"}, {"由美", "yumi"}, {"拓也", "takuya"}, {"直子", "naoko"},
        {"誠", "makoto"}, {"恵", "megumi"}, {"蓮", "ren"}, {"結衣", "yui"}, {"浩", "hiroshi"},
        {"智子", "tomoko"}, {"悠真", "yuma"}, {"さくら", "sakura"}, {"隆", "takashi"}, {"明美", "akemi"},
    };

    private SyntheticPeople() {
    }

    /** Subscriber number {@code i} (from 1), the same for the same seed whatever the ISP's size. */
    static SyntheticSubscriber person(long seed, int i) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L + i);
        String[] family = FAMILY[random.nextInt(FAMILY.length)];
        String[] given = GIVEN[random.nextInt(GIVEN.length)];
        Language language = random.nextInt(100) < 20 ? Language.EN : Language.JA;
        String name = language == Language.JA
                ? family[0] + " " + given[0]
                : capitalise(given[1]) + " " + capitalise(family[1]);
        String id = SyntheticIsp.subscriberId(i - 1);
        String email = given[1] + "." + family[1] + String.format("%04d", i) + "@example.jp";
        // Some customers never gave a phone number; the import must accept that.
        String phone = random.nextInt(10) == 0 ? ""
                : String.format("0%d0-%04d-%04d", 7 + random.nextInt(3), random.nextInt(10_000), random.nextInt(10_000));
        return new SyntheticSubscriber(id, name, email, phone, language);
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
