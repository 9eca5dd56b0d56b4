package vn.qualityledger.command.plan;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;

import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.qualityledger.api.common.Actor;
import vn.qualityledger.api.common.Role;
import vn.qualityledger.command.directory.OrganisationDirectory;
import vn.qualityledger.command.objective.Objective;
import vn.qualityledger.support.security.CurrentActor;

/**
 * What the slice tests of {@link PlanImportController} share (JSON documents and workbooks): the ISO secretary signed in,
 * an event store with no objective and no directory yet, and the gateway the import would send its commands to.
 */
abstract class PlanImportSlice {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;
    @MockitoBean
    Repository<Objective> objectives;
    @MockitoBean
    Repository<OrganisationDirectory> directories;
    @MockitoBean
    CurrentActor actors;

    @BeforeEach
    void secretaryAndAnEmptyStore() {
        given(actors.get()).willReturn(Optional.of(new Actor("thuky", "Nguyễn Thị Thư", List.of(Role.ISO_SECRETARY), "SLDTBXH-HD", "TK-ISO")));
        given(objectives.load(anyString())).willAnswer(invocation -> {
            throw new AggregateNotFoundException(invocation.getArgument(0), "no such objective");
        });
        given(directories.load(anyString())).willAnswer(invocation -> {
            throw new AggregateNotFoundException(invocation.getArgument(0), "no directory yet");
        });
    }
}
