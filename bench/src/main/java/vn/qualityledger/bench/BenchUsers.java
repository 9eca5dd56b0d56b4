package vn.qualityledger.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Who the harness signs in as. The services only let users act within their own organisation, so each organisation the
 * harness writes to has an administrator (who files and plans) and a QMR of the monitoring unit (who reviews, since
 * nobody reviews their own evidence); a province auditor reads everything. They are given to the service processes as
 * arguments, which replace the demo users.
 */
final class BenchUsers {

    /** The organisations the harness writes to through the API. */
    static final List<String> ORGANISATIONS = List.of("LOAD", "AUDIT", "PROOF");
    /** The monitor of every measure of the data set (Dataset.measureDetails). */
    static final String MONITOR_UNIT = "Lãnh đạo Sở";
    static final String READER = "bench-reader";
    static final String PASSWORD = "demo";
    /** bcrypt of "demo". */
    private static final String HASH = "$2a$10$TOkqL.MrHrV26suh81L5oOPUvGRPllAnGS.NByytVcojikBwOQVAC";

    private BenchUsers() {
    }

    static String administrator(String organisation) {
        return "bench-" + organisation;
    }

    static String reviewer(String organisation) {
        return "bench-" + organisation + "-qmr";
    }

    static List<String> serviceArguments() {
        List<String> arguments = new ArrayList<>();
        int i = 0;
        for (String organisation : ORGANISATIONS) {
            arguments.addAll(user(i++, administrator(organisation), "ADMIN", organisation, null));
            arguments.addAll(user(i++, reviewer(organisation), "QMR", organisation, MONITOR_UNIT));
        }
        arguments.addAll(user(i, READER, "PROVINCE_AUDITOR", null, null));
        return arguments;
    }

    private static List<String> user(int index, String username, String role, String organisation, String unit) {
        String prefix = "--quality-ledger.security.users[" + index + "].";
        List<String> arguments = new ArrayList<>(List.of(prefix + "username=" + username, prefix + "password=" + HASH,
                prefix + "name=" + username, prefix + "roles=" + role));
        if (organisation != null) {
            arguments.add(prefix + "organisation=" + organisation);
        }
        if (unit != null) {
            arguments.add(prefix + "unit=" + unit);
        }
        return arguments;
    }
}
