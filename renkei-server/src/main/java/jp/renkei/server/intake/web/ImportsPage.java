package jp.renkei.server.intake.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.core.imports.Rejection;
import jp.renkei.server.attribution.AssignmentImport;
import jp.renkei.server.intake.ObservationImport;
import jp.renkei.server.intake.ObservationQueries;
import jp.renkei.server.intake.feeds.Feed;
import jp.renkei.server.intake.feeds.FeedCatalogue;
import jp.renkei.server.platform.ImportLog;
import jp.renkei.server.platform.ImportResult;
import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.subscribers.SubscriberImport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The imports page: upload forms for the three imports (observations also through the upload box with
 * live progress), recent runs, and unattributed observations.
 */
@Controller
class ImportsPage {

    private static final TypeReference<List<Rejection>> REJECTIONS = new TypeReference<>() {};
    private static final int RUNS_SHOWN = 50;
    private static final int UNATTRIBUTED_SHOWN = 200;

    /** A run with its rejected lines parsed for display. */
    record Run(ImportLog.ImportRun run, List<Rejection> rejected) {}

    /** The outcome of the upload just made, shown once after the redirect. */
    record Outcome(String kind, String fileName, ImportResult result) {}

    /** One import use case, whichever module owns it. */
    @FunctionalInterface
    private interface Importer {
        ImportResult run(String fileName, InputStream content) throws IOException;
    }

    private final SubscriberImport subscriberImport;
    private final AssignmentImport assignmentImport;
    private final ObservationImport observationImport;
    private final ImportLog importLog;
    private final ObservationQueries observations;
    private final JsonMapper json;
    private final FeedCatalogue feeds;

    ImportsPage(SubscriberImport subscriberImport, AssignmentImport assignmentImport,
            ObservationImport observationImport, ImportLog importLog, ObservationQueries observations,
            JsonMapper json, FeedCatalogue feeds) {
        this.feeds = feeds;
        this.subscriberImport = subscriberImport;
        this.assignmentImport = assignmentImport;
        this.observationImport = observationImport;
        this.importLog = importLog;
        this.observations = observations;
        this.json = json;
    }

    @GetMapping("/imports")
    String page(RenkeiPrincipal caller, Model model) {
        model.addAttribute("runs", importLog.recent(caller.organisationId(), RUNS_SHOWN).stream()
                .map(r -> new Run(r, json.readValue(r.rejectedJson(), REJECTIONS))).toList());
        model.addAttribute("unattributed", observations.unattributed(caller.organisationId(), UNATTRIBUTED_SHOWN));
        model.addAttribute("feedNames", feeds.list(caller.organisationId()).stream().map(Feed::name).toList());
        model.addAttribute("supportedReportTypes", jp.renkei.core.intake.ShadowserverReportType.supportedList());
        return "intake/imports";
    }

    @PostMapping("/imports/subscribers")
    String subscribers(RenkeiPrincipal caller, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        return run(SubscriberImport.KIND, file, redirect,
                (name, in) -> subscriberImport.importCsv(caller.organisationId(), caller.actor(), name, in));
    }

    @PostMapping("/imports/assignments")
    String assignments(RenkeiPrincipal caller, @RequestParam("file") MultipartFile file,
            RedirectAttributes redirect) {
        return run(AssignmentImport.KIND, file, redirect, (name, in) -> assignmentImport.importFile(
                caller.organisationId(), caller.actor(), AssignmentImport.FREERADIUS_DETAIL, name, in));
    }

    @PostMapping("/imports/observations")
    String observations(RenkeiPrincipal caller, @RequestParam("file") MultipartFile file,
            @RequestParam(required = false) String type, RedirectAttributes redirect) {
        return run(ObservationImport.KIND, file, redirect, (name, in) -> observationImport.importReport(
                caller.organisationId(), caller.actor(), ObservationImport.SHADOWSERVER,
                Optional.ofNullable(type), name, in));
    }

    private static String run(String kind, MultipartFile file, RedirectAttributes redirect, Importer importer) {
        String fileName = Objects.requireNonNullElse(file.getOriginalFilename(), "upload");
        try (InputStream in = file.getInputStream()) {
            redirect.addFlashAttribute("outcome", new Outcome(kind, fileName, importer.run(fileName, in)));
        } catch (ImportFormatException e) {
            redirect.addFlashAttribute("badFile", e.getMessage());
        } catch (IOException e) {
            redirect.addFlashAttribute("badFile", "cannot read " + fileName + ": " + e.getMessage());
        }
        return "redirect:/imports";
    }
}
