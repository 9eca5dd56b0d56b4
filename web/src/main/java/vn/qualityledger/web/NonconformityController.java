package vn.qualityledger.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriBuilder;
import vn.qualityledger.web.ProblemMessages.FormErrors;
import vn.qualityledger.web.export.ExportLinks;

/**
 * Sự không phù hợp: an organisation's nonconformities (query-service's tracker list: status, severity, unit, age,
 * overdue) and one in detail with its corrective actions (Hành động khắc phục), and for those who may, the forms of
 * its steps — correction, root cause, planning an action, implementing it (with its evidence document), verifying its
 * effectiveness, closing and reopening — each with its optional day. A refused step shows on its own form, keeping
 * what was typed, each failing field beside it.
 */
@Controller
class NonconformityController {

    static final int PAGE_SIZE = 20;
    static final Set<String> STATUSES = Set.of("RAISED", "ACTIONS_PLANNED", "IMPLEMENTED", "VERIFIED", "CLOSED", "REOPENED");

    private static final Map<String, String> RAISING = Map.of("source", "source", "origin.source", "source",
            "complaintReference", "complaintReference", "origin.complaintReference", "complaintReference", "severity", "severity",
            "unit", "unit", "clause", "clause", "description", "description", "raisedOn", "raisedOn");
    private static final Map<String, String> CORRECTION = Map.of("correction", "correction", "correctedOn", "correctedOn");
    private static final Map<String, String> ROOT_CAUSE = Map.of("rootCause", "rootCause", "method", "method", "analysedOn", "analysedOn");
    private static final Map<String, String> ACTION = Map.of("ownerUnit", "ownerUnit", "description", "description", "dueDate", "dueDate",
            "plannedOn", "plannedOn");
    private static final Map<String, String> IMPLEMENTATION = Map.of("evidence.number", "number", "evidence.date", "date",
            "evidence.issuer", "issuer", "evidence.title", "title", "evidence.link", "link", "evidence", "number", "note", "note",
            "implementedOn", "implementedOn");
    private static final Map<String, String> VERIFICATION = Map.of("effective", "effective", "reason", "reason", "verifiedOn", "verifiedOn");
    private static final Map<String, String> CLOSING = Map.of("note", "note", "closedOn", "closedOn");
    private static final Map<String, String> REOPENING = Map.of("reason", "reason", "reopenedOn", "reopenedOn");

    private final QualityLedgerClient client;
    private final Reads reads;
    private final ProblemMessages problems;

    NonconformityController(QualityLedgerClient client, Reads reads, ProblemMessages problems) {
        this.client = client;
        this.reads = reads;
        this.problems = problems;
    }

    @GetMapping("/nonconformities")
    String mine() {
        SignedInUser user = Pages.user();
        if (user.organisation() == null || user.organisation().isBlank()) {
            return user.readsEveryOrganisation() ? "redirect:/organisations" : "no-organisation";
        }
        return "redirect:/organisations/" + user.organisation() + "/nonconformities";
    }

    @GetMapping("/organisations/{organisationId}/nonconformities")
    String list(@PathVariable String organisationId, @RequestParam(required = false) String status,
                @RequestParam(required = false) String overdue, @RequestParam(required = false) Integer year,
                @RequestParam(defaultValue = "0") int page, Model model) {
        return showList(organisationId, status, overdue, year, page, new FormErrors(), Map.of(), model);
    }

    /** Raising a nonconformity by hand or from a complaint (the service raises those of findings and missed objectives). */
    @PostMapping("/organisations/{organisationId}/nonconformities")
    String raise(@PathVariable String organisationId, @RequestParam(required = false) String nonconformityId,
                 @RequestParam(required = false) String source, @RequestParam(required = false) String complaintReference,
                 @RequestParam(required = false) String severity, @RequestParam(required = false) String unit,
                 @RequestParam(required = false) String clause, @RequestParam(required = false) String description,
                 @RequestParam(required = false) String raisedOn, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        SignedInUser user = Pages.user();
        String id = Objects.requireNonNullElseGet(Pages.validId(nonconformityId), () -> Pages.newId("nc"));
        Map<String, String> typed = typed("nonconformityId", id, "source", source, "complaintReference", complaintReference,
                "severity", severity, "unit", unit, "clause", clause, "description", description, "raisedOn", raisedOn);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nonconformityId", id);
        body.put("organisationId", organisationId);
        body.put("source", Pages.blankToNull(source));
        if (Pages.blankToNull(complaintReference) != null) {
            body.put("complaintReference", complaintReference.trim());
        }
        body.put("severity", Pages.blankToNull(severity));
        if (Pages.blankToNull(unit) != null) {
            body.put("unit", unit.trim());
        }
        if (Pages.blankToNull(clause) != null) {
            body.put("clause", clause.trim());
        }
        body.put("description", trim(description));
        FormErrors errors = new FormErrors();
        if (!Pages.putDay(body, "raisedOn", raisedOn, errors, "raisedOn", problems)) {
            response.setStatus(400);
            return showList(organisationId, null, null, null, 0, errors, typed, model);
        }
        try {
            client.command(user, "/api/nonconformities", body);
        } catch (ServiceProblem refused) {
            return showList(organisationId, null, null, null, 0, problems.refusedForm(refused, response, RAISING, "nc"), typed, model);
        }
        reads.awaitChange(null, () -> {
            try {
                return read(user, id);
            } catch (ServiceProblem notYet) {
                return null;
            }
        });
        redirect.addFlashAttribute("notice", problems.text("nc.done.raise"));
        return "redirect:/nonconformities/" + id;
    }

