package vn.qualityledger.support.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies are read strictly; each refusal names the field. */
class StrictRequestJsonTest {

    record Cancel(String reason, LocalDate effectiveOn) {
    }

    record Measure(String code, List<String> leadUnits, Integer year, BigDecimal value, Boolean effective) {
    }

    record Plan(List<Measure> measures) {
    }

    private static final JsonMapper JSON;

    static {
        JsonMapper.Builder builder = JsonMapper.builder();
        StrictRequestJsonConfiguration.strict(builder);
        JSON = builder.build();
    }

    private static JacksonException refusal(String json, Class<?> type) {
        return catchThrowableOfType(JacksonException.class, () -> JSON.readValue(json, type));
    }

    private static String field(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        exception.getPath().forEach(reference -> {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        });
        return path.toString();
    }

    @Test
    void readsVietnameseTextAndIsoDatesAsGiven() {
        Cancel cancel = JSON.readValue("""
                {"reason": "Báo cáo kết quả thực hiện MTCL 6 tháng\\nđã gộp vào báo cáo năm", "effectiveOn": "2023-06-30"}""", Cancel.class);
        assertThat(cancel.reason()).isEqualTo("Báo cáo kết quả thực hiện MTCL 6 tháng\nđã gộp vào báo cáo năm");
        assertThat(cancel.effectiveOn()).isEqualTo(LocalDate.of(2023, 6, 30));
    }

    @Test
    void refusesNulAndOtherControlCharactersNamingTheFieldAndTheRule() {
        for (String text : List.of("a\\u0000b", "a\\u0007b", "a\\u001bb", "a\\u0085b", "a\\u007fb")) {
            JacksonException refusal = refusal("{\"reason\": \"" + text + "\"}", Cancel.class);
            assertThat(refusal).as(text).isInstanceOf(InvalidInput.class);
            assertThat(((InvalidInput) refusal).rule()).isEqualTo("NoControlCharacters");
            assertThat(field(refusal)).isEqualTo("reason");
        }
    }

    @Test
    void refusesUnpairedSurrogatesButKeepsPairedOnes() {
        assertThat(field(refusal("{\"reason\": \"x\\ud800\"}", Cancel.class))).isEqualTo("reason");
        assertThat(field(refusal("{\"reason\": \"\\udc00x\"}", Cancel.class))).isEqualTo("reason");
        assertThat(JSON.readValue("{\"reason\": \"\\ud83d\\ude00\"}", Cancel.class).reason()).isEqualTo("😀");
    }

    @Test
    void refusesLineBreaksInCodesAndInListsOfCodesButNotInProse() {
        assertThat(field(refusal("{\"code\": \"I.6\\n\"}", Measure.class))).isEqualTo("code");
        assertThat(field(refusal("{\"leadUnits\": [\"VP\", \"P-KHTC\\t\"]}", Measure.class))).isEqualTo("leadUnits[1]");
        assertThat(JSON.readValue("{\"reason\": \"a\\tb\\r\\nc\"}", Cancel.class).reason()).isEqualTo("a\tb\r\nc");
    }

    @Test
    void refusesDuplicateKeys() {
        JacksonException refusal = refusal("{\"reason\": \"a\", \"reason\": \"b\"}", Cancel.class);
        assertThat(refusal).isNotNull();
        assertThat(refusal.getOriginalMessage()).contains("\"reason\"");
    }

    @Test
    void refusesNumbersAndBooleansAsTextAndTextAsNumbersOrBooleans() {
        assertThat(field(refusal("{\"code\": 12}", Measure.class))).isEqualTo("code");
        assertThat(field(refusal("{\"code\": true}", Measure.class))).isEqualTo("code");
        assertThat(field(refusal("{\"code\": [\"I.6\"]}", Measure.class))).isEqualTo("code");
        assertThat(field(refusal("{\"year\": \"2023\"}", Measure.class))).isEqualTo("year");
        assertThat(field(refusal("{\"year\": 2023.5}", Measure.class))).isEqualTo("year");
        assertThat(field(refusal("{\"value\": \"100\"}", Measure.class))).isEqualTo("value");
        assertThat(field(refusal("{\"effective\": 1}", Measure.class))).isEqualTo("effective");
        assertThat(field(refusal("{\"effective\": \"true\"}", Measure.class))).isEqualTo("effective");
        assertThat(JSON.readValue("{\"value\": 100, \"year\": 2023, \"effective\": true}", Measure.class).value()).isEqualByComparingTo("100");
    }

