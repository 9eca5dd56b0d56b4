package vn.qualityledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class OccurrenceCountsTest {

    @Test
    void derivesOverdueAsDueThatIsNeitherOnTimeNorLate() {
        assertThat(OccurrenceCounts.of(10, 7, 2, 1, 3).overdue()).isEqualTo(4);
    }

    @Test
    void roundsRatesHalfUpToTwoDecimals() {
        assertThat(OccurrenceCounts.onTimeRate(3, 2)).isEqualTo(new BigDecimal("66.67"));
        assertThat(OccurrenceCounts.onTimeRate(3, 1)).isEqualTo(new BigDecimal("33.33"));
        // 1 / 800 = 0.125 %: half up gives 0.13 where half even would give 0.12.
        assertThat(OccurrenceCounts.onTimeRate(800, 1)).isEqualTo(new BigDecimal("0.13"));
        assertThat(OccurrenceCounts.completionRate(4, 3, 1)).isEqualTo(new BigDecimal("100.00"));
        assertThat(OccurrenceCounts.completionRate(7, 2, 1)).isEqualTo(new BigDecimal("42.86"));
    }

    @Test
    void hasNoRatesWhenNothingIsDue() {
        assertThat(OccurrenceCounts.completionRate(0, 0, 0)).isNull();
        assertThat(OccurrenceCounts.onTimeRate(0, 0)).isNull();
    }

    @Test
    void addsCountsSoThatCombinedRatesAreOverAllOccurrences() {
        OccurrenceCounts sum = OccurrenceCounts.of(8, 3, 2, 1, 5).plus(OccurrenceCounts.of(2, 1, 0, 1, 1));
        assertThat(sum).isEqualTo(new OccurrenceCounts(10, 4, 2, 2, 0, 6));
        assertThat(OccurrenceCounts.onTimeRate(sum.due(), sum.onTime())).isEqualTo(new BigDecimal("50.00"));
    }
}
