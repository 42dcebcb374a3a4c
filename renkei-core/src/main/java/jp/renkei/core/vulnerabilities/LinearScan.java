package jp.renkei.core.vulnerabilities;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The obvious algorithm: every record checked against the component, versions parsed and events
 * sorted on the spot, ranges evaluated by the loop the OSV schema gives. No index, nothing kept
 * between calls. The reference answer for tests and the peer in the benchmark.
 */
public final class LinearScan {

    private LinearScan() {
    }

    /** The component's known vulnerabilities among {@code records}, as {@link VulnerabilityIndex#match}. */
    public static List<ComponentFinding> match(List<OsvRecord> records, ComponentRef component) {
        Optional<PackageQuery> query = PackageQuery.of(component);
        if (query.isEmpty()) {
            return List.of();
        }
        PackageQuery q = query.get();
        FindingSet findings = new FindingSet();
        for (OsvRecord record : records) {
            if (record.isWithdrawn()) {
                continue;
            }
            for (OsvAffected affected : record.affected()) {
                if (q.identifies(affected.ecosystem(), affected.name()) && isVulnerable(affected, q.version())) {
                    findings.add(record.id(), record.aliases(), affected.ecosystem(), affected.name(), q.basis());
                }
            }
        }
        return findings.toList();
    }

    /** {@code IsVulnerable} of the OSV schema for one affected package. */
    static boolean isVulnerable(OsvAffected affected, String v) {
        VersionScheme ecosystem = VersionScheme.forEcosystem(affected.ecosystem());
        for (String version : affected.versions()) {
            if (ecosystem.compare(v, version) == 0) {
                return true;
            }
        }
        for (OsvRange range : affected.ranges()) {
            if (range.type() != RangeType.GIT
                    && includedInRange(v, range, VersionScheme.forRange(range.type(), affected.ecosystem()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean includedInRange(String v, OsvRange range, VersionScheme scheme) {
        if (!beforeLimits(v, range, scheme)) {
            return false;
        }
        List<RangeEvent> events = new ArrayList<>();
        for (RangeEvent e : range.events()) {
            if (e.kind() != RangeEvent.Kind.LIMIT) {
                events.add(e);
            }
        }
        events.sort((a, b) -> compareEvents(a, b, scheme));
        boolean vulnerable = false;
        for (RangeEvent e : events) {
            switch (e.kind()) {
                case INTRODUCED -> {
                    if (isZero(e) || scheme.compare(v, e.version()) >= 0) {
                        vulnerable = true;
                    }
                }
                case FIXED -> {
                    if (scheme.compare(v, e.version()) >= 0) {
                        vulnerable = false;
                    }
                }
                case LAST_AFFECTED -> {
                    if (scheme.compare(v, e.version()) > 0) {
                        vulnerable = false;
                    }
                }
                default -> {
                }
            }
        }
        return vulnerable;
    }

    private static boolean beforeLimits(String v, OsvRange range, VersionScheme scheme) {
        boolean anyLimit = false;
        for (RangeEvent e : range.events()) {
            if (e.kind() == RangeEvent.Kind.LIMIT) {
                anyLimit = true;
                if (e.version().contains("*") || scheme.compare(v, e.version()) < 0) {
                    return true;
                }
            }
        }
        return !anyLimit;
    }

    // By version ("0" introduced first of all), then introduced before fixed before last_affected.
    private static int compareEvents(RangeEvent a, RangeEvent b, VersionScheme scheme) {
        int c;
        if (isZero(a) || isZero(b)) {
            c = Boolean.compare(!isZero(a), !isZero(b));
        } else {
            c = scheme.compare(a.version(), b.version());
        }
        return c != 0 ? c : a.kind().compareTo(b.kind());
    }

    private static boolean isZero(RangeEvent e) {
        return e.kind() == RangeEvent.Kind.INTRODUCED && e.version().equals("0");
    }
}
