package jp.renkei.core.vulnerabilities;

import java.util.ArrayList;
import java.util.List;

/**
 * An OSV range prepared for many questions: its events ranked ({@link VersionRanking}) and sorted
 * once, so that whether a version is inside takes one binary search over ints. Equivalent to the
 * evaluation loop of the OSV schema (which {@link LinearScan} runs as written): after sorting,
 * the state for version {@code v} is the one set by the last event that "fires" for it, and every
 * event below {@code v} fires, an event at {@code v} fires unless it is a {@code last_affected},
 * and none above fires.
 */
final class CompiledRange {

    // Kinds in tie order: at one version an introduced comes before a fixed before a last_affected.
    private static final int INTRODUCED = 0;
    private static final int FIXED = 1;
    private static final int LAST_AFFECTED = 2;
    private static final int ZERO = -1; // the rank of introduced "0": below every version

    private final VersionScheme scheme;
    private final int[] events;  // rank << 2 | kind, sorted: by rank, then kind
    private final int[] limits;  // ranks; null = no limit (or a "*" limit, infinity)

    private CompiledRange(VersionScheme scheme, int[] events, int[] limits) {
        this.scheme = scheme;
        this.events = events;
        this.limits = limits;
    }

    /** Compiles a SEMVER or ECOSYSTEM range whose versions {@code ranking} knows. */
    static CompiledRange of(OsvRange range, VersionScheme scheme, VersionRanking ranking) {
        List<Integer> events = new ArrayList<>();
        List<Integer> limits = new ArrayList<>();
        boolean unlimited = false;
        for (RangeEvent e : range.events()) {
            switch (e.kind()) {
                case INTRODUCED -> events.add(code(isZero(e) ? ZERO : ranking.rankOfKnown(e.version()), INTRODUCED));
                case FIXED -> events.add(code(ranking.rankOfKnown(e.version()), FIXED));
                case LAST_AFFECTED -> events.add(code(ranking.rankOfKnown(e.version()), LAST_AFFECTED));
                case LIMIT -> {
                    if (e.version().contains("*")) {
                        unlimited = true;
                    } else {
                        limits.add(ranking.rankOfKnown(e.version()));
                    }
                }
            }
        }
        int[] sorted = events.stream().mapToInt(Integer::intValue).sorted().toArray();
        boolean noLimit = unlimited || limits.isEmpty();
        return new CompiledRange(scheme, sorted, noLimit ? null : limits.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Whether a version needs ranking in a range: not the "0" of introduced, not a "*" limit. */
    static boolean isRanked(RangeEvent e) {
        return !isZero(e) && !(e.kind() == RangeEvent.Kind.LIMIT && e.version().contains("*"));
    }

    private static boolean isZero(RangeEvent e) {
        return e.kind() == RangeEvent.Kind.INTRODUCED && e.version().equals("0");
    }

    private static int code(int rank, int kind) {
        return rank << 2 | kind;
    }

    VersionScheme scheme() {
        return scheme;
    }

    /** Whether the version of rank {@code v} (in this range's scheme) lies inside the range. */
    boolean includes(int v) {
        if (limits != null && !belowSomeLimit(v)) {
            return false;
        }
        // First event above v: everything before it is at or below v.
        int bound = code(v, 3);
        int lo = 0;
        int hi = events.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (events[mid] <= bound) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo - 1; i >= 0; i--) {
            int kind = events[i] & 3;
            if (kind == LAST_AFFECTED && events[i] >> 2 == v) {
                continue; // last_affected v does not fire for v itself
            }
            return kind == INTRODUCED;
        }
        return false;
    }

    private boolean belowSomeLimit(int v) {
        for (int limit : limits) {
            if (v < limit) {
                return true;
            }
        }
        return false;
    }
}
