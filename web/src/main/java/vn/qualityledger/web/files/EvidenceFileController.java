package vn.qualityledger.web.files;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import vn.qualityledger.web.Pages;
import vn.qualityledger.web.QualityLedgerClient;

/**
 * The file filed with a piece of evidence, streamed from query-service as the signed-in user (who may read it is the
 * service's decision: a refusal is shown as any other), with the service's name, type, length and SHA-256 headers.
 */
@Controller
class EvidenceFileController {

    /** What the browser gets of the service's answer: enough to save the file under its name and check its hash. */
    private static final List<String> PASSED_ON = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
            HttpHeaders.CONTENT_DISPOSITION, "Repr-Digest", HttpHeaders.ETAG);

    private final QualityLedgerClient client;

    EvidenceFileController(QualityLedgerClient client) {
        this.client = client;
    }

    @GetMapping("/objectives/{objectiveId}/evidence/{evidenceId}/file")
    void file(@PathVariable String objectiveId, @PathVariable String evidenceId, HttpServletResponse response) {
        client.download(Pages.user(), "/api/objectives/" + objectiveId + "/evidence/" + evidenceId + "/file", (headers, body) -> {
            for (String name : PASSED_ON) {
                String value = headers.getFirst(name);
                if (value != null) {
                    response.setHeader(name, value);
                }
            }
            response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
            body.transferTo(response.getOutputStream());
        });
    }
}
