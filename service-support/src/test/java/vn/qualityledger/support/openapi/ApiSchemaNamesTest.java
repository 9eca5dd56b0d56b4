package vn.qualityledger.support.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class ApiSchemaNamesTest {

    static class Reports {
        record Verification(String reportId, boolean verified) {
        }

        Verification verify() {
            return null;
        }
    }

    static class Reviews {
        record Verification(String reviewId, boolean verified) {
        }

        record Minutes(String reviewId, List<Verification> verifications) {
        }

        Minutes issue(@RequestBody Minutes minutes) {
            return minutes;
        }
    }

    static class NamedReviews {
        @Schema(name = "MinutesVerification")
        record Verification(String reviewId, boolean verified) {
        }

        Verification verify() {
            return null;
        }
    }

    private static RequestMappingHandlerMapping handlers(Object... controllers) {
        RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
        int path = 0;
        for (Object controller : controllers) {
            String method = controller instanceof Reviews ? "issue" : "verify";
            mapping.registerMapping(RequestMappingInfo.paths("/" + path++).build(), controller, findMethod(controller, method));
        }
        return mapping;
    }

    private static Method findMethod(Object controller, String name) {
        for (Method method : controller.getClass().getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        throw new IllegalArgumentException(name);
    }

    @Test
    void findsTwoRecordsPublishedUnderOneNameAlsoWhenOneIsNestedInABody() {
        assertThat(ApiSchemaNames.collisions(handlers(new Reports(), new Reviews()))).containsOnlyKeys("Verification")
                .containsEntry("Verification", Set.of(Reports.Verification.class.getName(), Reviews.Verification.class.getName()));
    }

    @Test
    void acceptsARecordRenamedForTheDocument() {
        assertThat(ApiSchemaNames.collisions(handlers(new Reports(), new NamedReviews()))).isEmpty();
    }
}
