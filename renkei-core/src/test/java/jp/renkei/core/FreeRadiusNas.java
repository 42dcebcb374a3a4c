package jp.renkei.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's FreeRADIUS started from a minimal configuration as the NAS side of RFC 5176
 * ({@code listen { type = coa }} on loopback): it takes CoA and Disconnect-Requests from
 * 127.0.0.1 with the given secret, writes every request it accepts to a detail file the test
 * reads back, and answers as its {@link Answers} say. Shared by core's client test and the
 * server's enforcement test so both talk to the same NAS.
 */
public final class FreeRadiusNas implements AutoCloseable {

    /** How the NAS answers a request it accepted (one with the right secret). */
    public enum Answers {
        /** Acknowledges every request. */
        ACKNOWLEDGE_ALL,
        /**
         * Refuses, with the Error-Cause a NAS would send, a request for the session
         * {@value #UNKNOWN_SESSION} (Session-Context-Not-Found) and a Filter-Id other than
         * {@value #KNOWN_FILTER} (Invalid-Attribute-Value); acknowledges the rest.
         */
        REFUSE_LIKE_A_NAS
    }

    /** The Acct-Session-Id {@link Answers#REFUSE_LIKE_A_NAS} does not know. */
    public static final String UNKNOWN_SESSION = "no-such-session";
    /** The only Filter-Id {@link Answers#REFUSE_LIKE_A_NAS} accepts. */
    public static final String KNOWN_FILTER = "renkei-quarantine";

    private static final String RECV_ACKNOWLEDGE_ALL = """
            \t\treceived
            \t\tok
            """;

    private static final String RECV_REFUSE_LIKE_A_NAS = """
            \t\treceived
            \t\tif (&Acct-Session-Id == "%1$s") {
            \t\t\tupdate reply {
            \t\t\t\t&Error-Cause := Session-Context-Not-Found
            \t\t\t}
            \t\t\treject
            \t\t}
            \t\tif (&Filter-Id && &Filter-Id != "%2$s") {
            \t\t\tupdate reply {
            \t\t\t\t&Error-Cause := Invalid-Attribute-Value
            \t\t\t}
            \t\t\treject
            \t\t}
            \t\tok
            """.formatted(UNKNOWN_SESSION, KNOWN_FILTER);

    // "reject" and "ok" in unlang are instances of the always module, hence both declared.
    private static final String RADIUSD_CONF = """
            prefix = /usr
            raddbdir = %1$s
            confdir = ${raddbdir}
            run_dir = ${raddbdir}
            logdir = ${raddbdir}
            libdir = /usr/lib/freeradius
            pidfile = ${run_dir}/radiusd.pid
            max_request_time = 5
            cleanup_delay = 1
            max_requests = 256
            hostname_lookups = no
            log {
            \tdestination = stdout
            }
            security {
            \tallow_core_dumps = no
            \tmax_attributes = 200
            \treject_delay = 0
            \tstatus_server = no
            }
            proxy_requests = no
            client renkei {
            \tipaddr = 127.0.0.1
            \tsecret = %2$s
            }
            thread pool {
            \tstart_servers = 1
            \tmax_servers = 2
            \tmin_spare_servers = 1
            \tmax_spare_servers = 2
            }
            modules {
            \talways reject {
            \t\trcode = reject
            \t}
            \talways ok {
            \t\trcode = ok
            \t}
            \tdetail received {
            \t\tfilename = ${raddbdir}/received.detail
            \t\tescape_filenames = no
            \t\tpermissions = 0600
            \t\theader = "%%t"
            \t}
            }
            listen {
            \ttype = coa
            \tipaddr = 127.0.0.1
            \tport = %3$d
            \tvirtual_server = nas
            }
            server nas {
            \trecv-coa {
            %4$s\t}
            \tsend-coa {
            \t\tok
            \t}
            }
            """;

    private final PeerProcess process;
    private final Path directory;
    private final int port;

    private FreeRadiusNas(PeerProcess process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** Starts FreeRADIUS on a free loopback port and waits until it processes requests. */
    public static FreeRadiusNas start(String secret, Answers answers) throws IOException, InterruptedException {
        String program = PeerProcess.program("freeradius", "freeradius");
        Path dir = Files.createTempDirectory("renkei-nas-");
        int port = PeerProcess.freePort();
        String recv = answers == Answers.REFUSE_LIKE_A_NAS ? RECV_REFUSE_LIKE_A_NAS : RECV_ACKNOWLEDGE_ALL;
        Files.writeString(dir.resolve("radiusd.conf"), RADIUSD_CONF.formatted(dir, secret, port, recv));
        PeerProcess process = PeerProcess.start(List.of(program, "-X", "-d", dir.toString()), dir,
                "Ready to process requests", Duration.ofSeconds(30));
        return new FreeRadiusNas(process, dir, port);
    }

    /** The UDP port the NAS listens on for CoA and Disconnect-Requests. */
    public int port() {
        return port;
    }

    /** The detail-file entry FreeRADIUS wrote for the request with this Acct-Session-Id, waiting up to 5 s. */
    public String received(String sessionId) throws IOException, InterruptedException {
        return received("", sessionId);
    }

    /** The detail-file entry for a request of this Packet-Type (e.g. CoA-Request) and session, waiting up to 5 s. */
    public String received(String packetType, String sessionId) throws IOException, InterruptedException {
        String session = "Acct-Session-Id = \"" + sessionId + "\"";
        String type = packetType.isEmpty() ? "" : "Packet-Type = " + packetType;
        for (int i = 0; i < 250; i++) {
            for (String entry : detail().split("\n\n")) {
                if (entry.contains(session) && entry.contains(type)) {
                    return entry;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("FreeRADIUS recorded no " + (packetType.isEmpty() ? "request" : packetType)
                + " for " + sessionId + ":\n" + process.output());
    }

    /** Every request recorded so far, as FreeRADIUS wrote them to the detail file; empty before the first. */
    public String detail() throws IOException {
        Path detail = directory.resolve("received.detail");
        return Files.exists(detail) ? Files.readString(detail) : "";
    }

    /** Everything FreeRADIUS printed so far (it runs with -X, so each request's handling). */
    public String output() {
        return process.output();
    }

    /** Waits up to the timeout until FreeRADIUS's output contains the text. */
    public boolean awaitOutput(String text, Duration timeout) throws InterruptedException {
        return process.awaitOutput(text, timeout);
    }

    /** Stops FreeRADIUS and removes its directory. */
    @Override
    public void close() {
        process.close();
    }
}
