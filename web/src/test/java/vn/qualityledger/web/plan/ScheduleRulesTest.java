package vn.qualityledger.web.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The recorded rules back in the form's notation: what a revision of a measure starts from. */
class ScheduleRulesTest {

    @Test
    void writesEveryKindOfRuleSoThatTheFormReadsTheSameRulesBack() throws Exception {
        List<Map<String, Object>> recorded = List.of(Map.of("due", "2023-02-09"),
                Map.of("window", List.of("2023-07-01", "2023-12-31"), "due", "2023-12-31"),
                Map.of("rrule", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;DTSTART=20230331"), Map.of("continuous", true),
                Map.of("adhoc", "sau hoạt động ĐGNB"));
        String typed = ScheduleRules.format(recorded).orElseThrow();
        assertThat(typed).isEqualTo("""
                09/02/2023
                01/07/2023 - 31/12/2023
                FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;DTSTART=20230331
                liên tục
                đột xuất: sau hoạt động ĐGNB""");
        assertThat(ScheduleRules.parse(typed)).isEqualTo(List.of(Map.of("due", "2023-02-09"),
                Map.of("window", List.of("2023-07-01", "2023-12-31")),
                Map.of("rrule", "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1;DTSTART=20230331"), Map.of("continuous", true),
                Map.of("adhoc", "sau hoạt động ĐGNB")));
    }

    @Test
    void writesNothingWhenNoRulesAreRecordedOrARuleHasNoNotation() {
        assertThat(ScheduleRules.format(null)).isEmpty();
        assertThat(ScheduleRules.format(List.of())).isEmpty();
        // A window whose due day is not its last: the form cannot write it, so it is typed anew rather than changed.
        assertThat(ScheduleRules.format(List.of(Map.of("window", List.of("2023-07-01", "2023-12-31"), "due", "2023-12-15")))).isEmpty();
    }
}
