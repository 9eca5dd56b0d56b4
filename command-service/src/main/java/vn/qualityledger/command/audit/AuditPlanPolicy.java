package vn.qualityledger.command.audit;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.qualityledger.api.audit.PlanInternalAuditCommand;
import vn.qualityledger.command.common.Refusal;

/**
 * What an audit plan (Kế hoạch ĐGNB) must say: for which year, what it is called, which units it audits (each once),
 * against what, which clauses of the standard, and when the round runs — starting in its own year.
 */
final class AuditPlanPolicy {

    private AuditPlanPolicy() {
    }

    static void requireValid(PlanInternalAuditCommand plan) {
        if (plan.year() < 2000 || plan.year() > 2100) {
            throw Refusal.ruleBroken("YEAR_OUT_OF_RANGE", "year", "The year must be between 2000 and 2100");
        }
        if (isBlank(plan.title())) {
            throw Refusal.ruleBroken("TITLE_REQUIRED", "title", "An audit plan needs a title");
        }
        requireDistinct(plan.scopeUnits(), "scopeUnits", "SCOPE_REQUIRED", "SCOPE_UNIT_TWICE", "An audit plan names at least one unit to audit");
        if (isBlank(plan.criteria())) {
            throw Refusal.ruleBroken("CRITERIA_REQUIRED", "criteria", "An audit plan says what the units are audited against");
        }
        requireDistinct(plan.clauses(), "clauses", "CLAUSES_REQUIRED", "CLAUSE_TWICE", "An audit plan names the clauses it covers");
        for (int i = 0; i < plan.clauses().size(); i++) {
            ClausePolicy.requireKnown(plan.clauses().get(i), "clauses[" + i + "]");
        }
        if (plan.plannedFrom() == null) {
            throw Refusal.ruleBroken("PLANNED_DATES_REQUIRED", "plannedFrom", "An audit plan says when the round starts");
        }
        if (plan.plannedTo() == null) {
            throw Refusal.ruleBroken("PLANNED_DATES_REQUIRED", "plannedTo", "An audit plan says when the round ends");
        }
        if (plan.plannedFrom().getYear() != plan.year()) {
            throw Refusal.ruleBroken("ROUND_OUTSIDE_YEAR", "plannedFrom", "The round of " + plan.year() + " starts in " + plan.year());
        }
        if (plan.plannedTo().isBefore(plan.plannedFrom())) {
            throw Refusal.ruleBroken("PLANNED_DATES_REVERSED", "plannedTo", "The round cannot end before it starts");
        }
    }

    private static void requireDistinct(List<String> values, String field, String emptyCode, String twiceCode, String emptyMessage) {
        if (values == null || values.isEmpty()) {
            throw Refusal.ruleBroken(emptyCode, field, emptyMessage);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (isBlank(value)) {
                throw Refusal.ruleBroken(emptyCode, field + "[" + i + "]", emptyMessage);
            }
            if (!seen.add(value)) {
                throw Refusal.ruleBroken(twiceCode, field + "[" + i + "]", value + " is named twice");
            }
        }
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
