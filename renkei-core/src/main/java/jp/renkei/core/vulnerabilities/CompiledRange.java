package jp.renkei.core.vulnerabilities;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * An OSV range prepared for many questions: its events parsed once and sorted, so that whether a
 * version is inside takes one binary search. Equivalent to the evaluation loop of the OSV schema
 * (which {@link LinearScan} runs as written): after sorting, the state for version {@code v} is
 * the one set by the last event that "fires" for it, and every event below {@code v} fires, an
 * event at {@code v} fires unless it is a {@code last_affected}, and none above fires.
 */
final class CompiledRange {

    // Kinds in tie order: at one version an introduced comes before a fixed before a last_affected.
    private static final byte INTRODUCED = 0;
    private static final byte FIXED = 1;
    private static final byte LAST_AFFECTED = 2;

    private final VersionScheme scheme;
    private final VersionKey[] versions; // sorted; null = the introduced "0", before everything
    private final byte[] kinds;
    private final VersionKey[] limits;   // null = no limit at all
    private final boolean unlimited;

    private CompiledRange(VersionScheme scheme, VersionKey[] versions, byte[] kinds, VersionKey[] limits,
            boolean unlimited) {
        this.scheme = scheme;
        this.versions = versions;
        this.kinds = kinds;
        this.limits = limits;
        this.unlimited = unlimited;
    }

    /** Compiles a SEMVER or ECOSYSTEM range; {@code keys} parses (and may share) versions of {@code scheme}. */
    static CompiledRange of(OsvRange range, VersionScheme scheme, Function<String, VersionKey> keys) {
        record Event(VersionKey key, byte kind) {
        }
        List<Event> events = new ArrayList<>();
        List<VersionKey> limits = new ArrayList<>();
        boolean unlimited = false;
        for (RangeEvent e : range.events()) {
            switch (e.kind()) {
                case INTRODUCED -> events.add(new Event(e.version().equals("0") ? null : keys.apply(e.version()), INTRODUCED));
                case FIXED -> events.add(new Event(keys.apply(e.version()), FIXED));
                case LAST_AFFECTED -> events.add(new Event(keys.apply(e.version()), LAST_AFFECTED));
                case LIMIT -> {
                    if (e.version().contains("*")) {
                        unlimited = true;
                    } else {
                        limits.add(keys.apply(e.version()));
                    }
                }
            }
        }
        events.sort(Comparator.comparing(Event::key, Comparator.nullsFirst(Comparator.<VersionKey>naturalOrder()))
                .thenComparingInt(Event::kind));
        VersionKey[] versions = new VersionKey[events.size()];
        byte[] kinds = new byte[events.size()];
        for (int i = 0; i < versions.length; i++) {
            versions[i] = events.get(i).key();
            kinds[i] = events.get(i).kind();
        }
        boolean noLimit = limits.isEmpty() && !unlimited;
        return new CompiledRange(scheme, versions, kinds, noLimit ? null : limits.toArray(VersionKey[]::new), unlimited);
    }

    VersionScheme scheme() {
        return scheme;
    }

    /** Whether {@code v} (a key of this range's scheme) lies inside the range. */
    boolean includes(VersionKey v) {
        if (limits != null && !unlimited && !belowSomeLimit(v)) {
            return false;
        }
        // First event strictly above v: everything before it is at or below v.
        int lo = 0;
        int hi = versions.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (versions[mid] == null || versions[mid].compareTo(v) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo - 1; i >= 0; i--) {
            boolean atV = versions[i] != null && versions[i].compareTo(v) == 0;
            if (atV && kinds[i] == LAST_AFFECTED) {
                continue; // last_affected v does not fire for v itself
            }
            return kinds[i] == INTRODUCED;
        }
        return false;
    }

    private boolean belowSomeLimit(VersionKey v) {
        return Arrays.stream(limits).anyMatch(limit -> v.compareTo(limit) < 0);
    }
}
