package vn.qualityledger.web.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.qualityledger.web.Pages;
import vn.qualityledger.web.ProblemMessages;
import vn.qualityledger.web.ProblemMessages.FormErrors;
import vn.qualityledger.web.QualityLedgerClient;
import vn.qualityledger.web.Reads;
import vn.qualityledger.web.ServiceProblem;
import vn.qualityledger.web.SignedInUser;
import vn.qualityledger.web.export.ExportLinks;

/**
 * Đánh giá nội bộ: an organisation's audit programme for a year (query-service's {@code audit-programme}: each round
 * with its dates, units audited, findings by kind and open findings; the units audited and still due) and one round
 * in detail (its plan, team, unit audits with their checklist notes, findings with the nonconformities they raised,
 * report and closing), with the form of every step for those the README's matrix allows: planning and appointing the
 * team, scheduling a unit audit, recording it held with its checklist notes, recording a finding, issuing the report,
 * closing the round. A refused step shows on its own form, keeping what was typed, each failing field beside it.
 */
@Controller
class AuditController {

    /** Rows of checklist notes and team members a form offers; blank rows are left out of the command. */
    static final int NOTE_ROWS = 3;
    static final int MEMBER_ROWS = 3;
    static final List<String> KINDS = List.of("MAJOR_NONCONFORMITY", "MINOR_NONCONFORMITY", "OBSERVATION", "OPPORTUNITY_FOR_IMPROVEMENT");
    static final List<String> CONFORMITIES = List.of("CONFORMING", "NONCONFORMING", "NOT_APPLICABLE");

    private static final Map<String, String> PLAN = Map.of("title", "title", "scopeUnits", "scopeUnits", "criteria", "criteria",
            "clauses", "clauses", "plannedFrom", "plannedFrom", "plannedTo", "plannedTo", "plannedOn", "plannedOn");
    private static final Map<String, String> SCHEDULE = Map.of("date", "date", "auditors", "auditors");
    private static final Map<String, String> FINDING = Map.of("unit", "unit", "clause", "clause", "kind", "kind",
            "description", "description", "evidenceSeen", "evidenceSeen", "relatedObjectiveId", "relatedObjectiveId",
            "recordedOn", "recordedOn");
    private static final Map<String, String> REPORT = Map.of("report", "reportNumber", "report.number", "reportNumber",
            "report.date", "reportDate", "report.issuer", "reportIssuer", "report.title", "reportTitle", "report.link", "reportLink",
            "summary", "summary", "issuedOn", "issuedOn");
    private static final Map<String, String> CLOSING = Map.of("closedOn", "closedOn");

    private final QualityLedgerClient client;
    private final Reads reads;
    private final ProblemMessages problems;
    private final MessageSource messages;

    AuditController(QualityLedgerClient client, Reads reads, ProblemMessages problems, MessageSource messages) {
        this.client = client;
        this.reads = reads;
        this.problems = problems;
        this.messages = messages;
    }

    @GetMapping("/audits")
    String mine() {
        SignedInUser user = Pages.user();
        if (user.organisation() == null || user.organisation().isBlank()) {
            return user.readsEveryOrganisation() ? "redirect:/organisations" : "no-organisation";
        }
        return "redirect:/organisations/" + user.organisation() + "/audit-programme";
    }

    // ---- the programme -------------------------------------------------------------------------------------------

    @GetMapping("/organisations/{organisationId}/audit-programme")
    String programme(@PathVariable String organisationId, @RequestParam(required = false) Integer year, Model model) {
        return showProgramme(organisationId, year, new FormErrors(), Map.of(), model);
    }

