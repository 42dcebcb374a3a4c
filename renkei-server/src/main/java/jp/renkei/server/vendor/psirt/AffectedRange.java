package jp.renkei.server.vendor.psirt;

import java.util.Optional;

/**
 * One affected product as entered: a catalogue model number and either all versions or a
 * firmware range (each end optional, inclusive or exclusive), with the fixing firmware version.
 */
public record AffectedRange(String product, boolean allVersions, Optional<String> from, boolean fromInclusive,
        Optional<String> to, boolean toInclusive, Optional<String> fixedIn) {}
