package vn.qualityledger.command.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.qualityledger.api.objective.ScheduleRule;

/** Each schedule phrase of the seeds, read as {@code data/mtcl-2023.json} reads it; and what is not read. */
class SchedulePhrasesTest {

    private static List<ScheduleRule> read(String text) {
        SchedulePhrases.Reading reading = SchedulePhrases.read(text, 2023);
        assertThat(reading.read()).as("read: %s (unread part: %s)", text, reading.unreadPart()).isTrue();
        return reading.rules();
    }

    private static ScheduleRule rrule(String rule) {
        return ScheduleRule.recurring(rule);
    }

    @Test
    void readsAMonthAsAWindowDueOnItsLastDay() {
        assertThat(read("Tháng 01/2023")).containsExactly(ScheduleRule.window(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 31)));
        assertThat(read("Tháng 2/2024")).containsExactly(ScheduleRule.window(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
    }

    @Test
    void readsBeforeADateAsDueTheDayBefore() {
        assertThat(read("Trước ngày 10/02/2023")).containsExactly(ScheduleRule.oneOff(LocalDate.of(2023, 2, 9)));
        assertThat(read("trước 01/03/2023")).containsExactly(ScheduleRule.oneOff(LocalDate.of(2023, 2, 28)));
    }

    @Test
    void readsTwoDaysBeforeEveryYearAsTwoYearlyRules() {
        assertThat(read("Trước 15/5 và trước 30/10 hằng năm"))
                .containsExactly(rrule("FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=14"), rrule("FREQ=YEARLY;BYMONTH=10;BYMONTHDAY=29"));
    }

    @Test
    void readsADayOfAMonthInWordsEveryYearAndIgnoresTheRemarkInBrackets() {
        assertThat(read("Trước ngày 30 tháng 8 hàng năm (Tùy từng đơn vị, đảm bảo tần suất ĐGNB tối thiểu 01 lần/năm)"))
                .containsExactly(rrule("FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=29"));
        assertThat(read("Trước 01/3 hằng năm")).as("the day before the 1st is the last of the month before")
                .containsExactly(rrule("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1"));
    }

    @Test
    void readsEverySixMonthsAsTheLastDaysOfJuneAndDecember() {
        assertThat(read("Định kỳ 6 tháng/lần")).containsExactly(rrule("FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1;DTSTART=20230630"));
        assertThat(SchedulePhrases.read("Định kỳ 6 tháng/lần", 2024).rules())
                .containsExactly(rrule("FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1;DTSTART=20240630"));
    }

    @Test
    void readsEverySixMonthsOrAfterAnAuditAsARecurrenceAndAdHocWork() {
        assertThat(read("Định kỳ 6 tháng/lần hoặc đột xuất/sau hoạt động ĐGNB"))
                .containsExactly(rrule("FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1;DTSTART=20230630"), ScheduleRule.adHoc("sau hoạt động ĐGNB"));
        assertThat(read("[Định kỳ 6 tháng/lần hoặc đột xuất/sau hoạt động ĐGNB]")).as("the seed's square brackets").hasSize(2);
    }

    @Test
    void readsEveryYearAsTheLastDayOfTheYear() {
        assertThat(read("Hàng năm")).containsExactly(rrule("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"));
        assertThat(read("Hằng năm")).containsExactly(rrule("FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"));
    }

    @Test
    void readsOngoingWorkAsContinuous() {
        for (String text : List.of("Thường xuyên", "Cả năm", "Định kỳ/Thường xuyên", "thường xuyên.")) {
            assertThat(read(text)).as(text).containsExactly(ScheduleRule.continuousWork());
        }
    }

    @Test
    void readsEveryQuarterAsTheLastDayOfEachQuarter() {
        ScheduleRule quarterly = rrule("FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;DTSTART=20230331");
        assertThat(read("Hàng quý")).containsExactly(quarterly);
        assertThat(read("Hàng quý/năm")).containsExactly(quarterly);
        assertThat(read("Định kỳ 3 tháng/lần")).containsExactly(quarterly);
        assertThat(read("Thường xuyên theo dõi; Báo cáo định kỳ hàng quý")).containsExactly(ScheduleRule.continuousWork(), quarterly);
    }

    @Test
    void readsEveryMonthInBothSpellingsAsTheLastDayOfEachMonth() {
        assertThat(read("Hằng tháng")).containsExactly(rrule("FREQ=MONTHLY;BYMONTHDAY=-1"));
        assertThat(read("Hàng tháng")).containsExactly(rrule("FREQ=MONTHLY;BYMONTHDAY=-1"));
    }

    @Test
    void readsADayOfEveryMonth() {
        assertThat(read("trước ngày 05 hàng tháng")).containsExactly(rrule("FREQ=MONTHLY;BYMONTHDAY=4"));
        assertThat(read("ngày 20 hằng tháng")).containsExactly(rrule("FREQ=MONTHLY;BYMONTHDAY=20"));
    }

    @Test
    void readsWorkWhenItArisesAsAdHocWithoutASchedule() {
        assertThat(read("Khi có phát sinh")).containsExactly(ScheduleRule.adHoc("khi có phát sinh"));
        assertThat(read("Theo Chương trình công tác")).containsExactly(ScheduleRule.adHoc("theo Chương trình công tác"));
    }

    @Test
    void readsTheLabelledPhrasesOfThe2023Plan() {
        assertThat(read("Chương trình năm (Tháng 12/2022); Chương trình tháng (trước ngày 05 hàng tháng)")).containsExactly(
                ScheduleRule.window(LocalDate.of(2022, 12, 1), LocalDate.of(2022, 12, 31)), rrule("FREQ=MONTHLY;BYMONTHDAY=4"));
        assertThat(read("Định kỳ hàng tháng ( ngày 20/tháng; năm (tháng 10/2023)")).containsExactly(
                rrule("FREQ=MONTHLY;BYMONTHDAY=20"), ScheduleRule.window(LocalDate.of(2023, 10, 1), LocalDate.of(2023, 10, 31)));
    }

    @Test
    void readsNothingOfATextWithAPartItDoesNotKnow() {
        SchedulePhrases.Reading reading = SchedulePhrases.read("Hàng quý và khi nào rảnh", 2023);
        assertThat(reading.read()).isFalse();
        assertThat(reading.unreadPart()).isEqualTo("khi nào rảnh");
        assertThat(SchedulePhrases.read("Tháng 13/2023", 2023).read()).as("no such month").isFalse();
        assertThat(SchedulePhrases.read("Trước ngày 31/02/2023", 2023).read()).as("no such day").isFalse();
        assertThat(SchedulePhrases.read("Định kỳ 5 tháng/lần", 2023).read()).as("5 does not divide the year").isFalse();
        assertThat(SchedulePhrases.read("  ", 2023).read()).isFalse();
    }
}
