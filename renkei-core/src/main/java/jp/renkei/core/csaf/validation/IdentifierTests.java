package jp.renkei.core.csaf.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Tests 6.1.11 to 6.1.13, 6.1.23 and 6.1.25: identifiers exist, are well-formed and are not repeated. */
final class IdentifierTests {

    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private IdentifierTests() {
    }

    /** 6.1.11: a CWE id exists and carries MITRE's name for it. */
    static List<Finding> cwe(At document) {
        List<Finding> findings = new ArrayList<>();
        for (At vulnerability : document.get("vulnerabilities").items()) {
            At id = vulnerability.at("cwe", "id");
            At name = vulnerability.at("cwe", "name");
            if (!id.isText()) {
                continue;
            }
            CweCatalogue.name(id.text()).ifPresentOrElse(expected -> {
                if (name.isText() && !name.text().equals(expected)) {
                    findings.add(name.finding("6.1.11", "the name of " + id.text() + " is '" + expected + "'"));
                }
            }, () -> findings.add(id.finding("6.1.11", id.text() + " is not a known CWE")));
        }
        return findings;
    }

    /**
     * 6.1.12: language tags are well-formed BCP 47 with an existing language and region. Existence is
     * judged by the ISO 639 and 3166 codes the JDK knows, which covers the languages advisories use.
     */
    static List<Finding> language(At document) {
        List<Finding> findings = new ArrayList<>();
        for (At lang : List.of(document.at("document", "lang"), document.at("document", "source_lang"))) {
            if (lang.isText()) {
                languageProblem(lang.text()).ifPresent(p -> findings.add(lang.finding("6.1.12", p)));
            }
        }
        return findings;
    }

    private static Optional<String> languageProblem(String tag) {
        String lower = tag.toLowerCase(Locale.ROOT);
        if (lower.equals("i-default") || lower.equals("i-mingo") || lower.startsWith("x-")) {
            return Optional.empty(); // grandfathered and private-use tags name no ISO language
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            return Optional.of("'" + tag + "' is not a well-formed language tag");
        }
        String language = locale.getLanguage();
        boolean known = language.length() == 2 ? ISO_LANGUAGES.contains(language)
                : !locale.getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(language);
        if (!known) {
            return Optional.of("'" + language + "' in '" + tag + "' is not a known language");
        }
        String region = locale.getCountry();
        if (!region.isEmpty() && !region.matches("\\d{3}") && !ISO_COUNTRIES.contains(region)) {
            return Optional.of("'" + region + "' in '" + tag + "' is not a known region");
        }
        return Optional.empty();
    }

    /** 6.1.13: every purl in a product identification helper is a valid package URL. */
    static List<Finding> purl(At document) {
        List<Finding> findings = new ArrayList<>();
        for (At product : Products.fullProductNames(document)) {
            At purl = product.at("product_identification_helper", "purl");
            if (purl.isText()) {
                Purl.problem(purl.text()).ifPresent(p -> findings.add(purl.finding("6.1.13", p)));
            }
        }
        return findings;
    }

    /** 6.1.23: a CVE id belongs to one vulnerability item only. */
    static List<Finding> multipleUseOfSameCve(At document) {
        Map<String, String> first = new HashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (At vulnerability : document.get("vulnerabilities").items()) {
            At cve = vulnerability.get("cve");
            if (cve.isText()) {
                String earlier = first.putIfAbsent(cve.text(), cve.pointer());
                if (earlier != null) {
                    findings.add(cve.finding("6.1.23", cve.text() + " is already used at " + earlier));
                }
            }
        }
        return findings;
    }

    /** 6.1.25: one file's hashes name each algorithm once. */
    static List<Finding> multipleUseOfSameHashAlgorithm(At document) {
        List<Finding> findings = new ArrayList<>();
        for (At product : Products.fullProductNames(document)) {
            for (At hash : product.at("product_identification_helper", "hashes").items()) {
                Map<String, String> first = new HashMap<>();
                for (At fileHash : hash.get("file_hashes").items()) {
                    At algorithm = fileHash.get("algorithm");
                    if (algorithm.isText() && first.putIfAbsent(algorithm.text(), algorithm.pointer()) != null) {
                        findings.add(algorithm.finding("6.1.25", algorithm.text() + " is used twice for "
                                + hash.get("filename").text()));
                    }
                }
            }
        }
        return findings;
    }
}
