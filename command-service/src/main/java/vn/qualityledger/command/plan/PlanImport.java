package vn.qualityledger.command.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.objective.*;
import vn.qualityledger.command.objective.ScheduleExpansion;

/**
 * Turns a plan document into the commands a secretary would issue by hand: define each objective, plan its measures
 * and sub-measures, then publish it under the document's decision. Ids are derived from the codes
 * ({@code ORG.OBJECTIVE} for objectives, the row number for measures), so importing the same document again issues
 * the same commands and, the aggregate finding them already done, stores nothing.
 */
@Service
public class PlanImport {

    private final CommandGateway commands;

    public PlanImport(CommandGateway commands) {
        this.commands = commands;
    }

    public record Result(String organisationId, int year, List<ImportedObjective> objectives, int commands) {
    }

    public record ImportedObjective(String objectiveId, String code, int measures) {
    }

    public Result importPlan(PlanDocument document) {
        List<Object> planned = new ArrayList<>();
        List<ImportedObjective> imported = new ArrayList<>();
        Decision decision = decision(document.decision());
        String organisationId = document.organisation().code();
        for (PlanDocument.ObjectiveEntry entry : document.objectives()) {
            ObjectiveId objectiveId = new ObjectiveId(organisationId + "." + entry.code());
            planned.add(new DefineObjectiveCommand(objectiveId, organisationId, document.year(), entry.code(),
                    entry.statement(), entry.target()));
            int measures = 0;
            for (PlanDocument.MeasureEntry measure : entry.measures()) {
                measures += plan(objectiveId, null, measure, document.year(), planned);
            }
            if (decision != null) {
                planned.add(new PublishObjectiveCommand(objectiveId, decision));
            }
            imported.add(new ImportedObjective(objectiveId.value(), entry.code(), measures));
        }
        // Every command is built (and every schedule expanded) before the first is sent: a bad document stores nothing.
        planned.forEach(commands::sendAndWait);
        return new Result(organisationId, document.year(), imported, planned.size());
    }

    private int plan(ObjectiveId objectiveId, MeasureId parent, PlanDocument.MeasureEntry entry, int year, List<Object> planned) {
        MeasureId measureId = new MeasureId(entry.code());
        MeasureDetails details = new MeasureDetails(entry.code(), entry.title(), entry.lead(), entry.coordinating(),
                entry.monitoredBy(), entry.evidence(), entry.schedule());
        ScheduleExpansion.occurrences(measureId, entry.schedule(), year);
        planned.add(new PlanMeasureCommand(objectiveId, measureId, parent, details));
        int count = 1;
        if (entry.subMeasures() != null) {
            for (PlanDocument.MeasureEntry sub : entry.subMeasures()) {
                count += plan(objectiveId, measureId, sub, year, planned);
            }
        }
        return count;
    }

    private static Decision decision(PlanDocument.DecisionReference reference) {
        if (reference == null || reference.number() == null || reference.number().isBlank() || reference.date() == null) {
            return null;
        }
        try {
            return new Decision(reference.number(), LocalDate.parse(reference.date()));
        } catch (DateTimeParseException monthOnly) {
            return null;
        }
    }
}
