package jp.renkei.server.quarantine.web;

import static jp.renkei.server.attribution.AttributionSettings.PoolMatch.INSIDE;
import static jp.renkei.server.attribution.AttributionSettings.PoolMatch.NO_POOLS;
import static jp.renkei.server.attribution.AttributionSettings.PoolMatch.OUTSIDE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jp.renkei.server.attribution.AttributionSettings.PoolMatch;
import jp.renkei.server.quarantine.web.GardenTenancy.Choice;
import org.junit.jupiter.api.Test;

/** Which organisation with a quarantine the garden asks about an address, by their declared pools. */
class GardenTenancyRuleTest {

    /** The organisations with a quarantine, in id order as the garden sees them. */
    static Map<Long, PoolMatch> orgs(Map<Long, PoolMatch> matches) {
        return new TreeMap<>(matches);
    }

    @Test
    void theOrganisationWhosePoolsHoldTheAddressIsAskedEvenBesideOrganisationsWithoutPools() {
        assertThat(GardenTenancy.choose(orgs(Map.of(1L, NO_POOLS, 2L, INSIDE, 3L, OUTSIDE, 4L, NO_POOLS))))
                .isEqualTo(new Choice.Ask(2));
    }

    @Test
    void aLoneOrganisationWithoutPoolsIsAskedWhenNoPoolsHoldTheAddress() {
        assertThat(GardenTenancy.choose(orgs(Map.of(1L, NO_POOLS)))).isEqualTo(new Choice.Ask(1));
        assertThat(GardenTenancy.choose(orgs(Map.of(1L, OUTSIDE, 2L, NO_POOLS, 3L, OUTSIDE))))
                .isEqualTo(new Choice.Ask(2));
    }

    @Test
    void twoOrganisationsWhosePoolsHoldTheAddressAreAmbiguous() {
        assertThat(GardenTenancy.choose(orgs(Map.of(1L, INSIDE, 2L, NO_POOLS, 3L, INSIDE))))
                .isEqualTo(new Choice.Ambiguous(List.of(1L, 3L)));
    }

    @Test
    void twoOrganisationsWithoutPoolsAreAmbiguousWhenNoPoolsHoldTheAddress() {
        assertThat(GardenTenancy.choose(orgs(Map.of(1L, NO_POOLS, 2L, OUTSIDE, 3L, NO_POOLS))))
                .isEqualTo(new Choice.Ambiguous(List.of(1L, 3L)));
    }

    @Test
    void anAddressOutsideEveryDeclaredPoolBelongsToNoOne() {
        assertThat(GardenTenancy.choose(orgs(Map.of(1L, OUTSIDE, 2L, OUTSIDE)))).isEqualTo(new Choice.NoOne());
        assertThat(GardenTenancy.choose(orgs(Map.of()))).isEqualTo(new Choice.NoOne());
    }
}
