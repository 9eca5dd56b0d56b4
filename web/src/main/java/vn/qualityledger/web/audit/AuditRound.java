package vn.qualityledger.web.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.qualityledger.web.Reads;

/**
 * One internal audit round as its own event stream records it (query-service's {@code GET /api/audits/{id}/history}):
 * the plan, the team as last appointed, each scope unit's audit (as last scheduled, and held with its checklist notes),
 * the findings, the report and the closing, each with who recorded it. The web application reads the record and shows
 * it; which steps are allowed is the service's to decide (see {@link AuditActions} for what is offered).
 *
 * <p>Read from the stream rather than the read model because only the stream holds the checklist notes and the team's
 * names (the read model keeps note counts and user ids); see the README's list of what the APIs lack.
 */
final class AuditRound {

    private final Map<String, Object> plan;
    private final Map<String, Object> team;
    private final Map<String, Map<String, Object>> units = new LinkedHashMap<>();
    private final List<Map<String, Object>> findings = new ArrayList<>();
    private final Map<String, Object> report;
    private final Map<String, Object> closing;

    private AuditRound(Map<String, Object> plan, Map<String, Object> team, Map<String, Object> report, Map<String, Object> closing) {
        this.plan = plan;
        this.team = team;
        this.report = report;
        this.closing = closing;
    }

    /** The round from its history entries, in stream order (each with {@code eventType}, {@code payload}, {@code actor}). */
    static AuditRound of(List<Map<String, Object>> entries) {
        Map<String, Object> plan = null;
        Map<String, Object> team = null;
        Map<String, Object> report = null;
        Map<String, Object> closing = null;
        List<Map<String, Object>> later = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            Map<String, Object> payload = map(entry.get("payload"));
            Map<String, Object> step = new LinkedHashMap<>(payload);
            step.put("by", actorName(entry.get("actor")));
            switch (kind(entry.get("eventType"))) {
                case "InternalAuditPlanned" -> plan = step;
                case "AuditTeamAppointed" -> team = step;
                case "AuditReportIssued" -> report = step;
                case "InternalAuditClosed" -> closing = step;
                case "UnitAuditScheduled", "UnitAuditHeld", "AuditFindingRecorded" -> {
                    step.put("kindOfStep", kind(entry.get("eventType")));
                    later.add(step);
                }
                default -> {
                    // an event type this page does not know yet: shown by the history, not here
                }
            }
        }
        AuditRound round = new AuditRound(plan, team, report, closing);
        if (plan != null) {
            for (String unit : Reads.strings(plan.get("scopeUnits"))) {
                round.unit(unit);
            }
        }
        for (Map<String, Object> step : later) {
            String unit = Reads.text(step.get("unit"));
            switch (Reads.text(step.get("kindOfStep"))) {
                case "UnitAuditScheduled" -> round.unit(unit).put("scheduled", step);
                case "UnitAuditHeld" -> round.unit(unit).put("held", step);
                default -> round.findings.add(step);
            }
        }
        return round;
    }

    boolean planned() {
        return plan != null;
    }

    Map<String, Object> plan() {
        return plan;
    }

    /** The team as last appointed ({@code leadAuditor}, {@code members}, {@code decision}, {@code appointedOn}), or null. */
    Map<String, Object> team() {
        return team;
    }

    /** Each unit of the scope (and any other one named by a step), with {@code scheduled} and {@code held} when they happened. */
    List<Map<String, Object>> units() {
        return new ArrayList<>(units.values());
    }

    List<Map<String, Object>> findings() {
        return findings;
    }

    Map<String, Object> report() {
        return report;
    }

    Map<String, Object> closing() {
        return closing;
    }

    String organisationId() {
        return plan == null ? null : Reads.text(plan.get("organisationId"));
    }

    Integer year() {
        return plan != null && plan.get("year") instanceof Number year ? year.intValue() : null;
    }

    /** The report is issued or the round closed: its team, programme and findings are settled. */
    boolean settled() {
        return report != null || closing != null;
    }

    boolean anyUnitHeld() {
        return units.values().stream().anyMatch(u -> u.get("held") != null);
    }

    /** Everyone on the team (the lead auditor first), each {@code userId}, {@code name}, {@code unit}. */
    List<Map<String, Object>> teamMembers() {
        List<Map<String, Object>> all = new ArrayList<>();
        if (team != null) {
            if (team.get("leadAuditor") instanceof Map<?, ?>) {
                all.add(map(team.get("leadAuditor")));
            }
            all.addAll(Reads.list(team.get("members")));
        }
        return all;
    }

    /** The team member with this sign-in id, or null. */
    Map<String, Object> member(String userId) {
        return teamMembers().stream().filter(m -> Objects.equals(Reads.text(m.get("userId")), userId)).findFirst().orElse(null);
    }

    boolean isLead(String userId) {
        return team != null && team.get("leadAuditor") instanceof Map<?, ?> lead && Objects.equals(Reads.text(lead.get("userId")), userId);
    }

    /** The name on the team of a user id (as the decision names them), else the id itself. */
    String nameOf(String userId) {
        Map<String, Object> member = member(userId);
        return member == null ? userId : Reads.text(member.get("name"));
    }

    Map<String, Object> unitAudit(String unit) {
        return units.get(unit);
    }

    private Map<String, Object> unit(String unit) {
        return units.computeIfAbsent(unit, u -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("unit", u);
            entry.put("scheduled", null);
            entry.put("held", null);
            return entry;
        });
    }

    /** An event's kind from its published type name: {@code vn.qualityledger.audit.UnitAuditHeld} → UnitAuditHeld. */
    private static String kind(Object eventType) {
        String type = String.valueOf(eventType);
        String simple = type.substring(type.lastIndexOf('.') + 1);
        return simple.endsWith("Event") ? simple.substring(0, simple.length() - "Event".length()) : simple;
    }

    private static String actorName(Object actor) {
        return actor instanceof Map<?, ?> map ? Reads.text(map.get("name")) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
    }
}
