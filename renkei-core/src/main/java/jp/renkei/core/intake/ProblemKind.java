package jp.renkei.core.intake;

import java.util.Locale;
import java.util.Optional;

/**
 * What an observation says is wrong with a device. Codes are stored, so they never change; each
 * kind also names its IntelMQ classification so that import and export agree.
 */
public enum ProblemKind {
    /** Telnet (remote login) reachable from the Internet. */
    EXPOSED_TELNET("exposed-telnet", "vulnerable", "potentially-unwanted-accessible", "open-telnet"),
    /** Another service that should not face the Internet is reachable (management page, UPnP, …). */
    EXPOSED_SERVICE("exposed-service", "vulnerable", "potentially-unwanted-accessible", "open-service"),
    /** A reachable service that is vulnerable: weak or default credentials, a known CVE. */
    VULNERABLE_SERVICE("vulnerable-service", "vulnerable", "vulnerable-system", "vulnerable-service"),
    /** The device tried to log into other machines (honeypots) by guessing passwords. */
    BRUTE_FORCE_SOURCE("brute-force-source", "intrusion-attempts", "brute-force", "brute-force"),
    /** The device was seen talking to a malware control server or sinkhole, or scanning like a bot. */
    INFECTED("infected", "malicious-code", "infected-system", "infected"),
    /** Someone else controls the device (implanted keys, altered configuration). */
    COMPROMISED("compromised", "intrusions", "system-compromise", "compromised"),
    /**
     * Kept but not understood: an unknown report type or classification. Stored and flagged with an
     * alarm, never attributed, never opens a case and never notifies a subscriber, since Renkei
     * cannot say what is wrong or what the owner should do.
     */
    UNMAPPED("unmapped", "other", "undetermined", "unmapped");

    private final String code;
    private final String intelMqTaxonomy;
    private final String intelMqType;
    private final String intelMqIdentifier;

    ProblemKind(String code, String intelMqTaxonomy, String intelMqType, String intelMqIdentifier) {
        this.code = code;
        this.intelMqTaxonomy = intelMqTaxonomy;
        this.intelMqType = intelMqType;
        this.intelMqIdentifier = intelMqIdentifier;
    }

    /** Stable code for storage and APIs. */
    public String code() {
        return code;
    }

    /** Whether observations of this kind may open a case and so lead to a notice. */
    public boolean opensCase() {
        return this != UNMAPPED;
    }

    /**
     * The grade of a case when no report of it gave one (older Shadowserver scan files, NOTICE
     * lists, most mapped CSVs). A device someone else runs, or that attacks others, is high: it
     * harms third parties now. A reachable weak or exposed service is medium: it can be taken
     * over but has not been seen taken. Unmapped never opens a case, so it is only informational.
     */
    public Severity defaultSeverity() {
        return switch (this) {
            case INFECTED, COMPROMISED, BRUTE_FORCE_SOURCE -> Severity.HIGH;
            case VULNERABLE_SERVICE, EXPOSED_TELNET, EXPOSED_SERVICE -> Severity.MEDIUM;
            case UNMAPPED -> Severity.INFO;
        };
    }

    /** IntelMQ {@code classification.taxonomy} for export. */
    public String intelMqTaxonomy() {
        return intelMqTaxonomy;
    }

    /** IntelMQ {@code classification.type} for export. */
    public String intelMqType() {
        return intelMqType;
    }

    /** IntelMQ {@code classification.identifier} for export when the source gave none. */
    public String intelMqIdentifier() {
        return intelMqIdentifier;
    }

    /** The kind with this code. */
    public static ProblemKind fromCode(String code) {
        for (ProblemKind k : values()) {
            if (k.code.equals(code)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown problem kind '" + code + "'");
    }

    /**
     * The kind of an IntelMQ event from its classification; empty when it names none Renkei acts
     * on. {@code scanner} counts as infected only with a malware name (research scanners exist);
     * an open telnet is told apart from other open services by application or port 23.
     */
    public static Optional<ProblemKind> fromIntelMq(String taxonomy, String type, String application, String port,
            String malwareName) {
        String t = type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "infected-system", "malware", "malware-distribution", "c2-server", "c2server", "infected system" ->
                    Optional.of(INFECTED);
            case "scanner" -> malwareName == null || malwareName.isBlank() ? Optional.empty() : Optional.of(INFECTED);
            case "brute-force" -> Optional.of(BRUTE_FORCE_SOURCE);
            case "system-compromise", "compromised", "application-compromise" -> Optional.of(COMPROMISED);
            case "vulnerable-system", "vulnerable-service", "vulnerable service", "weak-crypto",
                    "information-disclosure" -> Optional.of(VULNERABLE_SERVICE);
            case "potentially-unwanted-accessible", "exposed-service" ->
                    Optional.of("telnet".equalsIgnoreCase(application == null ? "" : application.strip())
                            || "23".equals(port == null ? "" : port.strip()) ? EXPOSED_TELNET : EXPOSED_SERVICE);
            default -> "malicious-code".equalsIgnoreCase(taxonomy == null ? "" : taxonomy.strip())
                    ? Optional.of(INFECTED) : Optional.empty();
        };
    }

    /**
     * A kind written by a person in a NOTICE/NICTER-style list or a mapped CSV: a Renkei code, an
     * IntelMQ type, or the usual Japanese and English words. Empty when nothing fits.
     */
    public static Optional<ProblemKind> fromLabel(String label) {
        String l = label == null ? "" : label.strip().toLowerCase(Locale.ROOT);
        if (l.isEmpty()) {
            return Optional.empty();
        }
        for (ProblemKind k : values()) {
            if (k.code.equals(l) && k != UNMAPPED) {
                return Optional.of(k);
            }
        }
        Optional<ProblemKind> intelMq = fromIntelMq("", l, "", "", "");
        if (intelMq.isPresent()) {
            return intelMq;
        }
        if (l.contains("感染") || l.contains("マルウェア") || l.contains("infect") || l.contains("malware")
                || l.contains("bot")) {
            return Optional.of(INFECTED);
        }
        if (l.contains("侵害") || l.contains("乗っ取") || l.contains("compromis")) {
            return Optional.of(COMPROMISED);
        }
        if (l.contains("ブルートフォース") || l.contains("総当") || l.contains("brute")) {
            return Optional.of(BRUTE_FORCE_SOURCE);
        }
        if (l.contains("パスワード") || l.contains("脆弱") || l.contains("weak") || l.contains("credential")
                || l.contains("vulnerab")) {
            return Optional.of(VULNERABLE_SERVICE);
        }
        if (l.contains("telnet")) {
            return Optional.of(EXPOSED_TELNET);
        }
        if (l.contains("公開") || l.contains("open") || l.contains("exposed")) {
            return Optional.of(EXPOSED_SERVICE);
        }
        return Optional.empty();
    }
}
