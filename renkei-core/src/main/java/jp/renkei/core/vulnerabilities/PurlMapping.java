package jp.renkei.core.vulnerabilities;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * From a package URL to the OSV package it names. Qualifiers other than {@code distro} and
 * {@code upstream} (arch, classifier, type …) and the subpath do not matter for matching.
 */
final class PurlMapping {

    private static final Map<String, String> FAMILY_BY_TYPE = Map.ofEntries(
            Map.entry("npm", "npm"), Map.entry("maven", "maven"), Map.entry("pypi", "pypi"),
            Map.entry("golang", "go"), Map.entry("cargo", "crates.io"), Map.entry("gem", "rubygems"),
            Map.entry("nuget", "nuget"), Map.entry("composer", "packagist"), Map.entry("hex", "hex"),
            Map.entry("pub", "pub"), Map.entry("hackage", "hackage"), Map.entry("cran", "cran"),
            Map.entry("conan", "conancenter"), Map.entry("bitnami", "bitnami"));
    private static final Map<String, String> DEBIAN_CODENAMES = Map.of("stretch", "9", "buster", "10",
            "bullseye", "11", "bookworm", "12", "trixie", "13", "forky", "14");
    private static final Map<String, String> UBUNTU_CODENAMES = Map.of("xenial", "16.04", "bionic", "18.04",
            "focal", "20.04", "jammy", "22.04", "kinetic", "22.10", "lunar", "23.04", "mantic", "23.10",
            "noble", "24.04", "oracular", "24.10", "plucky", "25.04");
    private static final Map<String, String> RPM_FAMILIES = Map.of("redhat", "red hat", "rocky", "rocky linux",
            "rocky-linux", "rocky linux", "almalinux", "almalinux", "opensuse", "opensuse", "suse", "suse",
            "mageia", "mageia", "openeuler", "openeuler");

    private PurlMapping() {
    }

    /** The purl, or empty when it is not a well-formed package URL. */
    static Optional<PackageURL> parse(String purl) {
        try {
            return Optional.of(new PackageURL(purl.strip()));
        } catch (MalformedPackageURLException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The question this purl asks, its version taken from the purl or else {@code fallbackVersion};
     * empty when there is no version.
     */
    static Optional<PackageQuery> query(PackageURL p, String fallbackVersion) {
        String version = p.getVersion() != null && !p.getVersion().isBlank() ? p.getVersion() : fallbackVersion.strip();
        return version.isEmpty() ? Optional.empty() : Optional.of(identify(p, version));
    }

    private static PackageQuery identify(PackageURL p, String version) {
        String type = p.getType().toLowerCase(Locale.ROOT);
        String namespace = p.getNamespace() == null ? "" : p.getNamespace();
        Map<String, String> qualifiers = p.getQualifiers() == null ? Map.of() : p.getQualifiers();
        String family = FAMILY_BY_TYPE.get(type);
        if (family != null) {
            return inEcosystem(family, "", packageName(type, namespace, p.getName()), version);
        }
        String name = qualifiers.containsKey("upstream") ? upstreamName(qualifiers.get("upstream")) : p.getName();
        String distro = qualifiers.getOrDefault("distro", "").toLowerCase(Locale.ROOT);
        String ns = namespace.toLowerCase(Locale.ROOT);
        switch (type) {
            case "deb": {
                boolean ubuntu = ns.equals("ubuntu") || distro.startsWith("ubuntu") || UBUNTU_CODENAMES.containsKey(distro);
                return inEcosystem(ubuntu ? "ubuntu" : "debian", ubuntu ? ubuntuRelease(distro) : debianRelease(distro),
                        name, version);
            }
            case "apk": {
                String apkFamily = ns.equals("wolfi") || ns.equals("chainguard") ? ns : "alpine";
                return inEcosystem(apkFamily, apkFamily.equals("alpine") ? alpineRelease(distro) : "", name, version);
            }
            case "rpm":
                if (RPM_FAMILIES.containsKey(ns)) {
                    return inEcosystem(RPM_FAMILIES.get(ns), "", name, version);
                }
                break;
            default:
                break;
        }
        // generic, github, swift and every type no OSV ecosystem covers: by name, the namespace as vendor.
        String vendor = namespace.isEmpty() ? "" : Ecosystems.simpleName(namespace);
        return new PackageQuery.ByName(vendor, Ecosystems.productForm(p.getName()), version, MatchBasis.PURL);
    }

    private static PackageQuery inEcosystem(String family, String release, String name, String version) {
        return new PackageQuery.InEcosystem(family, release, Ecosystems.normaliseName(family, name), version);
    }

    /** The OSV name: {@code @scope/name} for npm, {@code group:artifact} for Maven, the module path for Go. */
    private static String packageName(String type, String namespace, String name) {
        if (namespace.isEmpty()) {
            return name;
        }
        return type.equals("maven") ? namespace + ':' + name : namespace + '/' + name;
    }

    // syft writes the source package as upstream=name or upstream=name@version.
    private static String upstreamName(String upstream) {
        int at = upstream.indexOf('@');
        return (at < 0 ? upstream : upstream.substring(0, at)).strip();
    }

    /** {@code debian-11}, {@code debian-11.7}, {@code bookworm} → the OSV release {@code 11}/{@code 12}. */
    static String debianRelease(String distro) {
        String d = strip(distro, "debian");
        d = DEBIAN_CODENAMES.getOrDefault(d, d);
        int dot = d.indexOf('.');
        return dot < 0 ? d : d.substring(0, dot);
    }

    /** {@code ubuntu-22.04}, {@code jammy} → {@code 22.04}. */
    static String ubuntuRelease(String distro) {
        String d = strip(distro, "ubuntu");
        d = UBUNTU_CODENAMES.getOrDefault(d, d);
        String[] parts = d.split("\\.");
        return parts.length >= 2 ? parts[0] + '.' + parts[1] : d;
    }

    /** {@code alpine-3.18}, {@code 3.18.4} → the OSV release {@code v3.18}. */
    static String alpineRelease(String distro) {
        String d = strip(distro, "alpine");
        if (d.startsWith("v")) {
            d = d.substring(1);
        }
        if (d.isEmpty()) {
            return "";
        }
        String[] parts = d.split("\\.");
        return "v" + (parts.length >= 2 ? parts[0] + '.' + parts[1] : d);
    }

    private static String strip(String distro, String name) {
        String d = distro.strip();
        if (d.startsWith(name)) {
            d = d.substring(name.length());
            if (d.startsWith("-") || d.startsWith(":") || d.startsWith("/")) {
                d = d.substring(1);
            }
        }
        return d;
    }
}