    private String showList(String organisationId, String status, String overdue, Integer year, int page, FormErrors errors,
                            Map<String, String> typed, Model model) {
        SignedInUser user = Pages.user();
        String shownStatus = status != null && STATUSES.contains(status) ? status : null;
        boolean onlyOverdue = "true".equals(overdue);
        Integer shownYear = year != null && year >= 2000 && year <= 2100 ? year : null;
        int pageNumber = Math.max(0, page);
        Map<String, Object> answer = client.read(user, uri -> {
            UriBuilder builder = uri.path("/api/organisations/{org}/nonconformities").queryParam("asOf", Pages.today())
                    .queryParam("page", pageNumber).queryParam("size", PAGE_SIZE);
            if (shownStatus != null) {
                builder.queryParam("status", shownStatus);
            }
            if (onlyOverdue) {
                builder.queryParam("overdue", true);
            }
            if (shownYear != null) {
                builder.queryParam("year", shownYear);
            }
            return builder.build(organisationId);
        });
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("list", answer);
        model.addAttribute("rows", Reads.rows(answer));
        Map<String, Object> filters = new java.util.HashMap<>(Map.of("organisationId", organisationId, "asOf", Pages.today()));
        if (shownStatus != null) {
            filters.put("status", shownStatus);
        }
        if (onlyOverdue) {
            filters.put("overdue", true);
        }
        if (shownYear != null) {
            filters.put("year", shownYear);
        }
        ExportLinks.offer(model, "exports", "nonconformities", filters);
        model.addAttribute("status", shownStatus);
        model.addAttribute("overdue", onlyOverdue);
        model.addAttribute("year", shownYear);
        model.addAttribute("statuses", List.of("RAISED", "ACTIONS_PLANNED", "IMPLEMENTED", "VERIFIED", "REOPENED", "CLOSED"));
        model.addAttribute("today", Pages.today());
        model.addAttribute("mayRaise", OfferedActions.mayRaiseNonconformity(user) && organisationId.equals(user.organisation()));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("raiseFailed", !typed.isEmpty());
        model.addAttribute("newNonconformityId", typed.getOrDefault("nonconformityId", Pages.newId("nc")));
        return "nonconformities";
    }

    @GetMapping("/nonconformities/{id}")
    String detail(@PathVariable String id, Model model) {
        return show(id, null, new FormErrors(), Map.of(), model);
    }

    @PostMapping("/nonconformities/{id}/correction")
    String correction(@PathVariable String id, @RequestParam(required = false) String correction,
                      @RequestParam(required = false) String correctedOn, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Map<String, String> typed = typed("correction", correction, "correctedOn", correctedOn);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("correction", trim(correction));
        return send(id, "correction", "/correction", body, typed("correctedOn", correctedOn), CORRECTION, typed,
                "nc.done.correction", response, redirect, model);
    }

    @PostMapping("/nonconformities/{id}/root-cause")
    String rootCause(@PathVariable String id, @RequestParam(required = false) String rootCause, @RequestParam(required = false) String method,
                     @RequestParam(required = false) String analysedOn, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Map<String, String> typed = typed("rootCause", rootCause, "method", method, "analysedOn", analysedOn);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rootCause", trim(rootCause));
        if (Pages.blankToNull(method) != null) {
            body.put("method", method.trim());
        }
        return send(id, "rootCause", "/root-cause", body, typed("analysedOn", analysedOn), ROOT_CAUSE, typed,
                "nc.done.rootCause", response, redirect, model);
    }

