package vn.qualityledger.command.reads;

import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a 201's {@code Location} points: the query-service read that shows what the command created. command-service
 * serves no reads, so a relative path would resolve against it and find nothing; the reads live at query-service's
 * public address ({@code quality-ledger.query-service.public-url}). A part of a record (a measure, a finding, an
 * action …) has no read of its own: its location is the record's read that lists it.
 * {@code BothServices}-based end-to-end tests follow every location they get back.
 */
@Component
public class ReadLocations {

    private final String queryService;

    public ReadLocations(@Value("${quality-ledger.query-service.public-url}") String queryServicePublicUrl) {
        String base = URI.create(queryServicePublicUrl.strip()).toString();
        this.queryService = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The objective's dashboard. */
    public URI objective(Object objectiveId) {
        return read("/api/objectives/" + objectiveId + "/dashboard");
    }

    /** The dashboards of an organisation's objectives for a year: what a plan document defines. */
    public URI objectivesOf(String organisationId, int year) {
        return read("/api/organisations/" + organisationId + "/years/" + year + "/objectives");
    }

    /** The objective's plan: its measures, occurrences and measurements. */
    public URI objectivePlan(Object objectiveId) {
        return read("/api/objectives/" + objectiveId + "/plan");
    }

    /** The evidence register filtered to the objective. */
    public URI evidenceOf(Object objectiveId) {
        return read("/api/evidence?objectiveId=" + objectiveId);
    }

    /** The audit round: plan, team, unit audits, findings, report. */
    public URI audit(Object auditId) {
        return read("/api/audits/" + auditId);
    }

    /** The nonconformity with its steps and corrective actions. */
    public URI nonconformity(Object nonconformityId) {
        return read("/api/nonconformities/" + nonconformityId);
    }

    /** The management review with its decisions. */
    public URI review(Object reviewId) {
        return read("/api/reviews/" + reviewId);
    }

    /** The review's issued minutes (the Word document as issued). */
    public URI reviewMinutes(Object reviewId) {
        return read("/api/reviews/" + reviewId + "/minutes/issued.docx");
    }

    /** The issued results report's Word document. */
    public URI resultsReport(Object reportId) {
        return read("/api/reports/" + reportId + "/results.docx");
    }

    /** Ids match {@code [A-Za-z0-9][A-Za-z0-9._:@-]*}: nothing in them needs encoding in a path or a query. */
    private URI read(String pathAndQuery) {
        return URI.create(queryService + pathAndQuery);
    }
}
