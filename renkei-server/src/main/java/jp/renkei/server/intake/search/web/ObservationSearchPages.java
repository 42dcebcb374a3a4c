package jp.renkei.server.intake.search.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jp.renkei.core.intake.export.CsvObservationWriter;
import jp.renkei.core.intake.export.IntelMqObservationWriter;
import jp.renkei.core.intake.export.ObservationWriter;
import jp.renkei.server.intake.search.ObservationFilter;
import jp.renkei.server.intake.search.ObservationFinder;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Observation search ({@code /observations}) and the streamed export of a selection, both for the
 * signed-in operator ({@code /observations/export}) and for API tokens ({@code /api/v1/observations/export}).
 */
@Controller
class ObservationSearchPages {

    private static final int PAGE_SIZE = 50;

    private final ObservationFinder finder;
    private final ZoneId zone;

    ObservationSearchPages(ObservationFinder finder, @Value("${renkei.display-zone:Asia/Tokyo}") String zone) {
        this.finder = finder;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/observations")
    String search(RenkeiPrincipal caller, @RequestParam Map<String, String> query,
            @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("query", query);
        try {
            ObservationFilter filter = filter(query);
            model.addAttribute("result", finder.page(caller.organisationId(), filter, Math.max(1, page), PAGE_SIZE));
        } catch (ObservationFilter.BadFilterException e) {
            model.addAttribute("badQuery", e.getMessage());
        }
        return "intake/observations";
    }

    /**
     * Writes straight to the response on the request thread (not an async StreamingResponseBody:
     * the async dispatch would pass the security filters again without the stateless caller).
     */
    @GetMapping({"/observations/export", "/api/v1/observations/export"})
    void export(RenkeiPrincipal caller, @RequestParam Map<String, String> query,
            @RequestParam(defaultValue = "csv") String format, HttpServletResponse response) throws IOException {
        ObservationFilter filter = filter(query);
        boolean csv = format.equals("csv");
        if (!csv && !format.equals("intelmq")) {
            throw new ObservationFilter.BadFilterException("format: csv or intelmq");
        }
        response.setContentType(csv ? "text/csv; charset=UTF-8" : "application/x-ndjson; charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"observations."
                + (csv ? "csv" : "jsonl") + "\"");
        Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                1 << 16);
        ObservationWriter observations = csv ? new CsvObservationWriter(writer)
                : new IntelMqObservationWriter(writer, caller.organisationName());
        observations.begin();
        finder.export(caller.organisationId(), filter, observations);
        writer.flush();
    }

    @ExceptionHandler(ObservationFilter.BadFilterException.class)
    ResponseEntity<Map<String, String>> badFilter(ObservationFilter.BadFilterException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", "bad-parameter", "detail", e.getMessage()));
    }

    private ObservationFilter filter(Map<String, String> q) {
        return ObservationFilter.parse(q.get("ip"), q.get("prefix"), q.get("from"), q.get("to"), q.get("kind"),
                q.get("model"), q.get("feed"), zone);
    }
}
