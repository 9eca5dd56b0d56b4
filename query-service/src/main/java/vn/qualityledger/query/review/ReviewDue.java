package vn.qualityledger.query.review;

import java.time.LocalDate;

/**
 * The plan's rule I.4 "every 6 months or after an internal audit", for one organisation on a date {@code asOf}:
 * the last review held on or before asOf (cancelled ones are never held); next due = last held + 6 months (Java's
 * plusMonths: 31/08 + 6 months = 28/02); an internal audit closed after the day of the last held review makes a review
 * due at once. Status: OVERDUE when asOf is after next due; else DUE when an audit was closed after the last held
 * review, or when none was ever held; else NOT_DUE.
 *
 * @param reason NO_REVIEW_HELD, AFTER_INTERNAL_AUDIT, SIX_MONTHS (when OVERDUE), or null when NOT_DUE
 */
public record ReviewDue(LocalDate asOf, LocalDate lastHeldOn, LocalDate nextDueOn, String status, String reason,
                        String auditClosedAfterLastReview, LocalDate auditClosedOn) {

    /**
     * @param lastHeldOn     the latest held_on up to asOf, or null
     * @param auditId        the earliest internal audit closed after lastHeldOn (any, if none held) up to asOf, or null
     * @param auditClosedOn  its closed_on
     */
    public static ReviewDue of(LocalDate asOf, LocalDate lastHeldOn, String auditId, LocalDate auditClosedOn) {
        if (lastHeldOn == null) {
            return new ReviewDue(asOf, null, null, "DUE", "NO_REVIEW_HELD", auditId, auditClosedOn);
        }
        LocalDate nextDue = lastHeldOn.plusMonths(6);
        if (asOf.isAfter(nextDue)) {
            return new ReviewDue(asOf, lastHeldOn, nextDue, "OVERDUE", "SIX_MONTHS", auditId, auditClosedOn);
        }
        if (auditId != null) {
            return new ReviewDue(asOf, lastHeldOn, nextDue, "DUE", "AFTER_INTERNAL_AUDIT", auditId, auditClosedOn);
        }
        return new ReviewDue(asOf, lastHeldOn, nextDue, "NOT_DUE", null, null, null);
    }
}
