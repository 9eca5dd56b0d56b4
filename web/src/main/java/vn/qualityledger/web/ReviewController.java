package vn.qualityledger.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.qualityledger.web.ProblemMessages.FormErrors;

/**
 * "Minh chứng chờ duyệt": the organisation's evidence awaiting a monitor's decision (query-service's evidence register
 * with {@code status=SUBMITTED}, oldest filing first), each with who filed it, and acceptance (the day of the decision
 * and the effective date, both optional) and rejection (a reason, an optional day) for the evidence the user monitors
 * and did not file themselves.
 */
@Controller
class ReviewController {

    /** Register pages read at most (500 filings each); an organisation's queue is rarely more than a few dozen. */
    static final int MAX_PAGES = 10;
    private static final int PAGE = 500;
    private static final Map<String, String> ACCEPTANCE_FIELDS = Map.of("effectiveOn", "effectiveOn", "acceptedOn", "acceptedOn");
    private static final Map<String, String> REJECTION_FIELDS = Map.of("reason", "reason", "rejectedOn", "rejectedOn");

    private final QualityLedgerClient client;
    private final Reads reads;
    private final ProblemMessages problems;

    ReviewController(QualityLedgerClient client, Reads reads, ProblemMessages problems) {
        this.client = client;
        this.reads = reads;
        this.problems = problems;
    }

    /**
     * One piece of evidence awaiting review: the register's row (objective, measure, monitors, occurrence, document,
     * filer); {@code ownFiling} when the user filed it (the service refuses a review of one's own evidence).
     */
    record Awaiting(Map<String, Object> row, boolean monitors, boolean ownFiling) {

        public String evidenceId() {
            return Reads.text(row.get("evidenceId"));
        }

        public String objectiveId() {
            return Reads.text(row.get("objectiveId"));
        }

        public String occurrenceId() {
            return Reads.text(row.get("occurrenceId"));
        }

        public List<String> monitorUnits() {
            return Reads.strings(row.get("monitors"));
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> document() {
            return row.get("document") instanceof Map<?, ?> document ? (Map<String, Object>) document : Map.of();
        }

        /** The filer's name; null for evidence projected before filers were kept. */
        public String submittedBy() {
            return row.get("submittedBy") instanceof Map<?, ?> filer ? Reads.text(filer.get("name")) : null;
        }

        public boolean mayReview() {
            return monitors && !ownFiling;
        }
    }

    @GetMapping("/review")
    String queue(@RequestParam(required = false) String view, Model model) {
        return show(view, null, new FormErrors(), Map.of(), model);
    }

    @PostMapping("/objectives/{objectiveId}/evidence/{evidenceId}/acceptance")
    String accept(@PathVariable String objectiveId, @PathVariable String evidenceId, @RequestParam String occurrenceId,
                  @RequestParam(required = false) String acceptedOn, @RequestParam(required = false) String effectiveOn,
                  @RequestParam(defaultValue = "mine") String view, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        SignedInUser user = Pages.user();
        Map<String, String> typed = Map.of("acceptedOn", Objects.toString(acceptedOn, ""), "effectiveOn", Objects.toString(effectiveOn, ""));
        Map<String, Object> body = new LinkedHashMap<>();
        FormErrors errors = new FormErrors();
        boolean days = Pages.putDay(body, "acceptedOn", acceptedOn, errors, "acceptedOn", problems)
                & Pages.putDay(body, "effectiveOn", effectiveOn, errors, "effectiveOn", problems);
        if (!days) {
            response.setStatus(400);
            return show(view, evidenceId, errors, typed, model);
        }
        List<Map<String, Object>> before = reads.evidence(user, objectiveId, occurrenceId);
        try {
            client.command(user, "/api/objectives/" + objectiveId + "/evidence/" + evidenceId + "/acceptance", body);
        } catch (ServiceProblem refused) {
            return refused(refused, ACCEPTANCE_FIELDS, view, evidenceId, typed, response, model);
        }
        reads.awaitChange(before, () -> reads.evidence(user, objectiveId, occurrenceId));
        redirect.addFlashAttribute("notice", problems.text("review.accepted", evidenceId));
        return "redirect:/review?view=" + safeView(view);
    }

    @PostMapping("/objectives/{objectiveId}/evidence/{evidenceId}/rejection")
    String reject(@PathVariable String objectiveId, @PathVariable String evidenceId, @RequestParam String occurrenceId,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String rejectedOn,
                  @RequestParam(defaultValue = "mine") String view, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        SignedInUser user = Pages.user();
        Map<String, String> typed = Map.of("reason", Objects.toString(reason, ""), "rejectedOn", Objects.toString(rejectedOn, ""));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", reason == null ? "" : reason.trim());
        FormErrors errors = new FormErrors();
        if (!Pages.putDay(body, "rejectedOn", rejectedOn, errors, "rejectedOn", problems)) {
            response.setStatus(400);
            return show(view, evidenceId, errors, typed, model);
        }
        List<Map<String, Object>> before = reads.evidence(user, objectiveId, occurrenceId);
        try {
            client.command(user, "/api/objectives/" + objectiveId + "/evidence/" + evidenceId + "/rejection", body);
        } catch (ServiceProblem refused) {
            return refused(refused, REJECTION_FIELDS, view, evidenceId, typed, response, model);
        }
        reads.awaitChange(before, () -> reads.evidence(user, objectiveId, occurrenceId));
        redirect.addFlashAttribute("notice", problems.text("review.rejected", evidenceId));
        return "redirect:/review?view=" + safeView(view);
    }

    private String refused(ServiceProblem refused, Map<String, String> fields, String view, String evidenceId, Map<String, String> typed,
                           HttpServletResponse response, Model model) {
        return show(view, evidenceId, problems.refusedForm(refused, response, fields), typed, model);
    }

    private String show(String view, String failedEvidenceId, FormErrors errors, Map<String, String> typed, Model model) {
        SignedInUser user = Pages.user();
        if (user.organisation() == null || user.organisation().isBlank()) {
            return "no-organisation";
        }
        List<Awaiting> all = awaiting(user);
        List<Awaiting> mine = all.stream().filter(Awaiting::mayReview).toList();
        // Who reviews nothing (an auditor, a viewer) sees everything by default.
        String shown = "all".equals(view) || (view == null && !user.works()) ? "all" : "mine";
        model.addAttribute("view", shown);
        model.addAttribute("items", shown.equals("all") ? all : mine);
        model.addAttribute("mineCount", mine.size());
        model.addAttribute("allCount", all.size());
        model.addAttribute("today", Pages.today());
        model.addAttribute("failed", failedEvidenceId);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return "review";
    }

    private List<Awaiting> awaiting(SignedInUser user) {
        LocalDate today = Pages.today();
        List<Awaiting> awaiting = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            int number = page;
            Map<String, Object> answer = client.read(user, uri -> uri.path("/api/evidence").queryParam("organisationId", user.organisation())
                    .queryParam("status", "SUBMITTED").queryParam("asOf", today).queryParam("page", number).queryParam("size", PAGE).build());
            for (Map<String, Object> row : Reads.rows(answer)) {
                boolean own = row.get("submittedBy") instanceof Map<?, ?> filer && Objects.equals(filer.get("id"), user.actorId());
                awaiting.add(new Awaiting(row, OfferedActions.mayReview(user, Reads.strings(row.get("monitors"))), own));
            }
            if (!(answer.get("totalPages") instanceof Number total) || number + 1 >= total.intValue()) {
                break;
            }
        }
        return awaiting;
    }

    private static String safeView(String view) {
        return "all".equals(view) ? "all" : "mine";
    }
}
