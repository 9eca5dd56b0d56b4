package vn.qualityledger.web.export;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.qualityledger.web.Pages;
import vn.qualityledger.web.QualityLedgerClient;
import vn.qualityledger.web.ServiceProblem;

/**
 * "Tải Excel" / "Tải CSV" beside a list: the file query-service generates for the signed-in user, with the page's
 * filters, served as query-service named it. A refusal (another organisation's list, too many rows) is the service's
 * problem, shown as any page's.
 */
@Controller
class ExportsController {

    private final QualityLedgerClient client;

    ExportsController(QualityLedgerClient client) {
        this.client = client;
    }

    @GetMapping("/exports/{list}.{extension}")
    ResponseEntity<byte[]> export(@PathVariable String list, @PathVariable String extension,
                                  @RequestParam MultiValueMap<String, String> filters) {
        ExportedList exported = ExportedList.named(list)
                .orElseThrow(() -> new ServiceProblem(404, "NOT_FOUND", "No list " + list + " to download"));
        if (!ExportedList.EXTENSIONS.contains(extension)) {
            throw new ServiceProblem(404, "NOT_FOUND", "Lists download as .xlsx or .csv");
        }
        exported.requirePathVariables(filters);
        return client.readFile(Pages.user(), uri -> exported.serviceUri(uri, extension, filters)).asResponse();
    }
}
