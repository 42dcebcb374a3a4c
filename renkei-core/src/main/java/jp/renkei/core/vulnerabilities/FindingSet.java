package jp.renkei.core.vulnerabilities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The findings of one component: one per vulnerability, sorted by id. When several affected
 * packages of a record match (the same package in two Debian releases), the first by ecosystem
 * and name is kept, so every matcher reports the same one.
 */
final class FindingSet {

    private static final Comparator<ComponentFinding> FIRST =
            Comparator.comparing(ComponentFinding::ecosystem).thenComparing(ComponentFinding::packageName);

    private final Map<String, ComponentFinding> byId = new TreeMap<>();

    void add(String vulnerabilityId, List<String> aliases, String ecosystem, String packageName, MatchBasis basis) {
        ComponentFinding f = new ComponentFinding(vulnerabilityId, aliases, ecosystem, packageName, basis);
        byId.merge(vulnerabilityId, f, (a, b) -> FIRST.compare(a, b) <= 0 ? a : b);
    }

    List<ComponentFinding> toList() {
        return byId.isEmpty() ? List.of() : List.copyOf(new ArrayList<>(byId.values()));
    }
}
