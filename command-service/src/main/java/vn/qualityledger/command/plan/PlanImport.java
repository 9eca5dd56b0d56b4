package vn.qualityledger.command.plan;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Service;
import org.springframework.validation.DataBinder;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.Decision;
import vn.qualityledger.api.common.Ids;
import vn.qualityledger.api.directory.DirectoryUnit;
import vn.qualityledger.api.directory.RecordOrganisationDirectoryCommand;
import vn.qualityledger.api.objective.*;
import vn.qualityledger.command.common.Acting;
import vn.qualityledger.command.directory.DirectoryPolicy;
import vn.qualityledger.command.directory.OrganisationDirectory;
import vn.qualityledger.command.objective.AccessPolicy;
import vn.qualityledger.command.objective.Objective;
import vn.qualityledger.command.objective.Objective.Standing;
import vn.qualityledger.command.objective.ScheduleExpansion;
import vn.qualityledger.command.objective.TargetPolicy;
import vn.qualityledger.support.security.CurrentActor;

/**
 * Turns a plan document into the commands a secretary would issue by hand: record the organisation's directory (its
 * name, parent and units' names) when the document names the organisation, define each objective, plan its measures
 * and sub-measures, then publish it under the document's decision. Ids are derived from the codes
 * ({@code ORG.OBJECTIVE} for objectives, the row number for measures), so importing the same document again issues
 * the same commands and, the aggregate finding them already done, stores nothing.
 *
 * <p>Before anything is sent the whole document is checked, and every error found is reported at once, each with
 * its path in the document ({@code objectives[2].measures[0].schedule.rules[0].rrule}): the shape of every field, the
 * codes (unique within the document and the objective), each target, each schedule (expanded for the year), the
 * depth of sub-measures, and what is already recorded (an objective or measure of the same id with other content, an
 * objective published under another decision or closed). {@link #preview} runs the same checks and builds the same
 * commands without sending them, and says for each objective and measure what the import would store.
 */
@Service
public class PlanImport {

    /** Axon's names (MessageOriginProvider's defaults): the message that caused this one, and the conversation's first. */
    static final String CORRELATION_ID = "correlationId";
    static final String TRACE_ID = "traceId";

    private static final Pattern SCHEDULE_FIELD = Pattern.compile("^details\\.schedule");
    private static final Pattern DIRECTORY_UNIT = Pattern.compile("^units\\[(\\d+)]");

    private final CommandGateway commands;
    private final Repository<Objective> objectives;
    private final Repository<OrganisationDirectory> directories;
    private final Validator validator;
    private final CurrentActor actors;

    public PlanImport(CommandGateway commands, Repository<Objective> objectives, Repository<OrganisationDirectory> directories,
                      Validator validator, CurrentActor actors) {
        this.commands = commands;
        this.objectives = objectives;
        this.directories = directories;
        this.validator = validator;
        this.actors = actors;
    }

    /** @param correlationId shared by every command of the import (and the {@code traceId} of every event they stored) */
    public record Result(String organisationId, int year, List<ImportedObjective> objectives, int commands, String correlationId) {
    }

    public record ImportedObjective(String objectiveId, String code, int measures) {
    }

    /**
     * One error of a document: where ({@code objectives[0].measures[1].lead}), which rule, in words; and, when the path
     * lies in an objective or a measure that has a code, those codes ({@code measure} names a sub-measure by its parent's
     * code and its own: {@code 1 › 1.2}), so that the secretary finds the row without counting list positions.
     */
    public record PlanError(String field, String rule, String message, String objective, String measure) {

        public PlanError(String field, String rule, String message) {
            this(field, rule, message, null, null);
        }

        /** The same error with the codes of the objective and measure its document path lies in. */
        PlanError locatedIn(PlanDocument document) {
            Matcher path = LOCATED.matcher(field);
            if (document == null || document.objectives() == null || !path.lookingAt()) {
                return this;
            }
            PlanDocument.ObjectiveEntry objective = element(document.objectives(), path.group(1));
            if (objective == null) {
                return this;
            }
            List<String> measures = new ArrayList<>();
            PlanDocument.MeasureEntry measure = path.group(2) == null ? null : element(objective.measures(), path.group(2));
            if (measure != null) {
                measures.add(measure.code());
                PlanDocument.MeasureEntry sub = path.group(3) == null ? null : element(measure.subMeasures(), path.group(3));
                if (sub != null) {
                    measures.add(sub.code());
                }
            }
            measures.removeIf(java.util.Objects::isNull);
            return new PlanError(field, rule, message, objective.code(), measures.isEmpty() ? null : String.join(" › ", measures));
        }

