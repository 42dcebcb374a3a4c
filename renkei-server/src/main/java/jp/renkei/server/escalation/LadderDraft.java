package jp.renkei.server.escalation;

import java.util.List;

/**
 * A ladder as typed into the editor or sent to the API, not yet checked. Delays are whole days
 * ({@code 3}) or ISO-8601 durations ({@code P3D}, {@code PT10S} for short test ladders); quiet
 * hours are local times {@code HH:mm} in the zone (blank: none; blank zone: the display zone).
 */
public record LadderDraft(String name, List<Step> steps, String quietFrom, String quietTo, String quietZone) {

    /** One row of the editor. */
    public record Step(String after, String channel) {
    }
}
