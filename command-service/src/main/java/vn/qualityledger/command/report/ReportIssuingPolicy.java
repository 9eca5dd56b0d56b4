package vn.qualityledger.command.report;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.report.IssueResultsReportCommand;
import vn.qualityledger.api.report.ResultsReportIssuedEvent;
import vn.qualityledger.command.common.Refusal;

/** Who issues results reports, and what an issued report must say. */
final class ReportIssuingPolicy {

    /** Days are the agency's. */
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private ReportIssuingPolicy() {
    }

    /** The ISO secretary reports the objectives' results (the plan's measure I.6); the QMR and an administrator too. */
    static void requireIssuer(Actor actor) {
        if (!actor.hasAny(Role.ADMIN, Role.ISO_SECRETARY, Role.QMR)) {
            throw Refusal.forbidden("ISSUERS_ONLY", "Only the ISO secretary, the QMR or an administrator issues results reports");
        }
    }

    /**
     * A report reads what was recorded by its cut-off, so it is issued on or after the cut-off's day, and it records the
     * lower-case hex SHA-256 of both files.
     */
    static void requireValid(IssueResultsReportCommand command) {
        LocalDate cutOffDay = LocalDate.ofInstant(command.cutOff(), ZONE);
        if (command.issuedOn().isBefore(cutOffDay)) {
            throw Refusal.ruleBroken("ISSUED_BEFORE_CUT_OFF", "cutOff", "A report is issued on or after its cut-off's day (" + cutOffDay + ")");
        }
        if (!SHA_256.matcher(command.docxSha256()).matches()) {
            throw Refusal.ruleBroken("NOT_A_SHA_256", "docxSha256", "must be a SHA-256 in lower-case hex (64 characters)");
        }
        if (!SHA_256.matcher(command.xlsxSha256()).matches()) {
            throw Refusal.ruleBroken("NOT_A_SHA_256", "xlsxSha256", "must be a SHA-256 in lower-case hex (64 characters)");
        }
    }

    /** The same report, whatever day the request was repeated on. */
    static boolean sameContent(ResultsReportIssuedEvent recorded, ResultsReportIssuedEvent requested) {
        return new ResultsReportIssuedEvent(requested.reportId(), requested.organisationId(), requested.year(), requested.kind(),
                requested.cutOff(), requested.number(), requested.organisationName(), requested.parentName(), requested.place(),
                requested.signerAuthority(), requested.signerTitle(), requested.signerName(), requested.recipients(),
                requested.docxSha256(), requested.xlsxSha256(), requested.generator(), requested.checkpointTreeSize(),
                recorded.issuedOn()).equals(recorded);
    }
}