        private static <T> T element(List<T> list, String index) {
            int i = Integer.parseInt(index);
            return list == null || i >= list.size() ? null : list.get(i);
        }
    }

    /** {@code objectives[i]}, optionally {@code .measures[j]} and {@code .subMeasures[k]}, at the start of a path. */
    private static final Pattern LOCATED = Pattern.compile("objectives\\[(\\d+)](?:\\.measures\\[(\\d+)](?:\\.subMeasures\\[(\\d+)])?)?");

    /** The document could not be imported: every error found, in document order. Nothing was sent. */
    public static class PlanRefused extends RuntimeException {
        private final List<PlanError> errors;

        PlanRefused(List<PlanError> errors) {
            super(errors.size() + " error(s) in the plan document");
            this.errors = List.copyOf(errors);
        }

        public List<PlanError> errors() {
            return errors;
        }
    }

    /**
     * What an import of the document would do, nothing of it stored.
     *
     * @param directory the document's names (organisation, parent, units): {@code NEW} (to be recorded), {@code RECORDED}
     *                  (recorded as they are), or null when the document names no organisation
     */
    public record Preview(String organisationId, int year, Decision decision, List<PreviewObjective> objectives,
                          int commands, int changes, String directory) {
    }

    /**
     * @param status      {@code NEW} (to be defined) or {@code RECORDED} (already defined as the document says)
     * @param publication {@code TO_PUBLISH} (under the document's decision), {@code PUBLISHED} (already, under it),
     *                    {@code DRAFT} (the document has no full decision: stays unpublished)
     */
    public record PreviewObjective(String path, String objectiveId, String code, String statement, Target target, String status,
                                   String publication, List<PreviewMeasure> measures) {
    }

    /** A measure and, beneath it, its sub-measures; {@code dueDates} are its occurrences in the year (none for ad hoc work). */
    public record PreviewMeasure(String path, String measureId, String code, String title, List<String> lead, List<String> coordinating,
                                 List<String> monitors, List<String> evidence, String scheduleText, List<LocalDate> dueDates,
                                 boolean adHoc, String status, List<PreviewMeasure> subMeasures) {
    }