    @Test
    void readsDatesOnlyAsIsoStringsWithinASaneRange() {
        for (String date : List.of("[2023,1,1]", "19000", "\"2023-1-1\"", "\"+999999999-12-31\"", "\"2023-02-30\"", "\"30/06/2023\"")) {
            JacksonException refusal = refusal("{\"effectiveOn\": " + date + "}", Cancel.class);
            assertThat(refusal).as(date).isInstanceOf(InvalidInput.class);
            assertThat(((InvalidInput) refusal).rule()).isEqualTo("IsoDate");
            assertThat(field(refusal)).isEqualTo("effectiveOn");
        }
        for (String date : List.of("\"0001-01-01\"", "\"9999-12-31\"")) {
            assertThat(((InvalidInput) refusal("{\"effectiveOn\": " + date + "}", Cancel.class)).rule()).isEqualTo("DateRange");
        }
    }

    @Test
    void refusesUnknownFields() {
        assertThat(field(refusal("{\"reason\": \"x\", \"reson\": \"y\"}", Cancel.class))).isEqualTo("reson");
    }

    @Test
    void refusesNullEntriesOfListsWithTheirIndex() {
        assertThat(field(refusal("{\"measures\": [null]}", Plan.class))).isEqualTo("measures[0]");
        assertThat(field(refusal("{\"measures\": [{\"leadUnits\": [\"VP\", null]}]}", Plan.class))).isEqualTo("measures[0].leadUnits[1]");
    }

    private static final String NFC = "Văn phòng Sở";
    private static final String NFD = Normalizer.normalize(NFC, Normalizer.Form.NFD);

    @Test
    void keepsVietnameseTypedDecomposedAsTheSameTextTypedPrecomposed() {
        assertThat(Normalizer.isNormalized(NFC, Normalizer.Form.NFC)).isTrue();
        assertThat(NFD).isNotEqualTo(NFC).hasSizeGreaterThan(NFC.length());
        Measure measure = JSON.readValue("{\"code\": \"" + NFD + "\", \"leadUnits\": [\"" + NFD + "\"]}", Measure.class);
        assertThat(measure.code()).isEqualTo(NFC);
        assertThat(measure.leadUnits()).containsExactly(NFC);
        assertThat(JSON.readValue("{\"reason\": \"" + NFD + "\"}", Cancel.class).reason()).isEqualTo(NFC);
    }

    @Test
    void trimsSpacesOfEveryKindAroundTextButKeepsTheLineBreaksInsideProse() {
        assertThat(JSON.readValue("{\"code\": \"  \u00a0" + NFD + "\u3000\u200b \"}", Measure.class).code()).isEqualTo(NFC);
        assertThat(JSON.readValue("{\"leadUnits\": [\" VP\", \"P-KHTC\u00a0\"]}", Measure.class).leadUnits()).containsExactly("VP", "P-KHTC");
        assertThat(JSON.readValue("{\"reason\": \"\\n  Dòng một\\nDòng hai\\r\\n\\tDòng  ba \\n\\n\u00a0\"}", Cancel.class).reason())
                .isEqualTo("Dòng một\nDòng hai\r\n\tDòng  ba");
    }

    @Test
    void refusesTextLongerThanAnyFieldTakesCountingItOnceComposed() {
        JacksonException refusal = refusal("{\"reason\": \"" + "x".repeat(RequestText.MAX_LENGTH + 1) + "\"}", Cancel.class);
        assertThat(refusal).isInstanceOf(InvalidInput.class);
        assertThat(((InvalidInput) refusal).rule()).isEqualTo("Size");
        assertThat(field(refusal)).isEqualTo("reason");
        assertThat(JSON.readValue("{\"reason\": \"" + "x".repeat(RequestText.MAX_LENGTH) + "\"}", Cancel.class).reason())
                .hasSize(RequestText.MAX_LENGTH);
        // e + U+0301 is two units decomposed and one (U+00E9) composed: over the bound as typed, within it as kept.
        String decomposed = "e\u0301".repeat(RequestText.MAX_LENGTH / 2 + 1);
        assertThat(decomposed).hasSizeGreaterThan(RequestText.MAX_LENGTH);
        assertThat(JSON.readValue("{\"reason\": \"" + decomposed + "\"}", Cancel.class).reason())
                .isEqualTo("\u00e9".repeat(RequestText.MAX_LENGTH / 2 + 1));
    }

    @Test
    void takesNoBreakAndOtherUnicodeSpacesForBlank() {
        assertThat(RequestText.isBlank("\u00a0\u00a0")).isTrue();
        assertThat(RequestText.isBlank("\u2003\u3000 \t")).isTrue();
        assertThat(RequestText.isBlank("\u00a0Báo cáo\u00a0")).isFalse();
    }

    @Test
    void aMapperWithoutTheseSettingsStillReadsWhatTheyRefuse() {
        // Axon's event serializer builds its mapper without them: stored events keep reading as they always did.
        assertThatThrownBy(() -> JSON.readValue("{\"reason\": \"a\", \"reason\": \"b\"}", Cancel.class)).isInstanceOf(JacksonException.class);
        assertThat(JsonMapper.builder().build().readValue("{\"reason\": \"a\", \"reason\": \"b\"}", Cancel.class).reason()).isEqualTo("b");
    }
}
