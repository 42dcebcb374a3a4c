package jp.renkei.server.quarantine.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import jp.renkei.core.quarantine.ClientIpTrigger;
import jp.renkei.core.quarantine.ResponsePolicyZones;
import jp.renkei.core.quarantine.ZoneSerial;
import jp.renkei.server.attribution.SubscriberSessions;
import jp.renkei.server.quarantine.EnforcementSettings;
import jp.renkei.server.quarantine.GardenAllowList;
import jp.renkei.server.quarantine.Quarantine;
import jp.renkei.server.quarantine.Quarantines;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Regenerates an organisation's two response-policy zones from scratch (the allow list, and every
 * active quarantine's current addresses as CLIENT-IP triggers) into
 * {@code renkei.garden.rpz.directory} as {@code <org>-allow.zone} and {@code <org>-quarantine.zone},
 * then runs the reload command. Writing the whole state each time makes every run idempotent, so a
 * retried or repeated action can never leave a released client in the zone.
 */
@Component
class ZoneEnforcer {

    private final Quarantines quarantines;
    private final SubscriberSessions sessions;
    private final GardenAllowList allowList;
    private final Path directory;
    private final Duration reloadTimeout;

    ZoneEnforcer(Quarantines quarantines, SubscriberSessions sessions, GardenAllowList allowList,
            @Value("${renkei.garden.rpz.directory:${renkei.data-dir:.}/rpz}") Path directory,
            @Value("${renkei.garden.rpz.reload-timeout:PT30S}") Duration reloadTimeout) {
        this.quarantines = quarantines;
        this.sessions = sessions;
        this.allowList = allowList;
        this.directory = directory;
        this.reloadTimeout = reloadTimeout;
    }

    /** The zone files of an organisation. */
    Path allowFile(long organisationId) {
        return directory.resolve(organisationId + "-allow.zone");
    }

    Path quarantineFile(long organisationId) {
        return directory.resolve(organisationId + "-quarantine.zone");
    }

    String apply(long organisationId, EnforcementSettings settings, Instant now) throws EnforcementFailure {
        ResponsePolicyZones zones = settings.zones();
        TreeSet<ClientIpTrigger> clients = new TreeSet<>();
        List<String> skipped = new ArrayList<>();
        for (Quarantine q : quarantines.allActive(organisationId)) {
            for (SubscriberSessions.HeldSession s : sessions.current(organisationId, q.subscriberId(), now)) {
                try {
                    clients.add(ClientIpTrigger.of(s.addressOrPrefix()));
                } catch (IllegalArgumentException e) {
                    skipped.add(e.getMessage());
                }
            }
        }
        try {
            Files.createDirectories(directory);
            Path allow = allowFile(organisationId);
            Path quarantine = quarantineFile(organisationId);
            long serial = ZoneSerial.next(previousSerial(quarantine), now);
            write(allow, zones.allowZoneText(serial, allowList.destinations(organisationId)));
            write(quarantine, zones.quarantineZoneText(serial, clients));
        } catch (IOException e) {
            throw new EnforcementFailure("writing the zones in " + directory + ": " + e.getMessage(), false);
        }
        String reload = reload(settings.reloadCommand());
        return "zones written (" + clients.size() + " quarantined client(s)"
                + (skipped.isEmpty() ? "" : "; skipped: " + String.join("; ", skipped)) + "); " + reload;
    }

    private static OptionalLong previousSerial(Path zone) throws IOException {
        return Files.exists(zone) ? ZoneSerial.readFrom(Files.readString(zone)) : OptionalLong.empty();
    }

    /** Replaces the file in one step, so BIND never loads half a zone. */
    private static void write(Path file, String text) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private String reload(List<String> command) throws EnforcementFailure {
        String shown = String.join(" ", command);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(reloadTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new EnforcementFailure(shown + " did not finish within " + reloadTimeout, false);
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.exitValue() != 0) {
                throw new EnforcementFailure(shown + " exited " + p.exitValue() + (out.isEmpty() ? "" : ": " + out), false);
            }
            return shown + " exited 0" + (out.isEmpty() ? "" : ": " + out);
        } catch (IOException e) {
            throw new EnforcementFailure(shown + ": " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EnforcementFailure(shown + " interrupted", false);
        }
    }
}
