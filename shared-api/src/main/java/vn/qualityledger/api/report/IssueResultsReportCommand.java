package vn.qualityledger.api.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Issues an objective results report: records what was generated (every parameter it was generated from) and the
 * SHA-256 of both files, so that anyone can later prove that a file is the report that was issued. Issuing the same id
 * again with the same content stores nothing.
 *
 * @param cutOff     the instant the report reads the event store at; not after the issue
 * @param docxSha256 the SHA-256 (hex) of the Word document generated with these parameters
 * @param xlsxSha256 the SHA-256 (hex) of the workbook generated with these parameters
 * @param generator  which generator produced the files (its version), since a new generator may write other bytes
 * @param checkpointTreeSize the size of the ledger checkpoint the files print (query-service names it); null for none
 */
public record IssueResultsReportCommand(@TargetAggregateIdentifier ResultsReportId reportId, String organisationId, int year,
                                        ResultsReportKind kind, Instant cutOff, String number, String organisationName,
                                        String parentName, String place, String signerAuthority, String signerTitle,
                                        String signerName, List<String> recipients, String docxSha256, String xlsxSha256,
                                        String generator, Long checkpointTreeSize, LocalDate issuedOn) {
}
