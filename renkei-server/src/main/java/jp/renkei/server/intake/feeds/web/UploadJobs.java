package jp.renkei.server.intake.feeds.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jp.renkei.server.intake.feeds.InvalidFeedException;
import jp.renkei.server.intake.feeds.Uploads;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload with a live progress bar: the upload answers a job fragment that htmx polls until the
 * import is finished and the fragment shows the result summary. Without htmx, the job page.
 */
@Controller
class UploadJobs {

    private final Uploads uploads;

    UploadJobs(Uploads uploads) {
        this.uploads = uploads;
    }

    @PostMapping("/uploads")
    String upload(RenkeiPrincipal caller, @RequestParam("file") MultipartFile file,
            @RequestParam(defaultValue = "") String feed, @RequestParam(defaultValue = "") String format,
            @RequestParam(defaultValue = "") String type, @RequestParam(defaultValue = "") String mapping,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) throws IOException {
        String fileName = Objects.requireNonNullElse(file.getOriginalFilename(), "upload");
        long id;
        try (InputStream in = file.getInputStream()) {
            id = uploads.upload(new Uploads.Request(caller.organisationId(), caller.actor(), Optional.of(feed), format,
                    optional(type), optional(mapping), fileName), in);
        } catch (InvalidFeedException e) {
            response.setStatus(400);
            model.addAttribute("uploadError", e.getMessage());
            return htmx != null ? "intake/upload-job :: error" : "intake/upload-job";
        }
        if (htmx == null) {
            return "redirect:/uploads/" + id;
        }
        model.addAttribute("job", uploads.job(caller.organisationId(), id).orElseThrow());
        return "intake/upload-job :: job";
    }

    @GetMapping("/uploads/{id}")
    String job(RenkeiPrincipal caller, @PathVariable long id,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
            HttpServletResponse response) {
        Optional<Uploads.Job> job = uploads.job(caller.organisationId(), id);
        if (job.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("uploadError", "no such upload");
            return htmx != null ? "intake/upload-job :: error" : "intake/upload-job";
        }
        model.addAttribute("job", job.get());
        return htmx != null ? "intake/upload-job :: job" : "intake/upload-job";
    }

    private static Optional<String> optional(String s) {
        return s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}
