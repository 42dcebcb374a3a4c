package jp.renkei.server.quarantine.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.net.IpAddresses;
import jp.renkei.server.attribution.AttributionSettings;
import jp.renkei.server.attribution.AttributionSettings.PoolMatch;
import jp.renkei.server.quarantine.Quarantines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Which organisation the garden may ask who holds a client address. One Renkei serves several
 * ISPs, and an attribution is an audited identity lookup in the asked organisation's log; asking
 * every ISP with a quarantine would write that lookup into the logs of ISPs the client has nothing
 * to do with, and with private address space reused by two ISPs could name the wrong one's
 * subscriber. So only an organisation whose declared address pools hold the address is asked; an
 * organisation without pools only when it is the only one with a quarantine (a single-tenant
 * install). Anything else is ambiguous: nobody is asked.
 */
@Component
class GardenTenancy {

    private static final Logger log = LoggerFactory.getLogger(GardenTenancy.class);

    /** The outcome of the rule for one address. */
    sealed interface Choice {
        /** Ask this organisation. */
        record Ask(long organisationId) implements Choice {}

        /** No organisation with a quarantine can hold the address. */
        record NoOne() implements Choice {}

        /** Several organisations could hold it, and the garden cannot tell which. */
        record Ambiguous(List<Long> organisationIds) implements Choice {}
    }

    private final Quarantines quarantines;
    private final AttributionSettings settings;

    GardenTenancy(Quarantines quarantines, AttributionSettings settings) {
        this.quarantines = quarantines;
        this.settings = settings;
    }

    /**
     * The organisation to ask about {@code client} among those with an active quarantine; empty
     * when none or several could hold it (the latter logged), or when it is not an address.
     */
    Optional<Long> organisationFor(String client) {
        if (!IpAddresses.isAddress(client)) {
            return Optional.empty();
        }
        Map<Long, PoolMatch> matches = new LinkedHashMap<>();
        for (long org : quarantines.organisationsWithActive()) {
            matches.put(org, settings.poolMatch(org, client));
        }
        Choice choice = choose(matches);
        if (choice instanceof Choice.Ambiguous ambiguous) {
            log.warn("Walled garden: client {} could belong to organisations {}; nobody asked, shown as not quarantined"
                    + " (declare each organisation's address pools to tell them apart)", client,
                    ambiguous.organisationIds());
        }
        return choice instanceof Choice.Ask ask ? Optional.of(ask.organisationId()) : Optional.empty();
    }

    /**
     * The rule, over how the address stands to each organisation with an active quarantine: the
     * one whose pools hold it; failing any, the one without pools if it is alone in declaring none.
     */
    static Choice choose(Map<Long, PoolMatch> matches) {
        List<Long> inside = new ArrayList<>();
        List<Long> undeclared = new ArrayList<>();
        matches.forEach((org, match) -> {
            if (match == PoolMatch.INSIDE) {
                inside.add(org);
            } else if (match == PoolMatch.NO_POOLS) {
                undeclared.add(org);
            }
        });
        List<Long> candidates = inside.isEmpty() ? undeclared : inside;
        if (candidates.isEmpty()) {
            return new Choice.NoOne();
        }
        return candidates.size() == 1 ? new Choice.Ask(candidates.get(0))
                : new Choice.Ambiguous(List.copyOf(candidates));
    }
}
