package vn.qualityledger.command.review;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import vn.qualityledger.api.review.ReviewPerson;
import vn.qualityledger.command.common.Refusal;

/** The people a plan or minutes name: at least one, each with a name, nobody twice. */
final class People {

    private People() {
    }

    static void requireNamed(ReviewPerson person, String field, String code, String message) {
        if (person == null) {
            throw Refusal.ruleBroken(code, field, message);
        }
        if (isBlank(person.name())) {
            throw Refusal.ruleBroken(code, field + ".name", message);
        }
    }

    /**
     * Names compare as Vietnamese readers see them: composed and decomposed diacritics (NFC, NFD), case and surrounding
     * blanks do not make "Nguyễn Văn An" a second person.
     */
    static void requireList(List<ReviewPerson> people, String field, String emptyCode, String twiceCode, String message) {
        if (people == null || people.isEmpty()) {
            throw Refusal.ruleBroken(emptyCode, field, message);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < people.size(); i++) {
            requireNamed(people.get(i), field + "[" + i + "]", emptyCode, message);
            String key = Normalizer.normalize(people.get(i).name().strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
            if (!seen.add(key)) {
                throw Refusal.ruleBroken(twiceCode, field + "[" + i + "]", people.get(i).name() + " is named twice");
            }
        }
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
