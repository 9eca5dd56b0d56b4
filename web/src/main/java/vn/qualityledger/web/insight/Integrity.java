package vn.qualityledger.web.insight;

import java.util.Map;
import vn.qualityledger.web.QualityLedgerClient;
import vn.qualityledger.web.ServiceProblem;
import vn.qualityledger.web.SignedInUser;

/**
 * The tamper-evidence check of an objective's event chain, as query-service's {@code GET /api/objectives/{id}/integrity}
 * answers it, for the history page: intact (how many events were checked), broken (the first event that fails, with
 * the service's reason), not verifiable in this event-store mode (501 {@code INTEGRITY_NOT_VERIFIABLE}), or not
 * checked now (any other refusal; the history itself is still shown).
 *
 * @param state          {@code INTACT}, {@code BROKEN}, {@code NOT_VERIFIABLE} or {@code UNAVAILABLE}
 * @param failedSequence the first failing event's position in the stream (BROKEN only)
 * @param problem        the service's words for what failed (BROKEN), or its problem's detail (UNAVAILABLE)
 */
public record Integrity(String state, long eventsChecked, Long failedSequence, String failedEventId, String problem, String code) {

    public static Integrity ofObjective(QualityLedgerClient client, SignedInUser user, String objectiveId) {
        Map<String, Object> answer;
        try {
            answer = client.read(user, uri -> uri.path("/api/objectives/{id}/integrity").build(objectiveId));
        } catch (ServiceProblem problem) {
            if (problem.unauthenticated()) {
                throw problem;
            }
            if (problem.status() == 501 || "INTEGRITY_NOT_VERIFIABLE".equals(problem.code())) {
                return new Integrity("NOT_VERIFIABLE", 0, null, null, problem.detail(), problem.code());
            }
            return new Integrity("UNAVAILABLE", 0, null, null, problem.detail(), problem.code());
        }
        if (answer == null || !(answer.get("verified") instanceof Boolean verified)) {
            return new Integrity("UNAVAILABLE", 0, null, null, "", "NO_ANSWER");
        }
        long checked = answer.get("eventsChecked") instanceof Number number ? number.longValue() : 0;
        if (verified) {
            return new Integrity("INTACT", checked, null, null, null, null);
        }
        Map<?, ?> failure = answer.get("firstFailure") instanceof Map<?, ?> map ? map : Map.of();
        Long sequence = failure.get("sequenceNumber") instanceof Number number ? number.longValue() : null;
        return new Integrity("BROKEN", checked, sequence, failure.get("eventIdentifier") == null ? null : failure.get("eventIdentifier").toString(),
                failure.get("problem") == null ? "" : failure.get("problem").toString(), null);
    }
}
