package vn.qualityledger.web.plan;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.qualityledger.web.OfferedActions;
import vn.qualityledger.web.Pages;
import vn.qualityledger.web.ProblemMessages;
import vn.qualityledger.web.ProblemMessages.FormErrors;
import vn.qualityledger.web.QualityLedgerClient;
import vn.qualityledger.web.Reads;
import vn.qualityledger.web.ServiceProblem;
import vn.qualityledger.web.SignedInUser;

/**
 * The plan by hand: defining an objective (Thêm mục tiêu), and on an objective's page "Quản lý mục tiêu" revising it,
 * publishing it under a decision, closing its year with an assessment, planning a measure (or sub-measure), and on a
 * measure's page revising or cancelling it. Each form sends one command to command-service as the signed-in user; a
 * refusal shows on its own form with what was typed, each failing field beside it ({@code rule.plan.<field>.<rule>},
 * then the general {@code rule.*} keys). Ids come from the codes, as the plan import derives them.
 */
@Controller
class PlanFormsController {

    private static final Map<String, String> OBJECTIVE = fields("objectiveId", "code", "code", "code", "statement", "statement",
            "target", "indicator", "target.indicator", "indicator", "target.comparator", "comparator", "target.value", "value",
            "target.unit", "unit", "year", "code", "organisationId", "code");
    private static final Map<String, String> PUBLICATION = fields("decision", "number", "decision.number", "number", "decision.date", "date");
    private static final Map<String, String> CLOSING = fields("assessment", "achieved", "assessment.achieved", "achieved",
            "assessment.reason", "reason", "closedOn", "closedOn");
    private static final Map<String, String> MEASURE = fields("measureId", "code", "parentMeasureId", "parent", "details", "title",
            "details.code", "code", "details.title", "title", "details.leadUnits", "lead", "details.coordinatingUnits", "coordinating",
            "details.monitors", "monitors", "details.expectedEvidence", "evidence", "details.schedule", "rules",
            "details.schedule.text", "scheduleText", "details.schedule.rules", "rules", "revisedOn", "revisedOn");
    private static final Map<String, String> CANCELLING = fields("reason", "reason", "effectiveOn", "effectiveOn");

    private final QualityLedgerClient client;
    private final Reads reads;
    private final ProblemMessages problems;

    PlanFormsController(QualityLedgerClient client, Reads reads, ProblemMessages problems) {
        this.client = client;
        this.reads = reads;
        this.problems = problems;
    }

    // ---- defining an objective -------------------------------------------------------------------------------------

    @GetMapping("/organisations/{organisationId}/years/{year}/objectives/new")
    String newObjective(@PathVariable String organisationId, @PathVariable int year, Model model) {
        return showDefine(organisationId, year, new FormErrors(), Map.of(), model);
    }

    @PostMapping("/organisations/{organisationId}/years/{year}/objectives")
    String define(@PathVariable String organisationId, @PathVariable int year, @RequestParam(required = false) String code,
                  @RequestParam(required = false) String statement, @RequestParam(required = false) String indicator,
                  @RequestParam(required = false) String comparator, @RequestParam(required = false) String value,
                  @RequestParam(required = false) String unit, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        SignedInUser user = requirePlanner();
        Map<String, String> typed = typed("code", code, "statement", statement, "indicator", indicator, "comparator", comparator,
                "value", value, "unit", unit);
        FormErrors errors = new FormErrors();
        Map<String, Object> body = new LinkedHashMap<>();
        String objectiveId = Pages.blankToNull(code) == null ? null : organisationId + "." + code.trim();
        body.put("objectiveId", objectiveId);
        body.put("organisationId", organisationId);
        body.put("year", year);
        body.put("code", trim(code));
        body.put("statement", trim(statement));
        body.put("target", target(indicator, comparator, value, unit, errors));
        if (errors.any()) {
            response.setStatus(400);
            return showDefine(organisationId, year, errors, typed, model);
        }
        try {
            client.command(user, "/api/objectives", body);
        } catch (ServiceProblem refused) {
            return showDefine(organisationId, year, problems.refusedForm(normalised(refused), response, OBJECTIVE, "plan"), typed, model);
        }
        reads.awaitChange(null, () -> dashboardOrNull(user, objectiveId));
        redirect.addFlashAttribute("notice", problems.text("plan.done.define", code.trim()));
        return "redirect:/objectives/" + objectiveId + "/manage";
    }

