package jp.renkei.core.vulnerabilities;

import java.util.List;
import java.util.Objects;

/** One range of an affected package: a timeline of events, read in the order of {@code type}. */
public record OsvRange(RangeType type, List<RangeEvent> events) {

    /** Rejects nulls and copies the events. */
    public OsvRange {
        Objects.requireNonNull(type, "type");
        events = List.copyOf(events);
    }
}
