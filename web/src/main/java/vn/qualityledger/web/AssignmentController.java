package vn.qualityledger.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.qualityledger.web.ProblemMessages.FormErrors;

/**
 * Giao việc: a measure, or one of its occurrences, to a unit and optionally a person. The ISO secretary (and the QMR,
 * an administrator) assign anything; a unit head hands out their own unit's work within their unit, so for them the
 * unit is fixed. An occurrence's own assignment overrides its measure's.
 */
@Controller
class AssignmentController {

    private static final Map<String, String> FIELDS = Map.of("unit", "unit", "person", "person", "measureId", "measureId",
            "occurrenceId", "occurrenceId", "assignedOn", "assignedOn");

    private final QualityLedgerClient client;
    private final Reads reads;
    private final ProblemMessages problems;

    AssignmentController(QualityLedgerClient client, Reads reads, ProblemMessages problems) {
        this.client = client;
        this.reads = reads;
        this.problems = problems;
    }

    record AssignmentForm(String measureId, String occurrenceId, String unit, String person, String assignedOn) {
    }

    @GetMapping("/objectives/{objectiveId}/assignment")
    String form(@PathVariable String objectiveId, @RequestParam String measureId, @RequestParam(required = false) String occurrenceId,
                Model model) {
        Plan plan = plan(objectiveId, measureId);
        SignedInUser user = Pages.user();
        String occurrence = Pages.blankToNull(occurrenceId);
        String unit = fixedUnit(user);
        String person = "";
        if (unit == null) {
            Map<String, Object> current = occurrence == null ? plan.measure() : plan.occurrence(occurrence).orElse(Map.of());
            unit = Objects.toString(current.get("assignedUnit"), "");
            person = Objects.toString(current.get("assignedPerson"), "");
        }
        return show(plan, new AssignmentForm(measureId, occurrence, unit, person, ""), new FormErrors(), model);
    }

    @PostMapping("/objectives/{objectiveId}/assignment")
    String assign(@PathVariable String objectiveId, @ModelAttribute AssignmentForm form, HttpServletResponse response,
                  RedirectAttributes redirect, Model model) {
        SignedInUser user = Pages.user();
        Plan plan = plan(objectiveId, form.measureId());
        String occurrenceId = Pages.blankToNull(form.occurrenceId());
        String unit = Optional.ofNullable(fixedUnit(user)).orElse(form.unit() == null ? "" : form.unit().trim());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("measureId", form.measureId());
        if (occurrenceId != null) {
            body.put("occurrenceId", occurrenceId);
        }
        body.put("unit", unit);
        String person = Pages.blankToNull(form.person());
        if (person != null) {
            body.put("person", person);
        }
        FormErrors dayErrors = new FormErrors();
        if (!Pages.putDay(body, "assignedOn", form.assignedOn(), dayErrors, "assignedOn", problems)) {
            response.setStatus(400);
            return show(plan, new AssignmentForm(form.measureId(), occurrenceId, unit, form.person(), form.assignedOn()), dayErrors, model);
        }
        try {
            client.command(user, "/api/objectives/" + objectiveId + "/assignments", body);
        } catch (ServiceProblem refused) {
            return show(plan, new AssignmentForm(form.measureId(), occurrenceId, unit, form.person(), form.assignedOn()), problems.refusedForm(refused, response, FIELDS), model);
        }
        Map<String, Object> shownOn = occurrenceId == null ? plan.occurrences().stream().findFirst().orElse(null)
                : plan.occurrence(occurrenceId).orElse(null);
        if (shownOn != null && (occurrenceId != null || shownOn.get("assignedUnit") == null)) {
            reads.awaitBoard(user, objectiveId, shownOn.get("occurrenceId").toString(), LocalDate.parse(shownOn.get("dueDate").toString()),
                    row -> unit.equals(row.get("unit")) && Objects.equals(person, row.get("person")));
        }
        String code = Objects.toString(plan.measure().get("code"), form.measureId());
        redirect.addFlashAttribute("notice", occurrenceId == null ? problems.text("assignment.doneMeasure", code, unit)
                : problems.text("assignment.doneOccurrence", code, new Formats().date(plan.occurrence(occurrenceId)
                        .map(o -> o.get("dueDate")).orElse(null)), unit));
        return occurrenceId == null ? "redirect:/objectives/{objectiveId}"
                : "redirect:/objectives/{objectiveId}/occurrences/" + occurrenceId;
    }

