package vn.qualityledger.web.plan;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.qualityledger.web.OfferedActions;
import vn.qualityledger.web.Pages;
import vn.qualityledger.web.ProblemMessages;
import vn.qualityledger.web.QualityLedgerClient;
import vn.qualityledger.web.Reads;
import vn.qualityledger.web.ServiceProblem;
import vn.qualityledger.web.SignedInUser;

/**
 * Nhập kế hoạch: the secretary uploads a plan document (the JSON of {@code data/mtcl-2023.json}); command-service's
 * preview ({@code POST /api/plans/preview}) answers what an import would store — or every error, each with its path
 * in the document, which this page names by the objective's and measure's codes read from the uploaded document —
 * and nothing is stored until she presses "Nhập" ({@code POST /api/plans} with the same document). A plan workbook
 * (XLSX, the layout of command-service's template, offered for download here) is sent as a workbook; its errors name
 * their cells ({@code Sheet "Kế hoạch"!E7}), which the page shows as they are.
 */
@Controller
class PlanImportController {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern OBJECTIVE = Pattern.compile("^objectives\\[(\\d+)]");
    static final String XLSX = "xlsx";
    /** A workbook's cell as command-service names it: {@code Sheet "Kế hoạch"!E7}. */
    private static final Pattern CELL = Pattern.compile("^Sheet \"(.+)\"!([A-Z]+\\d+)$");
    private static final String JSON_FORMAT = "json";
    private static final Pattern MEASURE = Pattern.compile("^\\.(measures|subMeasures)\\[(\\d+)]");

    private final QualityLedgerClient client;
    private final Reads reads;
    private final ProblemMessages problems;

    PlanImportController(QualityLedgerClient client, Reads reads, ProblemMessages problems) {
        this.client = client;
        this.reads = reads;
        this.problems = problems;
    }

    /** One error of the document as the page shows it: which objective and measure, which field, what is wrong. */
    record DocumentError(String objective, String measure, String field, String path, String message) {
    }

    @GetMapping("/plans/import")
    String page(Model model) {
        requirePlanner();
        return "plan-import";
    }

    @PostMapping("/plans/import/preview")
    String preview(@RequestParam(name = "document", required = false) MultipartFile file, HttpServletResponse response, Model model)
            throws IOException {
        SignedInUser user = requirePlanner();
        if (file == null || file.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("fileError", problems.text("plan.import.noFile"));
            return "plan-import";
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        boolean workbook = isWorkbook(file.getOriginalFilename(), file.getBytes());
        // A workbook goes back with the import form as Base64 text; a JSON document as it was uploaded.
        String document = workbook ? Base64.getEncoder().encodeToString(file.getBytes()) : new String(file.getBytes(), StandardCharsets.UTF_8);
        try {
            Map<String, Object> preview = workbook ? client.commandWorkbook(user, "/api/plans/preview", file.getBytes())
                    : client.command(user, "/api/plans/preview", document);
            model.addAttribute("preview", preview);
            model.addAttribute("objectives", Reads.list(preview.get("objectives")));
            model.addAttribute("document", document);
            model.addAttribute("format", workbook ? XLSX : JSON_FORMAT);
            return "plan-import";
        } catch (ServiceProblem refused) {
            return refused(refused, workbook ? null : document, response, model);
        }
    }

    /** The workbook to fill in, as command-service writes it ({@code GET /api/plans/template.xlsx}). */
    @GetMapping("/plans/import/template.xlsx")
    ResponseEntity<byte[]> template() {
        QualityLedgerClient.ServiceFile template = client.commandFile(requirePlanner(), "/api/plans/template.xlsx");
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, template.contentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, template.contentDisposition()).body(template.content());
    }

    /** An XLSX workbook by its name, or by the zip signature its bytes begin with (a JSON document begins otherwise). */
    static boolean isWorkbook(String name, byte[] content) {
        boolean zip = content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
        return zip || name != null && name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
    }

    @PostMapping("/plans/import")
    String importPlan(@RequestParam(name = "document", required = false) String document,
                      @RequestParam(name = "format", required = false) String format, HttpServletResponse response,
                      RedirectAttributes redirect, Model model) {
        SignedInUser user = requirePlanner();
        if (document == null || document.isBlank()) {
            response.setStatus(400);
            model.addAttribute("fileError", problems.text("plan.import.noFile"));
            return "plan-import";
        }
        Map<String, Object> result;
        boolean workbook = XLSX.equals(format);
        try {
            result = workbook ? client.commandWorkbook(user, "/api/plans", Base64.getMimeDecoder().decode(document))
                    : client.command(user, "/api/plans", document);
        } catch (IllegalArgumentException notBase64) {
            response.setStatus(400);
            model.addAttribute("fileError", problems.text("plan.import.noFile"));
            return "plan-import";
        } catch (ServiceProblem refused) {
            return refused(refused, workbook ? null : document, response, model);
        }
        String organisation = Reads.text(result.get("organisationId"));
        Object year = result.get("year");
        List<Map<String, Object>> imported = Reads.list(result.get("objectives"));
        // Wait until the dashboard shows every imported objective (query-service learns of them by polling the event store).
        reads.awaitChange(Boolean.FALSE, () -> {
            try {
                Map<String, Object> summary = client.read(user, uri -> uri.path("/api/organisations/{org}/years/{year}/summary")
                        .queryParam("asOf", Pages.today()).build(organisation, year));
                return summary.get("objectiveCount") instanceof Number count && count.intValue() >= imported.size();
            } catch (ServiceProblem notYet) {
                return Boolean.FALSE;
            }
        });
        redirect.addFlashAttribute("notice", problems.text("plan.import.done", String.valueOf(year), imported.size()));
        return "redirect:/organisations/" + organisation + "/years/" + year;
    }

