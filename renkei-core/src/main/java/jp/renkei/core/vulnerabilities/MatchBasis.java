package jp.renkei.core.vulnerabilities;

/** What identified the component when a vulnerability was found in it. */
public enum MatchBasis {
    /** The package URL: ecosystem, name (and distribution release) agree. */
    PURL,
    /** Only a CPE name: its product (and vendor) agree with the package name; less certain. */
    CPE
}
