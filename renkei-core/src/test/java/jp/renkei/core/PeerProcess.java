package jp.renkei.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real peer program (BIND's named, FreeRADIUS) run by a test as a child process: found on the
 * PATH or in /usr/sbin, its output kept for assertions, stopped and its directory removed at the end.
 * A missing program fails the test with the Debian package to install, since CI installs them.
 */
public final class PeerProcess implements AutoCloseable {

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Path directory;

    private PeerProcess(Process process, Path directory) {
        this.process = process;
        this.directory = directory;
        Thread pump = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    output.append(line).append('\n');
                }
            } catch (IOException e) {
                output.append("(output lost: ").append(e.getMessage()).append(")\n");
            }
        }, "peer-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** The absolute path of a program, failing with the package that provides it. */
    public static String program(String name, String debianPackage) {
        Stream<Path> candidates = Stream.concat(
                Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).filter(s -> !s.isEmpty()).map(Path::of),
                Stream.of(Path.of("/usr/sbin"), Path.of("/usr/bin")));
        return candidates.map(dir -> dir.resolve(name)).filter(Files::isExecutable).findFirst()
                .map(Path::toString)
                .orElseThrow(() -> new IllegalStateException(name + " not found: apt-get install " + debianPackage
                        + " (.ci/run does)"));
    }

    /**
     * Starts the command in {@code directory} and waits until its output contains {@code readyLine}.
     *
     * @throws IllegalStateException with the output when it exits or is not ready in time
     */
    public static PeerProcess start(List<String> command, Path directory, String readyLine, Duration timeout)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        PeerProcess peer = new PeerProcess(p, directory);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!peer.output().contains(readyLine)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                peer.close();
                throw new IllegalStateException(command.get(0) + " did not become ready (" + readyLine + "):\n"
                        + peer.output());
            }
            Thread.sleep(50);
        }
        return peer;
    }

    /** Everything the program printed so far. */
    public String output() {
        return output.toString();
    }

    /** Waits up to the timeout until the output contains the text. */
    public boolean awaitOutput(String text, Duration timeout) throws InterruptedException {
        return awaitOutput(text, 1, timeout);
    }

    /** Waits up to the timeout until the output contains the text at least {@code times} times. */
    public boolean awaitOutput(String text, int times, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(text) < times) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    /** How often the output contains the text. */
    public int count(String text) {
        String all = output();
        int n = 0;
        for (int at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + text.length())) {
            n++;
        }
        return n;
    }

    /** A port free for both UDP and TCP on loopback at the moment of asking. */
    public static int freePort() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, loopback)) {
                int port = tcp.getLocalPort();
                try (DatagramSocket udp = new DatagramSocket(port, loopback)) {
                    return port;
                } catch (IOException busy) {
                    // taken for UDP; try another
                }
            }
        }
        throw new IOException("no port free for both UDP and TCP");
    }

    /** Runs a short command to completion and returns its output, failing on a non-zero exit. */
    public static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " timed out");
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ":\n" + text);
        }
        return text;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