    /** Planning a round (Kế hoạch ĐGNB) of the programme's year; the round's id is chosen when the form is shown. */
    @PostMapping("/organisations/{organisationId}/audit-programme")
    String plan(@PathVariable String organisationId, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String auditId, @RequestParam(required = false) String title,
                @RequestParam(required = false) String scopeUnits, @RequestParam(required = false) String criteria,
                @RequestParam(required = false) String clauses, @RequestParam(required = false) String plannedFrom,
                @RequestParam(required = false) String plannedTo, @RequestParam(required = false) String plannedOn,
                HttpServletResponse response, RedirectAttributes redirect, Model model) {
        SignedInUser user = Pages.user();
        int shownYear = year(year);
        String id = Objects.requireNonNullElseGet(Pages.validId(auditId), () -> Pages.newId("dgnb"));
        Map<String, String> typed = typed("auditId", id, "title", title, "scopeUnits", scopeUnits, "criteria", criteria,
                "clauses", clauses, "plannedFrom", plannedFrom, "plannedTo", plannedTo, "plannedOn", plannedOn);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("auditId", id);
        body.put("organisationId", organisationId);
        body.put("year", shownYear);
        body.put("title", trim(title));
        body.put("scopeUnits", listOf(scopeUnits));
        body.put("criteria", trim(criteria));
        body.put("clauses", listOf(clauses));
        FormErrors errors = new FormErrors();
        putDate(body, "plannedFrom", plannedFrom, errors, "plannedFrom");
        putDate(body, "plannedTo", plannedTo, errors, "plannedTo");
        Pages.putDay(body, "plannedOn", plannedOn, errors, "plannedOn", problems);
        if (errors.any()) {
            response.setStatus(400);
            return showProgramme(organisationId, shownYear, errors, typed, model);
        }
        try {
            client.command(user, "/api/audits", body);
        } catch (ServiceProblem refused) {
            return refusedOnProgramme(refused, organisationId, shownYear, PLAN, typed, response, model);
        }
        // The programme (the read side) lists the round once query-service has it.
        reads.awaitChange(null, () -> statusOf(user, organisationId, shownYear, id));
        redirect.addFlashAttribute("notice", problems.text("audit.done.plan"));
        return "redirect:/audits/" + id;
    }

    private String showProgramme(String organisationId, Integer year, FormErrors errors, Map<String, String> typed, Model model) {
        SignedInUser user = Pages.user();
        int shownYear = year(year);
        Map<String, Object> programme = readProgramme(user, organisationId, shownYear);
        List<Map<String, Object>> rounds = new ArrayList<>();
        for (Map<String, Object> status : Reads.list(programme.get("audits"))) {
            // The programme names neither a round's scope nor its team: they come from the round's read
            // (GET /api/audits/{id}: the read model, one query, where the stream would be replayed).
            String auditId = Reads.text(status.get("auditId"));
            Map<String, Object> round = client.read(user, uri -> uri.path("/api/audits/{id}").build(auditId));
            Map<String, Object> team = round.get("team") instanceof Map<?, ?> appointed ? Reads.list(List.of(appointed)).get(0) : null;
            Map<String, Object> row = new LinkedHashMap<>(status);
            row.put("scopeUnits", Reads.strings(round.get("scopeUnits")));
            row.put("team", teamNames(team));
            row.put("teamAppointed", team != null);
            row.put("stage", stage(team != null, status));
            rounds.add(row);
        }
        model.addAttribute("title", problems.text("audit.programme.title", shownYear, organisationId));
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("year", shownYear);
        model.addAttribute("programme", programme);
        ExportLinks.offer(model, "exports", "audit-programme", Map.of("organisationId", organisationId, "year", shownYear,
                "asOf", Pages.today()));
        model.addAttribute("rounds", rounds);
        model.addAttribute("audited", Reads.list(programme.get("audited")));
        model.addAttribute("due", Reads.list(programme.get("due")));
        model.addAttribute("today", Pages.today());
        model.addAttribute("mayPlan", AuditActions.mayPlan(user, organisationId));
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("planFailed", !typed.isEmpty());
        model.addAttribute("newAuditId", typed.getOrDefault("auditId", Pages.newId("dgnb")));
        return "audit-programme";
    }

    // ---- one round -----------------------------------------------------------------------------------------------

    @GetMapping("/audits/{id}")
    String round(@PathVariable String id, Model model) {
        return showRound(id, null, new FormErrors(), Map.of(), model);
    }

