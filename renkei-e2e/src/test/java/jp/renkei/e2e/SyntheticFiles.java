package jp.renkei.e2e;

import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

import jp.renkei.core.demo.GroundTruth;
import jp.renkei.core.demo.SyntheticIsp;

/** A small synthetic ISP's files in their real formats, with the ground truth to check Renkei against. */
record SyntheticFiles(SyntheticIsp isp, String subscribersCsv, String radiusDetail, String scanTelnet,
        String sinkhole) {

    static SyntheticFiles generate(long seed, int subscribers) {
        // Reports end "now", so the cases are fresh and not closed as quiet.
        SyntheticIsp isp = SyntheticIsp.generate(seed, subscribers, 30, Instant.now().truncatedTo(ChronoUnit.HOURS));
        return new SyntheticFiles(isp, text(isp::writeSubscribersCsv), text(isp::writeRadiusDetail),
                text(w -> isp.writeShadowserver("scan_telnet", w)), text(w -> isp.writeShadowserver("event4_sinkhole", w)));
    }

    List<GroundTruth> attributable() {
        return isp.groundTruth().stream().filter(t -> !t.isUnattributable()).toList();
    }

    /** Distinct (subscriber, problem) pairs: the cases Renkei must open, one notice each. */
    long expectedCases() {
        return attributable().stream().map(t -> t.subscriberId() + "/" + t.reportType()).distinct().count();
    }

    /** The language column of the subscriber with this e-mail address. */
    String languageOf(String email) {
        return subscribersCsv.lines().skip(1).map(line -> line.split(","))
                .filter(columns -> columns[2].equals(email))
                .map(columns -> columns[4]).findFirst()
                .orElseThrow(() -> new AssertionError("no subscriber with e-mail " + email));
    }

    private static String text(Consumer<Writer> write) {
        StringWriter out = new StringWriter();
        write.accept(out);
        return out.toString();
    }
}
