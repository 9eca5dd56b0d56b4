package vn.qualityledger.web.managementreview;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.qualityledger.web.Pages;

/** How the review forms read what was typed: people one a line, "Họ và tên, chức vụ"; what each form keeps for showing again. */
final class ReviewForms {

    /** People a form may name; the service takes at most 100 (a list longer than that is refused by its size). */
    static final int MAX_PEOPLE = 100;

    private ReviewForms() {
    }

    /**
     * People typed one a line, each "name, title" with the title optional: the first comma ends the name (a name has
     * none; a title may: "Phó Giám đốc Sở, QMR"). Blank lines are left out.
     */
    static List<Map<String, Object>> people(String text) {
        List<Map<String, Object>> people = new ArrayList<>();
        if (text == null) {
            return people;
        }
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int comma = line.indexOf(',');
            people.add(person(comma < 0 ? line : line.substring(0, comma), comma < 0 ? null : line.substring(comma + 1)));
        }
        return people;
    }

    static Map<String, Object> person(String name, String title) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("name", trim(name));
        person.put("title", Pages.blankToNull(title));
        return person;
    }

    /** Each service name of a person in a list ({@code participants[2].name}) belongs to the list's one field. */
    static void listFields(Map<String, String> fields, String list, String formField) {
        fields.put(list, formField);
        for (int i = 0; i < MAX_PEOPLE; i++) {
            fields.put(list + "[" + i + "]", formField);
            fields.put(list + "[" + i + "].name", formField);
            fields.put(list + "[" + i + "].title", formField);
        }
    }

    /** The value when it is one of {@code values} (the form's choices), else null for the service to name. */
    static String oneOf(List<String> values, String value) {
        return value != null && values.contains(value) ? value : null;
    }

    static Map<String, String> typed(String... namesAndValues) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            typed.put(namesAndValues[i], Objects.toString(namesAndValues[i + 1], ""));
        }
        return typed;
    }

    static String trim(String text) {
        return text == null ? "" : text.trim();
    }
}
