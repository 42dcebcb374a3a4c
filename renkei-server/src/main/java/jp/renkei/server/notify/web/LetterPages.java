package jp.renkei.server.notify.web;

import java.util.Optional;

import jp.renkei.server.notify.internal.LetterBatches;
import jp.renkei.server.platform.RenkeiPrincipal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The letters page: letters waiting for print, "create batch", and the batches as PDF downloads. */
@Controller
class LetterPages {

    private final LetterBatches letters;

    LetterPages(LetterBatches letters) {
        this.letters = letters;
    }

    @GetMapping("/notify/letters")
    String page(RenkeiPrincipal caller, Model model) {
        model.addAttribute("pending", letters.pending(caller.organisationId()));
        model.addAttribute("batches", letters.batches(caller.organisationId()));
        return "notify/letters";
    }

    @PostMapping("/notify/letters/batches")
    String create(RenkeiPrincipal caller, RedirectAttributes redirect) {
        Optional<LetterBatches.Batch> batch = letters.create(caller.organisationId(), caller.actor());
        if (batch.isPresent()) {
            redirect.addFlashAttribute("created", batch.get());
        } else {
            redirect.addFlashAttribute("nothing", true);
        }
        return "redirect:/notify/letters";
    }

    @GetMapping("/notify/letters/batches/{id}.pdf")
    ResponseEntity<byte[]> pdf(RenkeiPrincipal caller, @PathVariable long id) {
        byte[] pdf = letters.pdf(caller.organisationId(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("letters-" + id + ".pdf").build().toString())
                .body(pdf);
    }
}
