package jp.renkei.core.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.LookaheadReader;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.imports.ReaderAlarm;

/**
 * Reads one X-ARF abuse report: v0.2 (the YAML {@code report.txt} part of an {@code X-XARF: PLAIN}
 * mail; the MIME split is the caller's, so the core needs no mail library) or v4 JSON. One report
 * is one observation. Category and type map to kinds; others are kept as unmapped with an
 * {@code unknown-report-type} alarm.
 */
public final class XarfReader extends LookaheadReader<ObservationDraft> {

    /** Largest v4 JSON report read; reports are a few kilobytes, this bounds memory. */
    public static final int MAX_JSON_BYTES = 4 * 1024 * 1024;

    private final List<ReaderAlarm> alarms = new ArrayList<>();
    private Parsed<ObservationDraft> only;

    private XarfReader(Parsed<ObservationDraft> only, List<ReaderAlarm> alarms) {
        this.only = only;
        this.alarms.addAll(alarms);
    }

    /**
     * An X-ARF v0.2 report from the text of its YAML part; {@code extra} (mail headers, the
     * evidence part) is added to the evidence.
     */
    public static XarfReader v02(String reportYaml, String fileName, Map<String, String> extra) {
        LinkedHashMap<String, String> yaml;
        try {
            yaml = MinimalYaml.parse(reportYaml);
        } catch (IllegalArgumentException e) {
            return new XarfReader(new Parsed.Rejected<>(1, "report.txt of " + fileName + ": " + e.getMessage()), List.of());
        }
        Map<String, String> f = lowerKeys(yaml);
        LinkedHashMap<String, String> evidence = new LinkedHashMap<>(yaml);
        evidence.putAll(extra);
        String category = f.getOrDefault("category", "");
        String type = f.getOrDefault("report-type", "");
        String service = f.getOrDefault("service", "");
        String port = f.getOrDefault("port", "");
        Optional<ProblemKind> kind = kindV02(category, type, service, port);
        return build("xarf-0.2", fileName, f.getOrDefault("date", ""), "Date", f.getOrDefault("source", ""), "Source",
                port, "Port", category + "/" + type, kind, f.getOrDefault("protocol", ""),
                Optional.ofNullable(f.get("malware")), evidence);
    }