    private String showDefine(String organisationId, int year, FormErrors errors, Map<String, String> typed, Model model) {
        requirePlanner();
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("year", year);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "objective-new";
    }

    // ---- an objective: revise, publish, close, plan a measure -----------------------------------------------------

    @GetMapping("/objectives/{objectiveId}/manage")
    String manage(@PathVariable String objectiveId, Model model) {
        return showManage(objectiveId, null, new FormErrors(), Map.of(), model);
    }

    @PostMapping("/objectives/{objectiveId}/revisions")
    String revise(@PathVariable String objectiveId, @RequestParam(required = false) String statement,
                  @RequestParam(required = false) String indicator, @RequestParam(required = false) String comparator,
                  @RequestParam(required = false) String value, @RequestParam(required = false) String unit,
                  HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Map<String, String> typed = typed("statement", statement, "indicator", indicator, "comparator", comparator, "value", value, "unit", unit);
        FormErrors errors = new FormErrors();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statement", trim(statement));
        body.put("target", target(indicator, comparator, value, unit, errors));
        return send(objectiveId, "revise", "/revisions", body, Map.of(), OBJECTIVE, typed, errors, "plan.done.revise", response, redirect, model);
    }

    @PostMapping("/objectives/{objectiveId}/publication")
    String publish(@PathVariable String objectiveId, @RequestParam(required = false) String number,
                   @RequestParam(required = false) String date, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Map<String, String> typed = typed("number", number, "date", date);
        FormErrors errors = new FormErrors();
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("number", trim(number));
        decision.put("date", null); // required: a blank one is the service's NotNull, beside the field
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", decision);
        if (!Pages.putDay(decision, "date", date, errors, "date", problems)) {
            response.setStatus(400);
            return showManage(objectiveId, "publish", errors, typed, model);
        }
        return send(objectiveId, "publish", "/publication", body, Map.of(), PUBLICATION, typed, errors, "plan.done.publish", response, redirect, model);
    }

    @PostMapping("/objectives/{objectiveId}/closure")
    String close(@PathVariable String objectiveId, @RequestParam(required = false) String achieved,
                 @RequestParam(required = false) String reason, @RequestParam(required = false) String closedOn,
                 HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Map<String, String> typed = typed("achieved", achieved, "reason", reason, "closedOn", closedOn);
        Map<String, Object> body = new LinkedHashMap<>();
        if ("true".equals(achieved) || "false".equals(achieved)) {
            Map<String, Object> assessment = new LinkedHashMap<>();
            assessment.put("achieved", Boolean.valueOf(achieved));
            if (Pages.blankToNull(reason) != null) {
                assessment.put("reason", reason.trim());
            }
            body.put("assessment", assessment);
        } else {
            body.put("assessment", null); // the service's NotNull, beside "Đạt / Không đạt"
        }
        return send(objectiveId, "close", "/closure", body, typed("closedOn", closedOn), CLOSING, typed, new FormErrors(),
                "plan.done.close", response, redirect, model);
    }

    @PostMapping("/objectives/{objectiveId}/measures")
    String planMeasure(@PathVariable String objectiveId, @RequestParam(required = false) String parent,
                       @RequestParam(required = false) String code, @RequestParam(required = false) String title,
                       @RequestParam(required = false) String lead, @RequestParam(required = false) String coordinating,
                       @RequestParam(required = false) String monitors, @RequestParam(required = false) String evidence,
                       @RequestParam(required = false) String scheduleText, @RequestParam(required = false) String rules,
                       HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Map<String, String> typed = typed("parent", parent, "code", code, "title", title, "lead", lead, "coordinating", coordinating,
                "monitors", monitors, "evidence", evidence, "scheduleText", scheduleText, "rules", rules);
        FormErrors errors = new FormErrors();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("measureId", Pages.blankToNull(code));
        body.put("parentMeasureId", Pages.blankToNull(parent));
        body.put("details", details(code, title, lead, coordinating, monitors, evidence, scheduleText, rules, errors));
        return send(objectiveId, "measure", "/measures", body, Map.of(), MEASURE, typed, errors,
                "plan.done.measure", response, redirect, model, () -> measuresOf(objectiveId));
    }

