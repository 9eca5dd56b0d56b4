package vn.qualityledger.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.qualityledger.api.objective.Comparator;
import vn.qualityledger.api.objective.Target;

class KpiStatusTest {

    private static final Target AT_LEAST_95 = new Target("Tỷ lệ hồ sơ đúng hạn", Comparator.AT_LEAST, new BigDecimal("95"), "%");
    private static final Target AT_MOST_5 = new Target("Tỷ lệ hồ sơ trễ hạn", Comparator.AT_MOST, new BigDecimal("5"), "%");
    private static final LocalDate MID_YEAR = LocalDate.of(2024, 7, 15);

    @Test
    void isNoTargetWhenTheObjectiveHasNone() {
        assertThat(KpiStatus.of(null, new BigDecimal("99"), 2024, MID_YEAR)).isEqualTo(KpiStatus.NO_TARGET);
        assertThat(KpiStatus.of(null, null, 2024, LocalDate.of(2024, 12, 31))).isEqualTo(KpiStatus.NO_TARGET);
    }

    @Test
    void isNotMeasuredWithoutALatestMeasurement() {
        assertThat(KpiStatus.of(AT_LEAST_95, null, 2024, MID_YEAR)).isEqualTo(KpiStatus.NOT_MEASURED);
        assertThat(KpiStatus.of(AT_LEAST_95, null, 2024, LocalDate.of(2025, 3, 1))).isEqualTo(KpiStatus.NOT_MEASURED);
    }

    @Test
    void isOnTrackDuringTheYearWhenTheTargetHolds() {
        assertThat(KpiStatus.of(AT_LEAST_95, new BigDecimal("96.96"), 2024, MID_YEAR)).isEqualTo(KpiStatus.ON_TRACK);
        // The boundary value meets an "at least" target.
        assertThat(KpiStatus.of(AT_LEAST_95, new BigDecimal("95.00"), 2024, MID_YEAR)).isEqualTo(KpiStatus.ON_TRACK);
    }

    @Test
    void isAtRiskDuringTheYearWhenTheTargetDoesNotHold() {
        assertThat(KpiStatus.of(AT_LEAST_95, new BigDecimal("94.99"), 2024, MID_YEAR)).isEqualTo(KpiStatus.AT_RISK);
    }

    @Test
    void judgesAchievedOrMissedFromTheLastDayOfTheYearOn() {
        LocalDate lastDay = LocalDate.of(2024, 12, 31);
        assertThat(KpiStatus.of(AT_LEAST_95, new BigDecimal("95"), 2024, lastDay.minusDays(1))).isEqualTo(KpiStatus.ON_TRACK);
        assertThat(KpiStatus.of(AT_LEAST_95, new BigDecimal("95"), 2024, lastDay)).isEqualTo(KpiStatus.ACHIEVED);
        assertThat(KpiStatus.of(AT_LEAST_95, new BigDecimal("94"), 2024, lastDay)).isEqualTo(KpiStatus.MISSED);
        assertThat(KpiStatus.of(AT_LEAST_95, new BigDecimal("94"), 2024, LocalDate.of(2025, 2, 1))).isEqualTo(KpiStatus.MISSED);
    }

    @Test
    void judgesByTheObjectivesOwnYearNotTheDatesYear() {
        // A 2025 objective looked at on 2024-12-31 is still during its year.
        assertThat(KpiStatus.of(AT_LEAST_95, new BigDecimal("96"), 2025, LocalDate.of(2024, 12, 31))).isEqualTo(KpiStatus.ON_TRACK);
    }

    @Test
    void honoursATargetWhereLowerIsBetter() {
        assertThat(KpiStatus.of(AT_MOST_5, new BigDecimal("4.2"), 2024, MID_YEAR)).isEqualTo(KpiStatus.ON_TRACK);
        assertThat(KpiStatus.of(AT_MOST_5, new BigDecimal("5.1"), 2024, MID_YEAR)).isEqualTo(KpiStatus.AT_RISK);
        assertThat(KpiStatus.of(AT_MOST_5, new BigDecimal("5"), 2024, LocalDate.of(2024, 12, 31))).isEqualTo(KpiStatus.ACHIEVED);
    }
}
