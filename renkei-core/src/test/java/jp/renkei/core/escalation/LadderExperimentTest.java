package jp.renkei.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class LadderExperimentTest {

    static final LadderExperiment THREE = new LadderExperiment("garden-first", "2026-11 seed",
            List.of("email-first", "sms-first", "garden-first"));

    @Test
    void aCaseAlwaysGetsTheSameLadder() {
        assertThat(THREE.assign("case-4711")).isEqualTo(THREE.assign("case-4711"));
        assertThat(new LadderExperiment("again", "2026-11 seed", THREE.arms()).assign("case-4711"))
                .as("the draw depends on seed and case, not on the experiment object")
                .isEqualTo(THREE.assign("case-4711"));
    }

    @Test
    void casesSplitEvenlyAcrossTheLadders() {
        int cases = 30_000;
        Map<String, Long> counts = IntStream.range(0, cases).mapToObj(i -> THREE.assign("case-" + i))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        double expected = cases / 3.0;
        double chiSquare = counts.values().stream().mapToDouble(n -> (n - expected) * (n - expected) / expected).sum();
        assertThat(counts).containsOnlyKeys(THREE.arms());
        // 13.8 is the 0.1% critical value of chi-square with two degrees of freedom.
        assertThat(chiSquare).isLessThan(13.8);
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(9_700L, 10_300L));
    }

    @Test
    void anotherSeedDrawsIndependently() {
        LadderExperiment reseeded = new LadderExperiment("garden-first", "2027-01 seed", THREE.arms());

        long same = IntStream.range(0, 9_000).filter(i -> THREE.assign("case-" + i).equals(reseeded.assign("case-" + i)))
                .count();

        // Independent draws agree on about a third of the cases.
        assertThat(same).isBetween(2_700L, 3_300L);
    }

    @Test
    void anExperimentNeedsTwoDistinctLaddersAndASeed() {
        assertThatThrownBy(() -> new LadderExperiment("x", "s", List.of("a"))).hasMessageContaining("two or more");
        assertThatThrownBy(() -> new LadderExperiment("x", "s", List.of("a", "a"))).hasMessageContaining("distinct");
        assertThatThrownBy(() -> new LadderExperiment("x", "", List.of("a", "b"))).hasMessageContaining("seed");
    }
}
