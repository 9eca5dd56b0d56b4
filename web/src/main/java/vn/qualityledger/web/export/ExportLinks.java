package vn.qualityledger.web.export;

import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a page offers to download beside a list: a model attribute, drawn by
 * {@code fragments :: exportLinks}. The page passes the filters it reads its list with, so the file holds what it shows
 * (every page of it).
 */
public final class ExportLinks {

    /** The two links' targets. */
    public record Links(String xlsx, String csv) {
    }

    private ExportLinks() {
    }

    /**
     * @param attribute the model attribute the page's template draws the links from ({@code exports} for its one list)
     * @param list      the list's name: occurrences, objectives, units, nonconformities, audit-programme, history, province
     * @param filters   the page's read parameters by their query-service names; null and blank ones are left out
     */
    public static void offer(Model model, String attribute, String list, Map<String, ?> filters) {
        model.addAttribute(attribute, links(list, filters));
    }

    public static Links links(String list, Map<String, ?> filters) {
        ExportedList exported = ExportedList.named(list).orElseThrow(() -> new IllegalArgumentException("no list " + list));
        return new Links(link(exported, "xlsx", filters), link(exported, "csv", filters));
    }

    private static String link(ExportedList list, String extension, Map<String, ?> filters) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/exports/" + list.webName() + "." + extension);
        list.linkParameters(filters).forEach((name, value) -> link.queryParam(name, value));
        return link.encode().build().toUriString();
    }
}
