package vn.qualityledger.query.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The I.4 rule computed by hand. */
class ReviewDueTest {

    private static final LocalDate HELD = LocalDate.of(2024, 6, 30);

    @Test
    void isDueWhenNoReviewWasEverHeld() {
        ReviewDue due = ReviewDue.of(LocalDate.of(2024, 3, 1), null, null, null);
        assertThat(due.status()).isEqualTo("DUE");
        assertThat(due.reason()).isEqualTo("NO_REVIEW_HELD");
        assertThat(due.nextDueOn()).isNull();
    }

    @Test
    void isNotDueUntilSixMonthsAfterTheLastHeldReviewIncludingThatDay() {
        // 30/06/2024 + 6 months = 30/12/2024: due on that day at the latest, overdue from 31/12
        assertThat(ReviewDue.of(LocalDate.of(2024, 12, 30), HELD, null, null))
                .isEqualTo(new ReviewDue(LocalDate.of(2024, 12, 30), HELD, LocalDate.of(2024, 12, 30), "NOT_DUE", null, null, null));
        assertThat(ReviewDue.of(LocalDate.of(2024, 12, 31), HELD, null, null).status()).isEqualTo("OVERDUE");
        assertThat(ReviewDue.of(LocalDate.of(2024, 12, 31), HELD, null, null).reason()).isEqualTo("SIX_MONTHS");
    }

    @Test
    void sixMonthsAfterTheEndOfAMonthIsTheEndOfTheShorterMonth() {
        assertThat(ReviewDue.of(LocalDate.of(2025, 1, 1), LocalDate.of(2024, 8, 31), null, null).nextDueOn())
                .isEqualTo(LocalDate.of(2025, 2, 28));
    }

    @Test
    void anInternalAuditClosedAfterTheLastReviewMakesOneDueAtOnce() {
        ReviewDue due = ReviewDue.of(LocalDate.of(2024, 9, 15), HELD, "dgnb-2", LocalDate.of(2024, 9, 10));
        assertThat(due.status()).isEqualTo("DUE");
        assertThat(due.reason()).isEqualTo("AFTER_INTERNAL_AUDIT");
        assertThat(due.auditClosedAfterLastReview()).isEqualTo("dgnb-2");
        assertThat(due.nextDueOn()).isEqualTo(LocalDate.of(2024, 12, 30));
    }

    @Test
    void overdueWinsOverAnAuditClosedSince() {
        assertThat(ReviewDue.of(LocalDate.of(2025, 1, 5), HELD, "dgnb-2", LocalDate.of(2024, 9, 10)).status()).isEqualTo("OVERDUE");
    }
}
