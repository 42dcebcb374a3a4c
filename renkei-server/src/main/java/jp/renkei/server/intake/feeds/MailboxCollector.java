package jp.renkei.server.intake.feeds;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import jp.renkei.server.platform.OutboundDestinations;
import org.springframework.stereotype.Component;

/**
 * Polls an IMAP folder for unseen messages. An X-ARF mail (header {@code X-XARF: PLAIN}) is taken
 * whole as {@code <message-id>.eml} in format {@code xarf}; any other mail gives its report
 * attachments ({@code .csv}, {@code .json}, {@code .jsonl}, {@code .txt}, each {@code .zip} entry,
 * gunzipped {@code .gz}) in the feed's format. A message is marked \Seen only after everything
 * in it is spooled and registered, so a crash makes it be read again, never lost. The IMAP host
 * is checked before every connection, like a URL feed's (see {@link OutboundDestinations}).
 */
@Component
class MailboxCollector implements Collector {

    private static final List<String> REPORT_SUFFIXES = List.of(".csv", ".json", ".jsonl", ".txt");

    private final Spool spool;
    private final Deliveries deliveries;
    private final FeedCatalogue feeds;
    private final OutboundDestinations destinations;

    MailboxCollector(Spool spool, Deliveries deliveries, FeedCatalogue feeds, OutboundDestinations destinations) {
        this.spool = spool;
        this.deliveries = deliveries;
        this.feeds = feeds;
        this.destinations = destinations;
    }

    @Override
    public FeedSource source() {
        return FeedSource.IMAP;
    }

    @Override
    public String collect(Feed feed) throws MessagingException, IOException {
        String host = feed.setting("host", "").strip();
        try {
            destinations.checkHost(host, "feeds");
        } catch (OutboundDestinations.RefusedDestinationException refused) {
            throw new OutboundDestinations.RefusedDestinationException(
                    "feed '" + feed.name() + "': IMAP server " + refused.getMessage());
        }
        String security = feed.setting("security", "ssl");
        String protocol = security.equals("ssl") ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail." + protocol + ".connectiontimeout", "15000");
        props.put("mail." + protocol + ".timeout", "60000");
        if (security.equals("starttls")) {
            props.put("mail.imap.starttls.enable", "true");
            props.put("mail.imap.starttls.required", "true");
        }
        Session session = Session.getInstance(props);
        int messages = 0;
        int files = 0;
        int skipped = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(host,
                    Integer.parseInt(feed.setting("port", security.equals("ssl") ? "993" : "143")),
                    feed.setting("user", ""), feeds.secret(feed).orElse(""));
            Folder folder = store.getFolder(feed.setting("folder", "INBOX"));
            folder.open(Folder.READ_WRITE);
            try {
                for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    int taken = take(feed, (MimeMessage) message);
                    message.setFlag(Flags.Flag.SEEN, true);
                    messages++;
                    files += taken;
                    if (taken == 0) {
                        skipped++;
                    }
                }
            } finally {
                folder.close(false);
            }
        }
        return messages == 0 ? "" : messages + " message(s), " + files + " file(s)"
                + (skipped == 0 ? "" : ", " + skipped + " without a report attachment");
    }

    private int take(Feed feed, MimeMessage message) throws MessagingException, IOException {
        String messageId = Optional.ofNullable(message.getMessageID()).orElse("message-" + message.getMessageNumber());
        String[] xarf = message.getHeader("X-XARF");
        if (xarf != null && xarf.length > 0 && xarf[0].trim().equalsIgnoreCase("PLAIN")) {
            String name = Spool.safeName(messageId.replaceAll("^<|>$", "")) + ".eml";
            // Abuse mails are small; the whole message is the report.
            var whole = new java.io.ByteArrayOutputStream();
            message.writeTo(whole);
            register(feed, "xarf", Optional.empty(), Optional.empty(), messageId, name,
                    new java.io.ByteArrayInputStream(whole.toByteArray()));
            return 1;
        }
        List<Part> attachments = new ArrayList<>();
        collectAttachments(message, attachments);
        int taken = 0;
        for (Part part : attachments) {
            String name = Spool.safeName(part.getFileName());
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".zip")) {
                try (ZipInputStream zip = new ZipInputStream(part.getInputStream())) {
                    for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                        if (!entry.isDirectory() && isReport(entry.getName())) {
                            register(feed, messageId, Spool.safeName(entry.getName()), nonClosing(zip));
                            taken++;
                        }
                    }
                }
            } else if (lower.endsWith(".gz") && isReport(name.substring(0, name.length() - 3))) {
                try (InputStream in = new GZIPInputStream(part.getInputStream())) {
                    register(feed, messageId, name.substring(0, name.length() - 3), in);
                    taken++;
                }
            } else if (isReport(name)) {
                try (InputStream in = part.getInputStream()) {
                    register(feed, messageId, name, in);
                    taken++;
                }
            }
        }
        return taken;
    }

    private void register(Feed feed, String messageId, String name, InputStream content) {
        register(feed, feed.format(), feed.reportType(), feed.mapping(), messageId, name, content);
    }

    private void register(Feed feed, String format, Optional<String> reportType, Optional<String> mapping,
            String messageId, String name, InputStream content) {
        Spool.Spooled file = spool.write(spool.spooled(feed.organisationId(), feed.name()), name, content);
        deliveries.register(new Deliveries.Receipt(feed.organisationId(), feed.name(), format, reportType, mapping,
                "collector:" + feed.name(), "imap " + feed.setting("user", "") + "@" + feed.setting("host", "")
                        + " " + messageId, name, file));
    }

    private static void collectAttachments(Part part, List<Part> into) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collectAttachments(multipart.getBodyPart(i), into);
            }
        } else if (part.getFileName() != null) {
            into.add(part);
        }
    }

    private static boolean isReport(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return REPORT_SUFFIXES.stream().anyMatch(lower::endsWith);
    }

    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the zip stream stays open for its next entry
            }
        };
    }
}
