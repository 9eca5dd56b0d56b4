package vn.qualityledger.api.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The requirement clauses of ISO 9001:2015 (TCVN ISO 9001:2015), 4 to 10, down to the numbered sub-clauses: the only
 * clauses an audit's scope, a checklist note, a finding or a nonconformity may cite. Clauses 1 to 3 (scope, normative
 * references, terms) hold no requirements and cannot be audited against.
 */
public final class Iso9001Clauses {

    private static final Map<String, String> TITLES = new LinkedHashMap<>();

    static {
        add("4", "Context of the organization (Bối cảnh của tổ chức)");
        add("4.1", "Understanding the organization and its context");
        add("4.2", "Understanding the needs and expectations of interested parties");
        add("4.3", "Determining the scope of the quality management system");
        add("4.4", "Quality management system and its processes");
        add("4.4.1", "Quality management system and its processes: processes");
        add("4.4.2", "Quality management system and its processes: documented information");
        add("5", "Leadership (Sự lãnh đạo)");
        add("5.1", "Leadership and commitment");
        add("5.1.1", "Leadership and commitment: general");
        add("5.1.2", "Customer focus");
        add("5.2", "Policy");
        add("5.2.1", "Establishing the quality policy");
        add("5.2.2", "Communicating the quality policy");
        add("5.3", "Organizational roles, responsibilities and authorities");
        add("6", "Planning (Hoạch định)");
        add("6.1", "Actions to address risks and opportunities");
        add("6.1.1", "Actions to address risks and opportunities: determining them");
        add("6.1.2", "Actions to address risks and opportunities: planning actions");
        add("6.2", "Quality objectives and planning to achieve them");
        add("6.2.1", "Quality objectives");
        add("6.2.2", "Planning to achieve quality objectives");
        add("6.3", "Planning of changes");
        add("7", "Support (Hỗ trợ)");
        add("7.1", "Resources");
        add("7.1.1", "Resources: general");
        add("7.1.2", "People");
        add("7.1.3", "Infrastructure");
        add("7.1.4", "Environment for the operation of processes");
        add("7.1.5", "Monitoring and measuring resources");
        add("7.1.5.1", "Monitoring and measuring resources: general");
        add("7.1.5.2", "Measurement traceability");
        add("7.1.6", "Organizational knowledge");
        add("7.2", "Competence");
        add("7.3", "Awareness");
        add("7.4", "Communication");
        add("7.5", "Documented information");
        add("7.5.1", "Documented information: general");
        add("7.5.2", "Creating and updating documented information");
        add("7.5.3", "Control of documented information");
        add("7.5.3.1", "Control of documented information: availability and protection");
        add("7.5.3.2", "Control of documented information: activities");
        add("8", "Operation (Thực hiện)");
        add("8.1", "Operational planning and control");
        add("8.2", "Requirements for products and services");
        add("8.2.1", "Customer communication");
        add("8.2.2", "Determining the requirements for products and services");
        add("8.2.3", "Review of the requirements for products and services");
        add("8.2.3.1", "Review of the requirements: before committing to supply");
        add("8.2.3.2", "Review of the requirements: documented information");
        add("8.2.4", "Changes to requirements for products and services");
        add("8.3", "Design and development of products and services");
        add("8.3.1", "Design and development: general");
        add("8.3.2", "Design and development planning");
        add("8.3.3", "Design and development inputs");
        add("8.3.4", "Design and development controls");
        add("8.3.5", "Design and development outputs");
        add("8.3.6", "Design and development changes");
        add("8.4", "Control of externally provided processes, products and services");
        add("8.4.1", "Control of externally provided processes: general");
        add("8.4.2", "Type and extent of control");
        add("8.4.3", "Information for external providers");
        add("8.5", "Production and service provision");
        add("8.5.1", "Control of production and service provision");
        add("8.5.2", "Identification and traceability");
        add("8.5.3", "Property belonging to customers or external providers");
        add("8.5.4", "Preservation");
        add("8.5.5", "Post-delivery activities");
        add("8.5.6", "Control of changes");
        add("8.6", "Release of products and services");
        add("8.7", "Control of nonconforming outputs");
        add("8.7.1", "Control of nonconforming outputs: identification and control");
        add("8.7.2", "Control of nonconforming outputs: documented information");
        add("9", "Performance evaluation (Đánh giá kết quả thực hiện)");
        add("9.1", "Monitoring, measurement, analysis and evaluation");
        add("9.1.1", "Monitoring, measurement, analysis and evaluation: general");
        add("9.1.2", "Customer satisfaction");
        add("9.1.3", "Analysis and evaluation");
        add("9.2", "Internal audit");
        add("9.2.1", "Internal audit: intervals");
        add("9.2.2", "Internal audit: programme");
        add("9.3", "Management review");
        add("9.3.1", "Management review: general");
        add("9.3.2", "Management review inputs");
        add("9.3.3", "Management review outputs");
        add("10", "Improvement (Cải tiến)");
        add("10.1", "Improvement: general");
        add("10.2", "Nonconformity and corrective action");
        add("10.2.1", "Nonconformity and corrective action: reacting and acting");
        add("10.2.2", "Nonconformity and corrective action: documented information");
        add("10.3", "Continual improvement");
    }

    /** The clause a nonconformity cites when an objective is closed as not achieved. */
    public static final String QUALITY_OBJECTIVES = "6.2";

    private Iso9001Clauses() {
    }

    private static void add(String clause, String title) {
        TITLES.put(clause, title);
    }

    public static boolean isKnown(String clause) {
        return clause != null && TITLES.containsKey(clause);
    }

    /** The clause's title, or null for an unknown clause. */
    public static String title(String clause) {
        return clause == null ? null : TITLES.get(clause);
    }

    /** Every clause, in the standard's order, with its title. */
    public static Map<String, String> all() {
        return Collections.unmodifiableMap(TITLES);
    }
}
