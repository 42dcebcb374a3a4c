package jp.renkei.core.vulnerabilities;

/** How the versions of an OSV range are ordered. */
public enum RangeType {
    /** SemVer 2.0 precedence, whatever the ecosystem. */
    SEMVER,
    /** The ecosystem's own order (dpkg for Debian, PEP 440 for PyPI …). */
    ECOSYSTEM,
    /** Git commits: needs the repository, so matching skips these ranges (the versions list still counts). */
    GIT
}
