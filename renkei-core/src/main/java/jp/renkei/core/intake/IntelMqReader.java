package jp.renkei.core.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.LookaheadReader;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.imports.ReaderAlarm;

/**
 * Reads IntelMQ events, one JSON object per line with dotted keys, into observation drafts. The
 * kind comes from {@code classification.taxonomy/type} ({@link ProblemKind#fromIntelMq}); a
 * classification Renkei does not act on is kept as unmapped with an {@code unknown-report-type}
 * alarm. Every key, {@code raw} (base64) included, is kept in the evidence.
 */
public final class IntelMqReader extends LookaheadReader<ObservationDraft> {

    /** Report type when an event names no feed. */
    public static final String REPORT_TYPE = "intelmq";

    /** Longest event line read; IntelMQ events with raw data are a few kilobytes. */
    public static final int MAX_LINE_CHARS = 1 << 20;
    /** Distinct unmapped classifications listed as alarms; further ones are not listed. */
    static final int MAX_ALARMS = 20;

    private final BoundedLines lines;
    private final String fileName;
    private final List<ReaderAlarm> alarms = new ArrayList<>();
    private final Fingerprinter fingerprinter = new Fingerprinter();
    private long line;
    private boolean sawEvent;

    /** Reads UTF-8 JSON lines; blank lines are skipped. */
    public IntelMqReader(InputStream in, String fileName) {
        this.lines = new BoundedLines(new InputStreamReader(in, StandardCharsets.UTF_8), MAX_LINE_CHARS);
        this.fileName = fileName;
    }

    @Override
    public List<ReaderAlarm> alarms() {
        return List.copyOf(alarms);
    }

    @Override
    protected Parsed<ObservationDraft> fetch() {
        String text;
        try {
            do {
                text = lines.next();
                line++;
            } while (text != null && text.isBlank());
        } catch (IOException e) {
            throw new ImportFormatException("cannot read " + fileName + ": " + e.getMessage(), e);
        }
        if (text == null) {
            return null;
        }
        if (text == BoundedLines.TOO_LONG) {
            return new Parsed.Rejected<>(line, "line longer than " + MAX_LINE_CHARS + " characters, skipped");
        }
        if (line == 1 && text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        LinkedHashMap<String, String> event;
        try {
            event = FlatJson.parse(text);
        } catch (IllegalArgumentException e) {
            if (!sawEvent) {
                // A first line that is no JSON object means the wrong format, not one bad record.
                throw new ImportFormatException(fileName + " is not format=intelmq (one JSON object per line): line "
                        + line + ": " + e.getMessage());
            }
            return new Parsed.Rejected<>(line, "not an IntelMQ event (one JSON object per line): " + e.getMessage());
        }
        sawEvent = true;
        return draft(event);
    }

    private Parsed<ObservationDraft> draft(LinkedHashMap<String, String> e) {
        String timeKey = e.getOrDefault("time.source", "").isBlank() ? "time.observation" : "time.source";
        String timeText = e.getOrDefault(timeKey, "");
        Instant time = ReportTime.parseUtc(timeText);
        if (time == null) {
            return new Parsed.Rejected<>(line, "field '" + timeKey + "': '" + timeText + "' is not an ISO-8601 time");
        }
        String ipText = e.getOrDefault("source.ip", "");
        String ip = FastIp.canonical(ipText.strip());
        if (ip == null) {
            return new Parsed.Rejected<>(line, "field 'source.ip': '" + ipText + "' is not an IP address");
        }
        String portText = e.getOrDefault("source.port", "").strip();
        OptionalInt port = FastIp.port(portText);
        if (port == null) {
            return new Parsed.Rejected<>(line, "field 'source.port': '" + portText + "' is not a port number");
        }
        String taxonomy = e.getOrDefault("classification.taxonomy", "");
        String type = e.getOrDefault("classification.type", "");
        String malware = e.getOrDefault("malware.name", "").strip();
        ProblemKind kind = ProblemKind.fromIntelMq(taxonomy, type, e.getOrDefault("protocol.application", ""),
                e.getOrDefault("destination.port", portText), malware).orElse(ProblemKind.UNMAPPED);
        if (kind == ProblemKind.UNMAPPED) {
            String alarm = "IntelMQ classification '" + taxonomy + "/" + type + "' in " + fileName
                    + " is not mapped to a problem kind; events are kept as unmapped and open no case";
            if (alarms.size() < MAX_ALARMS && !alarms.contains(new ReaderAlarm(ReaderAlarm.UNKNOWN_REPORT_TYPE, alarm))) {
                alarms.add(new ReaderAlarm(ReaderAlarm.UNKNOWN_REPORT_TYPE, alarm));
            }
        }
        String reportType = e.getOrDefault("feed.name", "").isBlank() ? REPORT_TYPE : e.get("feed.name").strip();
        Optional<String> vendor = first(e, "extra.device_vendor", "extra.vendor");
        Optional<String> model = first(e, "extra.device_model", "extra.model");
        Optional<String> firmware = first(e, "extra.device_version", "extra.firmware");
        if (vendor.isEmpty()) {
            Optional<DeviceIdentity> d = BannerFingerprints.identify(e.getOrDefault("extra.banner", ""));
            if (d.isPresent()) {
                vendor = Optional.of(d.get().vendor());
                model = model.or(d.get()::model);
                firmware = firmware.or(d.get()::firmware);
            }
        }
        return new Parsed.Row<>(line, new ObservationDraft(reportType, line, time, ip, port,
                ShadowserverReader.transport(e.getOrDefault("protocol.transport", "").strip()), kind,
                Severity.parse(e.getOrDefault("extra.severity", "")),
                kind == ProblemKind.INFECTED || kind == ProblemKind.COMPROMISED
                        ? ShadowserverReader.present(malware) : Optional.empty(),
                vendor, model, firmware, e, fingerprinter.of(REPORT_TYPE, e)));
    }

    private static Optional<String> first(LinkedHashMap<String, String> e, String... keys) {
        for (String k : keys) {
            String v = e.getOrDefault(k, "").strip();
            if (!v.isEmpty()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + fileName, e);
        }
    }
}
