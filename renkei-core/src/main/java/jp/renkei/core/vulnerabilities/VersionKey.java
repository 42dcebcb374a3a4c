package jp.renkei.core.vulnerabilities;

/**
 * A version parsed once by a {@link VersionScheme}, so that it can be compared many times
 * cheaply. Keys compare only with keys of the same scheme; use {@code compareTo}, never
 * {@code equals} (versions such as {@code 1.0} and {@code 1.0.0} can be equal without being identical).
 */
public interface VersionKey extends Comparable<VersionKey> {
}
