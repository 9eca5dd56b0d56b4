package vn.qualityledger.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriBuilder;

/**
 * The reads the work pages share: an objective's recorded state, one occurrence's row on the board, and — after a
 * command — a short wait until the read side shows it, so that the page a user lands on shows what they just did
 * (query-service learns of a command by polling the event store, typically within a tenth of a second).
 */
@Component
public class Reads {

    private static final Logger LOG = LoggerFactory.getLogger(Reads.class);
    private static final int BOARD_PAGE = 500;

    private final QualityLedgerClient client;
    private final Duration readWait;

    Reads(QualityLedgerClient client, @Value("${quality-ledger.read-wait:PT3S}") Duration readWait) {
        this.client = client;
        this.readWait = readWait;
    }

    /** The objective as recorded by {@code at}: figures, measures, occurrences, evidence (query-service's state). */
    public Map<String, Object> state(SignedInUser user, String objectiveId, Instant at) {
        return client.read(user, uri -> uri.path("/api/objectives/{id}/state").queryParam("at", at).build(objectiveId));
    }

    /** The objective's measures and occurrences as recorded now (query-service's live plan: no replay of the stream). */
    public Map<String, Object> plan(SignedInUser user, String objectiveId) {
        return client.read(user, uri -> uri.path("/api/objectives/{id}/plan").build(objectiveId));
    }

    /** The objective's figures as of today: its code and statement head the pages of its work. */
    Map<String, Object> objective(SignedInUser user, String objectiveId) {
        return client.read(user, uri -> uri.path("/api/objectives/{id}/dashboard").queryParam("asOf", Pages.today()).build(objectiveId));
    }

    /** The occurrence's row on the board as of today: status, unit, person, evidence awaiting review. */
    Optional<Map<String, Object>> boardRow(SignedInUser user, String objectiveId, String occurrenceId, LocalDate dueDate) {
        LocalDate today = Pages.today();
        Map<String, Object> page = client.read(user, uri -> uri.path("/api/occurrences").queryParam("objectiveId", objectiveId)
                .queryParam("dueFrom", dueDate).queryParam("dueTo", dueDate).queryParam("asOf", today)
                .queryParam("size", BOARD_PAGE).build());
        return rows(page).stream().filter(row -> occurrenceId.equals(row.get("occurrenceId"))).findFirst();
    }

    /** The evidence filed for one occurrence, oldest first, with its status today (query-service's evidence register). */
    List<Map<String, Object>> evidence(SignedInUser user, String objectiveId, String occurrenceId) {
        return rows(client.read(user, uri -> uri.path("/api/evidence").queryParam("objectiveId", objectiveId)
                .queryParam("occurrenceId", occurrenceId).queryParam("asOf", Pages.today()).queryParam("size", BOARD_PAGE).build()));
    }

    /**
     * Waits (at most {@code quality-ledger.read-wait}) until {@code read} answers something other than {@code before}:
     * every command the pages send changes what its page reads, so a changed answer means the read side has it.
     */
    public <T> void awaitChange(T before, java.util.function.Supplier<T> read) {
        long deadline = System.nanoTime() + readWait.toNanos();
        while (System.nanoTime() < deadline) {
            if (!Objects.equals(before, read.get())) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.info("The read side did not show a change within {}", readWait);
    }

    /** Waits (at most {@code quality-ledger.read-wait}) until the occurrence's board row satisfies {@code shown}. */
    void awaitBoard(SignedInUser user, String objectiveId, String occurrenceId, LocalDate dueDate, Predicate<Map<String, Object>> shown) {
        long deadline = System.nanoTime() + readWait.toNanos();
        while (true) {
            Optional<Map<String, Object>> row = boardRow(user, objectiveId, occurrenceId, dueDate);
            if (row.isPresent() && shown.test(row.get())) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                LOG.info("The board did not show the change to {} {} within {}", objectiveId, occurrenceId, readWait);
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * The units the user's organisation's records name ({@code GET /api/organisations/{org}/units}), offered by forms
     * that ask for a unit (any other may still be typed); empty when the read fails, since a suggestion is no reason
     * to refuse a page (a 401 still signs the user out).
     */
    public List<String> organisationUnits(SignedInUser user) {
        if (user.organisation() == null || user.organisation().isBlank()) {
            return List.of();
        }
        try {
            return strings(client.read(user, uri -> uri.path("/api/organisations/{org}/units").build(user.organisation())).get("units"));
        } catch (ServiceProblem failed) {
            if (failed.unauthenticated()) {
                throw failed;
            }
            LOG.info("No units to suggest: {}", failed.getMessage());
            return List.of();
        }
    }

    public static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    public static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> rows(Object answer) {
        Object content = answer instanceof Map<?, ?> map ? map.get("content") : answer;
        return content instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Object rows) {
        return rows instanceof List<?> list ? new ArrayList<>((List<Map<String, Object>>) list) : new ArrayList<>();
    }

    @SuppressWarnings("unchecked")
    public static List<String> strings(Object values) {
        return values instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
