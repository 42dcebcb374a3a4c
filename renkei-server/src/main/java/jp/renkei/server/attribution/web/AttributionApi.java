package jp.renkei.server.attribution.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import com.fasterxml.jackson.annotation.JsonInclude;

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

    /**
     * The answer when a subscriber is named (or, for a shared address, candidates are);
     * {@code to} is null while the session is open; {@code candidates} only when there are several.
     */
    record Attributed(String subscriberId, Instant from, Instant to, String source, Long assignmentId,
                      String confidence, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Holder> candidates) {}

    /** One possible holder. */
    record Holder(String subscriberId, String ip, Integer portFirst, Integer portLast, Instant from, Instant to,
                  String source, long assignmentId) {}

    private final Attributions attributions;

    AttributionApi(Attributions attributions) {
        this.attributions = attributions;
    }

    @GetMapping("/api/v1/attribution")
    ResponseEntity<?> attribute(RenkeiPrincipal caller, @RequestParam(defaultValue = "") String ip,
            @RequestParam(defaultValue = "") String at, @RequestParam(defaultValue = "") String port,
            @RequestParam(defaultValue = "api lookup") String purpose) {
        if (!IpAddresses.isAddress(ip)) {
            return badParameter("ip", "'" + ip + "' is not a single IPv4 or IPv6 address");
        }
        Instant instant;
        try {
            instant = parseInstant(at);
        } catch (DateTimeParseException e) {
            return badParameter("at", "'" + at + "' is not an ISO-8601 instant such as 2024-09-24T12:00:00Z");
        }
        OptionalInt portNumber = OptionalInt.empty();
        if (!port.isEmpty()) {
            try {
                portNumber = OptionalInt.of(Integer.parseInt(port));
            } catch (NumberFormatException e) {
                return badParameter("port", "'" + port + "' is not a port number");
            }
            if (portNumber.getAsInt() < 0 || portNumber.getAsInt() > 65_535) {
                return badParameter("port", "'" + port + "' is outside 0..65535");
            }
        }
        AttributionAnswer answer = attributions.attribute(caller.organisationId(), ip, portNumber, instant,
                caller.actor(), purpose);
        List<Holder> candidates = answer.candidates().stream().map(c -> holder(c.assignment(), c.assignmentId()))
                .toList();
        if (answer.confidence().equals(AttributionAnswer.SHARED_ADDRESS)) {
            return ResponseEntity.ok(new Attributed(null, null, null, null, null, answer.confidence(), candidates));
        }
        if (answer.assignment().isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("reason", answer.reason()));
        }
        Assignment a = answer.assignment().get();
        return ResponseEntity.ok(new Attributed(a.subscriberId(), a.from(), a.to().orElse(null), a.source(),
                answer.assignmentId().orElseThrow(), answer.confidence(), candidates));
    }

    private static Holder holder(Assignment a, long id) {
        boolean block = a.isPortRestricted();
        String held = a.prefixLength() == (a.ip().indexOf(':') >= 0 ? 128 : 32) ? a.ip() : a.prefix().toString();
        return new Holder(a.subscriberId(), held, block ? a.ports().first() : null, block ? a.ports().last() : null,
                a.from(), a.to().orElse(null), a.source(), id);
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
