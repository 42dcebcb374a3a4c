package jp.renkei.server.subscribers.web;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;

import jp.renkei.core.imports.ImportFormatException;
import jp.renkei.server.platform.ImportResult;
import jp.renkei.server.platform.RenkeiPrincipal;
import jp.renkei.server.subscribers.SubscriberImport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST v1: subscriber CSV import. */
@RestController
@RequestMapping("/api/v1/subscribers")
class SubscriberApi {

    private final SubscriberImport subscriberImport;

    SubscriberApi(SubscriberImport subscriberImport) {
        this.subscriberImport = subscriberImport;
    }

    @PostMapping("/import")
    ImportResult importCsv(RenkeiPrincipal caller, @RequestParam("file") MultipartFile file) throws IOException {
        return subscriberImport.importCsv(caller.organisationId(), caller.actor(), Objects.requireNonNullElse(file.getOriginalFilename(), "upload"),
                file.getInputStream());
    }

    @ExceptionHandler(ImportFormatException.class)
    ResponseEntity<Map<String, String>> badFile(ImportFormatException e) {
        return ResponseEntity.badRequest().body(Map.of("reason", "bad-file", "detail", e.getMessage()));
    }
}
