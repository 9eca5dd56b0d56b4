package vn.qualityledger.query.nonconformity;

import java.time.LocalDate;
import vn.qualityledger.api.nonconformity.NonconformitySource;
import vn.qualityledger.api.nonconformity.Severity;
import vn.qualityledger.query.tracking.NonconformityStatus;

/**
 * One nonconformity as of a date, for lists.
 *
 * @param closedOn       when closed, if closed as of the date
 * @param ageDays        days from raising to closing, or to the date when not closed
 * @param overdueActions actions planned by the date, past their due date and not implemented by then
 */
public record NonconformityRow(String nonconformityId, NonconformitySource source, Severity severity, String unit,
                               String clause, String description, LocalDate raisedOn, NonconformityStatus status,
                               LocalDate closedOn, int ageDays, boolean overdue, long overdueActions, long actionsPlanned,
                               String originAuditId, String originFindingId, String originObjectiveId) {
}
