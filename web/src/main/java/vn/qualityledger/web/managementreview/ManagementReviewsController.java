package vn.qualityledger.web.managementreview;

import static vn.qualityledger.web.managementreview.ReviewForms.trim;
import static vn.qualityledger.web.managementreview.ReviewForms.typed;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

/**
 * Xem xét của lãnh đạo (ISO 9001:2015 9.3, the plan's measure I.4): an organisation's reviews of a year as
 * query-service lists them (status, decisions open, overdue and done) under whether a review is due today and why,
 * planning a review for the QMR, the ISO secretary and administrators, and the tracker of the decisions the reviews
 * took (Quyết định của lãnh đạo). No figure is computed here: every count and status is the one the API answered.
 */
@Controller
class ManagementReviewsController {

    private static final Logger LOG = LoggerFactory.getLogger(ManagementReviewsController.class);

    static final List<String> TRIGGERS = List.of("PERIODIC", "AFTER_INTERNAL_AUDIT", "EXTRAORDINARY");
    static final List<String> DECISION_STATUSES = List.of("OPEN", "OVERDUE", "DONE");

    /** The services' names of what the plan form asks, to put each refusal beside its field. */
    private static final Map<String, String> PLAN = plan();

    private final QualityLedgerClient client;
    private final Reads reads;
    private final ProblemMessages problems;

    ManagementReviewsController(QualityLedgerClient client, Reads reads, ProblemMessages problems) {
        this.client = client;
        this.reads = reads;
        this.problems = problems;
    }

    @GetMapping("/reviews")
    String mine() {
        return ownOrganisation("reviews");
    }

    @GetMapping("/review-decisions")
    String myDecisions() {
        return ownOrganisation("review-decisions");
    }

    @GetMapping("/organisations/{organisationId}/reviews")
    String reviews(@PathVariable String organisationId, @RequestParam(required = false) Integer year, Model model) {
        return show(organisationId, year, new FormErrors(), Map.of(), model);
    }

    /** Planning a review; its id is chosen when the form is shown, so a form sent twice plans once. */
    @PostMapping("/organisations/{organisationId}/reviews")
    String plan(@PathVariable String organisationId, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String reviewId, @RequestParam(required = false) String title,
                @RequestParam(required = false) String trigger, @RequestParam(required = false) String auditId,
                @RequestParam(required = false) String periodFrom, @RequestParam(required = false) String periodTo,
                @RequestParam(required = false) String scheduledOn, @RequestParam(required = false) String chairName,
                @RequestParam(required = false) String chairTitle, @RequestParam(required = false) String participants,
                @RequestParam(required = false) String plannedOn, HttpServletResponse response, RedirectAttributes redirect,
                Model model) {
        SignedInUser user = Pages.user();
        String id = Objects.requireNonNullElseGet(Pages.validId(reviewId), () -> Pages.newId("xxld"));
        Map<String, String> typed = typed("reviewId", id, "title", title, "trigger", trigger, "auditId", auditId,
                "periodFrom", periodFrom, "periodTo", periodTo, "scheduledOn", scheduledOn, "chairName", chairName,
                "chairTitle", chairTitle, "participants", participants, "plannedOn", plannedOn);
        boolean afterAudit = "AFTER_INTERNAL_AUDIT".equals(trigger);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reviewId", id);
        body.put("organisationId", organisationId);
        body.put("title", trim(title));
        body.put("trigger", ReviewForms.oneOf(TRIGGERS, trigger));
        // Only a review after an internal audit names one (AUDIT_REQUIRED); a round picked before changing the trigger is dropped.
        body.put("auditId", afterAudit ? Pages.blankToNull(auditId) : null);
        FormErrors errors = new FormErrors();
        Pages.putDate(body, "periodFrom", periodFrom, errors, "periodFrom", problems);
        Pages.putDate(body, "periodTo", periodTo, errors, "periodTo", problems);
        Pages.putDate(body, "scheduledOn", scheduledOn, errors, "scheduledOn", problems);
        body.put("chair", ReviewForms.person(chairName, chairTitle));
        body.put("participants", ReviewForms.people(participants));
        Pages.putDay(body, "plannedOn", plannedOn, errors, "plannedOn", problems);
        if (errors.any()) {
            response.setStatus(400);
            return show(organisationId, year, errors, typed, model);
        }
        try {
            client.command(user, "/api/reviews", body);
        } catch (ServiceProblem refused) {
            return show(organisationId, year, problems.refusedForm(refused, response, PLAN, "review"), typed, model);
        }
        reads.awaitChange(null, () -> statusOf(user, id));
        redirect.addFlashAttribute("notice", problems.text("mr.done.plan"));
        return "redirect:/reviews/" + id;
    }

    /** Quyết định của lãnh đạo: every decision of the organisation's reviews by due date, with its status today. */
    @GetMapping("/organisations/{organisationId}/review-decisions")
    String decisions(@PathVariable String organisationId, @RequestParam(required = false) String status, Model model) {
        SignedInUser user = Pages.user();
        String shown = ReviewForms.oneOf(DECISION_STATUSES, status);
        List<Map<String, Object>> answer = client.readList(user, uri -> {
            uri.path("/api/organisations/{org}/review-decisions").queryParam("asOf", Pages.today());
            if (shown != null) {
                uri.queryParam("status", shown);
            }
            return uri.build(organisationId);
        });
        model.addAttribute("title", problems.text("mr.decisions.title", organisationId));
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("status", shown);
        model.addAttribute("statuses", DECISION_STATUSES);
        model.addAttribute("decisions", answer);
        model.addAttribute("reviewTitles", reviewTitles(user, answer));
        model.addAttribute("today", Pages.today());
        return "managementreview/decisions";
    }

