package vn.qualityledger.web.reminder;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriBuilder;
import vn.qualityledger.web.Pages;
import vn.qualityledger.web.QualityLedgerClient;
import vn.qualityledger.web.SignedInUser;

/**
 * "Nhắc việc": the reminders query-service recorded for the signed-in user's unit (due soon, overdue), newest first,
 * {@value #PAGE_SIZE} a page, each with where its e-mail stands; readers of the whole organisation may also see every
 * unit's, and the QMR's weekly digests. What is shown is what {@code GET /api/reminders} answered, only formatted.
 */
@Controller
class RemindersController {

    static final int PAGE_SIZE = 20;
    static final int DIGESTS = 4;
    /** The roles query-service lets read every unit's reminders (README, "Identity and access"): only to offer the tab. */
    private static final List<String> ORGANISATION_READERS = List.of("ADMIN", "ISO_SECRETARY", "QMR", "AUDITOR", "VIEWER");

    private final QualityLedgerClient client;

    RemindersController(QualityLedgerClient client) {
        this.client = client;
    }

    @GetMapping("/reminders")
    String reminders(@RequestParam(defaultValue = "unit") String view, @RequestParam(defaultValue = "0") int page, Model model) {
        SignedInUser user = Pages.user();
        if (!user.hasUnitWork()) {
            return "no-organisation";
        }
        boolean readsOrganisation = user.roles().stream().anyMatch(ORGANISATION_READERS::contains);
        String shown = readsOrganisation && view.equals("organisation") ? "organisation" : "unit";
        int pageNumber = Math.max(0, page);
        Map<String, Object> reminders = client.read(user, uri -> {
            UriBuilder builder = uri.path("/api/reminders").queryParam("organisationId", user.organisation())
                    .queryParam("page", pageNumber).queryParam("size", PAGE_SIZE);
            if (shown.equals("unit")) {
                builder.queryParam("unitId", user.unit());
            }
            return builder.build();
        });
        model.addAttribute("view", shown);
        model.addAttribute("readsOrganisation", readsOrganisation);
        model.addAttribute("reminders", reminders);
        if (readsOrganisation) {
            model.addAttribute("digests", client.read(user, uri -> uri.path("/api/reminders/digests")
                    .queryParam("organisationId", user.organisation()).queryParam("size", DIGESTS).build()));
        }
        return "reminders";
    }
}
