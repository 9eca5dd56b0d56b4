package vn.qualityledger.api.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Javadoc of a shared-api type, read from its source file (the tests run in the module's directory), so that the
 * schemas describe the events in the words of the records: the summary for the type, {@code @param} for the properties.
 */
record Javadoc(String summary, Map<String, String> params) {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Map<Class<?>, Optional<Javadoc>> CACHE = new ConcurrentHashMap<>();
    private static final Pattern PARAM = Pattern.compile("@param\\s+(\\w+)\\s+(.*?)(?=\\n@\\w+|\\z)", Pattern.DOTALL);

    static Optional<Javadoc> of(Class<?> type) {
        return CACHE.computeIfAbsent(type, Javadoc::read);
    }

    String param(String name) {
        return params.get(name);
    }

    /** The summary's first sentence. */
    String firstSentence() {
        int end = summary.indexOf(". ");
        return end < 0 ? summary : summary.substring(0, end + 1);
    }

    private static Optional<Javadoc> read(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        Path source = SOURCES.resolve(top.getName().replace('.', '/') + ".java");
        if (!Files.exists(source)) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // The comment right before the type's declaration (annotations may stand in between).
        Matcher declaration = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*)*public\\s+(?:static\\s+)?(?:final\\s+)?"
                + "(?:record|enum|class|interface)\\s+" + type.getSimpleName() + "\\b", Pattern.DOTALL).matcher(text);
        if (!declaration.find()) {
            return Optional.empty();
        }
        String comment = declaration.group(1).replaceAll("(?m)^\\s*\\*( |$)?", "");
        int tags = comment.indexOf("\n@");
        String summary = clean(tags < 0 ? comment : comment.substring(0, tags));
        Map<String, String> params = new LinkedHashMap<>();
        Matcher param = PARAM.matcher(tags < 0 ? "" : comment.substring(tags));
        while (param.find()) {
            params.put(param.group(1), clean(param.group(2)));
        }
        return Optional.of(new Javadoc(summary, params));
    }

    /** Plain text: inline tags reduced to their text, HTML dropped, whitespace collapsed. */
    private static String clean(String javadoc) {
        return javadoc.replaceAll("\\{@(?:code|literal)\\s+([^}]*)}", "$1")
                .replaceAll("\\{@link(?:plain)?\\s+#?([^}\\s]*)(?:\\s+([^}]*))?}", "$1")
                .replaceAll("<li>", " \u2022 ")
                .replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ")
                .trim();
    }
}