    private String showManage(String objectiveId, String failedForm, FormErrors errors, Map<String, String> typed, Model model) {
        SignedInUser user = requirePlanner();
        Map<String, Object> objective = client.read(user, uri -> uri.path("/api/objectives/{id}/dashboard")
                .queryParam("asOf", Pages.today()).build(objectiveId));
        List<Map<String, Object>> measures = Reads.list(reads.plan(user, objectiveId).get("measures"));
        boolean closed = objective.get("closedOn") != null;
        boolean published = objective.get("decision") instanceof Map<?, ?> decision && decision.get("number") != null;
        model.addAttribute("objectiveId", objectiveId);
        model.addAttribute("objective", objective);
        model.addAttribute("measures", measures);
        model.addAttribute("parents", measures.stream().filter(m -> m.get("parentMeasureId") == null && m.get("cancelledOn") == null).toList());
        model.addAttribute("open", !closed);
        model.addAttribute("mayPublish", !closed && !published);
        model.addAttribute("mayClose", !closed && PlanActions.mayClose(user));
        model.addAttribute("failed", failedForm);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("comparators", List.of(">=", ">", "<=", "<", "="));
        model.addAttribute("title", problems.text("plan.manage.title", Objects.toString(objective.get("code"), objectiveId)));
        return "objective-manage";
    }

    // ---- a measure: revise, cancel ------------------------------------------------------------------------------------

    @GetMapping("/objectives/{objectiveId}/measures/{measureId}")
    String measure(@PathVariable String objectiveId, @PathVariable String measureId, Model model) {
        return showMeasure(objectiveId, measureId, null, new FormErrors(), null, model);
    }

    @PostMapping("/objectives/{objectiveId}/measures/{measureId}/revisions")
    String reviseMeasure(@PathVariable String objectiveId, @PathVariable String measureId, @RequestParam(required = false) String code,
                         @RequestParam(required = false) String title, @RequestParam(required = false) String lead,
                         @RequestParam(required = false) String coordinating, @RequestParam(required = false) String monitors,
                         @RequestParam(required = false) String evidence, @RequestParam(required = false) String scheduleText,
                         @RequestParam(required = false) String rules, @RequestParam(required = false) String revisedOn,
                         HttpServletResponse response, RedirectAttributes redirect, Model model) {
        SignedInUser user = requirePlanner();
        Map<String, String> typed = typed("code", code, "title", title, "lead", lead, "coordinating", coordinating, "monitors", monitors,
                "evidence", evidence, "scheduleText", scheduleText, "rules", rules, "revisedOn", revisedOn);
        FormErrors errors = new FormErrors();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("details", details(code, title, lead, coordinating, monitors, evidence, scheduleText, rules, errors));
        Pages.putDay(body, "revisedOn", revisedOn, errors, "revisedOn", problems);
        return sendMeasure(user, objectiveId, measureId, "revise", "/revisions", body, MEASURE, typed, errors, "plan.done.reviseMeasure",
                response, redirect, model);
    }

    @PostMapping("/objectives/{objectiveId}/measures/{measureId}/cancellation")
    String cancelMeasure(@PathVariable String objectiveId, @PathVariable String measureId, @RequestParam(required = false) String reason,
                         @RequestParam(required = false) String effectiveOn, HttpServletResponse response, RedirectAttributes redirect,
                         Model model) {
        SignedInUser user = requirePlanner();
        Map<String, String> typed = typed("reason", reason, "effectiveOn", effectiveOn);
        FormErrors errors = new FormErrors();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", trim(reason));
        // A cancellation may take effect ahead (the service's own rule); empty: today.
        if (Pages.blankToNull(effectiveOn) != null) {
            Pages.parseDate(effectiveOn).ifPresentOrElse(day -> body.put("effectiveOn", day.toString()),
                    () -> errors.reject("effectiveOn", problems.text("rule.date.format")));
        }
        return sendMeasure(user, objectiveId, measureId, "cancel", "/cancellation", body, CANCELLING, typed, errors, "plan.done.cancelMeasure",
                response, redirect, model);
    }

