package vn.qualityledger.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.qualityledger.web.ProblemMessages.FormErrors;

/**
 * "Minh chứng chờ duyệt": the organisation's evidence awaiting a monitor's decision, with acceptance (an optional
 * effective date, today by default) and rejection (with a reason) for the evidence the user monitors.
 * <p>
 * The APIs have no list of evidence awaiting review, so it is put together from two reads: the occurrence board
 * (which counts each occurrence's evidence awaiting review) finds the occurrences, and each objective's recorded state
 * gives their evidence and their measures' monitors.
 */
@Controller
class ReviewController {

    /** Board pages read at most (500 occurrences each); an organisation's year has about a hundred. */
    static final int MAX_BOARD_PAGES = 20;
    private static final Map<String, String> ACCEPTANCE_FIELDS = Map.of("effectiveOn", "effectiveOn");
    private static final Map<String, String> REJECTION_FIELDS = Map.of("reason", "reason");

    private final QualityLedgerClient client;
    private final Reads reads;
    private final ProblemMessages problems;

    ReviewController(QualityLedgerClient client, Reads reads, ProblemMessages problems) {
        this.client = client;
        this.reads = reads;
        this.problems = problems;
    }

    /** One piece of evidence awaiting review, with what the monitor needs to judge it. */
    record Awaiting(Map<String, Object> board, Map<String, Object> measure, Map<String, Object> evidence, boolean mayReview) {

        public String evidenceId() {
            return Reads.text(evidence.get("evidence_id"));
        }

        public String objectiveId() {
            return Reads.text(board.get("objectiveId"));
        }

        public String occurrenceId() {
            return Reads.text(board.get("occurrenceId"));
        }

        public List<String> monitors() {
            return Reads.strings(measure.get("monitors"));
        }
    }

    @GetMapping("/review")
    String queue(@RequestParam(required = false) String view, Model model) {
        return show(view, null, new FormErrors(), Map.of(), model);
    }

    @PostMapping("/objectives/{objectiveId}/evidence/{evidenceId}/acceptance")
    String accept(@PathVariable String objectiveId, @PathVariable String evidenceId, @RequestParam String occurrenceId,
                  @RequestParam String dueDate, @RequestParam(required = false) String effectiveOn,
                  @RequestParam(defaultValue = "mine") String view, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        SignedInUser user = Pages.user();
        Map<String, String> typed = Map.of("effectiveOn", Objects.toString(effectiveOn, ""));
        Map<String, Object> body = new LinkedHashMap<>();
        if (Pages.blankToNull(effectiveOn) != null) {
            Optional<LocalDate> date = Pages.parseDate(effectiveOn);
            if (date.isEmpty()) {
                response.setStatus(400);
                return show(view, evidenceId, new FormErrors().reject("effectiveOn", problems.text("rule.date.format")), typed, model);
            }
            body.put("effectiveOn", date.get().toString());
        }
        long before = awaitingNow(user, objectiveId, occurrenceId, dueDate);
        try {
            client.command(user, "/api/objectives/" + objectiveId + "/evidence/" + evidenceId + "/acceptance", body);
        } catch (ServiceProblem refused) {
            return refused(refused, ACCEPTANCE_FIELDS, view, evidenceId, typed, response, model);
        }
        awaitDecision(user, objectiveId, occurrenceId, dueDate, before);
        redirect.addFlashAttribute("notice", problems.text("review.accepted", evidenceId));
        return "redirect:/review?view=" + safeView(view);
    }

