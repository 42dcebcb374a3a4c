package jp.renkei.server.attribution.web;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.server.attribution.AttributionSettings;
import jp.renkei.server.attribution.AttributionStatistics;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST v1: attribution policy, per-source settings (subscriber attribute, retention) and statistics. */
@RestController
class AttributionSettingsApi {

    /** PUT body of a source: retention as ISO-8601 (P90D), empty for the default. */
    record SourceChange(String subscriberAttribute, String retention) {}

    /** PUT body of the policy: clock-skew tolerance as ISO-8601 (PT30S), CIDR pools, deterministic NAT pools. */
    record PolicyChange(String clockSkew, List<String> addressPools, List<AttributionSettings.NatPool> deterministicNat) {}

    private final AttributionSettings settings;
    private final AttributionStatistics statistics;

    AttributionSettingsApi(AttributionSettings settings, AttributionStatistics statistics) {
        this.settings = settings;
        this.statistics = statistics;
    }

    @GetMapping("/api/v1/attribution/settings")
    AttributionSettings.Settings get(RenkeiPrincipal caller) {
        return settings.settings(caller.organisationId());
    }

    @PutMapping("/api/v1/attribution/settings/sources/{kind}")
    ResponseEntity<?> putSource(RenkeiPrincipal caller, @PathVariable String kind, @RequestBody SourceChange change) {
        try {
            Optional<Duration> retention = change.retention() == null || change.retention().isEmpty() ? Optional.empty()
                    : Optional.of(Duration.parse(change.retention()));
            settings.putSource(caller.organisationId(), caller.actor(), kind,
                    change.subscriberAttribute() == null ? "" : change.subscriberAttribute(), retention);
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("reason", "bad-parameter", "detail", e.getMessage()));
        }
        return ResponseEntity.ok(settings.settings(caller.organisationId()));
    }

    @PutMapping("/api/v1/attribution/settings/policy")
    ResponseEntity<?> putPolicy(RenkeiPrincipal caller, @RequestBody PolicyChange change) {
        try {
            settings.putPolicy(caller.organisationId(), caller.actor(),
                    change.clockSkew() == null ? Duration.ZERO : Duration.parse(change.clockSkew()),
                    change.addressPools() == null ? List.of() : change.addressPools(),
                    change.deterministicNat() == null ? List.of() : change.deterministicNat());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("reason", "bad-parameter", "detail", e.getMessage()));
        }
        return ResponseEntity.ok(settings.settings(caller.organisationId()));
    }

    @GetMapping("/api/v1/attribution/statistics")
    AttributionStatistics.Summary statistics(RenkeiPrincipal caller, @RequestParam(defaultValue = "P30D") String period) {
        return statistics.summary(caller.organisationId(), Duration.parse(period));
    }
}
