package vn.qualityledger.query.reminder;

import java.time.LocalDate;
import java.util.List;

/**
 * One occurrence not done today, as the reminders see it.
 *
 * @param units  whose work it is today: the unit it is assigned to (its own assignment, else its measure's), else the
 *               measure's lead units (codes as the plan writes them, plan groups such as ALL_UNITS included)
 * @param person the person of that assignment, or null
 */
record DueWork(String organisationId, String objectiveId, String objectiveCode, String objectiveStatement, String measureId,
               String measureCode, String measureTitle, String occurrenceId, LocalDate dueDate, List<String> units,
               String person) {
}
