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

/**
 * One objective: its dashboard as of a date, and its implementation plan (Kế hoạch thực hiện) as a table like the
 * agency's own: measures with their sub-measures, lead (Chủ trì) and coordinating (Phối hợp) units, schedule,
 * monitors and expected evidence. The plan's rows are the objective's state as recorded now.
 */
@Controller
class ObjectiveController {

    private final QualityLedgerClient client;

    ObjectiveController(QualityLedgerClient client) {
        this.client = client;
    }

    @GetMapping("/objectives/{objectiveId}")
    String objective(@PathVariable String objectiveId,
                     @RequestParam(required = false) @DateTimeFormat(pattern = "d/M/yyyy", fallbackPatterns = "yyyy-MM-dd") LocalDate asOf, Model model) {
        SignedInUser user = Pages.user();
        LocalDate date = asOf == null ? Pages.today() : asOf;
        Map<String, Object> dashboard = client.read(user, uri -> uri.path("/api/objectives/{id}/dashboard").queryParam("asOf", date)
                .build(objectiveId));
        Instant now = Instant.now();
        Map<String, Object> state = client.read(user, uri -> uri.path("/api/objectives/{id}/state").queryParam("at", now)
                .build(objectiveId));
        model.addAttribute("objective", dashboard);
        model.addAttribute("asOf", date);
        model.addAttribute("plan", planRows(list(state.get("measures"))));
        return "objective";
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
