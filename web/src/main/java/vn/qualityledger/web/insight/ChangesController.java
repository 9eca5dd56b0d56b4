package vn.qualityledger.web.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.qualityledger.web.Pages;
import vn.qualityledger.web.ProblemMessages;
import vn.qualityledger.web.QualityLedgerClient;
import vn.qualityledger.web.ServiceProblem;
import vn.qualityledger.web.SignedInUser;
import vn.qualityledger.web.WebApplication;

/**
 * What changed in an objective between two instants, and why (for auditors): the figures as recorded at each instant
 * (for its local date), and the events recorded in between — who, what, when — from query-service's
 * {@code GET /api/objectives/{id}/changes}. Events are grouped by the second they were recorded in; while there are
 * few groups ({@value #ATTRIBUTED_GROUPS} at most), each group's own effect on the figures is read the same way over
 * that second alone, so the auditor sees which event moved which figure; beyond that each group links to that view.
 * An instant is typed dd/MM/yyyy, dd/MM/yyyy HH:mm or dd/MM/yyyy HH:mm:ss: "from" is the start of what is typed,
 * "to" its end.
 */
@Controller
class ChangesController {

    static final int ATTRIBUTED_GROUPS = 8;
    static final int DEFAULT_DAYS = 30;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d/M/uuuu H:mm").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("d/M/uuuu H:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private static final DateTimeFormatter SHOWN_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final QualityLedgerClient client;
    private final ProblemMessages problems;

    ChangesController(QualityLedgerClient client, ProblemMessages problems) {
        this.client = client;
        this.problems = problems;
    }

    /** Events recorded in the same second, and — when read — what they changed together. */
    public record Group(String second, List<Map<String, Object>> events, List<FigureRow.Change> changedFigures, boolean attributed) {
    }

    @GetMapping("/objectives/{objectiveId}/changes")
    String changes(@PathVariable String objectiveId, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, Model model) {
        SignedInUser user = Pages.user();
        // Its code and statement for the heading, and a first check that the user may read it.
        Map<String, Object> objective = client.read(user, uri -> uri.path("/api/objectives/{id}/dashboard").build(objectiveId));
        Instant now = Instant.now();
        String fromText = from == null ? SHOWN_DAY.format(Pages.today().minusDays(DEFAULT_DAYS)) : from.trim();
        String toText = to == null ? "" : to.trim();
        model.addAttribute("objectiveId", objectiveId);
        model.addAttribute("objective", objective);
        model.addAttribute("fromText", fromText);
        model.addAttribute("toText", toText);
        model.addAttribute("english", "en".equals(LocaleContextHolder.getLocale().getLanguage()));

        ProblemMessages.FormErrors errors = new ProblemMessages.FormErrors();
        Optional<Instant> start = parse(fromText, false);
        Optional<Instant> end = toText.isEmpty() ? Optional.of(now) : parse(toText, true);
        if (start.isEmpty()) {
            errors.reject("from", problems.text("rule.changes.instant"));
        }
        if (end.isEmpty()) {
            errors.reject("to", problems.text("rule.changes.instant"));
        }
        model.addAttribute("errors", errors);
        if (errors.any()) {
            return "insight/changes";
        }
        Instant fromInstant = start.get();
        Instant toInstant = end.get().isAfter(now) ? now : end.get();
        if (!fromInstant.isBefore(toInstant)) {
            errors.reject("to", problems.text("rule.changes.order"));
            return "insight/changes";
        }
        Map<String, Object> changes;
        try {
            changes = read(user, objectiveId, fromInstant, toInstant);
        } catch (ServiceProblem problem) {
            if (problem.unauthenticated() || problem.status() == 403 || problem.status() == 404) {
                throw problem;
            }
            model.addAttribute("errors", problems.forForm(problem, Map.of("from", "from", "to", "to")));
            return "insight/changes";
        }
        model.addAttribute("fromShown", SHOWN.format(fromInstant.plusNanos(1).atZone(WebApplication.AGENCY_ZONE)));
        model.addAttribute("toShown", SHOWN.format(toInstant.atZone(WebApplication.AGENCY_ZONE)));
        model.addAttribute("maxAttributed", ATTRIBUTED_GROUPS);
        model.addAttribute("changes", changes);
        model.addAttribute("rows", FigureRow.rows(map(changes.get("before")), map(changes.get("after")), list(changes.get("changedFigures"))));
        List<Group> groups = groups(user, objectiveId, list(changes.get("events")));
        model.addAttribute("groups", groups);
        model.addAttribute("attributedAll", groups.stream().allMatch(Group::attributed));
        return "insight/changes";
    }

    /** The events by the second they were recorded in; each group's own changes read while there are few groups. */
    private List<Group> groups(SignedInUser user, String objectiveId, List<Map<String, Object>> events) {
        Map<Instant, List<Map<String, Object>>> bySecond = new LinkedHashMap<>();
        for (Map<String, Object> event : events) {
            Instant second = Instant.parse(event.get("recordedAt").toString()).truncatedTo(ChronoUnit.SECONDS);
            bySecond.computeIfAbsent(second, s -> new ArrayList<>()).add(event);
        }
        boolean attribute = bySecond.size() <= ATTRIBUTED_GROUPS;
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<Instant, List<Map<String, Object>>> entry : bySecond.entrySet()) {
            Instant second = entry.getKey();
            String shown = SHOWN.format(second.atZone(WebApplication.AGENCY_ZONE));
            List<FigureRow.Change> changed = attribute
                    ? FigureRow.changes(list(read(user, objectiveId, second.minusNanos(1), second.plusSeconds(1).minusNanos(1)).get("changedFigures")))
                    : List.of();
            groups.add(new Group(shown, entry.getValue(), changed, attribute));
        }
        return groups;
    }

    private Map<String, Object> read(SignedInUser user, String objectiveId, Instant from, Instant to) {
        return client.read(user, uri -> uri.path("/api/objectives/{id}/changes").queryParam("from", from).queryParam("to", to)
                .build(objectiveId));
    }

    /**
     * An instant as typed, in Asia/Ho_Chi_Minh: a day, a minute or a second. The start of it ({@code end} false: just
     * before it, as "changes after" reads exclusively) or its last instant ({@code end} true).
     */
    static Optional<Instant> parse(String text, boolean end) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String typed = text.trim().replaceAll("\\s+", " ");
        try {
            ZonedDateTime first;
            ZonedDateTime next;
            if (!typed.contains(" ")) {
                LocalDate day = LocalDate.parse(typed, DAY);
                first = day.atStartOfDay(WebApplication.AGENCY_ZONE);
                next = day.plusDays(1).atStartOfDay(WebApplication.AGENCY_ZONE);
            } else if (typed.chars().filter(c -> c == ':').count() == 2) {
                first = LocalDateTime.parse(typed, SECOND).atZone(WebApplication.AGENCY_ZONE);
                next = first.plusSeconds(1);
            } else {
                first = LocalDateTime.parse(typed, MINUTE).atZone(WebApplication.AGENCY_ZONE);
                next = first.plusMinutes(1);
            }
            return Optional.of(end ? next.toInstant().minusNanos(1) : first.toInstant().minusNanos(1));
        } catch (DateTimeParseException notAnInstant) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }
}
