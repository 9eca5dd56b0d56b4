package vn.qualityledger.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.qualityledger.web.ProblemMessages.FormErrors;

/**
 * One occurrence of a measure — a piece of work with a due date — as the unit doing it sees it: what is expected,
 * its status today, every piece of evidence filed for it with the monitor's decision (a rejection with its reason),
 * and the form to file evidence (again, after a rejection: a new piece of evidence with its own id).
 */
@Controller
class OccurrenceController {

    /** The service's names of the evidence fields, and the form's (the upload's refusals and a cited file's: the file field). */
    static final Map<String, String> EVIDENCE_FIELDS = Map.ofEntries(Map.entry("document.number", "number"),
            Map.entry("document.date", "date"), Map.entry("document.issuer", "issuer"), Map.entry("document.title", "title"),
            Map.entry("document.link", "link"), Map.entry("submittedOn", "submittedOn"), Map.entry("file", "file"),
            Map.entry("file.name", "file"), Map.entry("file.sha256", "file"), Map.entry("file.size", "file"),
            Map.entry("file.contentType", "file"));

    private final QualityLedgerClient client;
    private final Reads reads;
    private final ProblemMessages problems;

    OccurrenceController(QualityLedgerClient client, Reads reads, ProblemMessages problems) {
        this.client = client;
        this.reads = reads;
        this.problems = problems;
    }

    /**
     * What the evidence form holds: a document reference as the agency cites it, the evidence's id, and a file stored
     * before ({@code kept…}: the rejected filing's, or one uploaded for a filing the service then refused) that the
     * new filing cites again while {@code keepFile} is ticked. The file chosen in the form comes as its own part.
     */
    record EvidenceForm(String evidenceId, String number, String date, String issuer, String title, String link, String submittedOn,
                        String keepFile, String keptSha256, String keptName, String keptSize, String keptContentType) {

        static EvidenceForm blank() {
            return new EvidenceForm(Pages.newId("ev"), "", "", "", "", "", "", null, null, null, null, null);
        }

        /** The kept file as a submission cites it, or null when there is none or it is not to be kept. */
        Map<String, Object> keptFile() {
            if (!"true".equals(keepFile) || keptSha256 == null || !keptSha256.matches("[0-9a-f]{64}") || keptSize == null
                    || !keptSize.matches("[0-9]{1,18}")) {
                return null;
            }
            return fileReference(keptSha256, keptName, Long.parseLong(keptSize), keptContentType);
        }

        public boolean hasKeptFile() {
            return keptSha256 != null && !keptSha256.isBlank();
        }

        EvidenceForm keeping(Map<String, Object> file) {
            if (file == null) {
                return this;
            }
            return new EvidenceForm(evidenceId, number, date, issuer, title, link, submittedOn, "true", Reads.text(file.get("sha256")),
                    Reads.text(file.get("name")), Reads.text(file.get("size")), Reads.text(file.get("contentType")));
        }
    }