    private String sendMeasure(SignedInUser user, String objectiveId, String measureId, String form, String path, Map<String, Object> body,
                               Map<String, String> fields, Map<String, String> typed, FormErrors errors, String notice,
                               HttpServletResponse response, RedirectAttributes redirect, Model model) {
        if (errors.any()) {
            response.setStatus(400);
            return showMeasure(objectiveId, measureId, form, errors, typed, model);
        }
        List<Map<String, Object>> before = measuresOf(objectiveId);
        try {
            client.command(user, "/api/objectives/" + objectiveId + "/measures/" + measureId + path, body);
        } catch (ServiceProblem refused) {
            return showMeasure(objectiveId, measureId, form, problems.refusedForm(normalised(refused), response, fields, "plan"), typed, model);
        }
        reads.awaitChange(before, () -> measuresOf(objectiveId));
        redirect.addFlashAttribute("notice", problems.text(notice, measureId));
        return "redirect:/objectives/" + objectiveId + "/manage";
    }

    private String showMeasure(String objectiveId, String measureId, String failedForm, FormErrors errors, Map<String, String> typed,
                               Model model) {
        SignedInUser user = requirePlanner();
        Map<String, Object> measure = measuresOf(user, objectiveId).stream().filter(m -> measureId.equals(m.get("measureId"))).findFirst()
                .orElseThrow(() -> new ServiceProblem(404, "MEASURE_NOT_FOUND", measureId));
        // What is recorded, as the form starts (the rules in the form's notation, when the read side has them).
        Map<String, String> recorded = typed("code", Reads.text(measure.get("code")), "title", Reads.text(measure.get("title")),
                "lead", String.join(", ", Reads.strings(measure.get("leadUnits"))),
                "coordinating", String.join(", ", Reads.strings(measure.get("coordinatingUnits"))),
                "monitors", String.join(", ", Reads.strings(measure.get("monitors"))),
                "evidence", String.join("\n", Reads.strings(measure.get("expectedEvidence"))),
                "scheduleText", Reads.text(measure.get("scheduleText")),
                "rules", ScheduleRules.format(measure.get("scheduleRules")).orElse(""), "revisedOn", "");
        model.addAttribute("rulesReadBack", ScheduleRules.format(measure.get("scheduleRules")).isPresent());
        model.addAttribute("scheduleWords", ScheduleWords.of(measure.get("scheduleRules"), problems));
        model.addAttribute("objectiveId", objectiveId);
        model.addAttribute("measure", measure);
        model.addAttribute("cancelled", measure.get("cancelledOn") != null);
        model.addAttribute("failed", failedForm);
        model.addAttribute("errors", errors);
        if (typed != null) {
            recorded.putAll(typed);
        }
        model.addAttribute("typed", recorded);
        model.addAttribute("title", problems.text("plan.measure.title", Objects.toString(measure.get("code"), measureId)));
        return "measure-edit";
    }

    // ---- shared ---------------------------------------------------------------------------------------------------------

    private String send(String objectiveId, String form, String path, Map<String, Object> body, Map<String, String> days,
                        Map<String, String> fields, Map<String, String> typed, FormErrors errors, String notice,
                        HttpServletResponse response, RedirectAttributes redirect, Model model) {
        SignedInUser user = requirePlanner();
        return send(objectiveId, form, path, body, days, fields, typed, errors, notice, response, redirect, model,
                () -> dashboardOrNull(user, objectiveId));
    }

    /**
     * Sends one command about the objective: its days first (a text that is no date is marked and nothing is sent), then
     * the command; a refusal shows on its form, a success waits until {@code read} shows a change and goes back to the page.
     */
    private String send(String objectiveId, String form, String path, Map<String, Object> body, Map<String, String> days,
                        Map<String, String> fields, Map<String, String> typed, FormErrors errors, String notice,
                        HttpServletResponse response, RedirectAttributes redirect, Model model, Supplier<Object> read) {
        SignedInUser user = requirePlanner();
        days.forEach((field, text) -> Pages.putDay(body, field, text, errors, field, problems));
        if (errors.any()) {
            response.setStatus(400);
            return showManage(objectiveId, form, errors, typed, model);
        }
        Object before = read.get();
        try {
            client.command(user, "/api/objectives/" + objectiveId + path, body);
        } catch (ServiceProblem refused) {
            return showManage(objectiveId, form, problems.refusedForm(normalised(refused), response, fields, "plan"), typed, model);
        }
        reads.awaitChange(before, read);
        redirect.addFlashAttribute("notice", problems.text(notice, Objects.toString(body.get("measureId"), "")));
        return "redirect:/objectives/" + objectiveId + "/manage";
    }

