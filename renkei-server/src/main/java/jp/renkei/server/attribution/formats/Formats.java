package jp.renkei.server.attribution.formats;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.attribution.CgnatPbaReader;
import jp.renkei.core.attribution.DhcpdLeasesReader;
import jp.renkei.core.attribution.FreeRadiusDetailReader;
import jp.renkei.core.attribution.KeaForensicLogReader;
import jp.renkei.core.attribution.KeaLeaseCsvReader;
import jp.renkei.core.attribution.LeaseHistory;
import jp.renkei.core.attribution.SessionAssembler;
import jp.renkei.core.attribution.SubscriberKey;
import jp.renkei.core.imports.LookaheadReader;
import jp.renkei.core.imports.Parsed;
import jp.renkei.core.imports.Rejection;

/** The assignment formats Renkei reads, each a thin wrapper over its core reader. */
public final class Formats {

    /** Every format, in the order the API lists them. */
    public static final List<AssignmentFormat> ALL = List.of(
            new FreeRadiusDetail(),
            new KeaForensic(),
            new KeaLease("kea-lease4", false),
            new KeaLease("kea-lease6", true),
            new DhcpdLeases(),
            new CgnatPba());

    private Formats() {
    }

    /** FreeRADIUS {@code detail} files: accounting records folded into sessions; NAS restarts kept. */
    static final class FreeRadiusDetail implements AssignmentFormat {
        public String name() {
            return "freeradius-detail";
        }

        public SubscriberKey defaultKey() {
            return SubscriberKey.USER_NAME;
        }

        public Read read(InputStream in, String fileName, SubscriberKey key) {
            SessionAssembler sessions = new SessionAssembler();
            try (FreeRadiusDetailReader reader = new FreeRadiusDetailReader(in, fileName, key)) {
                sessions.addAll(reader);
            }
            return new Read(sessions.fragments(), sessions.nasRestarts(), List.of(), sessions.rejections());
        }
    }

    /** Kea forensic ({@code legal_log}) lines folded into lease periods; option 82 names the line. */
    static final class KeaForensic implements AssignmentFormat {
        public String name() {
            return "kea-forensic";
        }

        public SubscriberKey defaultKey() {
            return SubscriberKey.CIRCUIT_ID;
        }

        public Read read(InputStream in, String fileName, SubscriberKey key) {
            LeaseHistory history = new LeaseHistory();
            try (KeaForensicLogReader reader = new KeaForensicLogReader(in, fileName, key)) {
                history.addAll(reader);
            }
            return Read.assignments(history.assignments(name() + ":" + fileName), history.rejections());
        }
    }

    /** Kea memfile lease CSV (v4 or v6): a snapshot of current leases. */
    static final class KeaLease implements AssignmentFormat {
        private final String name;
        private final boolean v6;

        KeaLease(String name, boolean v6) {
            this.name = name;
            this.v6 = v6;
        }

        public String name() {
            return name;
        }

        public SubscriberKey defaultKey() {
            return SubscriberKey.HARDWARE_ADDRESS;
        }

        public Read read(InputStream in, String fileName, SubscriberKey key) {
            return all(new KeaLeaseCsvReader(in, fileName, v6, key), Function.identity());
        }
    }

    /** ISC {@code dhcpd.leases}: append-only, the last entry of a lease wins. */
    static final class DhcpdLeases implements AssignmentFormat {
        public String name() {
            return "dhcpd-leases";
        }

        public SubscriberKey defaultKey() {
            return SubscriberKey.HARDWARE_ADDRESS;
        }

        public Read read(InputStream in, String fileName, SubscriberKey key) {
            return all(new DhcpdLeasesReader(in, fileName, key), DhcpdLeasesReader::lastEntryWins);
        }
    }

    /** CGNAT port-block allocation CSV. */
    static final class CgnatPba implements AssignmentFormat {
        public String name() {
            return CgnatPbaReader.FORMAT;
        }

        public SubscriberKey defaultKey() {
            return SubscriberKey.USER_NAME;
        }

        public Read read(InputStream in, String fileName, SubscriberKey key) {
            return all(new CgnatPbaReader(in, fileName), Function.identity());
        }
    }

    private static AssignmentFormat.Read all(LookaheadReader<Assignment> reader,
            Function<List<Assignment>, List<Assignment>> finish) {
        List<Assignment> rows = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        try (reader) {
            while (reader.hasNext()) {
                Parsed<Assignment> p = reader.next();
                if (p instanceof Parsed.Row<Assignment> row) {
                    rows.add(row.value());
                } else if (p instanceof Parsed.Rejected<Assignment> rejected) {
                    rejections.add(rejected.toRejection());
                }
            }
        }
        return AssignmentFormat.Read.assignments(finish.apply(rows), rejections);
    }
}
