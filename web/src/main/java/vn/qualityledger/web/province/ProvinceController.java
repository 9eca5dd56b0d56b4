package vn.qualityledger.web.province;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.qualityledger.web.Pages;
import vn.qualityledger.web.QualityLedgerClient;
import vn.qualityledger.web.SignedInUser;
import vn.qualityledger.web.export.ExportLinks;

/**
 * The province on one page, for its ISO steering committee (PROVINCE_AUDITOR): every organisation with its figures
 * for the chosen year as of a date — completion and on-time rates, overdue occurrences, KPI status counts, open
 * nonconformities — each linked to that organisation's dashboard. One read of query-service's
 * {@code GET /api/province/years/{year}/summary}, which refuses anyone who reads only one organisation (the page then
 * shows that refusal); the figures are shown as it answered.
 */
@Controller
class ProvinceController {

    private final QualityLedgerClient client;

    ProvinceController(QualityLedgerClient client) {
        this.client = client;
    }

    @GetMapping("/province")
    String province(@RequestParam(required = false) Integer year,
                    @RequestParam(required = false) @DateTimeFormat(pattern = "d/M/yyyy", fallbackPatterns = "yyyy-MM-dd") LocalDate asOf,
                    Model model) {
        SignedInUser user = Pages.user();
        LocalDate date = asOf == null ? Pages.today() : asOf;
        int chosenYear = year == null ? date.getYear() : year;
        Map<String, Object> province = client.read(user, uri -> uri.path("/api/province/years/{year}/summary").queryParam("asOf", date)
                .build(chosenYear));
        model.addAttribute("year", chosenYear);
        ExportLinks.offer(model, "exports", "province", Map.of("year", chosenYear, "asOf", date));
        model.addAttribute("asOf", date);
        model.addAttribute("organisations", province == null || !(province.get("organisations") instanceof List<?> list) ? List.of() : list);
        return "province/province";
    }
}