    /** The target of a form: none when all four fields are empty; a value that is no number is marked beside it. */
    private Map<String, Object> target(String indicator, String comparator, String value, String unit, FormErrors errors) {
        if (Pages.blankToNull(indicator) == null && Pages.blankToNull(value) == null && Pages.blankToNull(unit) == null) {
            return null;
        }
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("indicator", trim(indicator));
        target.put("comparator", Pages.blankToNull(comparator));
        target.put("value", null);
        if (Pages.blankToNull(value) != null) {
            try {
                target.put("value", new java.math.BigDecimal(value.trim().replace(',', '.')));
            } catch (NumberFormatException notANumber) {
                errors.reject("value", problems.text("rule.plan.value.format"));
            }
        }
        if (Pages.blankToNull(unit) != null) {
            target.put("unit", unit.trim());
        }
        return target;
    }

    private Map<String, Object> details(String code, String title, String lead, String coordinating, String monitors, String evidence,
                                        String scheduleText, String rules, FormErrors errors) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("code", trim(code));
        details.put("title", trim(title));
        details.put("leadUnits", units(lead));
        details.put("coordinatingUnits", units(coordinating));
        details.put("monitors", units(monitors));
        details.put("expectedEvidence", lines(evidence));
        Map<String, Object> schedule = new LinkedHashMap<>();
        if (Pages.blankToNull(scheduleText) != null) {
            schedule.put("text", scheduleText.trim());
        }
        try {
            schedule.put("rules", ScheduleRules.parse(rules));
        } catch (ScheduleRules.NotARule line) {
            errors.reject("rules", problems.text("rule.plan.rules.format", line.getMessage()));
        }
        details.put("schedule", schedule);
        return details;
    }

    private Object dashboardOrNull(SignedInUser user, String objectiveId) {
        try {
            return client.read(user, uri -> uri.path("/api/objectives/{id}/dashboard").queryParam("asOf", Pages.today()).build(objectiveId));
        } catch (ServiceProblem notYet) {
            if (notYet.unauthenticated()) {
                throw notYet;
            }
            return null;
        }
    }

    private List<Map<String, Object>> measuresOf(String objectiveId) {
        return measuresOf(Pages.user(), objectiveId);
    }

    private List<Map<String, Object>> measuresOf(SignedInUser user, String objectiveId) {
        return Reads.list(reads.plan(user, objectiveId).get("measures"));
    }

    /** The service names list entries ({@code details.leadUnits[0]}) and rule parts ({@code details.schedule.rules[0].rrule}): one field each here. */
    private static ServiceProblem normalised(ServiceProblem problem) {
        List<ServiceProblem.FieldProblem> fields = new ArrayList<>();
        for (ServiceProblem.FieldProblem field : problem.fieldProblems()) {
            String name = field.field().replaceAll("\\[\\d+]", "");
            if (name.startsWith("details.schedule.rules")) {
                name = "details.schedule.rules";
            }
            fields.add(new ServiceProblem.FieldProblem(name, field.rule(), field.message()));
        }
        return new ServiceProblem(problem.status(), problem.code(), problem.detail(), fields);
    }

    private static SignedInUser requirePlanner() {
        SignedInUser user = Pages.user();
        if (!OfferedActions.isPlanner(user)) {
            throw new ServiceProblem(403, "PLANNERS_ONLY", "");
        }
        return user;
    }

    static List<String> units(String text) {
        List<String> units = new ArrayList<>();
        if (text != null) {
            for (String unit : text.split("[,;\\n]")) {
                if (!unit.isBlank()) {
                    units.add(unit.trim());
                }
            }
        }
        return units;
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text != null) {
            for (String line : text.split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.trim());
                }
            }
        }
        return lines;
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static Map<String, String> typed(String... namesAndValues) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            typed.put(namesAndValues[i], Objects.toString(namesAndValues[i + 1], ""));
        }
        return typed;
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }
}