    private String refused(ServiceProblem refused, String document, HttpServletResponse response, Model model) {
        ProblemMessages.answerRefused(refused, response);
        List<DocumentError> errors = documentErrors(refused, document);
        model.addAttribute("documentErrors", errors);
        if (errors.isEmpty() || refused.status() != 400) {
            model.addAttribute("generalError", problems.message(refused));
            model.addAttribute("generalDetail", refused.detail());
        }
        return "plan-import";
    }

    /** Each failing field of the document, named by its objective's and measure's codes (read from the document itself). */
    private List<DocumentError> documentErrors(ServiceProblem problem, String document) {
        JsonNode root;
        try {
            root = document == null ? null : JSON.readTree(document);
        } catch (RuntimeException notJson) {
            root = null;
        }
        List<DocumentError> errors = new ArrayList<>();
        for (ServiceProblem.FieldProblem field : problem.fieldProblems()) {
            String path = field.field();
            String objective = null;
            List<String> measures = new ArrayList<>();
            String rest = path;
            Matcher o = OBJECTIVE.matcher(rest);
            JsonNode node = null;
            if (o.find()) {
                node = root == null ? null : root.path("objectives").path(Integer.parseInt(o.group(1)));
                objective = code(node, "#" + (Integer.parseInt(o.group(1)) + 1));
                rest = rest.substring(o.end());
                for (Matcher m = MEASURE.matcher(rest); m.find(); m = MEASURE.matcher(rest)) {
                    node = node == null ? null : node.path(m.group(1)).path(Integer.parseInt(m.group(2)));
                    measures.add(code(node, "#" + (Integer.parseInt(m.group(2)) + 1)));
                    rest = rest.substring(m.end());
                }
            }
            String inner = rest.startsWith(".") ? rest.substring(1) : rest;
            errors.add(new DocumentError(objective, measures.isEmpty() ? null : String.join(" › ", measures), fieldLabel(inner, measures.isEmpty()),
                    path, ruleMessage(inner, field)));
        }
        return errors;
    }

    private static String code(JsonNode node, String otherwise) {
        return node != null && node.path("code").isString() && !node.path("code").asString().isBlank() ? node.path("code").asString() : otherwise;
    }

    /** The field's name in the page's language: {@code schedule.rules[0].rrule} → "Thời gian thực hiện (quy tắc 1): RRULE". */
    private String fieldLabel(String inner, boolean objectiveLevel) {
        if (inner.isEmpty()) {
            return problems.text(objectiveLevel ? "plan.field.objective" : "plan.field.measure");
        }
        Matcher cell = CELL.matcher(inner);
        if (cell.matches()) {
            return problems.text("plan.field.cell", cell.group(1), cell.group(2));
        }
        if (inner.equals("workbook")) {
            return problems.text("plan.field.workbook");
        }
        Matcher rule = Pattern.compile("^schedule\\.rules\\[(\\d+)](?:\\.(\\w+))?").matcher(inner);
        if (rule.find()) {
            String label = problems.text("plan.field.scheduleRule", Integer.parseInt(rule.group(1)) + 1);
            return rule.group(2) == null ? label : label + ": " + rule.group(2);
        }
        String key = inner.replaceAll("\\[\\d+]", "");
        String label = problems.textOrNull("plan.field." + key);
        return label != null ? label : inner;
    }

    /** By the rule: {@code rule.plan.<field>.<rule>}, then {@code rule.plan.<rule>}, then the general {@code rule.<rule>}. */
    private String ruleMessage(String inner, ServiceProblem.FieldProblem field) {
        String last = inner.replaceAll("\\[\\d+]", "");
        last = last.substring(last.lastIndexOf('.') + 1);
        for (String key : List.of("rule.plan." + last + "." + field.rule(), "rule.plan." + field.rule(), "rule." + field.rule())) {
            String text = problems.textOrNull(key);
            if (text != null) {
                return text;
            }
        }
        return problems.text("rule.other", field.message());
    }

    private static SignedInUser requirePlanner() {
        SignedInUser user = Pages.user();
        if (!OfferedActions.isPlanner(user)) {
            throw new ServiceProblem(403, "PLANNERS_ONLY", "");
        }
        return user;
    }
}
