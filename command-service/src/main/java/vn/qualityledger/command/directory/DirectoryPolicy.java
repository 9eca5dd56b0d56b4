package vn.qualityledger.command.directory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Ids;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.api.directory.DirectoryUnit;
import vn.qualityledger.api.directory.OrganisationDirectoryId;
import vn.qualityledger.api.directory.OrganisationDirectoryRecordedEvent;
import vn.qualityledger.api.directory.RecordOrganisationDirectoryCommand;
import vn.qualityledger.command.common.Refusal;

/**
 * Who records an organisation's directory and what a directory must hold. The plan import runs {@link #violations}
 * on the document's names before it sends anything, so that a document whose names break a rule stores nothing.
 */
public final class DirectoryPolicy {

    /** As the plan's codes: the organisation's is an id of at most 50 characters, a unit's at most 50 characters. */
    static final int CODE_LENGTH = 50;
    static final int NAME_LENGTH = 300;

    private DirectoryPolicy() {
    }

    /** The names come with the plan: those who import it (the ISO secretary, the QMR, an administrator) record them. */
    static void requireKeeper(Actor actor) {
        if (!actor.hasAny(Role.ADMIN, Role.ISO_SECRETARY, Role.QMR)) {
            throw Refusal.forbidden("PLANNERS_ONLY", "Only the ISO secretary, the QMR or an administrator records the organisation's names");
        }
    }

    static void requireValid(RecordOrganisationDirectoryCommand command) {
        List<CommandExecutionException> violations = violations(command);
        if (!violations.isEmpty()) {
            throw violations.get(0);
        }
    }

    /**
     * Every rule the command breaks, in field order, each a refusal naming its field ({@code units[2].name}): the
     * directory is the organisation's own stream; the organisation's code is an id of at most 50 characters; names are
     * given (not blank), at most 300 characters and in Unicode NFC, so that one name typed two ways is one name; a
     * unit's code is given, at most 50 characters, and appears once.
     */
    public static List<CommandExecutionException> violations(RecordOrganisationDirectoryCommand command) {
        List<CommandExecutionException> violations = new ArrayList<>();
        String organisationId = command.organisationId();
        if (!Ids.isValid(organisationId) || organisationId.length() > CODE_LENGTH) {
            violations.add(Refusal.ruleBroken("INVALID_CODE", "organisationId",
                    "The organisation's code must match " + Ids.PATTERN + " and have at most " + CODE_LENGTH + " characters"));
        } else if (!OrganisationDirectoryId.forOrganisation(organisationId).equals(command.directoryId())) {
            violations.add(Refusal.ruleBroken("NOT_THE_ORGANISATIONS_DIRECTORY", "directoryId",
                    "An organisation's names are recorded in its own directory " + OrganisationDirectoryId.forOrganisation(organisationId)));
        }
        name(command.name(), "name", true, violations);
        name(command.parentName(), "parentName", false, violations);
        List<DirectoryUnit> units = command.units() == null ? List.of() : command.units();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            String path = "units[" + i + "]";
            DirectoryUnit unit = units.get(i);
            if (unit == null) {
                violations.add(Refusal.ruleBroken("NotNull", path, "must not be null"));
                continue;
            }
            if (blank(unit.code())) {
                violations.add(Refusal.ruleBroken("NotBlank", path + ".code", "A unit's code must not be blank"));
            } else if (unit.code().length() > CODE_LENGTH) {
                violations.add(Refusal.ruleBroken("Size", path + ".code", "A unit's code has at most " + CODE_LENGTH + " characters"));
            } else {
                Integer first = seen.putIfAbsent(unit.code(), i);
                if (first != null) {
                    violations.add(Refusal.ruleBroken("DUPLICATE_CODE", path + ".code",
                            "Unit " + unit.code() + " is also units[" + first + "]: each unit once"));
                }
            }
            name(unit.name(), path + ".name", true, violations);
            if (unit.kind() != null && unit.kind().length() > CODE_LENGTH) {
                violations.add(Refusal.ruleBroken("Size", path + ".kind", "A unit's kind has at most " + CODE_LENGTH + " characters"));
            }
        }
        return violations;
    }

    /** What the command records: a blank parent is none, and no units is an empty list. */
    static OrganisationDirectoryRecordedEvent recorded(RecordOrganisationDirectoryCommand command) {
        return new OrganisationDirectoryRecordedEvent(command.directoryId(), command.organisationId(), command.name(),
                blank(command.parentName()) ? null : command.parentName(),
                command.units() == null ? List.of() : List.copyOf(command.units()));
    }

    private static void name(String name, String field, boolean required, List<CommandExecutionException> violations) {
        if (blank(name)) {
            if (required) {
                violations.add(Refusal.ruleBroken("NotBlank", field, "A name must not be blank"));
            }
        } else if (name.length() > NAME_LENGTH) {
            violations.add(Refusal.ruleBroken("Size", field, "A name has at most " + NAME_LENGTH + " characters"));
        } else if (!Normalizer.isNormalized(name, Normalizer.Form.NFC) || !name.strip().equals(name)) {
            violations.add(Refusal.ruleBroken("NOT_NFC", field, "A name is kept in Unicode NFC without leading or trailing spaces"));
        }
    }

    /** Blank as the requests judge it: nothing but spaces of any kind, no-break spaces included. */
    private static boolean blank(String text) {
        return text == null || text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }
}
