package vn.qualityledger.command.web;

import static vn.qualityledger.command.web.CommandAccepted.accepted;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.qualityledger.api.common.Ids;
import vn.qualityledger.api.directory.DirectoryUnit;
import vn.qualityledger.api.directory.RecordOrganisationDirectoryCommand;
import vn.qualityledger.command.common.Refusal;

/**
 * Records the names an organisation is known by, the whole directory at once (PUT: the body replaces the names recorded
 * before). 202 with the directory's id once the event is stored; the same body again stores nothing. The plan import
 * records the same directory from a plan document's names.
 */
@RestController
class DirectoryController {

    /** The directory: the organisation's name, its parent body's (optional) and its units with their names. */
    record RecordOrganisationDirectory(@NotBlank @Size(max = 300) String name,
                                       @Size(max = 300) String parentName,
                                       @Size(max = 500) List<@Valid DirectoryUnit> units) {
    }

    private final CommandGateway commands;

    DirectoryController(CommandGateway commands) {
        this.commands = commands;
    }

    @PutMapping("/api/organisations/{organisationId}/directory")
    ResponseEntity<CommandAccepted> record(@PathVariable String organisationId, @Valid @RequestBody RecordOrganisationDirectory request) {
        if (!Ids.isValid(organisationId) || organisationId.length() > 50) {
            throw Refusal.ruleBroken("INVALID_CODE", "organisationId",
                    "The organisation's code must match " + Ids.PATTERN + " and have at most 50 characters");
        }
        RecordOrganisationDirectoryCommand command = RecordOrganisationDirectoryCommand.of(organisationId, request.name(),
                request.parentName(), request.units() == null ? List.of() : request.units());
        commands.sendAndWait(command);
        return accepted(command.directoryId().value());
    }
}