    /** Appointing the team by its decision: the lead auditor and up to {@link #MEMBER_ROWS} members (blank rows left out). */
    @PostMapping("/audits/{id}/team")
    String appoint(@PathVariable String id, @RequestParam Map<String, String> form, HttpServletResponse response,
                   RedirectAttributes redirect, Model model) {
        Map<String, String> typed = typedOf(form, "leadUserId", "leadName", "leadUnit", "decisionNumber", "decisionDate", "appointedOn");
        Map<String, String> fields = new LinkedHashMap<>(Map.of("leadAuditor", "leadUserId", "leadAuditor.userId", "leadUserId",
                "leadAuditor.name", "leadName", "leadAuditor.unit", "leadUnit", "decision", "decisionNumber",
                "decision.number", "decisionNumber", "decision.date", "decisionDate", "appointedOn", "appointedOn"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leadAuditor", member(form.get("leadUserId"), form.get("leadName"), form.get("leadUnit")));
        List<Map<String, Object>> members = new ArrayList<>();
        for (int row = 0; row < MEMBER_ROWS; row++) {
            String userId = form.get("member" + row + "UserId"), name = form.get("member" + row + "Name"), unit = form.get("member" + row + "Unit");
            typed.putAll(typedOf(form, "member" + row + "UserId", "member" + row + "Name", "member" + row + "Unit"));
            if (Pages.blankToNull(userId) == null && Pages.blankToNull(name) == null && Pages.blankToNull(unit) == null) {
                continue;
            }
            String sent = "members[" + members.size() + "]";
            fields.put(sent, "member" + row + "UserId");
            fields.put(sent + ".userId", "member" + row + "UserId");
            fields.put(sent + ".name", "member" + row + "Name");
            fields.put(sent + ".unit", "member" + row + "Unit");
            members.add(member(userId, name, unit));
        }
        body.put("members", members);
        FormErrors errors = new FormErrors();
        Map<String, Object> decision = new LinkedHashMap<>();
        decision.put("number", trim(form.get("decisionNumber")));
        putDate(decision, "date", form.get("decisionDate"), errors, "decisionDate");
        body.put("decision", decision);
        Pages.putDay(body, "appointedOn", form.get("appointedOn"), errors, "appointedOn", problems);
        return send(id, "team", "/team", body, errors, fields, typed, "audit.done.team", false, response, redirect, model);
    }

    @PostMapping("/audits/{id}/unit-audits")
    String schedule(@PathVariable String id, @RequestParam(required = false) String unit, @RequestParam(required = false) String date,
                    @RequestParam(required = false) List<String> auditors, HttpServletResponse response, RedirectAttributes redirect,
                    Model model) {
        List<String> chosen = auditors == null ? List.of() : auditors.stream().filter(a -> !a.isBlank()).map(String::trim).toList();
        Map<String, String> typed = typed("date", date, "auditors", String.join(",", chosen));
        Map<String, String> fields = new LinkedHashMap<>(SCHEDULE);
        for (int i = 0; i < chosen.size(); i++) {
            fields.put("auditors[" + i + "]", "auditors");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unit", trim(unit));
        FormErrors errors = new FormErrors();
        putDate(body, "date", date, errors, "date");
        body.put("auditors", chosen);
        return send(id, "schedule:" + trim(unit), "/unit-audits", body, errors, fields, typed, "audit.done.schedule", false,
                response, redirect, model);
    }

    /** A unit audit held, with up to {@link #NOTE_ROWS} lines of checklist notes (blank lines left out). */
    @PostMapping("/audits/{id}/unit-audits/held")
    String held(@PathVariable String id, @RequestParam Map<String, String> form, HttpServletResponse response,
                RedirectAttributes redirect, Model model) {
        String unit = trim(form.get("unit"));
        Map<String, String> typed = typedOf(form, "heldOn");
        Map<String, String> fields = new LinkedHashMap<>(Map.of("heldOn", "heldOn", "notes", "notes"));
        List<Map<String, Object>> notes = new ArrayList<>();
        for (int row = 0; row < NOTE_ROWS; row++) {
            String prefix = "note" + row;
            typed.putAll(typedOf(form, prefix + "Clause", prefix + "Question", prefix + "Observed", prefix + "Conformity"));
            String clause = form.get(prefix + "Clause"), question = form.get(prefix + "Question"), observed = form.get(prefix + "Observed");
            String conformity = form.get(prefix + "Conformity");
            if (Pages.blankToNull(clause) == null && Pages.blankToNull(question) == null && Pages.blankToNull(observed) == null) {
                continue;
            }
            String sent = "notes[" + notes.size() + "]";
            fields.put(sent, prefix + "Clause");
            fields.put(sent + ".clause", prefix + "Clause");
            fields.put(sent + ".question", prefix + "Question");
            fields.put(sent + ".observed", prefix + "Observed");
            fields.put(sent + ".conformity", prefix + "Conformity");
            Map<String, Object> note = new LinkedHashMap<>();
            note.put("clause", trim(clause));
            note.put("question", trim(question));
            note.put("observed", trim(observed));
            note.put("conformity", conformity != null && CONFORMITIES.contains(conformity) ? conformity : null);
            notes.add(note);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unit", unit);
        FormErrors errors = new FormErrors();
        Pages.putDay(body, "heldOn", form.get("heldOn"), errors, "heldOn", problems);
        body.put("notes", notes);
        return send(id, "held:" + unit, "/unit-audits/held", body, errors, fields, typed, "audit.done.held", true,
                response, redirect, model);
    }

    @PostMapping("/audits/{id}/findings")
    String finding(@PathVariable String id, @RequestParam(required = false) String findingId, @RequestParam(required = false) String unit,
                   @RequestParam(required = false) String clause, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String description, @RequestParam(required = false) String evidenceSeen,
                   @RequestParam(required = false) String relatedObjectiveId, @RequestParam(required = false) String recordedOn,
                   HttpServletResponse response, RedirectAttributes redirect, Model model) {
        String chosenId = Objects.requireNonNullElseGet(Pages.validId(findingId), () -> Pages.newId("f"));
        Map<String, String> typed = typed("findingId", chosenId, "unit", unit, "clause", clause, "kind", kind, "description", description,
                "evidenceSeen", evidenceSeen, "relatedObjectiveId", relatedObjectiveId, "recordedOn", recordedOn);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("findingId", chosenId);
        body.put("unit", trim(unit));
        body.put("clause", trim(clause));
        body.put("kind", kind != null && KINDS.contains(kind) ? kind : null);
        body.put("description", trim(description));
        body.put("evidenceSeen", trim(evidenceSeen));
        if (Pages.blankToNull(relatedObjectiveId) != null) {
            body.put("relatedObjectiveId", relatedObjectiveId.trim());
        }
        FormErrors errors = new FormErrors();
        Pages.putDay(body, "recordedOn", recordedOn, errors, "recordedOn", problems);
        boolean raises = "MAJOR_NONCONFORMITY".equals(kind) || "MINOR_NONCONFORMITY".equals(kind);
        return send(id, "finding", "/findings", body, errors, FINDING, typed, raises ? "audit.done.findingRaised" : "audit.done.finding",
                (user, round) -> {
                    if (raises) {
                        // The service raises the finding's nonconformity itself, a moment later: wait until the tracker has it.
                        reads.awaitChange(null, () -> nonconformitiesOf(user, round.organisationId(), id).get(chosenId));
                    }
                }, response, redirect, model);
    }

    @PostMapping("/audits/{id}/report")
    String report(@PathVariable String id, @RequestParam(required = false) String reportNumber, @RequestParam(required = false) String reportDate,
                  @RequestParam(required = false) String reportIssuer, @RequestParam(required = false) String reportTitle,
                  @RequestParam(required = false) String reportLink, @RequestParam(required = false) String summary,
                  @RequestParam(required = false) String issuedOn, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Map<String, String> typed = typed("reportNumber", reportNumber, "reportDate", reportDate, "reportIssuer", reportIssuer,
                "reportTitle", reportTitle, "reportLink", reportLink, "summary", summary, "issuedOn", issuedOn);
        FormErrors errors = new FormErrors();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("number", trim(reportNumber));
        putDate(document, "date", reportDate, errors, "reportDate");
        document.put("issuer", trim(reportIssuer));
        document.put("title", trim(reportTitle));
        if (Pages.blankToNull(reportLink) != null) {
            document.put("link", reportLink.trim());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("report", document);
        body.put("summary", trim(summary));
        Pages.putDay(body, "issuedOn", issuedOn, errors, "issuedOn", problems);
        return send(id, "report", "/report", body, errors, REPORT, typed, "audit.done.report", true, response, redirect, model);
    }

    @PostMapping("/audits/{id}/closure")
    String close(@PathVariable String id, @RequestParam(required = false) String closedOn, HttpServletResponse response,
                 RedirectAttributes redirect, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        FormErrors errors = new FormErrors();
        Pages.putDay(body, "closedOn", closedOn, errors, "closedOn", problems);
        return send(id, "close", "/close", body, errors, CLOSING, typed("closedOn", closedOn), "audit.done.close", true,
                response, redirect, model);
    }

    /**
     * Sends one step unless a typed date was no date (marked beside its field, nothing sent); a refusal shows on the
     * step's form. After a step the read side shows ({@code readSide}: a unit audit held, a finding, the report, the
     * closing change the programme's figures), the page waits until query-service has it; the round's own record is
     * read from its event stream, which has every stored step at once.
     */
    private String send(String id, String form, String path, Map<String, Object> body, FormErrors errors, Map<String, String> fields,
                        Map<String, String> typed, String notice, boolean readSide, HttpServletResponse response,
                        RedirectAttributes redirect, Model model) {
        return send(id, form, path, body, errors, fields, typed, notice, readSide ? (user, round) -> { } : null, response, redirect, model);
    }

    /** As above; {@code afterwards} (null: the step changes nothing the read side shows) runs once the figures show the step. */
    private String send(String id, String form, String path, Map<String, Object> body, FormErrors errors, Map<String, String> fields,
                        Map<String, String> typed, String notice, BiConsumer<SignedInUser, AuditRound> afterwards,
                        HttpServletResponse response, RedirectAttributes redirect, Model model) {
        boolean readSide = afterwards != null;
        SignedInUser user = Pages.user();
        if (errors.any()) {
            response.setStatus(400);
            return showRound(id, form, errors, typed, model);
        }
        AuditRound round = round(user, id);
        Supplier<Object> figures = () -> statusOf(user, round.organisationId(), round.year(), id);
        Object before = readSide ? figures.get() : null;
        try {
            client.command(user, "/api/audits/" + id + path, body);
        } catch (ServiceProblem refused) {
            ProblemMessages.answerRefused(refused, response);
            return showRound(id, form, forForm(refused, fields), typed, model);
        }
        if (readSide) {
            reads.awaitChange(before, figures);
            afterwards.accept(user, round);
        }
        redirect.addFlashAttribute("notice", problems.text(notice));
        return "redirect:/audits/" + id;
    }

    private String showRound(String id, String failedForm, FormErrors errors, Map<String, String> typed, Model model) {
        SignedInUser user = Pages.user();
        AuditRound round = round(user, id);
        String organisationId = round.organisationId();
        Map<String, String> raised = nonconformitiesOf(user, organisationId, id);
        List<Map<String, Object>> units = new ArrayList<>();
        List<String> findingUnits = new ArrayList<>();
        int index = 0;
        for (Map<String, Object> unitAudit : round.units()) {
            String unit = Reads.text(unitAudit.get("unit"));
            Map<String, Object> row = new LinkedHashMap<>(unitAudit);
            row.put("index", index++);
            if (unitAudit.get("scheduled") instanceof Map<?, ?> scheduled) {
                row.put("auditorNames", Reads.strings(scheduled.get("auditors")).stream().map(round::nameOf).toList());
            } else {
                row.put("auditorNames", List.of());
            }
            row.put("maySchedule", AuditActions.maySchedule(user, round, unit));
            row.put("mayRecordHeld", AuditActions.mayRecordHeld(user, round, unit));
            if (AuditActions.mayRecordFinding(user, round, unit)) {
                findingUnits.add(unit);
            }
            units.add(row);
        }
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Map<String, Object> finding : round.findings()) {
            Map<String, Object> row = new LinkedHashMap<>(finding);
            row.put("nonconformityId", raised.get(Reads.text(finding.get("findingId"))));
            findings.add(row);
        }
        model.addAttribute("title", problems.text("audit.title", round.planned() ? Reads.text(round.plan().get("title")) : id));
        model.addAttribute("auditId", id);
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("plan", round.plan());
        model.addAttribute("team", round.team());
        model.addAttribute("teamMembers", round.teamMembers());
        model.addAttribute("units", units);
        model.addAttribute("findings", findings);
        model.addAttribute("report", round.report());
        model.addAttribute("closing", round.closing());
        model.addAttribute("figures", statusOf(user, organisationId, round.year(), id));
        model.addAttribute("mayAppoint", AuditActions.mayAppoint(user, round));
        model.addAttribute("findingUnits", findingUnits);
        model.addAttribute("mayReport", AuditActions.mayReport(user, round));
        model.addAttribute("mayClose", AuditActions.mayClose(user, round));
        model.addAttribute("kinds", KINDS);
        model.addAttribute("conformities", CONFORMITIES);
        model.addAttribute("noteRows", rows(NOTE_ROWS));
        model.addAttribute("memberRows", rows(MEMBER_ROWS));
        model.addAttribute("failed", failedForm);
        model.addAttribute("errors", errors);
        // A refusal of a form the page no longer offers (sent from an older page) shows above the page.
        boolean offered = failedForm == null || switch (failedForm.contains(":") ? failedForm.substring(0, failedForm.indexOf(':')) : failedForm) {
            case "team" -> AuditActions.mayAppoint(user, round);
            case "schedule" -> AuditActions.maySchedule(user, round, failedForm.substring(failedForm.indexOf(':') + 1));
            case "held" -> AuditActions.mayRecordHeld(user, round, failedForm.substring(failedForm.indexOf(':') + 1));
            case "finding" -> !findingUnits.isEmpty();
            case "report" -> AuditActions.mayReport(user, round);
            case "close" -> AuditActions.mayClose(user, round);
            default -> false;
        };
        model.addAttribute("strayErrors", offered ? null : errors);
        model.addAttribute("typed", typed);
        model.addAttribute("newFindingId", "finding".equals(failedForm) ? typed.getOrDefault("findingId", Pages.newId("f")) : Pages.newId("f"));
        return "audit";
    }

    // ---- reads ---------------------------------------------------------------------------------------------------

    /** The round from its event stream (at most 1,000 events, far more than a round has). */
    private AuditRound round(SignedInUser user, String id) {
        Map<String, Object> history = client.read(user, uri -> uri.path("/api/audits/{id}/history").queryParam("size", 1000).build(id));
        return AuditRound.of(Reads.rows(history));
    }

    private Map<String, Object> readProgramme(SignedInUser user, String organisationId, int year) {
        return client.read(user, uri -> uri.path("/api/organisations/{org}/audit-programme").queryParam("year", year)
                .queryParam("asOf", Pages.today()).build(organisationId));
    }

    /** The round's figures in the year's programme as of today (units held, findings by kind, open findings), or null. */
    private Map<String, Object> statusOf(SignedInUser user, String organisationId, Integer year, String auditId) {
        if (organisationId == null || year == null) {
            return null;
        }
        return Reads.list(readProgramme(user, organisationId, year).get("audits")).stream()
                .filter(a -> auditId.equals(Reads.text(a.get("auditId")))).findFirst().orElse(null);
    }

    /**
     * The nonconformities the round's findings raised, by finding id, as the round's read answers them
     * ({@code GET /api/audits/{id}}: each finding with the nonconformity it raised, once the tracker has it); none while
     * the round itself is not on the read side yet.
     */
    private Map<String, String> nonconformitiesOf(SignedInUser user, String organisationId, String auditId) {
        Map<String, String> byFinding = new LinkedHashMap<>();
        if (organisationId == null) {
            return byFinding;
        }
        Map<String, Object> round;
        try {
            round = client.read(user, uri -> uri.path("/api/audits/{id}").build(auditId));
        } catch (ServiceProblem notYet) {
            if (notYet.status() != 404) {
                throw notYet;
            }
            return byFinding;
        }
        for (Map<String, Object> finding : Reads.list(round.get("findings"))) {
            if (finding.get("nonconformityId") != null) {
                byFinding.put(Reads.text(finding.get("findingId")), Reads.text(finding.get("nonconformityId")));
            }
        }
        return byFinding;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** Where a round stands, for the programme: closed, report issued, under way (a unit audited), team appointed, planned. */
    /** The lead auditor first, then the members; a name the read model lacks (a team appointed before V26) by user id. */
    private static List<String> teamNames(Map<String, Object> team) {
        if (team == null) {
            return List.of();
        }
        List<Map<String, Object>> people = new ArrayList<>();
        if (team.get("lead") instanceof Map<?, ?> lead) {
            people.add(Reads.list(List.of(lead)).get(0));
        }
        people.addAll(Reads.list(team.get("members")));
        return people.stream().map(p -> Objects.toString(p.get("name"), Reads.text(p.get("userId")))).toList();
    }

    private static String stage(boolean teamAppointed, Map<String, Object> status) {
        if (status.get("closedOn") != null) {
            return "CLOSED";
        }
        if (status.get("reportIssuedOn") != null) {
            return "REPORTED";
        }
        if (Reads.number(status.get("unitsHeld")) > 0) {
            return "UNDER_WAY";
        }
        return teamAppointed ? "TEAM_APPOINTED" : "PLANNED";
    }

    private String refusedOnProgramme(ServiceProblem refused, String organisationId, int year, Map<String, String> fields,
                                      Map<String, String> typed, HttpServletResponse response, Model model) {
        ProblemMessages.answerRefused(refused, response);
        Map<String, String> indexed = new LinkedHashMap<>(fields);
        for (int i = 0; i < 50; i++) {
            indexed.put("scopeUnits[" + i + "]", "scopeUnits");
            indexed.put("clauses[" + i + "]", "clauses");
        }
        return showProgramme(organisationId, year, forForm(refused, indexed), typed, model);
    }

    /**
     * The refusal as the form shows it ({@code rule.audit.<field>.<rule>} first); a general message has an audit's own
     * wording where the bundles give one ({@code problem.audit.<code>}: QMR_ONLY here closes a round, not a nonconformity).
     */
    private FormErrors forForm(ServiceProblem refused, Map<String, String> fields) {
        FormErrors errors = problems.forForm(refused, fields, "audit");
        String own = messages.getMessage("problem.audit." + refused.code(), null, null, LocaleContextHolder.getLocale());
        if (own != null && !errors.general().isEmpty()) {
            errors.general().set(0, own);
        }
        return errors;
    }

    private void putDate(Map<String, Object> body, String field, String typed, FormErrors errors, String formField) {
        Pages.putDate(body, field, typed, errors, formField, problems);
    }

    private static Map<String, Object> member(String userId, String name, String unit) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("userId", trim(userId));
        member.put("name", trim(name));
        member.put("unit", Pages.blankToNull(unit));
        return member;
    }

    /** Units or clauses typed with commas, semicolons or spaces between them: "VP, P-KHTC". */
    private static List<String> listOf(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static int year(Integer year) {
        return year != null && year >= 2000 && year <= 2100 ? year : Pages.today().getYear();
    }

    private static List<Integer> rows(int count) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(i);
        }
        return rows;
    }

    private static Map<String, String> typed(String... namesAndValues) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            typed.put(namesAndValues[i], Objects.toString(namesAndValues[i + 1], ""));
        }
        return typed;
    }

    private static Map<String, String> typedOf(Map<String, String> form, String... names) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (String name : names) {
            typed.put(name, Objects.toString(form.get(name), ""));
        }
        return typed;
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }
}
