package vn.qualityledger.query.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** How every file this service serves is named for the browser that saves it: evidence files and the lists' exports. */
public final class ContentDispositions {

    private ContentDispositions() {
    }

    /**
     * {@code attachment} with an ASCII fallback name (Vietnamese letters without their marks, other characters as
     * {@code _}) and the real name as {@code filename*=UTF-8''…} (RFC 6266 §4.3, RFC 8187), which browsers prefer.
     */
    public static String attachment(String name) {
        String ascii = Normalizer.normalize(name.replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_");
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
