package vn.qualityledger.web;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriBuilder;
import vn.qualityledger.web.ProblemMessages.FormErrors;
import vn.qualityledger.web.plan.ScheduleWords;

/**
 * One objective: its dashboard as of a date, and its implementation plan (Kế hoạch thực hiện) as a table like the
 * agency's own: measures with their sub-measures, lead (Chủ trì) and coordinating (Phối hợp) units, schedule,
 * monitors and expected evidence; and every occurrence with its status as of the date. With "recorded by" a past day,
 * all of it is as the service had it recorded at the end of that day — the auditor's view of what was known then.
 * The measurements of its target indicator are listed, and the planners record one there ("Ghi nhận kết quả đo",
 * {@code RecordMeasurement}).
 */
@Controller
class ObjectiveController {

    /**
     * Occurrences per page of the occurrence table: a monthly measure of a large plan has hundreds, and rendering them
     * all was most of the page's time (README, "Performance"); the plan table above already shows every measure.
     */
    static final int OCCURRENCE_PAGE_SIZE = 100;

    /** The service's names of a measurement's fields, and the form's. */
    private static final Map<String, String> MEASUREMENT = Map.of("period", "periodFrom", "period.from", "periodFrom",
            "period.to", "periodTo", "numerator", "numerator", "denominator", "denominator", "value", "value", "source", "source",
            "recordedOn", "recordedOn");

    private final QualityLedgerClient client;
    private final Reads reads;
    private final ProblemMessages problems;

    ObjectiveController(QualityLedgerClient client, Reads reads, ProblemMessages problems) {
        this.client = client;
        this.reads = reads;
        this.problems = problems;
    }

    @GetMapping("/objectives/{objectiveId}")
    String objective(@PathVariable String objectiveId,
                     @RequestParam(required = false) @DateTimeFormat(pattern = "d/M/yyyy", fallbackPatterns = "yyyy-MM-dd") LocalDate asOf,
                     @RequestParam(required = false) @DateTimeFormat(pattern = "d/M/yyyy", fallbackPatterns = "yyyy-MM-dd") LocalDate knownOn,
                     @RequestParam(defaultValue = "0") int occurrencePage, Model model) {
        return show(objectiveId, asOf, knownOn, Math.max(0, occurrencePage), new FormErrors(), null, model);
    }

    /**
     * Records a measurement of the objective's target indicator ({@code RecordMeasurement}): the period, either the
     * numerator and denominator or the value, the source and an optional "recorded on" day. Days and numbers that are
     * no day or number are marked beside their fields and nothing is sent; the service's refusals show beside the
     * fields they name (a period outside the year, a ratio over 1, a percentage over 100…).
     */
    @PostMapping("/objectives/{objectiveId}/measurements")
    String recordMeasurement(@PathVariable String objectiveId, @RequestParam(required = false) String measurementId,
                             @RequestParam(required = false) String periodFrom, @RequestParam(required = false) String periodTo,
                             @RequestParam(required = false) String numerator, @RequestParam(required = false) String denominator,
                             @RequestParam(required = false) String value, @RequestParam(required = false) String source,
                             @RequestParam(required = false) String recordedOn, HttpServletResponse response,
                             RedirectAttributes redirect, Model model) {
        SignedInUser user = Pages.user();
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("measurementId", Objects.toString(Pages.validId(measurementId), Pages.newId("measurement")));
        typed.put("periodFrom", Objects.toString(periodFrom, ""));
        typed.put("periodTo", Objects.toString(periodTo, ""));
        typed.put("numerator", Objects.toString(numerator, ""));
        typed.put("denominator", Objects.toString(denominator, ""));
        typed.put("value", Objects.toString(value, ""));
        typed.put("source", Objects.toString(source, ""));
        typed.put("recordedOn", Objects.toString(recordedOn, ""));
        FormErrors errors = new FormErrors();
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("from", null); // required: a blank one is the service's NotNull, beside its field
        period.put("to", null);
        Pages.putDay(period, "from", periodFrom, errors, "periodFrom", problems);
        Pages.putDay(period, "to", periodTo, errors, "periodTo", problems);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("measurementId", typed.get("measurementId"));
        body.put("period", period);
        body.put("numerator", number(numerator, "numerator", errors));
        body.put("denominator", number(denominator, "denominator", errors));
        body.put("value", number(value, "value", errors));
        body.put("source", Objects.toString(Pages.blankToNull(source), ""));
        Pages.putDay(body, "recordedOn", recordedOn, errors, "recordedOn", problems);
        if (errors.any()) {
            response.setStatus(400);
            return show(objectiveId, null, null, 0, errors, typed, model);
        }
        Object before = measurements(user, objectiveId);
        try {
            client.command(user, "/api/objectives/" + objectiveId + "/measurements", body);
        } catch (ServiceProblem refused) {
            return show(objectiveId, null, null, 0, problems.refusedForm(refused, response, MEASUREMENT, "measurement"), typed, model);
        }
        reads.awaitChange(before, () -> measurements(user, objectiveId));
        redirect.addFlashAttribute("notice", problems.text("measurement.recorded"));
        return "redirect:/objectives/" + objectiveId + "#measurements";
    }

