package jp.renkei.server.attribution.web;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;

import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.server.attribution.AssignmentImport;
import jp.renkei.server.platform.ImportResult;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST v1: RADIUS accounting import. */
@RestController
@RequestMapping("/api/v1/assignments")
class AssignmentApi {

    private final AssignmentImport assignmentImport;

    AssignmentApi(AssignmentImport assignmentImport) {
        this.assignmentImport = assignmentImport;
    }

    @PostMapping("/import")
    ImportResult importFile(RenkeiPrincipal caller, @RequestParam(defaultValue = "") String format,
            @RequestParam("file") MultipartFile file) throws IOException {
        return assignmentImport.importFile(caller.organisationId(), caller.actor(), format,
                Objects.requireNonNullElse(file.getOriginalFilename(), "upload"), file.getInputStream());
    }

    @ExceptionHandler(ImportFormatException.class)
    ResponseEntity<Map<String, String>> badFile(ImportFormatException e) {
        return ResponseEntity.badRequest().body(Map.of("reason", "bad-file", "detail", e.getMessage()));
    }
}
