package vn.qualityledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import vn.qualityledger.web.plan.ScheduleWords;

/** A measure's schedule rules in words, from the seed's own rules (data/mtcl-2023.json) and the notations around them. */
class ScheduleWordsTest {

    private final ProblemMessages texts = new ProblemMessages(messages());

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void saysTheSeedsRecurrencesAsTheAgencyWritesThem() {
        vietnamese();
        assertThat(words(Map.of("rrule", "FREQ=MONTHLY;BYMONTHDAY=9"))).isEqualTo("Hằng tháng, trước ngày 10");
        assertThat(words(Map.of("rrule", "FREQ=MONTHLY;BYMONTHDAY=4"))).isEqualTo("Hằng tháng, trước ngày 5");
        assertThat(words(Map.of("rrule", "FREQ=MONTHLY;BYMONTHDAY=20"))).isEqualTo("Hằng tháng, trước ngày 21");
        assertThat(words(Map.of("rrule", "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=14"))).isEqualTo("Hằng năm, trước ngày 15/05");
        assertThat(words(Map.of("rrule", "FREQ=YEARLY;BYMONTH=8;BYMONTHDAY=29"))).isEqualTo("Hằng năm, trước ngày 30/08");
        assertThat(words(Map.of("rrule", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"))).isEqualTo("Hằng năm, hạn ngày 31/12");
        assertThat(words(Map.of("rrule", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;DTSTART=20230331")))
                .isEqualTo("Hằng quý, hạn ngày cuối tháng, bắt đầu từ 31/03/2023");
        assertThat(words(Map.of("rrule", "FREQ=MONTHLY;INTERVAL=6;BYMONTHDAY=-1;DTSTART=20230630")))
                .isEqualTo("6 tháng một lần, hạn ngày cuối tháng, bắt đầu từ 30/06/2023");
    }

    @Test
    void saysTheOtherPartsOfARuleAndShowsARuleItCannotSayAsWritten() {
        vietnamese();
        assertThat(words(Map.of("rrule", "RRULE:FREQ=MONTHLY;BYMONTHDAY=30"))).isEqualTo("Hằng tháng, hạn ngày 30");
        assertThat(words(Map.of("rrule", "FREQ=WEEKLY;BYDAY=MO,FR;COUNT=10"))).isEqualTo("Hằng tuần, thứ Hai, thứ Sáu, 10 lần");
        assertThat(words(Map.of("rrule", "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20231231")))
                .isEqualTo("Hằng tháng, thứ Sáu cuối cùng trong tháng, đến hết ngày 31/12/2023");
        assertThat(words(Map.of("rrule", "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU"))).isEqualTo("2 tuần một lần, Chủ nhật");
        assertThat(words(Map.of("rrule", "FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=-1"))).isEqualTo("Hằng năm, hạn ngày cuối tháng 3, hạn ngày cuối tháng 9");
        assertThat(words(Map.of("rrule", "FREQ=MONTHLY;BYSETPOS=1;BYDAY=MO")))
                .isEqualTo("Theo quy tắc lặp lại FREQ=MONTHLY;BYSETPOS=1;BYDAY=MO");
        assertThat(words(Map.of("rrule", "FREQ=SOMETIMES"))).isEqualTo("Theo quy tắc lặp lại FREQ=SOMETIMES");
    }

    @Test
    void saysDaysWindowsContinuousAndAdHocWork() {
        vietnamese();
        assertThat(words(Map.of("due", "2023-02-09"))).isEqualTo("Trước ngày 10/02/2023");
        assertThat(words(Map.of("due", "2023-01-31"))).isEqualTo("Hạn ngày 31/01/2023");
        assertThat(words(Map.of("window", List.of("2023-01-01", "2023-01-31"), "due", "2023-01-31"))).isEqualTo("Trong tháng 01/2023");
        assertThat(words(Map.of("window", List.of("2023-02-01", "2023-02-28")))).isEqualTo("Trong tháng 02/2023");
        assertThat(words(Map.of("window", List.of("2023-07-01", "2023-12-31")))).isEqualTo("Từ 01/07/2023 đến 31/12/2023");
        assertThat(words(Map.of("window", List.of("2023-07-01", "2023-12-31"), "due", "2023-12-15")))
                .isEqualTo("Từ 01/07/2023 đến 31/12/2023, hạn ngày 15/12/2023");
        assertThat(words(Map.of("continuous", true))).isEqualTo("Thường xuyên (kiểm tra hằng quý)");
        assertThat(words(Map.of("adhoc", "sau hoạt động ĐGNB"))).isEqualTo("Đột xuất: sau hoạt động ĐGNB");
        // A measure recorded before the read side kept its rules: nothing to say.
        assertThat(ScheduleWords.of(null, texts)).isEmpty();
    }

    @Test
    void saysTheRulesInEnglishToo() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(words(Map.of("rrule", "FREQ=MONTHLY;BYMONTHDAY=9"))).isEqualTo("Monthly, before day 10");
        assertThat(words(Map.of("rrule", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;DTSTART=20230331")))
                .isEqualTo("Quarterly, due on the last day of the month, from 31/03/2023");
        assertThat(words(Map.of("rrule", "FREQ=YEARLY;BYMONTH=5;BYMONTHDAY=14"))).isEqualTo("Yearly, before 15/05");
        assertThat(words(Map.of("window", List.of("2023-01-01", "2023-01-31")))).isEqualTo("During 01/2023");
        assertThat(words(Map.of("continuous", true))).isEqualTo("Ongoing (checked each quarter)");
    }

    private String words(Map<String, Object> rule) {
        List<String> said = ScheduleWords.of(List.of(rule), texts);
        assertThat(said).hasSize(1);
        return said.get(0);
    }

    private static void vietnamese() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