    /** An X-ARF v4 JSON report, read whole (at most {@value #MAX_JSON_BYTES} bytes). */
    public static XarfReader v4(InputStream in, String fileName) {
        String text;
        try {
            byte[] bytes = in.readNBytes(MAX_JSON_BYTES + 1);
            if (bytes.length > MAX_JSON_BYTES) {
                throw new ImportFormatException(fileName + " is larger than an X-ARF report can be ("
                        + MAX_JSON_BYTES + " bytes)");
            }
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ImportFormatException("cannot read " + fileName + ": " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        LinkedHashMap<String, String> json;
        try {
            json = FlatJson.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ImportFormatException(fileName + " is not an X-ARF v4 JSON report: " + e.getMessage());
        }
        String category = json.getOrDefault("category", "");
        String type = json.getOrDefault("type", "");
        String port = json.getOrDefault("source_port", "");
        Optional<ProblemKind> kind = kindV4(category, type, json.getOrDefault("service", ""), port);
        return build("xarf-4", fileName, json.getOrDefault("timestamp", ""), "timestamp",
                json.getOrDefault("source_identifier", ""), "source_identifier", port, "source_port",
                category + "/" + type, kind, json.getOrDefault("protocol", ""),
                Optional.ofNullable(json.get("malware_family")).or(() -> Optional.ofNullable(json.get("malware.name"))),
                json);
    }

    private static XarfReader build(String reportType, String fileName, String timeText, String timeField,
            String ipText, String ipField, String portText, String portField, String classification,
            Optional<ProblemKind> kind, String transport, Optional<String> family,
            LinkedHashMap<String, String> evidence) {
        Instant time = time(timeText.strip());
        if (time == null) {
            return rejected("field '" + timeField + "': '" + timeText + "' is not a date");
        }
        String ip = FastIp.canonical(ipText.strip());
        if (ip == null) {
            return rejected("field '" + ipField + "': '" + ipText + "' is not an IP address");
        }
        OptionalInt port = FastIp.port(portText.strip());
        if (port == null) {
            return rejected("field '" + portField + "': '" + portText + "' is not a port number");
        }
        List<ReaderAlarm> alarms = kind.isPresent() ? List.of() : List.of(new ReaderAlarm(
                ReaderAlarm.UNKNOWN_REPORT_TYPE, "X-ARF report type '" + classification + "' in " + fileName
                        + " is not mapped to a problem kind; kept as unmapped, opens no case"));
        ProblemKind k = kind.orElse(ProblemKind.UNMAPPED);
        ObservationDraft draft = new ObservationDraft(reportType, 1, time, ip, port,
                ShadowserverReader.transport(transport.strip()), k, Severity.parse(evidence.getOrDefault("severity", "")),
                k == ProblemKind.INFECTED || k == ProblemKind.COMPROMISED ? family.filter(s -> !s.isBlank())
                        : Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), evidence,
                new Fingerprinter().of(reportType, evidence));
        return new XarfReader(new Parsed.Row<>(1, draft), alarms);
    }

    private static XarfReader rejected(String reason) {
        return new XarfReader(new Parsed.Rejected<>(1, reason), List.of());
    }

    /** v0.2: ISO-8601 or an RFC 2822 mail date ({@code Thu, 05 Apr 2012 08:44:12 +0200}). */
    private static Instant time(String text) {
        Instant iso = ReportTime.parseUtc(text);
        if (iso != null) {
            return iso;
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    static Optional<ProblemKind> kindV02(String category, String type, String service, String port) {
        String t = (category + " " + type).toLowerCase(Locale.ROOT);
        if (t.contains("login") || t.contains("brute")) {
            return Optional.of(ProblemKind.BRUTE_FORCE_SOURCE);
        }
        if (t.contains("malware") || t.contains("bot") || t.contains("infect") || t.contains("ddos")) {
            return Optional.of(ProblemKind.INFECTED);
        }
        if (t.contains("compromis")) {
            return Optional.of(ProblemKind.COMPROMISED);
        }
        if (t.contains("open") || t.contains("exposed")) {
            return Optional.of(openService(service, port));
        }
        if (t.contains("vulnerab") || t.contains("cve") || t.contains("misconfig")) {
            return Optional.of(ProblemKind.VULNERABLE_SERVICE);
        }
        return Optional.empty();
    }

    /** v4 types as the specification lists them; port scans are not mapped (research scanners exist). */
    static Optional<ProblemKind> kindV4(String category, String type, String service, String port) {
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "infected_host", "ddos", "bot" -> Optional.of(ProblemKind.INFECTED);
            case "login_attack" -> Optional.of(ProblemKind.BRUTE_FORCE_SOURCE);
            case "cve", "misconfiguration" -> Optional.of(ProblemKind.VULNERABLE_SERVICE);
            case "open_service" -> Optional.of(openService(service, port));
            case "compromised", "compromised_host" -> Optional.of(ProblemKind.COMPROMISED);
            default -> Optional.empty();
        };
    }

    private static ProblemKind openService(String service, String port) {
        return service.strip().equalsIgnoreCase("telnet") || port.strip().equals("23") ? ProblemKind.EXPOSED_TELNET
                : ProblemKind.EXPOSED_SERVICE;
    }

    private static Map<String, String> lowerKeys(Map<String, String> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }

    @Override
    public List<ReaderAlarm> alarms() {
        return List.copyOf(alarms);
    }

    @Override
    protected Parsed<ObservationDraft> fetch() {
        Parsed<ObservationDraft> result = only;
        only = null;
        return result;
    }

    @Override
    public void close() {
        only = null;
    }
}