    private String show(String organisationId, Integer year, FormErrors errors, Map<String, String> typed, Model model) {
        SignedInUser user = Pages.user();
        int shownYear = year != null && year >= 2000 && year <= 2100 ? year : Pages.today().getYear();
        Map<String, Object> answer = client.read(user, uri -> uri.path("/api/organisations/{org}/reviews").queryParam("year", shownYear)
                .queryParam("asOf", Pages.today()).build(organisationId));
        Map<String, Object> due = answer.get("due") instanceof Map<?, ?> map ? Reads.list(List.of(map)).get(0) : Map.of();
        boolean mayPlan = ReviewActions.mayOrganise(user, organisationId);
        model.addAttribute("title", problems.text("mr.list.title", String.valueOf(shownYear), organisationId));
        model.addAttribute("organisationId", organisationId);
        model.addAttribute("year", shownYear);
        model.addAttribute("reviews", Reads.list(answer.get("reviews")));
        model.addAttribute("due", due);
        model.addAttribute("dueAudit", auditTitle(user, Reads.text(due.get("auditClosedAfterLastReview"))));
        model.addAttribute("mayPlan", mayPlan);
        model.addAttribute("audits", mayPlan ? auditRounds(user, organisationId, shownYear) : List.of());
        model.addAttribute("triggers", TRIGGERS);
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        model.addAttribute("planFailed", !typed.isEmpty());
        model.addAttribute("newReviewId", typed.getOrDefault("reviewId", Pages.newId("xxld")));
        model.addAttribute("today", Pages.today());
        return "managementreview/reviews";
    }

    /**
     * The title of each review the decisions belong to, by id: the tracker names the review only by its id, and an
     * organisation holds a few reviews a year (I.4: every 6 months or after an audit), so one read per review. A review
     * that cannot be read is named by its id (a 401 still signs the user out).
     */
    private Map<String, String> reviewTitles(SignedInUser user, List<Map<String, Object>> decisions) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (Map<String, Object> decision : decisions) {
            String reviewId = Reads.text(decision.get("reviewId"));
            if (reviewId != null && !titles.containsKey(reviewId)) {
                String title = reviewId;
                try {
                    title = Objects.requireNonNullElse(Reads.text(client.read(user, uri -> uri.path("/api/reviews/{id}").build(reviewId)).get("title")), reviewId);
                } catch (ServiceProblem failed) {
                    if (failed.unauthenticated()) {
                        throw failed;
                    }
                    LOG.info("Review {} of a decision could not be read: {}", reviewId, failed.getMessage());
                }
                titles.put(reviewId, title);
            }
        }
        return titles;
    }

    /** The review's status as query-service has it, or null while it is not on the read side yet. */
    private Object statusOf(SignedInUser user, String reviewId) {
        try {
            return client.read(user, uri -> uri.path("/api/reviews/{id}").build(reviewId)).get("status");
        } catch (ServiceProblem notYet) {
            if (notYet.status() != 404) {
                throw notYet;
            }
            return null;
        }
    }

    /**
     * The name of the audit round a due review follows (its read, {@code GET /api/audits/{id}}); its id when the read
     * fails, since the banner is no reason to refuse the page (a 401 still signs the user out).
     */
    private String auditTitle(SignedInUser user, String auditId) {
        if (auditId == null) {
            return null;
        }
        try {
            return Objects.requireNonNullElse(Reads.text(client.read(user, uri -> uri.path("/api/audits/{id}").build(auditId)).get("title")), auditId);
        } catch (ServiceProblem failed) {
            if (failed.unauthenticated()) {
                throw failed;
            }
            LOG.info("The audit {} a due review follows could not be read: {}", auditId, failed.getMessage());
            return auditId;
        }
    }

    /** The year's audit rounds (the programme's id and title of each) offered for a review after an internal audit; any id may still be typed. */
    private List<Map<String, Object>> auditRounds(SignedInUser user, String organisationId, int year) {
        try {
            return Reads.list(client.read(user, uri -> uri.path("/api/organisations/{org}/audit-programme").queryParam("year", year)
                    .queryParam("asOf", Pages.today()).build(organisationId)).get("audits"));
        } catch (ServiceProblem failed) {
            if (failed.unauthenticated()) {
                throw failed;
            }
            LOG.info("No audit rounds to offer: {}", failed.getMessage());
            return List.of();
        }
    }

    private static String ownOrganisation(String page) {
        SignedInUser user = Pages.user();
        if (user.organisation() == null || user.organisation().isBlank()) {
            return user.readsEveryOrganisation() ? "redirect:/organisations" : "no-organisation";
        }
        return "redirect:/organisations/" + user.organisation() + "/" + page;
    }

    private static Map<String, String> plan() {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("title", "title", "trigger", "trigger", "auditId", "auditId",
                "periodFrom", "periodFrom", "periodTo", "periodTo", "scheduledOn", "scheduledOn", "chair", "chairName",
                "chair.name", "chairName", "chair.title", "chairTitle", "plannedOn", "plannedOn"));
        ReviewForms.listFields(fields, "participants", "participants");
        return Map.copyOf(fields);
    }
}
