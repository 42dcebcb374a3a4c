package jp.renkei.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged server jar running as a real operating-system process, configured only through
 * the documented RENKEI_* environment variables, as an operator would run it.
 */
final class RenkeiProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private RenkeiProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts {@code java -jar renkei-server.jar args…} with the given environment and waits until it serves pages. */
    static RenkeiProcess start(String name, Map<String, String> env, String... args) {
        return start(name, Path.of("."), env, args);
    }

    /** As {@link #start(String, Map, String...)}, with {@code workDir} as the process's current directory. */
    static RenkeiProcess start(String name, Path workDir, Map<String, String> env, String... args) {
        Path jar = Path.of(System.getProperty("renkei.server.jar", "../renkei-server/target/renkei-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("server jar not found at " + jar.toAbsolutePath()
                    + " — run the tests with `mvn verify` from the project root, which packages it first");
        }
        int port = Integer.parseInt(env.getOrDefault("RENKEI_PORT", "0"));
        if (port == 0) {
            throw new IllegalArgumentException("give RENKEI_PORT (use freePort())");
        }
        try {
            Path logDir = Files.createDirectories(Path.of("target", "e2e-logs"));
            Path log = logDir.resolve(name + "-" + System.nanoTime() + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-jar", jar.toAbsolutePath().toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            // Only what the test gives: no RENKEI_* leaking in from the developer's shell.
            builder.environment().keySet().removeIf(k -> k.startsWith("RENKEI_") || k.startsWith("SPRING_"));
            builder.environment().putAll(env);
            // The RADIUS accounting port (1813 by default) on a free port too, so nothing else on
            // the machine decides whether the test can start.
            builder.environment().putIfAbsent("RENKEI_RADIUS_ACCT_PORT", String.valueOf(freePort()));
            RenkeiProcess running = new RenkeiProcess(builder.start(), port, log);
            running.awaitReady(Duration.ofSeconds(120));
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Ends the process the hard way: no shutdown hooks, no graceful stop — as a crash or `kill -9` would. */
    void kill() {
        process.destroyForcibly();
        waitFor();
    }

    @Override
    public void close() {
        process.destroy();
        waitFor();
    }

    /** Everything the process has printed so far. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void waitFor() {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Renkei exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(300));
        }
        process.destroyForcibly();
        throw new IllegalStateException("Renkei did not start within " + timeout + ":\n" + logTail());
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
