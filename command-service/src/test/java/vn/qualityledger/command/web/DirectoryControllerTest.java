package vn.qualityledger.command.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.qualityledger.api.common.CommandErrorDetails;
import vn.qualityledger.api.common.CommandErrorDetails.Kind;
import vn.qualityledger.api.directory.DirectoryUnit;
import vn.qualityledger.api.directory.RecordOrganisationDirectoryCommand;

/** How the directory is mapped from HTTP, and refusals back to RFC 9457 problems. */
@WebMvcTest(DirectoryController.class)
@AutoConfigureMockMvc(addFilters = false) // who may record it is the aggregate's (OrganisationDirectoryTest)
class DirectoryControllerTest {

    private static final String PATH = "/api/organisations/SLDTBXH-HD/directory";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    CommandGateway commands;

    @Test
    void recordsTheWholeDirectoryInTheOrganisationsStreamAndAnswers202WithItsId() throws Exception {
        mvc.perform(put(PATH).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương",
                         "units": [{"code": "VP", "name": "Văn phòng Sở", "kind": "OFFICE"}, {"code": "P-KHTC", "name": "Phòng Kế hoạch – Tài chính"}]}"""))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.id").value("directory-SLDTBXH-HD"));
        verify(commands).sendAndWait(RecordOrganisationDirectoryCommand.of("SLDTBXH-HD", "Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương",
                null, List.of(new DirectoryUnit("VP", "Văn phòng Sở", "OFFICE"), new DirectoryUnit("P-KHTC", "Phòng Kế hoạch – Tài chính", null))));
    }

    @Test
    void aDirectoryWithoutUnitsRecordsNone() throws Exception {
        mvc.perform(put(PATH).contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Sở Y tế\", \"parentName\": \"UBND tỉnh\"}"))
                .andExpect(status().isAccepted());
        verify(commands).sendAndWait(RecordOrganisationDirectoryCommand.of("SLDTBXH-HD", "Sở Y tế", "UBND tỉnh", List.of()));
    }

    @Test
    void refusesAMissingNameAndAUnitWithoutCodeNamingTheFieldsAndSendsNothing() throws Exception {
        mvc.perform(put(PATH).contentType(MediaType.APPLICATION_JSON).content("{\"units\": [{\"name\": \"Văn phòng Sở\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].rule").value("NotBlank"))
                .andExpect(jsonPath("$.errors[?(@.field == 'units[0].code')].rule").value("NotBlank"));
        verifyNoInteractions(commands);
    }

    @Test
    void refusesAnOrganisationCodeThatIsNoIdAndSendsNothing() throws Exception {
        mvc.perform(put("/api/organisations/" + "S".repeat(51) + "/directory").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Sở\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("INVALID_CODE"))
                .andExpect(jsonPath("$.field").value("organisationId"));
        verifyNoInteractions(commands);
    }

    @Test
    void answersTheAggregatesRefusalAsAProblemWithItsField() throws Exception {
        when(commands.sendAndWait(any())).thenThrow(new CommandExecutionException("twice", null,
                new CommandErrorDetails(Kind.RULE_BROKEN, "DUPLICATE_CODE", "units[1].code")));
        mvc.perform(put(PATH).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Sở", "units": [{"code": "VP", "name": "Văn phòng"}, {"code": "VP", "name": "Văn phòng Sở"}]}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("DUPLICATE_CODE"))
                .andExpect(jsonPath("$.field").value("units[1].code"));
    }

    @Test
    void aPostIsNotTheDirectorysMethod() throws Exception {
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Sở\"}"))
                .andExpect(status().isMethodNotAllowed());
        verifyNoInteractions(commands);
    }
}
