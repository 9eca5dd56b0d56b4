package vn.qualityledger.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names an organisation's directory records for its units ({@code directory} of
 * {@code GET /api/organisations/{org}/units}), for pages that show unit codes: the {@code units} fragment shows a
 * unit's name where one is recorded, its code otherwise (and the code as the title either way). A failed read gives no
 * names rather than a failed page (a 401 still signs the user out).
 */
final class UnitNames {

    private static final Logger LOG = LoggerFactory.getLogger(UnitNames.class);

    private UnitNames() {
    }

    /** Unit code to name; empty when the organisation records none or the read fails. */
    static Map<String, String> of(QualityLedgerClient client, SignedInUser user, String organisationId) {
        Map<String, String> names = new LinkedHashMap<>();
        if (organisationId == null || organisationId.isBlank()) {
            return names;
        }
        Map<String, Object> answer;
        try {
            answer = client.read(user, uri -> uri.path("/api/organisations/{org}/units").build(organisationId));
        } catch (ServiceProblem failed) {
            if (failed.unauthenticated()) {
                throw failed;
            }
            LOG.info("No unit names for {}: {}", organisationId, failed.getMessage());
            return names;
        }
        Object directory = answer == null ? null : answer.get("directory");
        if (directory instanceof List<?> units) {
            for (Object unit : units) {
                if (unit instanceof Map<?, ?> entry && entry.get("code") != null && entry.get("name") != null) {
                    names.put(entry.get("code").toString(), entry.get("name").toString());
                }
            }
        }
        return names;
    }
}
