package jp.renkei.server.attribution.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jp.renkei.core.attribution.Assignment;
import jp.renkei.core.net.IpAddresses;
import jp.renkei.server.attribution.AttributionAnswer;
import jp.renkei.server.attribution.Attributions;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST v1: who held an IP at an instant (audited like every attribution). */
@RestController
class AttributionApi {

    /** The answer when a subscriber is named; {@code to} is null while the session is open. */
    record Attributed(String subscriberId, Instant from, Instant to, String source, long assignmentId) {}

    private final Attributions attributions;

    AttributionApi(Attributions attributions) {
        this.attributions = attributions;
    }

    @GetMapping("/api/v1/attribution")
    ResponseEntity<?> attribute(RenkeiPrincipal caller, @RequestParam(defaultValue = "") String ip,
            @RequestParam(defaultValue = "") String at, @RequestParam(defaultValue = "api lookup") String purpose) {
        if (!IpAddresses.isAddress(ip)) {
            return badParameter("ip", "'" + ip + "' is not a single IPv4 or IPv6 address");
        }
        Instant instant;
        try {
            instant = parseInstant(at);
        } catch (DateTimeParseException e) {
            return badParameter("at", "'" + at + "' is not an ISO-8601 instant such as 2024-09-24T12:00:00Z");
        }
        AttributionAnswer answer = attributions.attribute(caller.organisationId(), ip, instant, caller.actor(),
                purpose);
        if (answer.assignment().isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("reason", "no-assignment"));
        }
        Assignment a = answer.assignment().get();
        return ResponseEntity.ok(new Attributed(a.subscriberId(), a.from(), a.to().orElse(null), a.source(),
                answer.assignmentId().orElseThrow()));
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    private static ResponseEntity<Map<String, String>> badParameter(String name, String detail) {
        return ResponseEntity.badRequest().body(Map.of("reason", "bad-parameter", "parameter", name,
                "detail", "parameter " + name + ": " + detail));
    }
}
