package jp.renkei.core.vulnerabilities;

import com.github.packageurl.PackageURL;
import java.util.Optional;

/**
 * What one component asks the vulnerability data: a package in an ecosystem (from a purl), or a
 * product by name (from a CPE, or a purl of a type no OSV ecosystem covers), at a version.
 */
sealed interface PackageQuery {

    /** The component's version as written; never blank (a component without one asks nothing). */
    String version();

    /** How the component was identified, for the finding. */
    MatchBasis basis();

    /** Whether an affected package of an OSV record is the one asked about; checked record by record. */
    boolean identifies(String ecosystem, String name);

    /**
     * A package of a known ecosystem family.
     *
     * @param family  lower-case family ({@code npm}, {@code debian} …)
     * @param release the distribution release ({@code 11}, {@code 22.04}, {@code v3.18}), or empty
     *                for any
     * @param name    the name normalised for its family
     */
    record InEcosystem(String family, String release, String name, String version) implements PackageQuery {
        @Override
        public MatchBasis basis() {
            return MatchBasis.PURL;
        }

        @Override
        public boolean identifies(String ecosystem, String otherName) {
            return Ecosystems.family(ecosystem).equals(family)
                    && Ecosystems.normaliseName(family, otherName).equals(name)
                    && Ecosystems.releaseMatches(ecosystem, release);
        }
    }

    /**
     * A product known by name only, in any ecosystem.
     *
     * @param vendor  the vendor in {@link Ecosystems#productForm} form, or empty for any
     * @param product the product in the same form, compared with the packages' simple names
     */
    record ByName(String vendor, String product, String version, MatchBasis basis) implements PackageQuery {
        @Override
        public boolean identifies(String ecosystem, String otherName) {
            return !ecosystem.isEmpty()
                    && Ecosystems.simpleName(otherName).equals(product)
                    && Ecosystems.vendorMatches(Ecosystems.namespaceWords(otherName), vendor);
        }
    }

    /**
     * The question a component asks: by its purl when it has a well-formed one, else by its CPE;
     * empty when it has neither or no version to compare.
     */
    static Optional<PackageQuery> of(ComponentRef component) {
        Optional<PackageURL> purl = component.purl().flatMap(PurlMapping::parse);
        if (purl.isPresent()) {
            // A well-formed purl decides, even when it yields nothing to ask (no version).
            return PurlMapping.query(purl.get(), component.version());
        }
        return component.cpe().flatMap(CpeName::parse).flatMap(cpe -> {
            String version = cpe.version().isEmpty() ? component.version().strip() : cpe.version();
            return version.isEmpty() ? Optional.empty()
                    : Optional.of(new ByName(cpe.vendor(), cpe.product(), version, MatchBasis.CPE));
        });
    }
}
