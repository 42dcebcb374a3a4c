package jp.renkei.server.vendor.psirt.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jp.renkei.server.vendor.psirt.Attachment;
import jp.renkei.server.vendor.psirt.Problem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What a report may carry: a few files of known kinds, each small. The kind is decided by the
 * file's name and confirmed by its first bytes; what the sender claims is never trusted.
 */
@Component
class AttachmentRules {

    /** An attachment that passed: a safe name and the type Renkei stores it as. */
    record Accepted(String fileName, String contentType, byte[] content) {}

    private record Kind(String contentType, List<byte[]> magic) {
        boolean matches(byte[] content) {
            if (magic.isEmpty()) {
                // Text: no NUL byte in the first 8 KiB.
                for (int i = 0; i < Math.min(content.length, 8192); i++) {
                    if (content[i] == 0) {
                        return false;
                    }
                }
                return true;
            }
            return magic.stream().anyMatch(m -> content.length >= m.length
                    && Arrays.equals(content, 0, m.length, m, 0, m.length));
        }
    }

    private static final HexFormat HEX = HexFormat.of();
    private static final Kind TEXT = new Kind("text/plain", List.of());
    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("txt", TEXT), Map.entry("log", TEXT), Map.entry("md", TEXT), Map.entry("csv", TEXT),
            Map.entry("json", TEXT), Map.entry("xml", TEXT),
            Map.entry("pdf", new Kind("application/pdf", List.of(HEX.parseHex("255044462d")))),
            Map.entry("png", new Kind("image/png", List.of(HEX.parseHex("89504e470d0a1a0a")))),
            Map.entry("jpg", new Kind("image/jpeg", List.of(HEX.parseHex("ffd8ff")))),
            Map.entry("jpeg", new Kind("image/jpeg", List.of(HEX.parseHex("ffd8ff")))),
            Map.entry("pcap", new Kind("application/vnd.tcpdump.pcap", List.of(HEX.parseHex("d4c3b2a1"),
                    HEX.parseHex("a1b2c3d4"), HEX.parseHex("4d3cb2a1"), HEX.parseHex("a1b23c4d")))),
            Map.entry("pcapng", new Kind("application/x-pcapng", List.of(HEX.parseHex("0a0d0d0a")))),
            Map.entry("zip", new Kind("application/zip", List.of(HEX.parseHex("504b0304")))));

    /** The extensions accepted, for messages and the form's {@code accept} attribute. */
    static final String ALLOWED = ".txt .log .md .csv .json .xml .pdf .png .jpg .jpeg .pcap .pcapng .zip";

    private final int maxFiles;
    private final long maxBytes;
    private final long maxTotalBytes;

    AttachmentRules(@Value("${renkei.psirt.attachments.max-files:5}") int maxFiles,
            @Value("${renkei.psirt.attachments.max-bytes:5242880}") long maxBytes,
            @Value("${renkei.psirt.attachments.max-total-bytes:10485760}") long maxTotalBytes) {
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
        this.maxTotalBytes = maxTotalBytes;
    }

    /** Checks every attachment; problems are added with the attachment's pointer, accepted ones returned. */
    List<Accepted> check(List<Attachment> attachments, List<Problem> problems) {
        List<Accepted> accepted = new ArrayList<>();
        if (attachments.size() > maxFiles) {
            problems.add(new Problem("/attachments", attachments.size() + " files; at most " + maxFiles + " are accepted"));
            return accepted;
        }
        long total = 0;
        for (int i = 0; i < attachments.size(); i++) {
            Attachment a = attachments.get(i);
            String pointer = "/attachments/" + i;
            String name = safeName(a.fileName());
            total += a.content().length;
            if (a.content().length == 0) {
                problems.add(new Problem(pointer, "'" + name + "' is empty"));
                continue;
            }
            if (a.content().length > maxBytes) {
                problems.add(new Problem(pointer, "'" + name + "' is " + a.content().length + " bytes; at most "
                        + maxBytes + " bytes per file"));
                continue;
            }
            int dot = name.lastIndexOf('.');
            Kind kind = dot < 0 ? null : KINDS.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
            if (kind == null) {
                problems.add(new Problem(pointer, "'" + name + "' is not of an accepted kind (" + ALLOWED + ")"));
            } else if (!kind.matches(a.content())) {
                problems.add(new Problem(pointer, "'" + name + "' does not look like its name says (" + kind.contentType() + ")"));
            } else {
                accepted.add(new Accepted(name, kind.contentType(), a.content()));
            }
        }
        if (total > maxTotalBytes) {
            problems.add(new Problem("/attachments", "the files add up to " + total + " bytes; at most " + maxTotalBytes));
        }
        return accepted;
    }

    long maxBytes() {
        return maxBytes;
    }

    long maxTotalBytes() {
        return maxTotalBytes;
    }

    int maxFiles() {
        return maxFiles;
    }

    /** The last path element, without control characters, at most 200 characters. */
    static String safeName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "attachment";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
