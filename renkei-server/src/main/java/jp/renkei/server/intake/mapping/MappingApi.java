package jp.renkei.server.intake.mapping;

import java.util.List;
import java.util.Map;

import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** REST v1: the caller's organisation's column mappings for {@code notice} and {@code csv} imports. */
@RestController
@RequestMapping("/api/v1/mappings")
class MappingApi {

    private final ColumnMappings mappings;

    MappingApi(ColumnMappings mappings) {
        this.mappings = mappings;
    }

    @GetMapping
    List<SavedMapping> list(RenkeiPrincipal caller) {
        return mappings.list(caller.organisationId());
    }

    @GetMapping("/{name}")
    ResponseEntity<?> one(RenkeiPrincipal caller, @PathVariable String name) {
        return mappings.find(caller.organisationId(), name).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(404).body(Map.of("reason", "not-found",
                        "detail", "no mapping '" + name + "'")));
    }

    @PutMapping("/{name}")
    ResponseEntity<?> save(RenkeiPrincipal caller, @PathVariable String name, @RequestBody MappingDefinition body) {
        try {
            return ResponseEntity.ok(mappings.save(caller.organisationId(), caller.actor(), name, body));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("reason", "bad-mapping", "detail", e.getMessage()));
        }
    }
}
