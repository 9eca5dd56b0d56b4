package vn.qualityledger.query.reminder;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.qualityledger.query.QueryServiceApplication;

/**
 * One sweep: records the reminders that today calls for (due soon, overdue) and the week's digests, then sends what is
 * pending. Safe to run anywhere at any time: a reminder's unique key (occurrence, step) and a digest's (organisation,
 * ISO week) make recording idempotent across replicas and restarts, and each e-mail is sent while its row is locked,
 * then marked sent in the same transaction, so a concurrent sweep skips it and a later one finds it sent.
 */
@Component
public class ReminderSweep {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderSweep.class);

    /** What one sweep did, for the log and the tests. */
    public record Result(int recorded, int digests, int sent, int failed) {
    }

    private final ReminderRepository reminders;
    private final ReminderMail mail;
    private final ReminderProperties properties;
    private final ReminderTexts texts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ReminderSweep(ReminderRepository reminders, ReminderMail mail, ReminderProperties properties, TransactionTemplate transaction,
                  Clock clock) {
        this.reminders = reminders;
        this.mail = mail;
        this.properties = properties;
        this.texts = new ReminderTexts(properties.webBaseUrl());
        this.transaction = transaction;
        this.clock = clock;
    }

    public Result run() {
        ZonedDateTime now = clock.instant().atZone(QueryServiceApplication.AGENCY_ZONE);
        LocalDate today = now.toLocalDate();
        int recorded = record(ReminderStep.DUE_SOON, today, today, today.plusDays(properties.daysAhead()))
                + record(ReminderStep.OVERDUE, today, today.minusDays(properties.overdueLookBack().toDays()), today);
        int digests = recordDigests(now);
        int[] sent = sendPending(today);
        Result result = new Result(recorded, digests, sent[0], sent[1]);
        if (recorded + digests + sent[0] + sent[1] > 0) {
            LOG.info("Reminder sweep of {}: {} reminders and {} digests recorded, {} e-mails sent, {} failed",
                    today, recorded, digests, sent[0], sent[1]);
        }
        return result;
    }

    /** Open work due after {@code after} up to {@code until}, each recorded once for the step. */
    private int record(ReminderStep step, LocalDate today, LocalDate after, LocalDate until) {
        if (!until.isAfter(after)) {
            return 0;
        }
        int recorded = 0;
        Instant at = clock.instant();
        for (DueWork work : reminders.notYetReminded(step, today, after, until)) {
            List<String> recipients = properties.addressesOf(work.organisationId(), work.units());
            if (reminders.insertReminder(step, work, today, at, texts.subject(step, work), texts.body(step, work, today),
                    recipients, status(recipients))) {
                recorded++;
            }
        }
        return recorded;
    }

    /** From the configured day and time of each ISO week on, every organisation's digest of the week, once. */
    private int recordDigests(ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        ZonedDateTime digestTime = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .with(TemporalAdjusters.nextOrSame(properties.digestDay()))
                .atTime(properties.digestTime()).atZone(QueryServiceApplication.AGENCY_ZONE);
        if (now.isBefore(digestTime)) {
            return 0;
        }
        String isoWeek = isoWeek(today);
        int recorded = 0;
        for (String organisationId : reminders.organisationsWithOpenObjectives(today)) {
            if (reminders.digestExists(organisationId, isoWeek)) {
                continue;
            }
            List<DueWork> overdue = reminders.overdue(organisationId, today);
            List<String> recipients = properties.qmrOf(organisationId);
            if (reminders.insertDigest(organisationId, isoWeek, today, overdue.size(), clock.instant(),
                    texts.digestSubject(isoWeek, overdue.size()), texts.digestBody(organisationId, isoWeek, today, overdue),
                    recipients, status(recipients))) {
                recorded++;
            }
        }
        return recorded;
    }

    static String isoWeek(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private MailStatus status(List<String> recipients) {
        if (!mail.enabled()) {
            return MailStatus.MAIL_DISABLED;
        }
        return recipients.isEmpty() ? MailStatus.NO_RECIPIENTS : MailStatus.PENDING;
    }

    private enum Outcome { SENT, FAILED, WITHDRAWN }

    /** Sends pending e-mails, each in its own transaction holding its row's lock; at most one try each per sweep. */
    private int[] sendPending(LocalDate today) {
        int sent = 0;
        int failed = 0;
        if (!mail.enabled()) {
            return new int[] {0, 0};
        }
        Set<String> tried = new HashSet<>();
        for (int i = 0; i < properties.batchSize(); i++) {
            Outcome outcome = transaction.execute(status -> {
                Optional<ReminderRepository.Outgoing> next = reminders.lockNextPending(tried);
                if (next.isEmpty()) {
                    return null;
                }
                ReminderRepository.Outgoing outgoing = next.get();
                tried.add(ReminderRepository.triedKey(outgoing));
                if (!reminders.stillOpen(outgoing, today)) {
                    // waited for a retry while the work was done: a reminder of it now would only mislead
                    reminders.markWithdrawn(outgoing);
                    return Outcome.WITHDRAWN;
                }
                Instant at = clock.instant();
                try {
                    mail.send(outgoing.recipients(), outgoing.subject(), outgoing.body(), at);
                    reminders.markSent(outgoing, at);
                    return Outcome.SENT;
                } catch (RuntimeException failure) {
                    boolean givenUp = outgoing.attempts() + 1 >= properties.maxAttempts();
                    LOG.warn("Reminder e-mail {} to {} failed (attempt {}{}): {}", ReminderRepository.triedKey(outgoing),
                            outgoing.recipients(), outgoing.attempts() + 1, givenUp ? ", given up" : ", retried next sweep",
                            failure.toString());
                    reminders.markFailed(outgoing, at, ReminderMail.reason(failure), givenUp);
                    return Outcome.FAILED;
                }
            });
            if (outcome == null) {
                break;
            }
            if (outcome == Outcome.SENT) {
                sent++;
            } else if (outcome == Outcome.FAILED) {
                failed++;
            }
        }
        return new int[] {sent, failed};
    }
}
