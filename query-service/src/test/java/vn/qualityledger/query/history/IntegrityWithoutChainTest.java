package vn.qualityledger.query.history;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import vn.qualityledger.query.web.ReadAccess;

/**
 * Where no chain is written (Axon Server mode: service-support's tamper evidence is off, so there is no verifier),
 * /integrity says the stream cannot be verified here, never "verified" over nothing.
 */
@WebMvcTest(HistoryController.class)
@AutoConfigureMockMvc(addFilters = false) // who may read what: QueryServiceWiringIntegrationTest
class IntegrityWithoutChainTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    StreamHistory history;
    @MockitoBean
    ReadAccess access;

    @Test
    void anExistingStreamIsNotVerifiableWithoutTheChain() throws Exception {
        for (String kind : new String[] {"objectives", "audits", "nonconformities"}) {
            mvc.perform(get("/api/" + kind + "/SLDTBXH-HD.MTCL-2023-01/integrity"))
                    .andExpect(status().isNotImplemented())
                    .andExpect(jsonPath("$.code").value("INTEGRITY_NOT_VERIFIABLE"))
                    .andExpect(jsonPath("$.verified").doesNotExist());
        }
    }
}
