package jp.renkei.server.escalation.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.renkei.core.escalation.Ladder;
import jp.renkei.core.escalation.LadderStep;
import jp.renkei.server.escalation.ExperimentDraft;
import jp.renkei.server.escalation.LadderChange;
import jp.renkei.server.escalation.LadderConfiguration;
import jp.renkei.server.escalation.LadderDraft;
import jp.renkei.server.escalation.LadderSetup;
import jp.renkei.server.escalation.Ladders;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * REST v1: the organisation's ladders as one document. GET it, change it, PUT it back: ladders whose
 * steps or quiet hours changed get a new version, {@code default} picks the ladder for new cases,
 * {@code experiment} starts one ({@code null} ends it, absent leaves it). Delays are ISO-8601
 * durations ({@code P3D}; {@code PT10S} for short test ladders) or whole days.
 */
@RestController
class LadderApi {

    private final Ladders ladders;

    LadderApi(Ladders ladders) {
        this.ladders = ladders;
    }

    @GetMapping("/api/v1/ladders")
    Map<String, Object> get(RenkeiPrincipal caller) {
        return document(ladders.setup(caller.organisationId()));
    }

    @PutMapping("/api/v1/ladders")
    ResponseEntity<?> put(RenkeiPrincipal caller, @RequestBody JsonNode body) {
        LadderConfiguration configuration;
        try {
            configuration = configuration(body);
        } catch (BadField e) {
            return bad(e.field, e.getMessage());
        }
        LadderChange change = ladders.configure(caller.organisationId(), caller.actor(), configuration);
        if (change instanceof LadderChange.Rejected r) {
            return bad(r.field(), r.detail());
        }
        return ResponseEntity.ok(document(ladders.setup(caller.organisationId())));
    }

    static Map<String, Object> document(LadderSetup setup) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("default", setup.defaultLadder());
        out.put("experiment", setup.experiment().map(e -> Map.of("name", e.name(), "seed", e.seed(), "arms",
                e.arms().stream().map(a -> Map.of("ladder", a.ladder(), "weight", a.weight())).toList())).orElse(null));
        out.put("ladders", setup.ladders().stream().map(LadderApi::ladder).toList());
        return out;
    }

    private static Map<String, Object> ladder(Ladder l) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", l.name());
        out.put("version", l.version());
        List<Map<String, String>> steps = new ArrayList<>();
        for (LadderStep s : l.steps()) {
            steps.add(Map.of("after", s.after().toString(), "channel", s.channel().code()));
        }
        out.put("steps", steps);
        out.put("quietHours", l.quietHours().isEmpty() ? null : Map.of("from", l.quietHours().start().toString(),
                "to", l.quietHours().end().toString(), "zone", l.quietHours().zone().getId()));
        return out;
    }

    private static LadderConfiguration configuration(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadField("body", "expected a JSON object with ladders, default and experiment");
        }
        List<LadderDraft> drafts = new ArrayList<>();
        JsonNode list = body.path("ladders");
        if (!list.isMissingNode() && !list.isNull()) {
            if (!list.isArray()) {
                throw new BadField("ladders", "expected a list of ladders");
            }
            for (int i = 0; i < list.size(); i++) {
                drafts.add(draft("ladders[" + i + "]", list.get(i)));
            }
        }
        Optional<String> defaultLadder = optionalText(body, "default", "default");
        JsonNode experiment = body.path("experiment");
        boolean end = experiment.isNull();
        Optional<ExperimentDraft> start = Optional.empty();
        if (experiment.isObject()) {
            start = Optional.of(experiment(experiment));
        } else if (!experiment.isMissingNode() && !end) {
            throw new BadField("experiment", "expected an object with name, arms and optionally seed, or null");
        }
        return new LadderConfiguration(drafts, defaultLadder, start, end);
    }

    private static LadderDraft draft(String field, JsonNode node) {
        if (!node.isObject()) {
            throw new BadField(field, "expected an object with name, steps and quietHours");
        }
        List<LadderDraft.Step> steps = new ArrayList<>();
        JsonNode list = node.path("steps");
        if (!list.isArray()) {
            throw new BadField(field + ".steps", "expected a list of steps, each with after and channel");
        }
        for (int i = 0; i < list.size(); i++) {
            String f = field + ".steps[" + i + "]";
            JsonNode step = list.get(i);
            steps.add(new LadderDraft.Step(text(step, "after", f + ".after"), text(step, "channel", f + ".channel")));
        }
        JsonNode quiet = node.path("quietHours");
        String from = "";
        String to = "";
        String zone = "";
        if (quiet.isObject()) {
            from = optionalText(quiet, "from", field + ".quietHours.from").orElse("");
            to = optionalText(quiet, "to", field + ".quietHours.to").orElse("");
            zone = optionalText(quiet, "zone", field + ".quietHours.zone").orElse("");
        } else if (!quiet.isMissingNode() && !quiet.isNull()) {
            throw new BadField(field + ".quietHours", "expected an object with from, to and zone, or null");
        }
        return new LadderDraft(optionalText(node, "name", field + ".name").orElse(""), steps, from, to, zone);
    }

    private static ExperimentDraft experiment(JsonNode node) {
        List<LadderSetup.Arm> arms = new ArrayList<>();
        JsonNode list = node.path("arms");
        if (!list.isArray()) {
            throw new BadField("experiment.arms", "expected a list of arms, each with ladder and weight");
        }
        for (int i = 0; i < list.size(); i++) {
            String f = "experiment.arms[" + i + "]";
            JsonNode weight = list.get(i).path("weight");
            if (!weight.isMissingNode() && !weight.isIntegralNumber()) {
                throw new BadField(f + ".weight", "expected a whole number");
            }
            arms.add(new LadderSetup.Arm(text(list.get(i), "ladder", f + ".ladder"),
                    weight.isMissingNode() ? 1 : weight.asInt()));
        }
        return new ExperimentDraft(optionalText(node, "name", "experiment.name").orElse(""),
                optionalText(node, "seed", "experiment.seed").orElse(""), arms);
    }

    private static String text(JsonNode node, String name, String field) {
        return optionalText(node, name, field).orElseThrow(() -> new BadField(field, "missing"));
    }

    private static Optional<String> optionalText(JsonNode node, String name, String field) {
        JsonNode value = node.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isString() && !value.isNumber()) {
            throw new BadField(field, "expected text");
        }
        return Optional.of(value.asString());
    }

    private static ResponseEntity<Map<String, String>> bad(String parameter, String detail) {
        return ResponseEntity.badRequest().body(Map.of("reason", "bad-parameter", "parameter", parameter,
                "detail", detail));
    }

    /** A part of the body that is not what the API expects, named by its path. */
    private static final class BadField extends RuntimeException {
        private final String field;

        BadField(String field, String detail) {
            super(detail, null, false, false);
            this.field = field;
        }
    }
}
