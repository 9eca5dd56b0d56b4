package vn.qualityledger.web.managementreview;

import static vn.qualityledger.web.managementreview.ReviewForms.trim;
import static vn.qualityledger.web.managementreview.ReviewForms.typed;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.qualityledger.web.Pages;
import vn.qualityledger.web.ProblemMessages;
import vn.qualityledger.web.ProblemMessages.FormErrors;
import vn.qualityledger.web.QualityLedgerClient;
import vn.qualityledger.web.Reads;
import vn.qualityledger.web.ServiceProblem;
import vn.qualityledger.web.SignedInUser;

/**
 * One management review (query-service's {@code GET /api/reviews/{id}}): its plan, the secretary's notes on the 9.3.2
 * inputs, the meeting (cut-off, attendees, summary, conclusion), its decisions with their status today, the minutes
 * and the cancellation, each with who did it — and the form of every step for those the README's matrix allows, only
 * where the review's state lets it apply. The minutes are drafted, issued and checked as results reports are:
 * query-service generates the document and answers what issuing records, command-service records exactly that.
 */
@Controller
class ManagementReviewPageController {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementReviewPageController.class);

    static final List<String> KINDS = List.of("IMPROVEMENT", "QMS_CHANGE", "RESOURCE_NEED");
    /** The secretary's notes, in the order of 9.3.2 (the names of the command's fields). */
    static final List<String> NOTES = List.of("contextChanges", "stakeholderFeedback", "externalProviders", "resourceAdequacy",
            "risksAndOpportunities", "improvementProposals", "other");
    /** What {@code IssueReviewMinutes} takes from query-service's answer (command-service refuses any other field). */
    static final List<String> MINUTES_COMMAND = List.of("number", "organisationName", "parentName", "place", "signerAuthority",
            "signerTitle", "signerName", "recipients", "docxSha256", "generator", "checkpointTreeSize");

    private static final Map<String, String> NOTES_FIELDS = notesFields();
    private static final Map<String, String> HOLDING = holding();
    private static final Map<String, String> DECISION = Map.of("kind", "kind", "description", "description", "ownerUnit", "ownerUnit",
            "dueDate", "dueDate", "recordedOn", "recordedOn");
    private static final Map<String, String> COMPLETION = Map.of("evidence", "number", "evidence.number", "number",
            "evidence.date", "date", "evidence.issuer", "issuer", "evidence.title", "title", "evidence.link", "link",
            "note", "note", "completedOn", "completedOn");
    private static final Map<String, String> CANCELLING = Map.of("reason", "reason", "cancelledOn", "cancelledOn");
    private static final Map<String, String> ISSUING = Map.of("number", "number", "signerName", "signerName",
            "signerAuthority", "signerAuthority", "signerTitle", "signerTitle");

    private final QualityLedgerClient client;
    private final Reads reads;
    private final ProblemMessages problems;

    ManagementReviewPageController(QualityLedgerClient client, Reads reads, ProblemMessages problems) {
        this.client = client;
        this.reads = reads;
        this.problems = problems;
    }

    @GetMapping("/reviews/{id}")
    String review(@PathVariable String id, Model model) {
        return show(id, null, new FormErrors(), Map.of(), null, model);
    }

    /** The secretary's notes on the inputs the service cannot know; a later set replaces the earlier one, until held. */
    @PostMapping("/reviews/{id}/notes")
    String notes(@PathVariable String id, @RequestParam Map<String, String> form, HttpServletResponse response,
                 RedirectAttributes redirect, Model model) {
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, Object> body = new LinkedHashMap<>();
        for (String note : NOTES) {
            typed.put(note, Objects.toString(form.get(note), ""));
            body.put(note, Pages.blankToNull(form.get(note)));
        }
        typed.put("recordedOn", Objects.toString(form.get("recordedOn"), ""));
        FormErrors errors = new FormErrors();
        Pages.putDay(body, "recordedOn", form.get("recordedOn"), errors, "recordedOn", problems);
        return send(id, "notes", "/notes", body, errors, NOTES_FIELDS, typed, "mr.done.notes", response, redirect, model);
    }

    @PostMapping("/reviews/{id}/holding")
    String hold(@PathVariable String id, @RequestParam(required = false) String heldOn, @RequestParam(required = false) String cutOffDay,
                @RequestParam(required = false) String attendees, @RequestParam(required = false) String minutesSummary,
                @RequestParam(required = false) String suitable, @RequestParam(required = false) String adequate,
                @RequestParam(required = false) String effective, @RequestParam(required = false) String conclusion,
                HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Map<String, String> typed = typed("heldOn", heldOn, "cutOffDay", cutOffDay, "attendees", attendees, "minutesSummary", minutesSummary,
                "suitable", suitable, "adequate", adequate, "effective", effective, "conclusion", conclusion);
        Map<String, Object> body = new LinkedHashMap<>();
        FormErrors errors = new FormErrors();
        Pages.putDay(body, "heldOn", heldOn, errors, "heldOn", problems);
        Pages.cutOff(cutOffDay, errors, "cutOffDay", problems).ifPresent(at -> body.put("cutOff", at.toString()));
        body.put("attendees", ReviewForms.people(attendees));
        body.put("minutesSummary", trim(minutesSummary));
        Map<String, Object> qms = new LinkedHashMap<>();
        qms.put("suitable", "true".equals(suitable));
        qms.put("adequate", "true".equals(adequate));
        qms.put("effective", "true".equals(effective));
        qms.put("statement", trim(conclusion));
        body.put("conclusion", qms);
        return send(id, "hold", "/holding", body, errors, HOLDING, typed, "mr.done.hold", response, redirect, model);
    }

    /** A decision of the review (9.3.3); its id is chosen when the form is shown. */
    @PostMapping("/reviews/{id}/decisions")
    String decide(@PathVariable String id, @RequestParam(required = false) String decisionId, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String description, @RequestParam(required = false) String ownerUnit,
                  @RequestParam(required = false) String dueDate, @RequestParam(required = false) String recordedOn,
                  HttpServletResponse response, RedirectAttributes redirect, Model model) {
        String chosenId = Objects.requireNonNullElseGet(Pages.validId(decisionId), () -> Pages.newId("qd"));
        Map<String, String> typed = typed("decisionId", chosenId, "kind", kind, "description", description, "ownerUnit", ownerUnit,
                "dueDate", dueDate, "recordedOn", recordedOn);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decisionId", chosenId);
        body.put("kind", ReviewForms.oneOf(KINDS, kind));
        body.put("description", trim(description));
        body.put("ownerUnit", trim(ownerUnit));
        FormErrors errors = new FormErrors();
        Pages.putDate(body, "dueDate", dueDate, errors, "dueDate", problems);
        Pages.putDay(body, "recordedOn", recordedOn, errors, "recordedOn", problems);
        return send(id, "decision", "/decisions", body, errors, DECISION, typed, "mr.done.decision", response, redirect, model);
    }

    /** A decision carried out, with a note or the document that proves it (NOTE_OR_EVIDENCE_REQUIRED). */
    @PostMapping("/reviews/{id}/decisions/{decisionId}/completion")
    String complete(@PathVariable String id, @PathVariable String decisionId, @RequestParam(required = false) String number,
                    @RequestParam(required = false) String date, @RequestParam(required = false) String issuer,
                    @RequestParam(required = false) String title, @RequestParam(required = false) String link,
                    @RequestParam(required = false) String note, @RequestParam(required = false) String completedOn,
                    HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Map<String, String> typed = typed("number", number, "date", date, "issuer", issuer, "title", title, "link", link, "note", note,
                "completedOn", completedOn);
        Map<String, Object> body = new LinkedHashMap<>();
        FormErrors errors = new FormErrors();
        // The document is optional: cited only when something of it is typed, then the service checks it whole.
        if (java.util.stream.Stream.of(number, date, issuer, title, link).anyMatch(part -> Pages.blankToNull(part) != null)) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("number", trim(number));
            Pages.putDate(document, "date", date, errors, "date", problems);
            document.put("issuer", trim(issuer));
            document.put("title", trim(title));
            if (Pages.blankToNull(link) != null) {
                document.put("link", link.trim());
            }
            body.put("evidence", document);
        }
        if (Pages.blankToNull(note) != null) {
            body.put("note", note.trim());
        }
        Pages.putDay(body, "completedOn", completedOn, errors, "completedOn", problems);
        return send(id, "complete:" + decisionId, "/decisions/" + decisionId + "/completion", body, errors, COMPLETION, typed,
                "mr.done.complete", response, redirect, model);
    }

    @PostMapping("/reviews/{id}/cancellation")
    String cancel(@PathVariable String id, @RequestParam(required = false) String reason, @RequestParam(required = false) String cancelledOn,
                  HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", trim(reason));
        FormErrors errors = new FormErrors();
        Pages.putDay(body, "cancelledOn", cancelledOn, errors, "cancelledOn", problems);
        return send(id, "cancel", "/cancellation", body, errors, CANCELLING, typed("reason", reason, "cancelledOn", cancelledOn),
                "mr.done.cancel", response, redirect, model);
    }

    // ---- the minutes ---------------------------------------------------------------------------------------------

    /** Issues the minutes: query-service resolves the parameters and hashes the document, command-service records them. */
    @PostMapping("/reviews/{id}/minutes")
    String issue(@PathVariable String id, @RequestParam(required = false) String number, @RequestParam(required = false) String signerName,
                 @RequestParam(required = false) String signerAuthority, @RequestParam(required = false) String signerTitle,
                 HttpServletResponse response, RedirectAttributes redirect, Model model) {
        SignedInUser user = Pages.user();
        Map<String, String> typed = typed("number", number, "signerName", signerName, "signerAuthority", signerAuthority,
                "signerTitle", signerTitle);
        Map<String, Object> before = detail(user, id);
        try {
            Map<String, Object> resolved = client.read(user, uri -> {
                uri.path("/api/reviews/{id}/minutes");
                // Each value a template variable, so that it is encoded whatever it holds (a number such as 12/BB-SLĐTBXH).
                Map<String, Object> variables = new LinkedHashMap<>();
                variables.put("id", id);
                typed.forEach((name, value) -> {
                    if (Pages.blankToNull(value) != null) {
                        uri.queryParam(name, "{" + name + "}");
                        variables.put(name, value.trim());
                    }
                });
                return uri.build(variables);
            });
            Map<String, Object> body = new LinkedHashMap<>();
            MINUTES_COMMAND.forEach(field -> body.put(field, resolved.get(field)));
            client.command(user, "/api/reviews/" + id + "/minutes", body);
        } catch (ServiceProblem refused) {
            return show(id, "minutes", problems.refusedForm(refused, response, ISSUING, "review"), typed, null, model);
        }
        reads.awaitChange(before, () -> detail(user, id));
        redirect.addFlashAttribute("notice", problems.text("mr.done.minutes"));
        return "redirect:/reviews/" + id;
    }

    /** The draft minutes as they would be issued now: generated by query-service, recorded nowhere. */
    @GetMapping("/reviews/{id}/minutes.docx")
    ResponseEntity<byte[]> draft(@PathVariable String id) {
        return client.readFile(Pages.user(), uri -> uri.path("/api/reviews/{id}/minutes.docx").build(id)).asResponse();
    }

    /** The issued minutes, generated again by query-service and served only as the bytes issued. */
    @GetMapping("/reviews/{id}/minutes/issued.docx")
    ResponseEntity<byte[]> issued(@PathVariable String id) {
        return client.readFile(Pages.user(), uri -> uri.path("/api/reviews/{id}/minutes/issued.docx").build(id)).asResponse();
    }

    /** "Is this file the minutes we issued?": the file goes to query-service, which compares it byte for byte. */
    @PostMapping("/reviews/{id}/minutes/verification")
    String verify(@PathVariable String id, @RequestParam(required = false) MultipartFile file, HttpServletResponse response,
                  Model model) throws IOException {
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            FormErrors errors = new FormErrors().reject("file", problems.text("report.verify.noFile"));
            return show(id, null, new FormErrors(), Map.of(), new Verification(errors, null, null), model);
        }
        try {
            Map<String, Object> answer = client.sendFile(Pages.user(), "/api/reviews/" + id + "/minutes/verification", file.getBytes());
            return show(id, null, new FormErrors(), Map.of(), new Verification(new FormErrors(), answer, file.getOriginalFilename()), model);
        } catch (ServiceProblem refused) {
            ProblemMessages.answerRefused(refused, response);
            return show(id, null, new FormErrors(), Map.of(),
                    new Verification(problems.forForm(refused, Map.of()), null, file.getOriginalFilename()), model);
        }
    }

    /** The outcome of a check: its form's errors, or query-service's answer for the file. */
    public record Verification(FormErrors errors, Map<String, Object> answer, String fileName) {
    }

    // ---- sending and showing -------------------------------------------------------------------------------------

    /**
     * Sends one step unless a typed date was no date (marked beside its field, nothing sent); a refusal shows on the
     * step's form with what was typed; a success waits until the review's read shows the step and goes back to it.
     */
    private String send(String id, String form, String path, Map<String, Object> body, FormErrors errors, Map<String, String> fields,
                        Map<String, String> typed, String notice, HttpServletResponse response, RedirectAttributes redirect,
                        Model model) {
        SignedInUser user = Pages.user();
        if (errors.any()) {
            response.setStatus(400);
            return show(id, form, errors, typed, null, model);
        }
        Map<String, Object> before = detail(user, id);
        try {
            client.command(user, "/api/reviews/" + id + path, body);
        } catch (ServiceProblem refused) {
            return show(id, form, problems.refusedForm(refused, response, fields, "review"), typed, null, model);
        }
        reads.awaitChange(before, () -> detail(user, id));
        redirect.addFlashAttribute("notice", problems.text(notice));
        return "redirect:/reviews/" + id;
    }

    private String show(String id, String failedForm, FormErrors errors, Map<String, String> typed, Verification verification, Model model) {
        SignedInUser user = Pages.user();
        Map<String, Object> review = detail(user, id);
        List<Map<String, Object>> decisions = Reads.list(review.get("decisions"));
        List<String> completable = new ArrayList<>();
        for (Map<String, Object> decision : decisions) {
            if (ReviewActions.mayComplete(user, review, decision)) {
                completable.add(Reads.text(decision.get("decisionId")));
            }
        }
        boolean mayNotes = ReviewActions.mayRecordNotes(user, review);
        boolean mayHold = ReviewActions.mayHoldOrCancel(user, review);
        boolean mayDecide = ReviewActions.mayDecideOrIssue(user, review);
        model.addAttribute("title", problems.text("mr.review.title", Objects.toString(review.get("title"), id)));
        model.addAttribute("reviewId", id);
        model.addAttribute("review", review);
        model.addAttribute("notes", review.get("notes") instanceof Map<?, ?> notes ? notes : Map.of());
        model.addAttribute("noteNames", NOTES);
        model.addAttribute("decisions", decisions);
        model.addAttribute("mayNotes", mayNotes);
        model.addAttribute("mayHold", mayHold);
        model.addAttribute("mayCancel", mayHold);
        model.addAttribute("mayDecide", mayDecide);
        model.addAttribute("mayIssue", mayDecide);
        model.addAttribute("completable", completable);
        model.addAttribute("knownUnits", mayDecide ? reads.organisationUnits(user) : List.of());
        model.addAttribute("kinds", KINDS);
        model.addAttribute("inputs", "CANCELLED".equals(review.get("status")) ? null : inputs(user, id));
        model.addAttribute("attendeesDefault", attendeesDefault(review));
        model.addAttribute("failed", failedForm);
        model.addAttribute("errors", errors);
        // A refusal of a form the page no longer offers (sent from an older page) shows above the page.
        boolean offered = failedForm == null || switch (failedForm.contains(":") ? failedForm.substring(0, failedForm.indexOf(':')) : failedForm) {
            case "notes" -> mayNotes;
            case "hold", "cancel" -> mayHold;
            case "decision", "minutes" -> mayDecide;
            case "complete" -> completable.contains(failedForm.substring(failedForm.indexOf(':') + 1));
            default -> false;
        };
        model.addAttribute("strayErrors", offered ? null : errors);
        model.addAttribute("typed", typed);
        model.addAttribute("newDecisionId", "decision".equals(failedForm) ? typed.getOrDefault("decisionId", Pages.newId("qd")) : Pages.newId("qd"));
        model.addAttribute("verification", verification);
        model.addAttribute("today", Pages.today());
        return "managementreview/review";
    }

    private Map<String, Object> detail(SignedInUser user, String id) {
        return client.read(user, uri -> uri.path("/api/reviews/{id}").queryParam("asOf", Pages.today()).build(id));
    }

    /**
     * The review's 9.3.2 inputs as query-service assembles them at the cut-off ({@code GET /api/reviews/{id}/inputs}),
     * or null when they cannot be read (not offered by this query-service, or failing): the rest of the page stands
     * without them, and the minutes carry them (a 401 still signs the user out).
     */
    private Map<String, Object> inputs(SignedInUser user, String id) {
        try {
            return client.read(user, uri -> uri.path("/api/reviews/{id}/inputs").build(id));
        } catch (ServiceProblem failed) {
            if (failed.unauthenticated()) {
                throw failed;
            }
            LOG.info("The inputs of review {} could not be read: {}", id, failed.getMessage());
            return null;
        }
    }

    /** The holding form starts from the plan: the chair and the participants, one a line, as the form reads them. */
    private static String attendeesDefault(Map<String, Object> review) {
        List<String> lines = new ArrayList<>();
        List<Map<String, Object>> people = new ArrayList<>();
        if (review.get("chair") instanceof Map<?, ?> chair) {
            people.add(Reads.list(List.of(chair)).get(0));
        }
        people.addAll(Reads.list(review.get("participants")));
        for (Map<String, Object> person : people) {
            String name = Reads.text(person.get("name"));
            String title = Reads.text(person.get("title"));
            if (name != null && !name.isBlank()) {
                String line = title == null || title.isBlank() ? name : name + ", " + title;
                if (!lines.contains(line)) {
                    lines.add(line);
                }
            }
        }
        return String.join("\n", lines);
    }

    private static Map<String, String> notesFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        NOTES.forEach(note -> fields.put(note, note));
        fields.put("recordedOn", "recordedOn");
        return Map.copyOf(fields);
    }

    private static Map<String, String> holding() {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("heldOn", "heldOn", "cutOff", "cutOffDay", "minutesSummary", "minutesSummary",
                "conclusion", "conclusion", "conclusion.statement", "conclusion"));
        ReviewForms.listFields(fields, "attendees", "attendees");
        return Map.copyOf(fields);
    }
}
