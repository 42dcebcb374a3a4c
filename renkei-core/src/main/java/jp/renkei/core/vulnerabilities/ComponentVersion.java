package jp.renkei.core.vulnerabilities;

/**
 * A component's version, parsed at most once per scheme while it is matched (a lookup by purl
 * needs one or two: the ecosystem's and SemVer; one by CPE may need each ecosystem's).
 */
final class ComponentVersion {

    private final String text;
    private final VersionScheme[] schemes = new VersionScheme[12];
    private final VersionKey[] keys = new VersionKey[12];
    private int size;

    ComponentVersion(String text) {
        this.text = text;
    }

    VersionKey in(VersionScheme scheme) {
        for (int i = 0; i < size; i++) {
            if (schemes[i] == scheme) {
                return keys[i];
            }
        }
        VersionKey key = scheme.parse(text);
        if (size < schemes.length) {
            schemes[size] = scheme;
            keys[size++] = key;
        }
        return key;
    }
}
