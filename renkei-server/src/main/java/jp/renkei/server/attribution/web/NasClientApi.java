package jp.renkei.server.attribution.web;

import java.util.List;
import java.util.Map;

import jp.renkei.core.net.IpAddresses;
import jp.renkei.core.radius.SubscriberAttribute;
import jp.renkei.server.attribution.NasClient;
import jp.renkei.server.attribution.NasClients;
import jp.renkei.server.attribution.RadiusAccounting;
import jp.renkei.server.attribution.RadiusStatistics;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** REST v1: the NAS clients that may send RADIUS accounting (secrets are write-only), and the server's counts. */
@RestController
class NasClientApi {

    /** A client as shown: never its secret. */
    record Shown(String address, String name, String subscriberAttribute) {
        static Shown of(NasClient c) {
            return new Shown(c.address(), c.name(), c.subscriberAttribute().code());
        }
    }

    /** What a PUT carries. */
    record Change(String name, String secret, String subscriberAttribute) {}

    private final NasClients clients;
    private final RadiusAccounting radius;

    NasClientApi(NasClients clients, RadiusAccounting radius) {
        this.clients = clients;
        this.radius = radius;
    }

    @GetMapping("/api/v1/nas-clients")
    List<Shown> list(RenkeiPrincipal caller) {
        return clients.list(caller.organisationId()).stream().map(Shown::of).toList();
    }

    @GetMapping("/api/v1/nas-clients/{address}")
    ResponseEntity<?> one(RenkeiPrincipal caller, @PathVariable String address) {
        if (!IpAddresses.isAddress(address)) {
            return bad("address", "'" + address + "' is not an IP address");
        }
        String canonical = IpAddresses.canonical(address);
        return clients.list(caller.organisationId()).stream().filter(c -> c.address().equals(canonical)).findFirst()
                .<ResponseEntity<?>>map(c -> ResponseEntity.ok(Shown.of(c)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("reason", "not-found")));
    }

    @PutMapping("/api/v1/nas-clients/{address}")
    ResponseEntity<?> put(RenkeiPrincipal caller, @PathVariable String address, @RequestBody Change change) {
        if (!IpAddresses.isAddress(address)) {
            return bad("address", "'" + address + "' is not an IP address");
        }
        if (change.secret() == null || change.secret().isEmpty()) {
            return bad("secret", "a shared secret is required");
        }
        String attributeCode = change.subscriberAttribute() == null ? "user-name" : change.subscriberAttribute();
        var attribute = SubscriberAttribute.parse(attributeCode);
        if (attribute.isEmpty()) {
            return bad("subscriberAttribute", "'" + attributeCode + "' is not one of user-name, calling-station-id,"
                    + " nas-port-id, class");
        }
        String name = change.name() == null ? "" : change.name();
        if (!clients.put(caller.organisationId(), caller.actor(), address, name, change.secret(), attribute.get())) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("reason", "address-taken",
                    "detail", "another organisation registered this NAS address"));
        }
        return ResponseEntity.ok(new Shown(IpAddresses.canonical(address), name, attribute.get().code()));
    }

    @DeleteMapping("/api/v1/nas-clients/{address}")
    ResponseEntity<?> delete(RenkeiPrincipal caller, @PathVariable String address) {
        if (!IpAddresses.isAddress(address)) {
            return bad("address", "'" + address + "' is not an IP address");
        }
        return clients.delete(caller.organisationId(), caller.actor(), address) ? ResponseEntity.noContent().build()
                : ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("reason", "not-found"));
    }

    @GetMapping("/api/v1/radius/statistics")
    RadiusStatistics statistics(RenkeiPrincipal caller) {
        return radius.statistics(caller.organisationId());
    }

    private static ResponseEntity<Map<String, String>> bad(String parameter, String detail) {
        return ResponseEntity.badRequest().body(Map.of("reason", "bad-parameter", "parameter", parameter,
                "detail", detail));
    }
}