    /** A number as typed in Vietnamese (96,5; 1.212) or with a decimal point (96.5); null when blank; marked when no number. */
    private BigDecimal number(String text, String field, FormErrors errors) {
        if (Pages.blankToNull(text) == null) {
            return null;
        }
        BigDecimal number = Pages.parseNumber(text).orElse(null);
        if (number == null) {
            errors.reject(field, problems.text("rule.number.format"));
        }
        return number;
    }

    private Object measurements(SignedInUser user, String objectiveId) {
        return reads.plan(user, objectiveId).get("measurements");
    }

    private String show(String objectiveId, LocalDate asOf, LocalDate knownOn, int occurrencePage, FormErrors measurementErrors,
                        Map<String, String> measurementTyped, Model model) {
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
        OccurrencePage occurrences = OccurrencePage.of(client.read(user, uri -> withKnownAt(uri.path("/api/occurrences")
                .queryParam("objectiveId", objectiveId).queryParam("asOf", date), knownAt)
                .queryParam("page", occurrencePage).queryParam("size", OCCURRENCE_PAGE_SIZE).build()));
        model.addAttribute("objective", dashboard);
        model.addAttribute("unitNames", UnitNames.of(client, user, Reads.text(dashboard.get("organisationId"))));
        model.addAttribute("plan", planRows(measures, problems));
        model.addAttribute("occurrences", occurrences);
        model.addAttribute("assignable", knownAt == null ? assignable(user, measures) : List.of());
        model.addAttribute("measurements", list(state.get("measurements")));
        boolean mayMeasure = knownAt == null && OfferedActions.mayRecordMeasurement(user, Objects.toString(dashboard.get("organisationId"), ""))
                && dashboard.get("target") != null && dashboard.get("closedOn") == null;
        model.addAttribute("mayMeasure", mayMeasure);
        if (mayMeasure) {
            Map<String, String> typed = measurementTyped != null ? measurementTyped
                    : Map.of("measurementId", Pages.newId("measurement"), "source", "", "recordedOn", "");
            model.addAttribute("measurementTyped", typed);
            model.addAttribute("measurementErrors", measurementErrors);
        }
        vn.qualityledger.web.insight.Trends.objective(client, user, objectiveId, date, knownAt, model);
        return "objective";
    }

    /** One page of the objective's occurrences as the board answered it. */
    record OccurrencePage(List<Map<String, Object>> content, int page, int totalPages, long totalElements) {

        static OccurrencePage of(Map<String, Object> board) {
            return new OccurrencePage(list(board.get("content")), number(board.get("page")), number(board.get("totalPages")),
                    board.get("totalElements") instanceof Number total ? total.longValue() : 0);
        }

        private static int number(Object value) {
            return value instanceof Number number ? number.intValue() : 0;
        }
    }

    /** The measures whose assignment the user may change (only offered on the page as recorded now). */
    private static List<String> assignable(SignedInUser user, List<Map<String, Object>> measures) {
        return measures.stream().filter(m -> m.get("cancelledOn") == null)
                .filter(m -> OfferedActions.mayAssign(user, OfferedActions.unitsOfTheWork(null, m.get("assignedUnit"),
                        Reads.strings(m.get("leadUnits")))))
                .map(m -> m.get("measureId").toString()).toList();
    }

    private static UriBuilder withKnownAt(UriBuilder uri, Instant knownAt) {
        return knownAt == null ? uri : uri.queryParam("knownAt", knownAt);
    }

    /** A row of the plan table: a measure, or a sub-measure under its parent, with its schedule rules in words. */
    record PlanRow(Map<String, Object> measure, boolean subMeasure, List<String> schedule) {
    }

    /** Measures in the plan's order (I.2 before I.10), each followed by its sub-measures. */
    static List<PlanRow> planRows(List<Map<String, Object>> measures, ProblemMessages texts) {
        Comparator<Map<String, Object>> byCode = Comparator.comparing(m -> naturalKey(Objects.toString(m.get("code"), "")));
        Map<String, List<Map<String, Object>>> children = new LinkedHashMap<>();
        List<Map<String, Object>> top = new ArrayList<>();
        for (Map<String, Object> measure : measures) {
            Object parent = measure.get("parentMeasureId");
            if (parent == null) {
                top.add(measure);
            } else {
                children.computeIfAbsent(parent.toString(), key -> new ArrayList<>()).add(measure);
            }
        }
        top.sort(byCode);
        List<PlanRow> rows = new ArrayList<>();
        for (Map<String, Object> measure : top) {
            rows.add(new PlanRow(measure, false, ScheduleWords.of(measure.get("scheduleRules"), texts)));
            List<Map<String, Object>> subs = new ArrayList<>(children.getOrDefault(Objects.toString(measure.get("measureId")), List.of()));
            subs.sort(byCode);
            subs.forEach(sub -> rows.add(new PlanRow(sub, true, ScheduleWords.of(sub.get("scheduleRules"), texts))));
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
