package jp.renkei.server.escalation.internal;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jp.renkei.core.escalation.Channel;
import jp.renkei.core.escalation.LadderStep;
import jp.renkei.core.escalation.QuietHours;
import jp.renkei.server.escalation.LadderChange;
import jp.renkei.server.escalation.LadderDraft;

/**
 * Checks a ladder typed into the editor or sent to the API and names the first field that is wrong,
 * in the API's spelling ({@code steps[1].after}), so both the form and a script know what to fix.
 */
final class DraftCheck {

    /** Plain names only: the timeline writes {@code name@version arm name}, which others parse. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    static final int MAX_STEPS = 20;
    private static final Duration LONGEST = Duration.ofDays(3650);

    /** A draft that passed: the steps and quiet hours of the next version. */
    record Checked(String name, List<LadderStep> steps, QuietHours quietHours) {
    }

    /** The first problem of a draft; callers answer it as {@link LadderChange.Rejected}. */
    static final class Invalid extends RuntimeException {
        private final String field;

        Invalid(String field, String detail) {
            super(detail, null, false, false);
            this.field = field;
        }

        LadderChange.Rejected rejected() {
            return new LadderChange.Rejected(field, getMessage());
        }
    }

    private DraftCheck() {
    }

    /** The stripped name; throws {@link Invalid} naming {@code field} when it is not a ladder name. */
    static String name(String field, String name) {
        if (name == null || name.isBlank()) {
            throw new Invalid(field, "a ladder needs a name");
        }
        if (!NAME.matcher(name.strip()).matches()) {
            throw new Invalid(field, "'" + name.strip() + "' is not a ladder name: use up to 40 letters, digits, '.',"
                    + " '_' or '-', starting with a letter or digit");
        }
        return name.strip();
    }

    /** The checked draft; throws {@link Invalid} with the first problem. */
    static Checked check(LadderDraft draft, ZoneId displayZone) {
        String name = name("name", draft.name());
        List<LadderDraft.Step> rows = draft.steps() == null ? List.of() : draft.steps();
        if (rows.isEmpty()) {
            throw new Invalid("steps", "a ladder needs at least one step");
        }
        if (rows.size() > MAX_STEPS) {
            throw new Invalid("steps", rows.size() + " steps; at most " + MAX_STEPS);
        }
        List<LadderStep> steps = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String field = "steps[" + i + "]";
            LadderDraft.Step row = rows.get(i);
            Duration d = delay(field + ".after", row.after());
            String code = row.channel() == null ? "" : row.channel();
            Optional<Channel> channel = Channel.fromCode(code);
            if (channel.isEmpty()) {
                throw new Invalid(field + ".channel", "'" + code.strip() + "' is not a channel;"
                        + " use email, sms, line, letter, call-list or walled-garden");
            }
            if (i > 0 && d.compareTo(steps.get(i - 1).after()) < 0) {
                throw new Invalid(field + ".after", "step " + (i + 1) + " (" + describe(d)
                        + ") comes before step " + i + " (" + describe(steps.get(i - 1).after()) + "); list steps in order");
            }
            steps.add(new LadderStep(d, channel.get()));
        }
        return new Checked(name, steps, quietHours(draft, displayZone));
    }

    /** Whole days ({@code 3}) or an ISO-8601 duration ({@code P3D}, {@code PT10S}). */
    private static Duration delay(String field, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new Invalid(field, "when the step is due is missing (days, e.g. 3, or P3D or PT10S)");
        }
        Duration d;
        try {
            d = t.matches("\\d{1,4}") ? Duration.ofDays(Integer.parseInt(t)) : Duration.parse(t.toUpperCase());
        } catch (DateTimeParseException e) {
            throw new Invalid(field, "'" + t + "' is neither whole days (3) nor an ISO-8601 duration"
                    + " (P3D, PT12H, PT10S)");
        }
        if (d.isNegative()) {
            throw new Invalid(field, "'" + t + "' is before the case started");
        }
        if (d.getNano() != 0) {
            throw new Invalid(field, "'" + t + "' has a fraction of a second; use whole seconds");
        }
        if (d.compareTo(LONGEST) > 0) {
            throw new Invalid(field, "'" + t + "' is more than ten years after the case started");
        }
        return d;
    }

    private static QuietHours quietHours(LadderDraft draft, ZoneId displayZone) {
        String from = draft.quietFrom() == null ? "" : draft.quietFrom().strip();
        String to = draft.quietTo() == null ? "" : draft.quietTo().strip();
        if (from.isEmpty() && to.isEmpty()) {
            return QuietHours.none();
        }
        if (from.isEmpty() || to.isEmpty()) {
            throw new Invalid(from.isEmpty() ? "quietHours.from" : "quietHours.to",
                    "quiet hours need both a start and an end (or neither)");
        }
        LocalTime start;
        LocalTime end;
        try {
            start = LocalTime.parse(from);
        } catch (DateTimeParseException e) {
            throw new Invalid("quietHours.from", "'" + from + "' is not a time of day (HH:mm, e.g. 21:00)");
        }
        try {
            end = LocalTime.parse(to);
        } catch (DateTimeParseException e) {
            throw new Invalid("quietHours.to", "'" + to + "' is not a time of day (HH:mm, e.g. 08:00)");
        }
        if (start.equals(end)) {
            throw new Invalid("quietHours.to", "quiet hours end when they start; leave both blank for none");
        }
        String zoneText = draft.quietZone() == null ? "" : draft.quietZone().strip();
        ZoneId zone;
        try {
            zone = zoneText.isEmpty() ? displayZone : ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw new Invalid("quietHours.zone", "'" + zoneText + "' is not a time zone (e.g. Asia/Tokyo)");
        }
        return new QuietHours(start, end, zone);
    }

    /** Days when whole, otherwise the ISO-8601 form: how the editor shows a delay. */
    static String describe(Duration d) {
        return d.toSeconds() % 86_400 == 0 ? String.valueOf(d.toDays()) : d.toString();
    }

}
