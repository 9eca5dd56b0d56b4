package vn.qualityledger.web;

import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriBuilder;
import vn.qualityledger.web.export.ExportLinks;

/**
 * "Việc của đơn vị": the signed-in user's unit's work from the occurrence board — overdue, coming up (the next
 * {@value #UPCOMING_DAYS} days) or everything — a page at a time.
 */
@Controller
class UnitWorkController {

    static final int UPCOMING_DAYS = 30;
    static final int PAGE_SIZE = 20;

    private final QualityLedgerClient client;

    UnitWorkController(QualityLedgerClient client) {
        this.client = client;
    }

    @GetMapping("/work")
    String work(@RequestParam(defaultValue = "overdue") String view, @RequestParam(defaultValue = "0") int page, Model model) {
        SignedInUser user = Pages.user();
        if (!user.hasUnitWork()) {
            return "no-organisation";
        }
        String shown = switch (view) {
            case "upcoming", "all" -> view;
            default -> "overdue";
        };
        LocalDate today = Pages.today();
        int pageNumber = Math.max(0, page);
        Map<String, Object> board = client.read(user, uri -> {
            UriBuilder builder = uri.path("/api/occurrences").queryParam("organisationId", user.organisation())
                    .queryParam("unit", user.unit()).queryParam("asOf", today).queryParam("page", pageNumber).queryParam("size", PAGE_SIZE);
            switch (shown) {
                case "overdue" -> builder.queryParam("status", "OVERDUE");
                case "upcoming" -> builder.queryParam("status", "UPCOMING").queryParam("dueFrom", today)
                        .queryParam("dueTo", today.plusDays(UPCOMING_DAYS));
                default -> { }
            }
            return builder.build();
        });
        model.addAttribute("view", shown);
        model.addAttribute("board", board);
        Map<String, Object> filters = new java.util.HashMap<>();
        filters.put("organisationId", user.organisation());
        filters.put("unit", user.unit());
        filters.put("asOf", today);
        switch (shown) {
            case "overdue" -> filters.put("status", "OVERDUE");
            case "upcoming" -> filters.putAll(Map.of("status", "UPCOMING", "dueFrom", today, "dueTo", today.plusDays(UPCOMING_DAYS)));
            default -> { }
        }
        ExportLinks.offer(model, "exports", "occurrences", filters); // the same filters as the board read, every page
        model.addAttribute("today", today);
        model.addAttribute("upcomingDays", UPCOMING_DAYS);
        return "work";
    }
}