    public Result importPlan(PlanDocument document) {
        Checked checked = check(document);
        // One import is one conversation: its commands share a correlation id, and so their events a trace id. Derived
        // from the commands, as every id of an import is from the document: the same plan again gets the same answer.
        String correlationId = UUID.nameUUIDFromBytes(("plan-import:" + checked.planned).getBytes(StandardCharsets.UTF_8)).toString();
        MetaData conversation = MetaData.with(CORRELATION_ID, correlationId).and(TRACE_ID, correlationId);
        checked.planned.forEach(command -> commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(conversation)));
        List<ImportedObjective> imported = checked.objectives.stream()
                .map(o -> new ImportedObjective(o.objectiveId(), o.code(), count(o.measures()))).toList();
        return new Result(document.organisation().code(), document.year(), imported, checked.planned.size(), correlationId);
    }

    public Preview preview(PlanDocument document) {
        Checked checked = check(document);
        return new Preview(document.organisation().code(), document.year(), decision(document.decision()), checked.objectives,
                checked.planned.size(), checked.changes, checked.directory);
    }

    private static int count(List<PreviewMeasure> measures) {
        return measures.stream().mapToInt(m -> 1 + count(m.subMeasures())).sum();
    }

    private record Checked(List<Object> planned, List<PreviewObjective> objectives, int changes, String directory) {
    }

    /** Every check of the document; the commands and the preview when it passes, else every error at once. */
    private Checked check(PlanDocument document) {
        Actor actor = actors.get().orElse(null);
        if (document.organisation() != null && document.organisation().code() != null) {
            Acting.requireOrganisation(actor, document.organisation().code());
        }
        AccessPolicy.requirePlanner(Acting.requireActor(actor));

        Errors errors = new Errors();
        DataBinder binder = new DataBinder(document, "document");
        binder.initDirectFieldAccess();
        binder.setValidator(validator);
        binder.validate();
        for (FieldError error : binder.getBindingResult().getFieldErrors()) {
            errors.add(error.getField(), String.valueOf(error.getCode()), String.valueOf(error.getDefaultMessage()));
        }

        List<Object> planned = new ArrayList<>();
        List<PreviewObjective> previews = new ArrayList<>();
        int changes = 0;
        // The names first: every later command's units then have their names when the read side meets them.
        RecordOrganisationDirectoryCommand directory = directory(document, errors);
        String directoryStatus = null;
        if (directory != null) {
            boolean recorded = recordedIn(directories, directory.directoryId().value(), d -> d.records(directory)).orElse(false);
            directoryStatus = recorded ? "RECORDED" : "NEW";
            changes += recorded ? 0 : 1;
            planned.add(directory);
        }
        Decision decision = decision(document.decision());
        String organisationId = document.organisation() == null ? null : document.organisation().code();
        Integer year = document.year();
        List<PlanDocument.ObjectiveEntry> entries = document.objectives() == null ? List.of() : document.objectives();
        Map<String, String> objectiveCodes = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            PlanDocument.ObjectiveEntry entry = entries.get(i);
            String path = "objectives[" + i + "]";
            if (entry == null) {
                continue;
            }
            if (entry.code() != null) {
                String first = objectiveCodes.putIfAbsent(entry.code(), path);
                if (first != null) {
                    errors.add(path + ".code", "DUPLICATE_CODE", "Objective code " + entry.code() + " is also that of " + first);
                }
            }
            if (entry.target() != null) {
                check(() -> TargetPolicy.requireValid(entry.target(), path + ".target"), errors);
            }
            ObjectiveId objectiveId = organisationId == null || entry.code() == null ? null
                    : id(() -> new ObjectiveId(organisationId + "." + entry.code()));
            List<Object> objectiveCommands = new ArrayList<>();
            DefineObjectiveCommand define = objectiveId == null || year == null ? null
                    : new DefineObjectiveCommand(objectiveId, organisationId, year, entry.code(), entry.statement(), entry.target());
            if (define != null) {
                objectiveCommands.add(define);
            }
            List<PlanMeasureCommand> plans = new ArrayList<>();
            Map<String, String> measureCodes = new HashMap<>();
            List<PreviewMeasure> measures = new ArrayList<>();
            List<PlanDocument.MeasureEntry> measureEntries = entry.measures() == null ? List.of() : entry.measures();
            for (int j = 0; j < measureEntries.size(); j++) {
                PreviewMeasure measure = measure(objectiveId, null, measureEntries.get(j), path + ".measures[" + j + "]", year,
                        measureCodes, plans, errors);
                if (measure != null) {
                    measures.add(measure);
                }
            }
            objectiveCommands.addAll(plans);
            PublishObjectiveCommand publish = objectiveId == null || decision == null ? null : new PublishObjectiveCommand(objectiveId, decision);
            if (publish != null) {
                objectiveCommands.add(publish);
            }

            // What is recorded already: an id taken by other content, a closed year or another decision are refused.
            Map<Object, Standing> standings = new HashMap<>();
            Optional<Boolean> closed = objectiveId == null ? Optional.empty() : recorded(objectiveId, objective -> {
                for (Object command : objectiveCommands) {
                    if (command instanceof DefineObjectiveCommand c) {
                        standings.put(command, objective.standingOf(c));
                    } else if (command instanceof PlanMeasureCommand c) {
                        standings.put(command, objective.standingOf(c));
                    } else if (command instanceof PublishObjectiveCommand c) {
                        standings.put(command, objective.standingOf(c));
                    }
                }
                return objective.isClosed();
            });
            if (closed.orElse(false)) {
                errors.add(path, "OBJECTIVE_CLOSED", "Objective " + objectiveId + " is closed; its plan cannot change");
            }
            if (define != null && standings.get(define) == Standing.DIFFERENT) {
                errors.add(path, "OBJECTIVE_EXISTS", "Objective " + objectiveId + " is already defined with a different statement or target");
            }
            if (publish != null && standings.get(publish) == Standing.DIFFERENT) {
                errors.add(path, "OBJECTIVE_ALREADY_PUBLISHED", "Objective " + objectiveId + " is already published under another decision");
            }
            for (PlanMeasureCommand plan : plans) {
                if (standings.get(plan) == Standing.DIFFERENT) {
                    errors.add(pathOf(measures, plan.measureId().value()), "MEASURE_EXISTS",
                            "Measure " + plan.measureId() + " of objective " + objectiveId + " is already planned with different content");
                }
            }
            changes += (int) objectiveCommands.stream().filter(c -> standings.getOrDefault(c, Standing.NEW) == Standing.NEW).count();
            planned.addAll(objectiveCommands);
            String publication = publish == null ? "DRAFT" : standings.getOrDefault(publish, Standing.NEW) == Standing.NEW ? "TO_PUBLISH" : "PUBLISHED";
            List<PreviewMeasure> withStatus = measures.stream().map(m -> withStatus(m, plans, standings)).toList();
            previews.add(new PreviewObjective(path, objectiveId == null ? null : objectiveId.value(), entry.code(), entry.statement(),
                    entry.target(), define == null ? null : standings.getOrDefault(define, Standing.NEW).name(), publication, withStatus));
        }
        if (errors.any()) {
            throw new PlanRefused(errors.sorted().stream().map(error -> error.locatedIn(document)).toList());
        }
        return new Checked(planned, previews, changes, directoryStatus);
    }

    /**
     * The directory the document's names make, when it names its organisation ({@code organisation.name}): the
     * organisation's name, its parent's and the units that have a name (a unit listed by code alone names nothing).
     * The directory's rules are checked here, each error at the document's path, so that nothing is sent while a name
     * breaks one.
     */
    private static RecordOrganisationDirectoryCommand directory(PlanDocument document, Errors errors) {
        PlanDocument.Organisation organisation = document.organisation();
        if (organisation == null || organisation.name() == null || organisation.name().isBlank()
                || !Ids.isValid(organisation.code())) {
            return null;
        }
        List<DirectoryUnit> units = new ArrayList<>();
        List<Integer> documentIndex = new ArrayList<>();
        List<PlanDocument.Unit> listed = document.units() == null ? List.of() : document.units();
        for (int i = 0; i < listed.size(); i++) {
            PlanDocument.Unit unit = listed.get(i);
            if (unit != null && unit.name() != null && !unit.name().isBlank()) {
                units.add(new DirectoryUnit(unit.code(), unit.name(), unit.kind()));
                documentIndex.add(i);
            }
        }
        RecordOrganisationDirectoryCommand command = RecordOrganisationDirectoryCommand.of(organisation.code(), organisation.name(),
                organisation.parent(), units);
        for (CommandExecutionException violation : DirectoryPolicy.violations(command)) {
            CommandErrorDetails details = (CommandErrorDetails) violation.getDetails().orElseThrow();
            errors.add(documentPath(details.field(), documentIndex), details.code(), violation.getMessage());
        }
        return command;
    }

    /** A directory field as the document's path: {@code units[1].name} of the directory is the document's unit it came from. */
    private static String documentPath(String field, List<Integer> documentIndex) {
        Matcher unit = DIRECTORY_UNIT.matcher(field);
        if (unit.find()) {
            return "units[" + documentIndex.get(Integer.parseInt(unit.group(1))) + "]" + field.substring(unit.end());
        }
        return switch (field) {
            case "name" -> "organisation.name";
            case "parentName" -> "organisation.parent";
            default -> "organisation.code";
        };
    }

    private PreviewMeasure measure(ObjectiveId objectiveId, MeasureId parent, PlanDocument.MeasureEntry entry, String path, Integer year,
                                   Map<String, String> codes, List<PlanMeasureCommand> plans, Errors errors) {
        if (entry == null) {
            return null;
        }
        if (entry.code() != null) {
            String first = codes.putIfAbsent(entry.code(), path);
            if (first != null) {
                errors.add(path + ".code", "DUPLICATE_CODE", "Measure code " + entry.code() + " is also that of " + first);
            }
        }
        MeasureId measureId = entry.code() == null ? null : id(() -> new MeasureId(entry.code()));
        List<LocalDate> dueDates = List.of();
        Schedule schedule = entry.schedule();
        boolean adHoc = false;
        if (schedule != null && schedule.rules() != null && schedule.rules().stream().noneMatch(java.util.Objects::isNull) && measureId != null && year != null) {
            adHoc = schedule.rules().stream().anyMatch(rule -> rule.kind() == ScheduleRule.Kind.AD_HOC);
            dueDates = refusal(() -> ScheduleExpansion.occurrences(measureId, schedule, year), errors,
                    field -> SCHEDULE_FIELD.matcher(field).replaceFirst(Matcher.quoteReplacement(path + ".schedule")))
                    .map(occurrences -> occurrences.stream().map(ScheduledOccurrence::dueDate).toList()).orElse(List.of());
        }
        if (objectiveId != null && measureId != null) {
            MeasureDetails details = new MeasureDetails(entry.code(), entry.title(), entry.lead(), entry.coordinating(),
                    entry.monitoredBy(), entry.evidence(), schedule);
            plans.add(new PlanMeasureCommand(objectiveId, measureId, parent, details));
        }
        List<PreviewMeasure> subMeasures = new ArrayList<>();
        if (entry.subMeasures() != null) {
            for (int k = 0; k < entry.subMeasures().size(); k++) {
                String subPath = path + ".subMeasures[" + k + "]";
                PlanDocument.MeasureEntry sub = entry.subMeasures().get(k);
                if (parent != null) {
                    errors.add(subPath, "SUB_MEASURE_TOO_DEEP", "A sub-measure cannot have sub-measures");
                    continue;
                }
                PreviewMeasure child = measure(objectiveId, measureId, sub, subPath, year, codes, plans, errors);
                if (child != null) {
                    subMeasures.add(child);
                }
            }
        }
        return new PreviewMeasure(path, measureId == null ? null : measureId.value(), entry.code(), entry.title(), entry.lead(),
                entry.coordinating() == null ? List.of() : entry.coordinating(), entry.monitoredBy(),
                entry.evidence() == null ? List.of() : entry.evidence(), schedule == null ? null : schedule.text(), dueDates, adHoc,
                null, subMeasures);
    }

    private static PreviewMeasure withStatus(PreviewMeasure measure, List<PlanMeasureCommand> plans, Map<Object, Standing> standings) {
        String status = plans.stream().filter(p -> p.measureId().value().equals(measure.measureId())).findFirst()
                .map(p -> standings.getOrDefault(p, Standing.NEW).name()).orElse(null);
        List<PreviewMeasure> subs = measure.subMeasures().stream().map(s -> withStatus(s, plans, standings)).toList();
        return new PreviewMeasure(measure.path(), measure.measureId(), measure.code(), measure.title(), measure.lead(), measure.coordinating(),
                measure.monitors(), measure.evidence(), measure.scheduleText(), measure.dueDates(), measure.adHoc(), status, subs);
    }

    private static String pathOf(List<PreviewMeasure> measures, String measureId) {
        for (PreviewMeasure measure : measures) {
            if (measureId.equals(measure.measureId())) {
                return measure.path();
            }
            String sub = pathOf(measure.subMeasures(), measureId);
            if (sub != null) {
                return sub;
            }
        }
        return null;
    }

    /** What the objective's stream records, read through the aggregate itself; empty when there is no such objective. */
    private <R> Optional<R> recorded(ObjectiveId objectiveId, Function<Objective, R> read) {
        return recordedIn(objectives, objectiveId.value(), read);
    }

    /** What a stream records, read through its aggregate; empty when there is no such stream. */
    private static <A, R> Optional<R> recordedIn(Repository<A> repository, String id, Function<A, R> read) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return Optional.ofNullable(repository.load(id).invoke(read));
        } catch (AggregateNotFoundException notYet) {
            return Optional.empty();
        } finally {
            unitOfWork.rollback();
        }
    }

    /** A typed id from a code the shape check already judged; null when it is not one (that error is reported already). */
    private static <T> T id(java.util.function.Supplier<T> id) {
        try {
            return id.get();
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /** Runs a rule of the aggregate on part of the document; its refusal becomes an error at the document's path. */
    private static <T> Optional<T> refusal(java.util.function.Supplier<T> rule, Errors errors, Function<String, String> path) {
        try {
            return Optional.ofNullable(rule.get());
        } catch (CommandExecutionException refused) {
            CommandErrorDetails details = refused.getDetails().filter(CommandErrorDetails.class::isInstance)
                    .map(CommandErrorDetails.class::cast).orElseThrow(() -> refused);
            errors.add(details.field() == null ? "" : path.apply(details.field()), details.code(), refused.getMessage());
            return Optional.empty();
        }
    }

    private static void check(Runnable rule, Errors errors) {
        refusal(() -> {
            rule.run();
            return Boolean.TRUE;
        }, errors, Function.identity());
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

    /** The errors found, one per field (the shape check's first, then the rules'), in document order. */
    private static final class Errors {
        private final Map<String, PlanError> byField = new LinkedHashMap<>();

        void add(String field, String rule, String message) {
            byField.putIfAbsent(field, new PlanError(field, rule, message));
        }

        boolean any() {
            return !byField.isEmpty();
        }

        List<PlanError> sorted() {
            return byField.values().stream().sorted(Comparator.comparing(PlanError::field, PlanImport::documentOrder)).toList();
        }
    }

    /** Paths in document order: {@code objectives[2]} before {@code objectives[10]}. */
    static int documentOrder(String a, String b) {
        Matcher left = Pattern.compile("\\d+|\\D+").matcher(a);
        Matcher right = Pattern.compile("\\d+|\\D+").matcher(b);
        while (left.find() && right.find()) {
            String x = left.group();
            String y = right.group();
            int order = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))
                    ? Long.compare(Long.parseLong(x), Long.parseLong(y)) : x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
