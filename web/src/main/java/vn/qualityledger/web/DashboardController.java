package vn.qualityledger.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.qualityledger.web.export.ExportLinks;

/**
 * The organisation-year dashboard: the summary, every objective with its figures, and the work per unit — each read
 * from query-service as of the chosen date and shown as it answered.
 */
@Controller
class DashboardController {

    private final QualityLedgerClient client;

    DashboardController(QualityLedgerClient client) {
        this.client = client;
    }

    /** After sign-in: the user's organisation this year; a province auditor first picks an organisation. */
    @GetMapping("/")
    String home() {
        SignedInUser user = Pages.user();
        if (user.organisation() == null || user.organisation().isBlank() || !user.readsDashboards()) {
            return user.readsEveryOrganisation() ? "redirect:/province" : "no-organisation";
        }
        return "redirect:/organisations/" + user.organisation() + "/years/" + yearToOpen(user);
    }

    /** This year when it has objectives (or nothing has any yet), else the latest year that has: an agency entering 2023 lands on 2023. */
    private int yearToOpen(SignedInUser user) {
        int thisYear = Pages.today().getYear();
        List<Integer> years = organisationList(user).stream().filter(o -> user.organisation().equals(o.get("organisationId")))
                .findFirst().map(o -> ((List<?>) o.get("years")).stream().map(y -> ((Number) y).intValue()).toList())
                .orElse(List.of());
        return years.isEmpty() || years.contains(thisYear) ? thisYear : years.get(0);
    }

    /** The organisations the user may read, each with its years, newest first (query-service decides which). */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> organisationList(SignedInUser user) {
        Map<String, Object> answer = client.read(user, uri -> uri.path("/api/organisations").build());
        Object list = answer == null ? null : answer.get("organisations");
        return list instanceof List<?> organisations ? (List<Map<String, Object>>) organisations : List.of();
    }

    @GetMapping("/organisations/{organisation}/years/{year}")
    String dashboard(@PathVariable String organisation, @PathVariable int year,
                     @RequestParam(required = false) @DateTimeFormat(pattern = "d/M/yyyy", fallbackPatterns = "yyyy-MM-dd") LocalDate asOf,
                     @RequestParam(name = "year", required = false) Integer chosenYear, Model model) {
        if (chosenYear != null && chosenYear != year) {
            // The year field of the form (it works without JavaScript): the chosen year's own address.
            return "redirect:/organisations/" + organisation + "/years/" + chosenYear + (asOf == null ? "" : "?asOf=" + asOf);
        }
        SignedInUser user = Pages.user();
        LocalDate date = asOf == null ? Pages.today() : asOf;
        String base = "/api/organisations/{organisation}/years/{year}";
        Map<String, Object> summary = client.read(user, uri -> uri.path(base + "/summary").queryParam("asOf", date)
                .build(organisation, year));
        Map<String, Object> objectives = client.read(user, uri -> uri.path(base + "/objectives").queryParam("asOf", date)
                .queryParam("size", 500).build(organisation, year));
        Map<String, Object> units = client.read(user, uri -> uri.path(base + "/units").queryParam("asOf", date)
                .build(organisation, year));
        model.addAttribute("organisation", organisation);
        model.addAttribute("year", year);
        model.addAttribute("asOf", date);
        model.addAttribute("summary", summary);
        model.addAttribute("objectives", objectives.get("content"));
        model.addAttribute("units", units.get("units"));
        Map<String, Object> filters = Map.of("organisationId", organisation, "year", year, "asOf", date);
        ExportLinks.offer(model, "objectiveExports", "objectives", filters);
        ExportLinks.offer(model, "unitExports", "units", filters);
        vn.qualityledger.web.insight.Trends.organisation(client, user, organisation, year, date, model);
        return "dashboard";
    }

    /** A province auditor's choice of organisation: the list of those with objectives, or a code typed in. */
    @GetMapping("/organisations")
    String organisations(@RequestParam(required = false) String code, @RequestParam(required = false) Integer year, Model model) {
        int chosenYear = year == null ? Pages.today().getYear() : year;
        if (code != null && code.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            return "redirect:/organisations/" + code + "/years/" + chosenYear;
        }
        model.addAttribute("organisationList", organisationList(Pages.user()));
        model.addAttribute("invalid", code != null);
        model.addAttribute("year", chosenYear);
        return "organisations";
    }
}