    @PostMapping("/objectives/{objectiveId}/evidence/{evidenceId}/rejection")
    String reject(@PathVariable String objectiveId, @PathVariable String evidenceId, @RequestParam String occurrenceId,
                  @RequestParam String dueDate, @RequestParam(required = false) String reason,
                  @RequestParam(defaultValue = "mine") String view, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        SignedInUser user = Pages.user();
        Map<String, String> typed = Map.of("reason", Objects.toString(reason, ""));
        long before = awaitingNow(user, objectiveId, occurrenceId, dueDate);
        try {
            client.command(user, "/api/objectives/" + objectiveId + "/evidence/" + evidenceId + "/rejection",
                    Map.of("reason", reason == null ? "" : reason.trim()));
        } catch (ServiceProblem refused) {
            return refused(refused, REJECTION_FIELDS, view, evidenceId, typed, response, model);
        }
        awaitDecision(user, objectiveId, occurrenceId, dueDate, before);
        redirect.addFlashAttribute("notice", problems.text("review.rejected", evidenceId));
        return "redirect:/review?view=" + safeView(view);
    }

    private String refused(ServiceProblem refused, Map<String, String> fields, String view, String evidenceId, Map<String, String> typed,
                           HttpServletResponse response, Model model) {
        if (refused.unauthenticated()) {
            throw refused;
        }
        response.setStatus(refused.status() >= 500 ? 502 : refused.status());
        return show(view, evidenceId, problems.forForm(refused, fields), typed, model);
    }

    /** How many pieces of evidence the board counts as awaiting review for the occurrence, before a decision. */
    private long awaitingNow(SignedInUser user, String objectiveId, String occurrenceId, String dueDate) {
        return Pages.parseDate(dueDate).flatMap(due -> reads.boardRow(user, objectiveId, occurrenceId, due))
                .map(row -> Reads.number(row.get("evidenceAwaitingReview"))).orElse(0L);
    }

    /** Until the board counts one piece of evidence less as awaiting (at most the configured wait). */
    private void awaitDecision(SignedInUser user, String objectiveId, String occurrenceId, String dueDate, long before) {
        Pages.parseDate(dueDate).ifPresent(due -> reads.awaitBoard(user, objectiveId, occurrenceId, due,
                row -> Reads.number(row.get("evidenceAwaitingReview")) < before));
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
        List<Map<String, Object>> rows = reads.boardRows(user, (uri, page) -> uri.path("/api/occurrences")
                .queryParam("organisationId", user.organisation()).queryParam("asOf", today)
                .queryParam("page", page).queryParam("size", 500).build(), MAX_BOARD_PAGES).stream()
                .filter(row -> Reads.number(row.get("evidenceAwaitingReview")) > 0).toList();
        Map<String, List<Map<String, Object>>> byObjective = rows.stream()
                .collect(Collectors.groupingBy(row -> row.get("objectiveId").toString(), LinkedHashMap::new, Collectors.toList()));
        Instant now = Instant.now();
        List<Awaiting> awaiting = new ArrayList<>();
        byObjective.forEach((objectiveId, occurrences) -> {
            Map<String, Object> state = reads.state(user, objectiveId, now);
            Map<String, Map<String, Object>> measures = Reads.list(state.get("measures")).stream()
                    .collect(Collectors.toMap(m -> m.get("measure_id").toString(), m -> m, (a, b) -> a));
            Map<String, Map<String, Object>> boardRows = occurrences.stream()
                    .collect(Collectors.toMap(o -> o.get("occurrenceId").toString(), o -> o, (a, b) -> a));
            Set<String> wanted = boardRows.keySet();
            for (Map<String, Object> evidence : Reads.list(state.get("evidence"))) {
                if ("SUBMITTED".equals(evidence.get("status")) && wanted.contains(evidence.get("occurrence_id").toString())) {
                    Map<String, Object> measure = measures.getOrDefault(evidence.get("measure_id").toString(), Map.of());
                    awaiting.add(new Awaiting(boardRows.get(evidence.get("occurrence_id").toString()), measure, evidence,
                            OfferedActions.mayReview(user, Reads.strings(measure.get("monitors")))));
                }
            }
        });
        awaiting.sort(Comparator.comparing((Awaiting a) -> Objects.toString(a.evidence().get("submitted_on"), ""))
                .thenComparing(a -> Objects.toString(a.board().get("dueDate"), "")));
        return awaiting;
    }

    private static String safeView(String view) {
        return "all".equals(view) ? "all" : "mine";
    }
}