    @PostMapping("/nonconformities/{id}/actions")
    String planAction(@PathVariable String id, @RequestParam(required = false) String actionId, @RequestParam(required = false) String ownerUnit,
                      @RequestParam(required = false) String description, @RequestParam(required = false) String dueDate,
                      @RequestParam(required = false) String plannedOn, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        String chosenId = Objects.requireNonNullElseGet(Pages.validId(actionId), () -> Pages.newId("ca"));
        Map<String, String> typed = typed("actionId", chosenId, "ownerUnit", ownerUnit, "description", description, "dueDate", dueDate,
                "plannedOn", plannedOn);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("actionId", chosenId);
        body.put("ownerUnit", trim(ownerUnit));
        body.put("description", trim(description));
        body.put("dueDate", null); // required: a blank one is the service's NotNull, beside the field
        Map<String, String> days = new LinkedHashMap<>();
        days.put("dueDate", dueDate);
        days.put("plannedOn", plannedOn);
        return send(id, "action", "/actions", body, days, ACTION, typed, "nc.done.action", response, redirect, model);
    }

    @PostMapping("/nonconformities/{id}/actions/{actionId}/implementation")
    String implement(@PathVariable String id, @PathVariable String actionId, @RequestParam(required = false) String number,
                     @RequestParam(required = false) String date, @RequestParam(required = false) String issuer,
                     @RequestParam(required = false) String title, @RequestParam(required = false) String link,
                     @RequestParam(required = false) String note, @RequestParam(required = false) String implementedOn,
                     HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Map<String, String> typed = typed("number", number, "date", date, "issuer", issuer, "title", title, "link", link, "note", note,
                "implementedOn", implementedOn);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("number", trim(number));
        document.put("date", Pages.parseDate(date).map(Object::toString).orElse(null));
        document.put("issuer", trim(issuer));
        document.put("title", trim(title));
        if (Pages.blankToNull(link) != null) {
            document.put("link", link.trim());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evidence", document);
        if (Pages.blankToNull(note) != null) {
            body.put("note", note.trim());
        }
        FormErrors badDates = new FormErrors();
        if (Pages.blankToNull(date) != null && Pages.parseDate(date).isEmpty()) {
            badDates.reject("date", problems.text("rule.date.format"));
        }
        return send(id, "implement:" + actionId, "/actions/" + actionId + "/implementation", body, typed("implementedOn", implementedOn),
                IMPLEMENTATION, typed, badDates, "nc.done.implementation", response, redirect, model);
    }

    @PostMapping("/nonconformities/{id}/actions/{actionId}/verification")
    String verify(@PathVariable String id, @PathVariable String actionId, @RequestParam(required = false) String effective,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String verifiedOn,
                  HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Map<String, String> typed = typed("effective", effective, "reason", reason, "verifiedOn", verifiedOn);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("effective", "true".equals(effective) ? Boolean.TRUE : "false".equals(effective) ? Boolean.FALSE : null);
        if (Pages.blankToNull(reason) != null) {
            body.put("reason", reason.trim());
        }
        return send(id, "verify:" + actionId, "/actions/" + actionId + "/verification", body, typed("verifiedOn", verifiedOn),
                VERIFICATION, typed, "nc.done.verification", response, redirect, model);
    }

    @PostMapping("/nonconformities/{id}/closure")
    String close(@PathVariable String id, @RequestParam(required = false) String note, @RequestParam(required = false) String closedOn,
                 HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (Pages.blankToNull(note) != null) {
            body.put("note", note.trim());
        }
        return send(id, "close", "/close", body, typed("closedOn", closedOn), CLOSING, typed("note", note, "closedOn", closedOn),
                "nc.done.close", response, redirect, model);
    }

    @PostMapping("/nonconformities/{id}/reopening")
    String reopen(@PathVariable String id, @RequestParam(required = false) String reason, @RequestParam(required = false) String reopenedOn,
                  HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", trim(reason));
        return send(id, "reopen", "/reopen", body, typed("reopenedOn", reopenedOn), REOPENING, typed("reason", reason, "reopenedOn", reopenedOn),
                "nc.done.reopen", response, redirect, model);
    }

    private String send(String id, String form, String path, Map<String, Object> body, Map<String, String> days, Map<String, String> fields,
                        Map<String, String> typed, String notice, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        return send(id, form, path, body, days, fields, typed, new FormErrors(), notice, response, redirect, model);
    }

    /**
     * Sends one step: its days (typed dd/MM/yyyy; a text that is no date is marked and nothing is sent), then the
     * command; a refusal shows on the step's form, a success waits until the read side shows it and goes back to the page.
     */
    private String send(String id, String form, String path, Map<String, Object> body, Map<String, String> days, Map<String, String> fields,
                        Map<String, String> typed, FormErrors errors, String notice, HttpServletResponse response, RedirectAttributes redirect,
                        Model model) {
        SignedInUser user = Pages.user();
        boolean allDays = true;
        for (Map.Entry<String, String> day : days.entrySet()) {
            allDays &= Pages.putDay(body, day.getKey(), day.getValue(), errors, day.getKey(), problems);
        }
        if (!allDays || errors.any()) {
            response.setStatus(400);
            return show(id, form, errors, typed, model);
        }
        Map<String, Object> before = read(user, id);
        try {
            client.command(user, "/api/nonconformities/" + id + path, body);
        } catch (ServiceProblem refused) {
            FormErrors shown = problems.refusedForm(refused, response, fields, "nc");
            errors.byField().forEach(shown.byField()::put); // "not a date" says more than the service's "required"
            return show(id, form, shown, typed, model);
        }
        reads.awaitChange(before, () -> read(user, id));
        redirect.addFlashAttribute("notice", problems.text(notice));
        return "redirect:/nonconformities/" + id;
    }

    private String show(String id, String failedForm, FormErrors errors, Map<String, String> typed, Model model) {
        SignedInUser user = Pages.user();
        Map<String, Object> nc = read(user, id);
        String status = Reads.text(nc.get("status"));
        boolean open = !"CLOSED".equals(status);
        boolean treats = OfferedActions.mayTreatNonconformity(user, Reads.text(nc.get("unit")));
        model.addAttribute("nc", nc);
        model.addAttribute("closures", Reads.list(nc.get("closures")));
        model.addAttribute("title", problems.text("nc.title", id));
        model.addAttribute("failed", failedForm);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("today", Pages.today());
        model.addAttribute("mayCorrect", open && treats && nc.get("correction") == null);
        model.addAttribute("mayAnalyse", open && treats && nc.get("rootCause") == null);
        boolean mayPlan = open && treats && nc.get("rootCause") != null;
        model.addAttribute("mayPlan", mayPlan);
        // The action form offers the units the organisation's records name (read only when the form is shown).
        model.addAttribute("knownUnits", mayPlan && OfferedActions.isPlanner(user) ? reads.organisationUnits(user) : List.of());
        List<Map<String, Object>> actions = Reads.list(nc.get("actions"));
        // Per action: implemented by its owner unit's people (or the secretary); verified once, by someone other than
        // whoever implemented it (the detail names them), when implemented.
        model.addAttribute("implementable", actions.stream().filter(a -> open && a.get("implementedOn") == null
                && OfferedActions.mayImplementAction(user, Reads.text(a.get("ownerUnit")))).map(a -> Reads.text(a.get("actionId"))).toList());
        model.addAttribute("verifiable", actions.stream().filter(a -> open && a.get("implementedOn") != null
                && Reads.list(a.get("verifications")).isEmpty() && OfferedActions.mayVerify(user, implementer(a)))
                .map(a -> Reads.text(a.get("actionId"))).toList());
        model.addAttribute("ownImplementations", actions.stream().filter(a -> open && a.get("implementedOn") != null
                && Reads.list(a.get("verifications")).isEmpty() && OfferedActions.mayVerify(user) && !OfferedActions.mayVerify(user, implementer(a)))
                .map(a -> Reads.text(a.get("actionId"))).toList());
        model.addAttribute("mayClose", "VERIFIED".equals(status) && OfferedActions.mayCloseNonconformity(user));
        model.addAttribute("mayReopen", "CLOSED".equals(status) && OfferedActions.mayCloseNonconformity(user));
        model.addAttribute("ownerUnitFixed", OfferedActions.isPlanner(user) ? null : user.unit());
        model.addAttribute("newActionId", typed.getOrDefault("actionId", Pages.newId("ca")));
        model.addAttribute("open", open);
        model.addAttribute("actions", actions);
        return "nonconformity";
    }

    /** Who recorded the action's implementation ({@code implementedBy.actorId} of the detail), or null. */
    private static String implementer(Map<String, Object> action) {
        return action.get("implementedBy") instanceof Map<?, ?> by ? Reads.text(by.get("actorId")) : null;
    }

    private Map<String, Object> read(SignedInUser user, String id) {
        return client.read(user, uri -> uri.path("/api/nonconformities/{id}").queryParam("asOf", Pages.today()).build(id));
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
