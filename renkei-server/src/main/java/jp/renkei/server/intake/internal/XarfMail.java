package jp.renkei.server.intake.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.RecordReader;
import jp.renkei.core.intake.ObservationDraft;
import jp.renkei.core.intake.XarfReader;

/**
 * Opens an X-ARF upload: v4 JSON (first character '{') goes to the core reader as it is; anything
 * else is an RFC 822 message that must carry {@code X-XARF: PLAIN}, whose {@code report.txt} YAML
 * part is handed to the core and whose headers and evidence part are kept as evidence. The core
 * stays free of a mail library; the MIME split is done here with Jakarta Mail.
 */
public final class XarfMail {

    /** Largest mail read; X-ARF mails are a few kilobytes plus evidence. */
    static final int MAX_MAIL_BYTES = 16 * 1024 * 1024;
    /** Evidence parts are kept up to this many characters. */
    static final int MAX_EVIDENCE_CHARS = 64 * 1024;

    private XarfMail() {
    }

    /**
     * The reader for one X-ARF report.
     *
     * @throws ImportFormatException for a mail without {@code X-XARF} or without a report part
     */
    public static RecordReader<ObservationDraft> open(InputStream content, String fileName) {
        BufferedInputStream in = new BufferedInputStream(content);
        try {
            if (firstSignificantByte(in) == '{') {
                return XarfReader.v4(in, fileName);
            }
            byte[] bytes = in.readNBytes(MAX_MAIL_BYTES + 1);
            if (bytes.length > MAX_MAIL_BYTES) {
                throw new ImportFormatException(fileName + " is larger than an X-ARF mail can be (" + MAX_MAIL_BYTES
                        + " bytes)");
            }
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()),
                    new java.io.ByteArrayInputStream(bytes));
            String[] marker = mail.getHeader("X-XARF");
            if (marker == null || marker.length == 0) {
                throw new ImportFormatException(fileName + " is neither X-ARF v4 JSON nor an X-ARF mail (no X-XARF "
                        + "header)");
            }
            Map<String, String> extra = new LinkedHashMap<>();
            header(mail, "Subject", "mail.subject", extra);
            header(mail, "From", "mail.from", extra);
            header(mail, "Date", "mail.date", extra);
            header(mail, "Message-ID", "mail.message-id", extra);
            String report = null;
            if (mail.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    if (report == null && isReport(part)) {
                        report = text(part);
                    } else if (i > 0 && report != null && !extra.containsKey("evidence")) {
                        String evidence = text(part);
                        extra.put("evidence", evidence.length() > MAX_EVIDENCE_CHARS
                                ? evidence.substring(0, MAX_EVIDENCE_CHARS) : evidence);
                    }
                }
            }
            if (report == null) {
                throw new ImportFormatException(fileName + " is an X-ARF mail without a report.txt part");
            }
            return XarfReader.v02(report, fileName, extra);
        } catch (MessagingException | IOException e) {
            throw new ImportFormatException("cannot read X-ARF report " + fileName + ": " + e.getMessage(), e);
        }
    }

    private static int firstSignificantByte(BufferedInputStream in) throws IOException {
        in.mark(64);
        try {
            for (int i = 0; i < 64; i++) {
                int b = in.read();
                // skip whitespace and a UTF-8 byte-order mark
                if (b < 0 || !(Character.isWhitespace(b) || b == 0xEF || b == 0xBB || b == 0xBF)) {
                    return b;
                }
            }
            return -1;
        } finally {
            in.reset();
        }
    }

    private static boolean isReport(BodyPart part) throws MessagingException {
        String name = part.getFileName();
        String type = part.getContentType() == null ? "" : part.getContentType().toLowerCase(Locale.ROOT);
        return "report.txt".equalsIgnoreCase(name) || type.contains("name=report.txt")
                || type.contains("name=\"report.txt\"");
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_EVIDENCE_CHARS * 4), StandardCharsets.UTF_8);
        }
    }

    private static void header(MimeMessage mail, String name, String key, Map<String, String> extra)
            throws MessagingException {
        String[] values = mail.getHeader(name);
        if (values != null && values.length > 0) {
            extra.put(key, values[0]);
        }
    }
}
