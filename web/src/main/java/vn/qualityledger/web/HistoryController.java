package vn.qualityledger.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.qualityledger.web.export.ExportLinks;

/**
 * The auditor's history of an objective as a timeline: every event of its stream, in the order it was recorded,
 * grouped by day (Asia/Ho_Chi_Minh), each with the time, who did it (name, role, unit) and what, in the page's
 * language — query-service's one-line summary of the event, read from the event store itself.
 */
@Controller
class HistoryController {

    static final int PAGE_SIZE = 100;

    private final QualityLedgerClient client;

    HistoryController(QualityLedgerClient client) {
        this.client = client;
    }

    /** The events recorded on one day. */
    record Day(LocalDate day, List<Map<String, Object>> events) {
    }

    @GetMapping("/objectives/{objectiveId}/history")
    String history(@PathVariable String objectiveId, @RequestParam(defaultValue = "0") int page, Model model) {
        SignedInUser user = Pages.user();
        int pageNumber = Math.max(0, page);
        Map<String, Object> history = client.read(user, uri -> uri.path("/api/objectives/{id}/history").queryParam("page", pageNumber)
                .queryParam("size", PAGE_SIZE).build(objectiveId));
        // Its code and statement, for the heading (the history pages after the first do not hold the definition).
        Map<String, Object> objective = client.read(user, uri -> uri.path("/api/objectives/{id}/dashboard").build(objectiveId));
        model.addAttribute("objectiveId", objectiveId);
        model.addAttribute("objective", objective);
        model.addAttribute("history", history);
        ExportLinks.offer(model, "exports", "history", Map.of("objectiveId", objectiveId)); // the whole stream, every page
        model.addAttribute("days", days(Reads.rows(history)));
        model.addAttribute("english", "en".equals(LocaleContextHolder.getLocale().getLanguage()));
        model.addAttribute("integrity", vn.qualityledger.web.insight.Integrity.ofObjective(client, user, objectiveId));
        return "history";
    }

    static List<Day> days(List<Map<String, Object>> events) {
        Map<LocalDate, List<Map<String, Object>>> byDay = new LinkedHashMap<>();
        for (Map<String, Object> event : events) {
            LocalDate day = Instant.parse(event.get("recordedAt").toString()).atZone(WebApplication.AGENCY_ZONE).toLocalDate();
            byDay.computeIfAbsent(day, d -> new ArrayList<>()).add(event);
        }
        return byDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
    }
}
