package vn.qualityledger.command.objective;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import vn.qualityledger.api.objective.MeasureId;
import vn.qualityledger.api.objective.Schedule;
import vn.qualityledger.api.objective.ScheduleRule;
import vn.qualityledger.api.objective.ScheduledOccurrence;

/** The schedules of the 2023 plan (shared/data/mtcl-2023.json), expanded for 2023. */
class ScheduleExpansionTest {

    private static List<LocalDate> dueDates(ScheduleRule... rules) {
        return ScheduleExpansion.occurrences(new MeasureId("M"), new Schedule("", List.of(rules)), 2023).stream()
                .map(ScheduledOccurrence::dueDate).toList();
    }

    @Test
    void aWindowIsDueOnItsDueDate() {
        assertThat(dueDates(new ScheduleRule(LocalDate.of(2023, 1, 31), List.of(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 31)), null, null, null)))
                .containsExactly(LocalDate.of(2023, 1, 31));
    }

    @Test
    void aWindowWithoutDueDateIsDueOnItsLastDay() {
        assertThat(dueDates(new ScheduleRule(null, List.of(LocalDate.of(2023, 7, 1), LocalDate.of(2023, 7, 31)), null, null, null)))
                .containsExactly(LocalDate.of(2023, 7, 31));
    }

    @Test
    void aYearlyRuleYieldsOneDateInTheYear() {
        assertThat(dueDates(ScheduleRule.recurring("FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=29"))).containsExactly(LocalDate.of(2023, 8, 29));
    }

    @Test
    void twoRulesGiveBothReportDates() {
        assertThat(dueDates(ScheduleRule.recurring("FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=14"), ScheduleRule.recurring("FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=29")))
                .containsExactly(LocalDate.of(2023, 5, 14), LocalDate.of(2023, 10, 29));
    }

    @Test
    void aDtstartPartSetsThePhaseOfEverySixMonths() {
        assertThat(dueDates(ScheduleRule.recurring("FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1;DTSTART=20230630")))
                .containsExactly(LocalDate.of(2023, 6, 30), LocalDate.of(2023, 12, 31));
    }

    @Test
    void aMonthlyRuleYieldsTwelveDates() {
        List<LocalDate> dates = dueDates(ScheduleRule.recurring("FREQ=MONTHLY;BYMONTHDAY=9"));
        assertThat(dates).hasSize(12).startsWith(LocalDate.of(2023, 1, 9)).endsWith(LocalDate.of(2023, 12, 9));
    }

    @Test
    void continuousWorkIsCheckedEveryQuarter() {
        assertThat(dueDates(ScheduleRule.continuousWork()))
                .containsExactly(LocalDate.of(2023, 3, 31), LocalDate.of(2023, 6, 30), LocalDate.of(2023, 9, 30), LocalDate.of(2023, 12, 31));
    }

    @Test
    void rulesFallingOnTheSameDayGiveOneOccurrence() {
        // IV.3: "continuous" plus a quarterly report on the quarter's last day
        assertThat(dueDates(ScheduleRule.continuousWork(), ScheduleRule.recurring("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;DTSTART=20230331")))
                .containsExactly(LocalDate.of(2023, 3, 31), LocalDate.of(2023, 6, 30), LocalDate.of(2023, 9, 30), LocalDate.of(2023, 12, 31));
    }

    @Test
    void adHocWorkHasNoScheduledOccurrence() {
        assertThat(dueDates(ScheduleRule.adHoc("theo Chương trình công tác"))).isEmpty();
    }

    @Test
    void occurrencesAreNamedByMeasureAndDueDate() {
        assertThat(ScheduleExpansion.occurrences(new MeasureId("I.6"), new Schedule("", List.of(ScheduleRule.oneOff(LocalDate.of(2023, 5, 14)))), 2023))
                .extracting(o -> o.occurrenceId().value()).containsExactly("I.6@2023-05-14");
    }

    @Test
    void refusesARuleThatFiresTooOften() {
        assertThatThrownBy(() -> dueDates(ScheduleRule.recurring("FREQ=HOURLY")))
                .isInstanceOf(CommandExecutionException.class).hasMessageContaining("at most");
    }

    @Test
    void refusesAMalformedDtstart() {
        assertThatThrownBy(() -> dueDates(ScheduleRule.recurring("FREQ=YEARLY;DTSTART=2023-06-30")))
                .isInstanceOf(CommandExecutionException.class).hasMessageContaining("DTSTART");
    }
}
