package vn.qualityledger.support.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import vn.qualityledger.support.web.Problems;

/**
 * What every operation of both services shares, written into their OpenAPI documents: a title naming the service, the
 * ways to sign in (HTTP Basic, a bearer API token or OIDC access token, and the OIDC issuer when one is configured),
 * the one problem format (RFC 9457, with {@code code} and {@code errors[{field, rule, message}]}) as the body of every
 * 4xx the operation can answer, and a summary for every operation (the first sentence of its Javadoc, which springdoc
 * reads at run time through therapi's scribe, else its name in words).
 */
final class ApiDescription implements GlobalOpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String PROBLEM_ERROR = "ProblemError";
    static final String BASIC = "basic";
    static final String BEARER = "bearer";
    static final String OIDC = "oidc";

    private final String service;
    private final String description;
    private final String issuer;

    /**
     * @param service     the application's name ({@code command-service})
     * @param description what the service is for, in a sentence
     * @param issuer      the OIDC issuer's URI, or blank when the services check passwords and API tokens themselves
     */
    ApiDescription(String service, String description, String issuer) {
        this.service = service;
        this.description = description;
        this.issuer = issuer == null || issuer.isBlank() ? null : issuer.replaceAll("/+$", "");
    }

    @Override
    public void customise(OpenAPI api) {
        api.info(new Info().title("Quality Ledger " + service).version(api.getInfo() == null ? "1" : api.getInfo().getVersion())
                .description(description));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.components(components);
        components.addSchemas(PROBLEM_ERROR, new ObjectSchema()
                .description("One broken rule: the field (a request path, a query parameter or a document path), the rule, in words")
                .addProperty("field", new StringSchema().example("dueDate"))
                .addProperty("rule", new StringSchema().example("NotNull"))
                .addProperty("message", new StringSchema().example("must not be null")));
        components.addSchemas(PROBLEM, new ObjectSchema()
                .description("RFC 9457 problem details; title and detail follow Accept-Language (vi, en), code never changes")
                .addProperty("type", new StringSchema().format("uri").example(Problems.TYPE_BASE + "invalid-request"))
                .addProperty("title", new StringSchema().example("Bad Request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema())
                .addProperty("code", new StringSchema().example("INVALID_REQUEST"))
                .addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + PROBLEM_ERROR))));
        components.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A user of quality-ledger.users (the quick start's accounts); checked once, then cached briefly"));
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API token issued by an administrator (POST /api/admin/tokens on command-service), or an OIDC access token (JWT)"));
        List<SecurityRequirement> requirements = new java.util.ArrayList<>(List.of(
                new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
        if (issuer != null) {
            components.addSecuritySchemes(OIDC, new SecurityScheme().type(SecurityScheme.Type.OPENIDCONNECT)
                    .openIdConnectUrl(issuer + "/.well-known/openid-configuration")
                    .description("The Department's OpenID Connect issuer"));
            requirements.add(new SecurityRequirement().addList(OIDC));
        }
        api.security(requirements);
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> describe(path, method, operation)));
    }

    private void describe(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getSummary() == null || operation.getSummary().isBlank()) {
            operation.setSummary(summaryOf(operation));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        Map<String, String> problems = new LinkedHashMap<>();
        if (takesInput) {
            problems.put("400", "The request breaks a rule: code and errors[] name the field and the rule; nothing was stored");
        }
        problems.put("401", "Not signed in (UNAUTHENTICATED)");
        problems.put("403", "Signed in, but the role or organisation may not do this (FORBIDDEN)");
        if (path.contains("{")) {
            problems.put("404", "No such resource (NOT_FOUND)");
        }
        if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD) {
            problems.put("409", "Refused by the current state, or a concurrent change (a rule's code)");
        }
        problems.forEach((status, text) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, new ApiResponse().description(text).content(new Content()
                        .addMediaType(Problems.MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
            }
        });
    }

    /** The first sentence of the operation's description (its Javadoc), else its operation id in words. */
    static String summaryOf(Operation operation) {
        String text = operation.getDescription();
        if (text != null && !text.isBlank()) {
            String plain = text.replaceAll("<[^>]+>", "").replaceAll("\\{@\\w+\\s+([^}]*)}", "$1").replaceAll("\\s+", " ").strip();
            int end = plain.indexOf(". ");
            String sentence = end < 0 ? plain : plain.substring(0, end + 1);
            return sentence.length() <= 160 ? sentence : sentence.substring(0, 157) + "…";
        }
        String id = operation.getOperationId() == null ? "" : operation.getOperationId().replaceAll("_\\d+$", "");
        String words = id.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return words.isEmpty() ? null : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
