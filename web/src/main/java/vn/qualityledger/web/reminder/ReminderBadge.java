package vn.qualityledger.web.reminder;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.qualityledger.web.QualityLedgerClient;
import vn.qualityledger.web.Reads;
import vn.qualityledger.web.SignedInUser;

/**
 * The count beside "Nhắc việc" in the header: how many pieces of the signed-in user's unit's work they were reminded of
 * are still open today ({@code GET /api/reminders/count?unitId=}). Every page's header shows it, so it must cost next
 * to nothing: it is read only when a page is rendered (never for a redirect), at most once per
 * {@code quality-ledger.reminder-badge-ttl} (default one minute; reminders are recorded every 15 minutes) per session,
 * and a failed read shows no badge and leaves the page alone.
 */
@ControllerAdvice
class ReminderBadge {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderBadge.class);
    static final String SESSION_KEY = ReminderBadge.class.getName();

    private final QualityLedgerClient client;
    private final Duration ttl;

    ReminderBadge(QualityLedgerClient client, @Value("${quality-ledger.reminder-badge-ttl:PT1M}") Duration ttl) {
        this.client = client;
        this.ttl = ttl;
    }

    /** What the layout asks, and only when it renders the header. */
    @ModelAttribute("reminderBadge")
    Badge badge(HttpSession session) {
        return new Badge(this, session);
    }

    /** The count for the layout: read at most once per page, on first use. */
    public static final class Badge {

        private final ReminderBadge source;
        private final HttpSession session;
        private Long count;
        private boolean read;

        Badge(ReminderBadge source, HttpSession session) {
            this.source = source;
            this.session = session;
        }

        /** The open reminded work of the user's unit, or null for no badge (none, no unit, or the read failed). */
        public Long openWork() {
            if (!read) {
                read = true;
                count = source.openWork(session);
            }
            return count;
        }
    }

    /** A count read at an instant, kept in the HTTP session. */
    record Cached(Long openWork, Instant readAt) implements Serializable {
    }

    private Long openWork(HttpSession session) {
        SignedInUser user = SignedInUser.current().filter(SignedInUser::hasUnitWork).orElse(null);
        if (user == null) {
            return null;
        }
        Instant now = Instant.now();
        if (session.getAttribute(SESSION_KEY) instanceof Cached cached && cached.readAt().plus(ttl).isAfter(now)) {
            return cached.openWork();
        }
        Long openWork;
        try {
            long answered = Reads.number(client.read(user, uri -> uri.path("/api/reminders/count")
                    .queryParam("organisationId", user.organisation()).queryParam("unitId", user.unit()).build()).get("openWork"));
            openWork = answered > 0 ? answered : null;
        } catch (RuntimeException failed) {
            // No badge rather than no page: the count is a convenience, the page's own reads say what is wrong.
            LOG.info("No reminder count for {}: {}", user, failed.getMessage());
            openWork = null;
        }
        session.setAttribute(SESSION_KEY, new Cached(openWork, now));
        return openWork;
    }
}
