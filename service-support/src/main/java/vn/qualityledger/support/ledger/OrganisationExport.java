package vn.qualityledger.support.ledger;

import java.util.List;

/**
 * Every stream of one organisation with what proves it against one checkpoint, in one file: the service's
 * {@code GET /api/ledger/organisations/{org}/export} and the offline verifier's input ({@link LedgerVerification#verify(
 * java.util.Collection, List, OrganisationExport, OrganisationExport)}).
 *
 * @param format       {@value #FORMAT}
 * @param organisation the organisation (a stream's is the {@code organisationId} of its first event, as the feed says)
 * @param checkpoint   the checkpoint every stream is proved against
 * @param streams      each stream's export against {@code checkpoint}, sorted by stream id; the consistency proofs the
 *                     auditor asked for are in each
 */
public record OrganisationExport(String format, String organisation, Checkpoint checkpoint, List<StreamExport> streams) {

    public static final String FORMAT = "quality-ledger/organisation-export/v1";

    public OrganisationExport {
        streams = streams == null ? List.of() : List.copyOf(streams);
    }
}
