package vn.qualityledger.support.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

/** A handler binds its path variables in NFC, whichever form the client sent. */
class NormalisedPathVariablesTest {

    @Test
    void composesPathVariablesButLeavesTheirSpacesAsTheyAre() {
        String nfc = "Văn phòng Sở";
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(nfc);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/organisations/org/years/2024/units/x");
        request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("organisationId", "org", "unit", nfd + " "));

        assertThat(new NormalisedPathVariables().preHandle(request, new MockHttpServletResponse(), new Object())).isTrue();

        assertThat(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE))
                .isEqualTo(Map.of("organisationId", "org", "unit", nfc + " "));
    }
}
