package vn.qualityledger.api.common;

import java.util.regex.Pattern;

/** The one rule every identifier obeys: 1 to 128 URL-safe characters, starting with a letter or digit. */
public final class Ids {

    /** Letters, digits and {@code . _ : @ -}: safe in a URL path segment without encoding. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Ids() {
    }

    public static boolean isValid(String value) {
        return value != null && COMPILED.matcher(value).matches();
    }

    public static void requireValid(String value, String what) {
        if (!isValid(value)) {
            throw new InvalidIdException(what, value);
        }
    }
}
