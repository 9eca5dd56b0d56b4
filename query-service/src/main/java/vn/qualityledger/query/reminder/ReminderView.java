package vn.qualityledger.query.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One reminder as the application shows it.
 *
 * @param units      whose work it was when the reminder was recorded (the assigned unit, else the lead units)
 * @param recordedOn the agency's day the reminder was recorded (and, mail permitting, sent)
 * @param mailStatus where its e-mail stands; {@code attempts} counts the sends tried, {@code sentAt} when one succeeded
 */
public record ReminderView(long id, ReminderStep step, String organisationId, String objectiveId, String objectiveCode,
                           String measureId, String measureCode, String measureTitle, String occurrenceId, LocalDate dueDate,
                           List<String> units, String person, LocalDate recordedOn, Instant recordedAt, String subject,
                           MailStatus mailStatus, int attempts, Instant sentAt) {
}
