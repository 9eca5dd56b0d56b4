package vn.qualityledger.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriBuilder;

/**
 * One objective: its dashboard as of a date, and its implementation plan (Kế hoạch thực hiện) as a table like the
 * agency's own: measures with their sub-measures, lead (Chủ trì) and coordinating (Phối hợp) units, schedule,
 * monitors and expected evidence; and every occurrence with its status as of the date. With "recorded by" a past day,
 * all of it is as the service had it recorded at the end of that day — the auditor's view of what was known then.
 */
@Controller
class ObjectiveController {

    /** Board pages read at most for the occurrence table (500 each). */
    static final int MAX_BOARD_PAGES = 10;

    private final QualityLedgerClient client;
    private final Reads reads;

    ObjectiveController(QualityLedgerClient client, Reads reads) {
        this.client = client;
        this.reads = reads;
    }

    @GetMapping("/objectives/{objectiveId}")
    String objective(@PathVariable String objectiveId,
                     @RequestParam(required = false) @DateTimeFormat(pattern = "d/M/yyyy", fallbackPatterns = "yyyy-MM-dd") LocalDate asOf,
                     @RequestParam(required = false) @DateTimeFormat(pattern = "d/M/yyyy", fallbackPatterns = "yyyy-MM-dd") LocalDate knownOn,
                     Model model) {
        SignedInUser user = Pages.user();
        LocalDate date = asOf == null ? Pages.today() : asOf;
        // "As recorded by the end of a day": only for a past day; today or later is what is recorded now.
        Instant knownAt = knownOn == null || !knownOn.isBefore(Pages.today()) ? null : Pages.endOf(knownOn);
        model.addAttribute("objectiveId", objectiveId);
        model.addAttribute("asOf", date);
        model.addAttribute("knownOn", knownAt == null ? null : knownOn);
        Map<String, Object> dashboard;
        try {
            dashboard = client.read(user, uri -> withKnownAt(uri.path("/api/objectives/{id}/dashboard").queryParam("asOf", date), knownAt)
                    .build(objectiveId));
        } catch (ServiceProblem notYet) {
            if (knownAt == null || notYet.status() != 404) {
                throw notYet;
            }
            // The objective exists (or the first read would have failed without knownAt): it was recorded after that day.
            client.read(user, uri -> uri.path("/api/objectives/{id}/dashboard").queryParam("asOf", date).build(objectiveId));
            model.addAttribute("objective", null);
            return "objective";
        }
        // Now: the live plan; as recorded by a past day: the state replayed to that instant.
        Map<String, Object> state = knownAt == null ? reads.plan(user, objectiveId) : reads.state(user, objectiveId, knownAt);
        List<Map<String, Object>> measures = list(state.get("measures"));
        List<Map<String, Object>> occurrences = reads.boardRows(user, (uri, page) -> withKnownAt(uri.path("/api/occurrences")
                .queryParam("objectiveId", objectiveId).queryParam("asOf", date), knownAt)
                .queryParam("page", page).queryParam("size", 500).build(), MAX_BOARD_PAGES);
        model.addAttribute("objective", dashboard);
        model.addAttribute("plan", planRows(measures));
        model.addAttribute("occurrences", occurrences);
        model.addAttribute("assignable", knownAt == null ? assignable(user, measures) : List.of());
        vn.qualityledger.web.insight.Trends.objective(client, user, objectiveId, date, knownAt, model);
        return "objective";
    }

    /** The measures whose assignment the user may change (only offered on the page as recorded now). */
    private static List<String> assignable(SignedInUser user, List<Map<String, Object>> measures) {
        return measures.stream().filter(m -> m.get("cancelled_on") == null)
                .filter(m -> OfferedActions.mayAssign(user, OfferedActions.unitsOfTheWork(null, m.get("assigned_unit"),
                        Reads.strings(m.get("lead_units")))))
                .map(m -> m.get("measure_id").toString()).toList();
    }

    private static UriBuilder withKnownAt(UriBuilder uri, Instant knownAt) {
        return knownAt == null ? uri : uri.queryParam("knownAt", knownAt);
    }

    /** A row of the plan table: a measure, or a sub-measure under its parent. */
    record PlanRow(Map<String, Object> measure, boolean subMeasure) {
    }

    /** Measures in the plan's order (I.2 before I.10), each followed by its sub-measures. */
    static List<PlanRow> planRows(List<Map<String, Object>> measures) {
        Comparator<Map<String, Object>> byCode = Comparator.comparing(m -> naturalKey(Objects.toString(m.get("code"), "")));
        Map<String, List<Map<String, Object>>> children = new LinkedHashMap<>();
        List<Map<String, Object>> top = new ArrayList<>();
        for (Map<String, Object> measure : measures) {
            Object parent = measure.get("parent_measure_id");
            if (parent == null) {
                top.add(measure);
            } else {
                children.computeIfAbsent(parent.toString(), key -> new ArrayList<>()).add(measure);
            }
        }
        top.sort(byCode);
        List<PlanRow> rows = new ArrayList<>();
        for (Map<String, Object> measure : top) {
            rows.add(new PlanRow(measure, false));
            List<Map<String, Object>> subs = new ArrayList<>(children.getOrDefault(Objects.toString(measure.get("measure_id")), List.of()));
            subs.sort(byCode);
            subs.forEach(sub -> rows.add(new PlanRow(sub, true)));
        }
        return rows;
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+");

    /** Numbers in a code padded so that text order is the plan's order. */
    private static String naturalKey(String code) {
        Matcher matcher = NUMBER.matcher(code);
        StringBuilder key = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(key, String.format("%09d", Long.parseLong(matcher.group())));
        }
        matcher.appendTail(key);
        return key.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object rows) {
        return rows instanceof List<?> list ? new ArrayList<>((List<Map<String, Object>>) list) : new ArrayList<>();
    }
}
