package jp.renkei.core.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The index must answer exactly as the reference {@link Attributor} on randomized assignments:
 * few addresses and subscribers, so periods overlap, touch, repeat and stay open; probes at and
 * around every start and stop; IPv4, CGNAT port blocks, IPv4 and IPv6 prefixes, deterministic NAT.
 */
class AttributionIndexEquivalenceTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
    private static final String[] V4 = {"203.0.113.1", "203.0.113.2", "203.0.113.3", "203.0.113.200", "100.64.0.1",
        "100.64.0.2", "100.64.0.5", "10.0.0.9"};
    private static final String CGNAT = "198.51.100.7";
    private static final String[] V6_PREFIXES = {"2001:db8:100::/56", "2001:db8:100:ff00::/56", "2001:db8:200::/48",
        "2001:db8:100:1::/64", "2001:db8:300::5/128"};
    private static final String[] V6_PROBES = {"2001:db8:100::1", "2001:db8:100:1::abcd", "2001:db8:100:ff12::9",
        "2001:db8:200:ffff::1", "2001:db8:300::5", "2001:db8:300::6", "2001:db8:999::1"};
    private static final DeterministicNat NAT =
            new DeterministicNat(IpPrefix.parse("100.64.0.0/28"), IpPrefix.parse("192.0.2.0/30"), 16_384, 0);

    private static final Set<String> SEEN = new TreeSet<>();

    @AfterAll
    static void theSeedsReachEveryKindOfAnswer() {
        assertThat(SEEN).contains("exact", "boundary", "open-session", "shared-address", "no-assignment", "log-expired",
                "not-our-address");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 42, 2026, 31337})
    void theIndexAnswersExactlyAsTheReferenceAttributor(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Assignment> all = assignments(random);
        AttributionPolicy policy = policy(random);
        AttributionIndex index = AttributionIndex.builder(policy).addAll(all).build();
        assertThat(index.size()).isEqualTo(all.size());

        List<Instant> instants = new ArrayList<>();
        for (Assignment a : all) {
            for (Instant t : new Instant[] {a.from(), a.to().orElse(a.from())}) {
                instants.add(t);
                instants.add(t.minusSeconds(1));
                instants.add(t.plusSeconds(1));
                instants.add(t.minus(policy.clockSkew()));
                instants.add(t.plus(policy.clockSkew()));
                instants.add(t.minus(policy.clockSkew()).minusSeconds(1));
            }
        }
        for (int i = 0; i < 200; i++) {
            instants.add(T0.plusSeconds(random.nextInt(3 * 86_400) - 3_600));
        }
        List<String> ips = new ArrayList<>(List.of(V4));
        ips.addAll(List.of(V6_PROBES));
        ips.addAll(List.of(CGNAT, "192.0.2.1", "192.0.2.3", "198.51.100.8"));
        int compared = 0;
        for (Instant t : instants) {
            for (int n = 0; n < 2; n++) {
                String ip = ips.get(random.nextInt(ips.size()));
                OptionalInt port = random.nextBoolean() ? OptionalInt.empty() : OptionalInt.of(random.nextInt(65_536));
                Attribution expected = Attributor.attribute(ip, port, t, all, policy);
                SEEN.add(expected instanceof Attribution.Unattributed u ? u.reason().code() : expected.code());
                assertThat(index.attribute(ip, port, t)).as("%s port %s at %s", ip, port, t).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(1_000);

        int[] addresses = new int[instants.size()];
        long[] seconds = new long[instants.size()];
        int[] out = new int[instants.size()];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = (int) IpBits.parseV4(V4[random.nextInt(V4.length)]);
            seconds[i] = instants.get(i).getEpochSecond();
        }
        index.attributeIpv4(addresses, seconds, out);
        for (int i = 0; i < addresses.length; i++) {
            Attribution expected = Attributor.attribute(IpBits.v4Text(addresses[i]), OptionalInt.empty(),
                    Instant.ofEpochSecond(seconds[i]), all, policy);
            String named = expected instanceof Attribution.Attributed hit ? hit.assignment().subscriberId() : null;
            assertThat(out[i] < 0 ? null : index.subscriberId(out[i])).isEqualTo(named);
            assertThat(index.subscriberIndex(addresses[i], seconds[i])).isEqualTo(out[i]);
        }
    }

    private static AttributionPolicy policy(SplittableRandom random) {
        AttributionPolicy policy = AttributionPolicy.STRICT.withClockSkew(Duration.ofSeconds(random.nextBoolean() ? 0 : 120));
        if (random.nextInt(3) == 0) {
            policy = policy.withPools(List.of(IpPrefix.parse("203.0.113.0/24"), IpPrefix.parse("100.64.0.0/10"),
                    IpPrefix.parse("2001:db8:100::/40"), IpPrefix.parse("198.51.100.0/25")));
        }
        if (random.nextInt(3) == 0) {
            policy = policy.withRetainedSince(T0.plusSeconds(random.nextInt(86_400)));
        }
        if (random.nextBoolean()) {
            policy = policy.withDeterministicNat(List.of(NAT));
        }
        return policy;
    }

    private static List<Assignment> assignments(SplittableRandom random) {
        List<Assignment> all = new ArrayList<>();
        int count = 20 + random.nextInt(120);
        for (int i = 0; i < count; i++) {
            String subscriber = "S" + random.nextInt(12);
            Instant from = T0.plusSeconds(random.nextInt(2 * 86_400));
            Optional<Instant> to = random.nextInt(6) == 0 ? Optional.empty()
                    : Optional.of(from.plusSeconds(random.nextInt(4) == 0 ? random.nextInt(300) : random.nextInt(30_000)));
            String source = random.nextBoolean() ? "radius" : "kea";
            String line = random.nextInt(4) == 0 ? "circuit-" + random.nextInt(3) : "";
            int shape = random.nextInt(10);
            if (shape < 5) {
                all.add(new Assignment(subscriber, V4[random.nextInt(V4.length)], 32, PortRange.ALL, from, to, source, line));
            } else if (shape < 7) {
                int first = 1_024 * (1 + random.nextInt(6));
                all.add(Assignment.ofPortBlock(subscriber, CGNAT, new PortRange(first, first + 1_023), from, to, "cgnat", line));
            } else if (shape < 9) {
                all.add(Assignment.ofPrefix(subscriber, IpPrefix.parse(V6_PREFIXES[random.nextInt(V6_PREFIXES.length)]),
                        from, to, "dhcpv6-pd", line));
            } else {
                all.add(Assignment.ofPrefix(subscriber, IpPrefix.parse("203.0.113.0/30"), from, to, "static", line));
            }
            if (random.nextInt(10) == 0) {
                all.add(all.get(random.nextInt(all.size())));
            }
            if (random.nextInt(8) == 0) {
                Assignment prev = all.get(all.size() - 1);
                if (prev.to().isPresent()) {
                    // A hand-over at the same second to another subscriber.
                    all.add(new Assignment("S" + random.nextInt(12), prev.ip(), prev.prefixLength(), prev.ports(),
                            prev.to().get(), Optional.of(prev.to().get().plusSeconds(random.nextInt(5_000))), source, ""));
                }
            }
        }
        return all;
    }
}
