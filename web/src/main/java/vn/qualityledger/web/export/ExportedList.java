package vn.qualityledger.web.export;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriBuilder;
import vn.qualityledger.web.ServiceProblem;

/**
 * The lists a page offers as Excel and CSV, each with query-service's read it downloads: the page's filters go along
 * unchanged as the read's path variables and query parameters, and query-service checks access and filters exactly as
 * for the JSON read the page shows. Parameters a list does not take are dropped, never forwarded.
 */
enum ExportedList {
    OCCURRENCES("occurrences", "/api/occurrences", List.of(),
            List.of("organisationId", "year", "objectiveId", "unit", "status", "dueFrom", "dueTo", "asOf")),
    OBJECTIVES("objectives", "/api/organisations/{organisationId}/years/{year}/objectives", List.of("organisationId", "year"),
            List.of("asOf")),
    UNITS("units", "/api/organisations/{organisationId}/years/{year}/units", List.of("organisationId", "year"), List.of("asOf")),
    NONCONFORMITIES("nonconformities", "/api/organisations/{organisationId}/nonconformities", List.of("organisationId"),
            List.of("year", "status", "source", "unit", "clause", "severity", "overdue", "asOf")),
    AUDIT_PROGRAMME("audit-programme", "/api/organisations/{organisationId}/audit-programme", List.of("organisationId"),
            List.of("year", "asOf")),
    OBJECTIVE_HISTORY("history", "/api/objectives/{objectiveId}/history", List.of("objectiveId"), List.of()),
    PROVINCE("province", "/api/province/years/{year}/summary", List.of("year"), List.of("asOf", "sort"));

    static final List<String> EXTENSIONS = List.of("xlsx", "csv");

    private final String name;
    private final String path;
    private final List<String> pathVariables;
    private final List<String> filters;

    ExportedList(String name, String path, List<String> pathVariables, List<String> filters) {
        this.name = name;
        this.path = path;
        this.pathVariables = pathVariables;
        this.filters = filters;
    }

    static Optional<ExportedList> named(String name) {
        return Arrays.stream(values()).filter(list -> list.name.equals(name)).findFirst();
    }

    String webName() {
        return name;
    }

    /** Refuses, before anything is asked of query-service, a download without a value for each of the path's variables. */
    void requirePathVariables(MultiValueMap<String, String> given) {
        for (String variable : pathVariables) {
            String value = given.getFirst(variable);
            if (value == null || value.isBlank()) {
                throw new ServiceProblem(400, "BAD_PARAMETER", variable + " is required to download " + name);
            }
        }
    }

    /** query-service's export of this list: its path with the extension, the filters given that it takes. */
    URI serviceUri(UriBuilder uri, String extension, MultiValueMap<String, String> given) {
        requirePathVariables(given);
        Object[] variables = pathVariables.stream().map(given::getFirst).toArray();
        uri.path(path + "." + extension);
        for (String filter : filters) {
            String value = given.getFirst(filter);
            if (value != null && !value.isBlank()) {
                uri.queryParam(filter, value);
            }
        }
        return uri.build(variables);
    }

    /** The parameters of the web's download link, in the order the list names them (path variables first). */
    Map<String, Object> linkParameters(Map<String, ?> values) {
        Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        for (String name : pathVariables) {
            put(parameters, name, values.get(name));
        }
        for (String name : filters) {
            put(parameters, name, values.get(name));
        }
        return parameters;
    }

    private static void put(Map<String, Object> parameters, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            parameters.put(name, value);
        }
    }
}