    static Map<String, Object> fileReference(String sha256, String name, long size, String contentType) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("sha256", sha256);
        file.put("name", name);
        file.put("size", size);
        file.put("contentType", contentType);
        return file;
    }

    @GetMapping("/objectives/{objectiveId}/occurrences/{occurrenceId}")
    String occurrence(@PathVariable String objectiveId, @PathVariable String occurrenceId, Model model) {
        Occurrence occurrence = load(objectiveId, occurrenceId);
        EvidenceForm form = model.containsAttribute("form") ? (EvidenceForm) model.getAttribute("form") : prefilled(occurrence);
        return show(occurrence, form, new FormErrors(), model);
    }

    @PostMapping("/objectives/{objectiveId}/occurrences/{occurrenceId}/evidence")
    String submitEvidence(@PathVariable String objectiveId, @PathVariable String occurrenceId, @ModelAttribute EvidenceForm form,
                          @RequestParam(name = "file", required = false) MultipartFile file,
                          HttpServletResponse response, RedirectAttributes redirect, Model model) {
        SignedInUser user = Pages.user();
        Occurrence occurrence = load(objectiveId, occurrenceId);
        String evidenceId = Optional.ofNullable(Pages.validId(form.evidenceId())).orElseGet(() -> Pages.newId("ev"));
        Optional<LocalDate> date = Pages.parseDate(form.date());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("number", trim(form.number()));
        document.put("date", date.map(LocalDate::toString).orElse(null));
        document.put("issuer", trim(form.issuer()));
        document.put("title", trim(form.title()));
        if (Pages.blankToNull(form.link()) != null) {
            document.put("link", form.link().trim());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("evidenceId", evidenceId);
        body.put("occurrenceId", occurrenceId);
        body.put("document", document);
        FormErrors dayErrors = new FormErrors();
        if (!Pages.putDay(body, "submittedOn", form.submittedOn(), dayErrors, "submittedOn", problems)) {
            response.setStatus(400);
            return show(occurrence, retyped(evidenceId, form), dayErrors, model);
        }
        // A file chosen in the form is stored first (command-service computes its SHA-256); the filing then cites it.
        Map<String, Object> stored = form.keptFile();
        if (file != null && file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank()) {
            try {
                stored = client.upload(user, file.getOriginalFilename(), file.getContentType(), file.getSize(), file);
            } catch (ServiceProblem refused) {
                return show(occurrence, retyped(evidenceId, form), problems.refusedForm(refused, response, EVIDENCE_FIELDS), model);
            }
        }
        if (stored != null) {
            body.put("file", stored);
        }
        try {
            client.command(user, "/api/objectives/" + objectiveId + "/evidence", body);
        } catch (ServiceProblem refused) {
            FormErrors errors = problems.refusedForm(refused, response, EVIDENCE_FIELDS);
            form = retyped(evidenceId, form).keeping(stored);
            if (date.isEmpty() && form.date() != null && !form.date().isBlank()) {
                // Not a date at all: say so, rather than the service's "required" for the date it never received.
                errors.byField().put("date", problems.text("rule.date.format"));
            }
            return show(occurrence, retyped(evidenceId, form), errors, model);
        }
        reads.awaitChange(occurrence.evidence().size(), () -> reads.evidence(user, objectiveId, occurrenceId).size());
        redirect.addFlashAttribute("notice", problems.text("occurrence.submitted", trim(form.number())));
        return "redirect:/objectives/{objectiveId}/occurrences/{occurrenceId}";
    }

    private static EvidenceForm retyped(String evidenceId, EvidenceForm form) {
        return new EvidenceForm(evidenceId, form.number(), form.date(), form.issuer(), form.title(), form.link(), form.submittedOn(),
                form.keepFile(), form.keptSha256(), form.keptName(), form.keptSize(), form.keptContentType());
    }

    private String show(Occurrence occurrence, EvidenceForm form, FormErrors errors, Model model) {
        SignedInUser user = Pages.user();
        model.addAttribute("o", occurrence);
        model.addAttribute("title", problems.text("occurrence.title", occurrence.measure().get("code"),
                new Formats().date(occurrence.row().get("dueDate"))));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("today", Pages.today());
        model.addAttribute("mayFile", occurrence.open() && OfferedActions.mayFileEvidence(user, occurrence.unitsOfTheWork()));
        model.addAttribute("mayReview", OfferedActions.mayReview(user, occurrence.monitors()));
        model.addAttribute("mayAssign", occurrence.open() && OfferedActions.mayAssign(user, occurrence.unitsOfTheWork()));
        return "occurrence";
    }

    /** A new filing after a rejection starts from the rejected document: usually one thing was wrong with it. */
    private static EvidenceForm prefilled(Occurrence occurrence) {
        List<Map<String, Object>> evidence = occurrence.evidence();
        if (evidence.isEmpty() || evidence.stream().anyMatch(e -> !"REJECTED".equals(e.get("status")))) {
            return EvidenceForm.blank();
        }
        Map<String, Object> rejected = document(evidence.get(0));
        return new EvidenceForm(Pages.newId("ev"), Reads.text(rejected.get("number")), new Formats().date(rejected.get("date")),
                Reads.text(rejected.get("issuer")), Reads.text(rejected.get("title")), Objects.toString(rejected.get("link"), ""), "",
                null, null, null, null, null).keeping(file(evidence.get(0)));
    }

    /** The stored file filed with the evidence, or null. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> file(Map<String, Object> evidence) {
        return evidence.get("file") instanceof Map<?, ?> file ? (Map<String, Object>) file : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> document(Map<String, Object> evidence) {
        return evidence.get("document") instanceof Map<?, ?> document ? (Map<String, Object>) document : Map.of();
    }

    /**
     * Latest first: by day of submission, and within a day the undecided before the decided (a rejection came before
     * the filing that answers it), then by day of decision. Ids are the client's and say nothing about order.
     */
    static final Comparator<Map<String, Object>> LATEST_FIRST = Comparator
            .comparing((Map<String, Object> e) -> Objects.toString(e.get("submittedOn"), "")).reversed()
            .thenComparing(e -> e.get("decidedOn") == null ? 0 : 1)
            .thenComparing(Comparator.comparing((Map<String, Object> e) -> Objects.toString(e.get("decidedOn"), "")).reversed())
            .thenComparing(Comparator.comparing((Map<String, Object> e) -> Objects.toString(e.get("evidenceId"), "")).reversed());

    private Occurrence load(String objectiveId, String occurrenceId) {
        SignedInUser user = Pages.user();
        Map<String, Object> state = reads.plan(user, objectiveId);
        Map<String, Object> row = Reads.list(state.get("occurrences")).stream()
                .filter(o -> occurrenceId.equals(o.get("occurrenceId"))).findFirst()
                .orElseThrow(() -> new ServiceProblem(404, "OCCURRENCE_NOT_FOUND", ""));
        Map<String, Object> measure = Reads.list(state.get("measures")).stream()
                .filter(m -> Objects.equals(m.get("measureId"), row.get("measureId"))).findFirst().orElse(Map.of());
        List<Map<String, Object>> evidence = reads.evidence(user, objectiveId, occurrenceId).stream().sorted(LATEST_FIRST).toList();
        LocalDate due = LocalDate.parse(row.get("dueDate").toString());
        Map<String, Object> board = reads.boardRow(user, objectiveId, occurrenceId, due).orElse(Map.of());
        Map<String, Object> figures = reads.objective(user, objectiveId);
        return new Occurrence(objectiveId, occurrenceId, figures, measure, row, board, evidence);
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }

    /**
     * An occurrence as its page shows it: the objective's figures (code, statement), its measure's row and its own row
     * (from the objective's state), its board row as of today, and its evidence from the evidence register, latest first.
     */
    record Occurrence(String objectiveId, String occurrenceId, Map<String, Object> objective, Map<String, Object> measure,
                      Map<String, Object> row, Map<String, Object> board, List<Map<String, Object>> evidence) {

        LocalDate dueDate() {
            return LocalDate.parse(row.get("dueDate").toString());
        }

        public String status() {
            return Reads.text(board.get("status"));
        }

        /** Work can still be done: neither complete nor cancelled. */
        public boolean open() {
            return row.get("completedOn") == null && row.get("cancelledOn") == null;
        }

        public boolean hasPendingEvidence() {
            return evidence.stream().anyMatch(e -> "SUBMITTED".equals(e.get("status")));
        }

        List<String> monitors() {
            return Reads.strings(measure.get("monitors"));
        }

        List<String> unitsOfTheWork() {
            return OfferedActions.unitsOfTheWork(row.get("assignedUnit"), measure.get("assignedUnit"), Reads.strings(measure.get("leadUnits")));
        }
    }
}
