package jp.renkei.server.vendor.advisories.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.vendor.advisories.Advisories;
import jp.renkei.server.vendor.advisories.AdvisoryCheck;
import jp.renkei.server.vendor.advisories.AdvisoryDraft;
import jp.renkei.server.vendor.advisories.AdvisorySave;
import jp.renkei.server.vendor.advisories.VendorAdvisory;
import jp.renkei.server.vendor.psirt.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST v1 for advisories: create from records, list, get (with the validation findings), the CSAF
 * document, publish, import. Invalid input answers 400 with every problem and its JSON pointer;
 * another organisation's advisory answers 404.
 */
@RestController
@RequestMapping("/api/v1/advisories")
class AdvisoriesApi {

    /** An advisory as asked for: record ids, title, language, TLP and the PSIRT's texts. */
    record AdvisoryRequest(List<Long> records, String title, String language, String tlp, String summary,
            String workaround, String mitigation) {}

    /** A publication: {@code interim} or {@code final}, and what changed. */
    record PublishRequest(String status, String summary) {}

    record ErrorJson(String pointer, String detail) {}

    record AdvisoryJson(long id, String trackingId, String origin, String title, String language, String tlp,
            String status, String version, List<Long> records, String summary, String workaround, String mitigation,
            Instant initialRelease, Instant currentRelease, List<String> unmodelled, Instant updatedAt,
            String updatedBy, Boolean valid, List<ErrorJson> findings) {}

    private final Advisories advisories;

    AdvisoriesApi(Advisories advisories) {
        this.advisories = advisories;
    }

    @PostMapping
    ResponseEntity<?> create(RenkeiPrincipal caller, @RequestBody AdvisoryRequest body) {
        long org = VendorCaller.organisation(caller);
        AdvisoryDraft draft = new AdvisoryDraft(body.records() == null ? List.of() : body.records(), body.title(),
                body.language() == null ? "ja" : body.language(), body.tlp() == null ? "WHITE" : body.tlp(),
                body.summary(), body.workaround(), body.mitigation());
        return answer(org, advisories.create(org, caller.actor(), draft), HttpStatus.CREATED);
    }

    @GetMapping
    List<AdvisoryJson> list(RenkeiPrincipal caller) {
        long org = VendorCaller.organisation(caller);
        return advisories.list(org).stream().map(a -> json(a, null)).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<?> get(RenkeiPrincipal caller, @PathVariable long id) {
        long org = VendorCaller.organisation(caller);
        return advisories.find(org, id).<ResponseEntity<?>>map(a -> ResponseEntity.ok(json(a,
                advisories.check(org, id).orElseThrow()))).orElseGet(AdvisoriesApi::notFound);
    }

    /** The CSAF document: the published one, or for a draft what publishing would produce (400 when invalid). */
    @GetMapping("/{id}/csaf")
    ResponseEntity<?> csaf(RenkeiPrincipal caller, @PathVariable long id) {
        long org = VendorCaller.organisation(caller);
        return advisories.check(org, id).<ResponseEntity<?>>map(check -> check instanceof AdvisoryCheck.Valid v
                ? ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(v.json())
                : ResponseEntity.badRequest().body(invalid(((AdvisoryCheck.Findings) check).problems())))
                .orElseGet(AdvisoriesApi::notFound);
    }

    @PostMapping("/{id}/publish")
    ResponseEntity<?> publish(RenkeiPrincipal caller, @PathVariable long id, @RequestBody PublishRequest body) {
        long org = VendorCaller.organisation(caller);
        return answer(org, advisories.publish(org, id, caller.actor(), body.status() == null ? "final" : body.status(),
                body.summary()), HttpStatus.OK);
    }

    @PostMapping("/import")
    ResponseEntity<?> importDocument(RenkeiPrincipal caller, @RequestParam("file") MultipartFile file) {
        long org = VendorCaller.organisation(caller);
        try {
            return answer(org, advisories.importDocument(org, caller.actor(), file.getBytes()), HttpStatus.CREATED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ResponseEntity<?> answer(long org, AdvisorySave saved, HttpStatus status) {
        if (saved instanceof AdvisorySave.Saved s) {
            return ResponseEntity.status(status).body(json(s.advisory(), advisories.check(org, s.advisory().id())
                    .orElseThrow()));
        }
        if (saved instanceof AdvisorySave.Invalid invalid) {
            return ResponseEntity.badRequest().body(invalid(invalid.problems()));
        }
        return notFound();
    }

    private static AdvisoryJson json(VendorAdvisory a, AdvisoryCheck check) {
        List<ErrorJson> findings = check instanceof AdvisoryCheck.Findings f
                ? f.problems().stream().map(p -> new ErrorJson(p.pointer(), p.detail())).toList() : List.of();
        return new AdvisoryJson(a.id(), a.trackingId(), a.origin().code(), a.title(), a.language(), a.tlp().orElse(null),
                a.status(), a.version(), a.recordIds(), a.summary(), a.workaround(), a.mitigation(),
                a.initialRelease().orElse(null), a.currentRelease().orElse(null), a.unmodelled(), a.updatedAt(),
                a.updatedBy(), check == null ? null : check instanceof AdvisoryCheck.Valid, check == null ? null : findings);
    }

    static Map<String, Object> invalid(List<Problem> problems) {
        return Map.of("reason", "invalid",
                "detail", String.join("; ", problems.stream().map(Problem::toString).toList()),
                "errors", problems.stream().map(p -> Map.of("pointer", p.pointer(), "detail", p.detail())).toList());
    }

    private static ResponseEntity<?> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("reason", "not-found"));
    }
}
