package vn.qualityledger.command.audit;

import vn.qualityledger.api.audit.Iso9001Clauses;
import vn.qualityledger.command.common.Refusal;

/** An audit cites only requirement clauses of ISO 9001:2015 ({@link Iso9001Clauses}): its scope, notes and findings. */
final class ClausePolicy {

    private ClausePolicy() {
    }

    static void requireKnown(String clause, String field) {
        if (!Iso9001Clauses.isKnown(clause)) {
            throw Refusal.ruleBroken("CLAUSE_UNKNOWN", field,
                    "'" + clause + "' is not a requirement clause of ISO 9001:2015 (4 to 10.3, e.g. 7.5.3)");
        }
    }
}