    /** A unit head's assignments stay within their unit; everyone else chooses. */
    private static String fixedUnit(SignedInUser user) {
        return OfferedActions.isPlanner(user) ? null : user.unit();
    }

    /**
     * One assignment of the measure or of one of its occurrences, as the page lists them: what was assigned (the whole
     * measure, or the occurrence due on a day), to whom, from when it was recorded until a reassignment replaced it.
     */
    record PastAssignment(String what, String unit, String person, Object assignedOn, Object recordedFrom, Object recordedTo) {
    }

    /** Who had the measure's work before, so that a reassignment is made knowing it (query-service's row versions). */
    private List<PastAssignment> history(Plan plan) {
        String objectiveId = plan.objectiveId();
        Map<String, Object> history = client.read(Pages.user(), uri -> uri.path("/api/objectives/{id}/assignment-history").build(objectiveId));
        Formats formats = new Formats();
        return Reads.list(history.get("assignments")).stream()
                .filter(a -> Objects.equals(a.get("measureId"), plan.measure().get("measureId")))
                .map(a -> new PastAssignment(a.get("occurrenceId") == null ? problems.text("assignment.historyWholeMeasure")
                        : problems.text("assignment.occurrence", formats.date(plan.occurrence(a.get("occurrenceId").toString())
                                .map(o -> o.get("dueDate")).orElse(null))),
                        Objects.toString(a.get("unit"), ""), Objects.toString(a.get("person"), ""), a.get("assignedOn"),
                        a.get("recordedFrom"), a.get("recordedTo")))
                .toList();
    }

    private String show(Plan plan, AssignmentForm form, FormErrors errors, Model model) {
        model.addAttribute("plan", plan);
        model.addAttribute("pastAssignments", history(plan));
        model.addAttribute("title", problems.text("assignment.title", plan.measure().get("code")));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", Pages.today());
        model.addAttribute("unitFixed", fixedUnit(Pages.user()) != null);
        return "assignment";
    }

    private Plan plan(String objectiveId, String measureId) {
        Map<String, Object> state = reads.plan(Pages.user(), objectiveId);
        List<Map<String, Object>> measures = Reads.list(state.get("measures"));
        Map<String, Object> measure = measures.stream().filter(m -> Objects.equals(measureId, m.get("measureId"))).findFirst()
                .orElseThrow(() -> new ServiceProblem(404, "MEASURE_NOT_FOUND", ""));
        List<Map<String, Object>> occurrences = Reads.list(state.get("occurrences")).stream()
                .filter(o -> measureId.equals(o.get("measureId")) && o.get("cancelledOn") == null).toList();
        // The units the organisation's records name, and those the plan names (its groups aside): the choices offered,
        // any other may be typed.
        TreeSet<String> units = new TreeSet<>(reads.organisationUnits(Pages.user()));
        for (Map<String, Object> m : measures) {
            for (String column : List.of("leadUnits", "coordinatingUnits", "monitors")) {
                Reads.strings(m.get(column)).stream().filter(u -> !u.startsWith("ALL_") && !u.equals("UNIT_HEADS")).forEach(units::add);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = state.get("figures") instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.of();
        return new Plan(objectiveId, figures, measure, occurrences, List.copyOf(units));
    }

    /** What the form needs from the objective's recorded state. */
    record Plan(String objectiveId, Map<String, Object> objective, Map<String, Object> measure, List<Map<String, Object>> occurrences,
                List<String> units) {

        Optional<Map<String, Object>> occurrence(String occurrenceId) {
            return occurrences.stream().filter(o -> occurrenceId.equals(o.get("occurrenceId"))).findFirst();
        }
    }
}
