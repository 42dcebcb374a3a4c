package jp.renkei.core.vulnerabilities;

import java.util.List;
import java.util.Objects;

/**
 * One known vulnerability affecting one component.
 *
 * @param ecosystem   the OSV ecosystem of the affected package that matched
 * @param packageName its name in that ecosystem
 * @param basis       whether the component's purl or its CPE matched
 */
public record ComponentFinding(String vulnerabilityId, List<String> aliases, String ecosystem,
        String packageName, MatchBasis basis) {

    /** Rejects nulls and copies the aliases. */
    public ComponentFinding {
        Objects.requireNonNull(vulnerabilityId, "vulnerabilityId");
        aliases = List.copyOf(aliases);
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(basis, "basis");
    }
}
