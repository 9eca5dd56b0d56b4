package vn.qualityledger.query.reminder;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the reminders ({@code quality-ledger.reminders.*}); the SMTP server itself is Spring's {@code spring.mail.*}.
 *
 * @param enabled          whether the sweep runs at all in this replica (the read endpoint answers either way)
 * @param interval         how often the sweep looks for due and overdue work and sends what is pending
 * @param daysAhead        how many days before its due date work is reminded of ("due soon")
 * @param overdueLookBack  how long after its due date an overdue reminder is still recorded: after a long stop, or on
 *                         the first start over a year in progress, older overdue work is left to the weekly digest
 *                         instead of arriving as a flood of reminders
 * @param maxAttempts      how many failed sends before a reminder is given up (FAILED); until then each sweep retries
 * @param batchSize        at most this many e-mails per sweep, so that a slow SMTP server does not hold a sweep for long
 * @param from             the sender address
 * @param webBaseUrl       the web application's public address, for the link to the occurrence's page
 * @param recipients       per organisation code, per unit code (or plan group such as ALL_UNITS): the addresses that
 *                         receive that unit's reminders
 * @param qmr              per organisation code: the addresses of its QMR, who receive the weekly digest
 * @param digestDay        the day of the week the digest is sent on (or, when the service was down then, the first
 *                         sweep after it in the same ISO week)
 * @param digestTime       from which local time (Asia/Ho_Chi_Minh) on that day
 */
@ConfigurationProperties("quality-ledger.reminders")
public record ReminderProperties(Boolean enabled, Duration interval, Integer daysAhead, Duration overdueLookBack,
                                 Integer maxAttempts, Integer batchSize, String from, String webBaseUrl,
                                 Map<String, Map<String, List<String>>> recipients, Map<String, List<String>> qmr,
                                 DayOfWeek digestDay, LocalTime digestTime) {

    public ReminderProperties {
        enabled = enabled == null || enabled;
        interval = interval == null ? Duration.ofMinutes(15) : interval;
        daysAhead = daysAhead == null ? 3 : daysAhead;
        overdueLookBack = overdueLookBack == null ? Duration.ofDays(30) : overdueLookBack;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        batchSize = batchSize == null ? 50 : batchSize;
        from = from == null || from.isBlank() ? "quality-ledger@localhost" : from;
        webBaseUrl = webBaseUrl == null || webBaseUrl.isBlank() ? "http://127.0.0.1:8080" : webBaseUrl.replaceAll("/+$", "");
        recipients = recipients == null ? Map.of() : recipients;
        qmr = qmr == null ? Map.of() : qmr;
        digestDay = digestDay == null ? DayOfWeek.MONDAY : digestDay;
        digestTime = digestTime == null ? LocalTime.of(7, 0) : digestTime;
        if (daysAhead < 0) {
            throw new IllegalArgumentException("quality-ledger.reminders.days-ahead must not be negative");
        }
    }

    /** The addresses for the reminders of these units of the organisation, each once, in the order configured. */
    List<String> addressesOf(String organisationId, List<String> units) {
        Map<String, List<String>> byUnit = recipients.getOrDefault(organisationId, Map.of());
        return units.stream().flatMap(unit -> byUnit.getOrDefault(unit, List.of()).stream())
                .map(String::strip).filter(address -> !address.isEmpty()).distinct().toList();
    }

    /** The addresses of the organisation's QMR. */
    List<String> qmrOf(String organisationId) {
        return qmr.getOrDefault(organisationId, List.of()).stream().map(String::strip).filter(a -> !a.isEmpty()).distinct().toList();
    }
}
