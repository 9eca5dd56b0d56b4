package vn.qualityledger.web.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;
import vn.qualityledger.web.WebApplication;

/**
 * The work journeys in the browser, on the applications {@link BrowserJourney} starts (database ql_test_web): the
 * secretary assigns, the staff file, the monitor decides and the auditor replays; a nonconformity raised by hand is
 * analysed, acted on, verified by another and closed.
 */
class WebJourneyEndToEndTest extends BrowserJourney {

    private static final String ORGANISATION = "SLDTBXH-HD";
    private static final String AS_OF = "2023-06-30";
    private static final String OBJECTIVE = "SLDTBXH-HD.MTCL-2023-01";
    private static final String OCCURRENCE = "I.6@2023-05-14";
    private static final String OCCURRENCE_PAGE = "/objectives/" + OBJECTIVE + "/occurrences/" + OCCURRENCE;
    private static final String REJECTION = "Thiếu chữ ký của Chánh Văn phòng";
    /** The scanned report nhanvienvp files with the evidence (a small PDF in web's test resources). */
    private static final String REPORT_FILE = "Báo cáo 6 tháng đầu năm 2023.pdf";
    private static final HttpClient DOWNLOADS = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    WebJourneyEndToEndTest() {
        super("ql_test_web");
    }

    @Test
    void theSecretaryAssignsTheStaffFileTheMonitorDecidesAndTheAuditorReplays() throws Exception {
        // Everything is done in the browser, the 2023 plan's import too; the API is read only to know the figures to expect.
        step("sign-in-wrong-password", () -> {
            browser.get(webUrl + "/");
            wait.until(ExpectedConditions.urlContains("/login"));
            signIn("thuky", "sai-mat-khau");
            assertThat(text(By.id("login-error"))).isEqualTo("Tên đăng nhập hoặc mật khẩu không đúng");
            assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo("thuky");
            assertThat(browser.findElement(By.id("password")).getAttribute("value")).isEmpty();
            screenshot("sign-in-wrong-password");
        });

        step("plan-import-with-errors", () -> {
            // A document with three mistakes: the preview lists each by objective and measure, and nothing is stored.
            signIn("thuky", "demo");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-plan-import"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-upload-form")));
            long before = storedEvents();
            browser.findElement(By.id("document-file")).sendKeys(root.resolve("web/src/test/resources/plans/mtcl-2023-loi.json").toString());
            submit(browser.findElement(By.id("submit-preview")));
            assertThat(text(By.tagName("h2"))).isEqualTo("Tệp mtcl-2023-loi.json có 3 lỗi");
            List<WebElement> errors = browser.findElements(By.cssSelector("#plan-errors tbody tr"));
            assertThat(errors).hasSize(3);
            assertThat(errors.get(0).getText()).contains("MTCL-2023-01", "I.1", "Thời gian thực hiện, quy tắc 1: rrule",
                    "Không phải quy tắc lặp RFC 5545 hợp lệ");
            assertThat(errors.get(1).getText()).contains("MTCL-2023-01", "I.2", "Chủ trì", "Cần ít nhất một đơn vị chủ trì.");
            assertThat(errors.get(2).getText()).contains("MTCL-2023-02", "Chỉ tiêu: giá trị", "Chỉ tiêu tính theo % phải từ 0 đến 100.");
            assertThat(browser.findElements(By.id("submit-import"))).isEmpty();
            screenshot("plan-import-errors");
            assertThat(storedEvents()).isEqualTo(before);
        });

        step("plan-import", () -> {
            // The 2023 plan: its preview (10 objectives, all new, published under 147/QĐ-SLĐTBXH), then "Nhập".
            long before = storedEvents();
            browser.findElement(By.id("document-file")).sendKeys(root.resolve("data/mtcl-2023.json").toString());
            submit(browser.findElement(By.id("submit-preview")));
            assertThat(text(By.id("plan-decision"))).isEqualTo("Các mục tiêu sẽ được công bố theo Quyết định số 147/QĐ-SLĐTBXH ngày 07/02/2023.");
            assertThat(browser.findElements(By.cssSelector("article.plan-objective"))).hasSize(10);
            // 50 commands of the objectives and the organisation's directory (the plan's names) before them.
            assertThat(text(By.id("plan-summary"))).isEqualTo("10 mục tiêu; sẽ ghi 51 thay đổi (trong 51 lệnh). Chưa có gì được lưu.");
            WebElement first = browser.findElement(By.cssSelector("article.plan-objective[data-objective='MTCL-2023-01']"));
            assertThat(first.getText()).contains("Mới", "sẽ công bố khi nhập", "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng",
                    "2 lần: 14/05/2023, 29/10/2023");
            assertThat(storedEvents()).isEqualTo(before);
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2400));
            screenshot("plan-import-preview");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
            submit(browser.findElement(By.id("submit-import")));
            wait.until(ExpectedConditions.urlContains("/organisations/" + ORGANISATION + "/years/2023"));
            assertThat(text(By.id("notice"))).isEqualTo("Đã nhập kế hoạch năm 2023: 10 mục tiêu.");
            assertThat(browser.findElements(By.cssSelector("#objectives tbody tr"))).hasSize(10);
            screenshot("plan-imported");
            browser.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-signed-out")));
        });

        JsonNode summary = eventually(() -> {
            JsonNode figures = read("thuky", "/api/organisations/SLDTBXH-HD/years/2023/summary?asOf=" + AS_OF);
            return figures.get("objectiveCount").asInt() == 10 ? figures : null;
        });
        JsonNode objectives = read("thuky", "/api/organisations/SLDTBXH-HD/years/2023/objectives?size=100&asOf=" + AS_OF).get("content");

        step("sign-in-and-dashboard", () -> {
            signIn("thuky", "demo");
            // Only 2023 has objectives, so the dashboard opens on 2023, not on this year.
            wait.until(ExpectedConditions.urlContains("/organisations/" + ORGANISATION + "/years/2023"));
            WebElement year = browser.findElement(By.id("year"));
            year.clear();
            year.sendKeys("2023");
            browser.findElement(By.id("show")).click();
            wait.until(ExpectedConditions.urlContains("/years/2023"));
            browser.get(webUrl + "/organisations/" + ORGANISATION + "/years/2023?asOf=" + AS_OF);
            assertThat(text(By.id("as-of-note"))).isEqualTo("Số liệu tính đến ngày 30/06/2023.");
            assertThat(text(By.id("summary-completion"))).isEqualTo(percent(summary.get("completionRate")));
            assertThat(text(By.id("summary-on-time"))).isEqualTo(percent(summary.get("onTimeRate")));
            assertThat(text(By.id("summary-due"))).isEqualTo(summary.get("occurrences").get("due").asText());
            assertThat(text(By.id("summary-overdue"))).isEqualTo(summary.get("occurrences").get("overdue").asText());
            List<WebElement> rows = browser.findElements(By.cssSelector("#objectives tbody tr"));
            assertThat(rows).hasSize(objectives.size());
            for (JsonNode objective : objectives) {
                WebElement row = browser.findElement(By.cssSelector("#objectives tr[data-objective='" + objective.get("objectiveId").asText() + "']"));
                assertThat(row.findElement(By.cssSelector("td.completion")).getText()).isEqualTo(percent(objective.get("completionRate")));
                assertThat(row.findElement(By.cssSelector("td.overdue")).getText()).isEqualTo(objective.get("occurrences").get("overdue").asText());
            }
            assertThat(browser.findElements(By.id("nav-organisations"))).isEmpty();
            // The year's trend: a point at each month's end to 30/06/2023, the last one the dashboard's own figures.
            assertThat(browser.findElements(By.cssSelector("#trend-table tbody tr"))).hasSize(6);
            assertThat(text(By.cssSelector("#trend-table tr[data-date='2023-06-30'] td.completion"))).isEqualTo(text(By.id("summary-completion")));
            assertThat(text(By.cssSelector("#trend-table tr[data-date='2023-06-30'] td.overdue"))).isEqualTo(text(By.id("summary-overdue")));
            assertThat(browser.findElement(By.cssSelector("#trend-chart title")).getAttribute("textContent"))
                    .isEqualTo("Diễn biến năm 2023 đến ngày 30/06/2023");
            long started = System.nanoTime();
            browser.get(webUrl + "/organisations/" + ORGANISATION + "/years/2023?asOf=" + AS_OF);
            System.out.printf("The dashboard with its trend loaded in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2000));
            screenshot("dashboard");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        });

        step("objective-plan", () -> {
            browser.findElement(By.linkText("MTCL-2023-01")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan")));
            String plan = text(By.id("plan"));
            assertThat(plan).contains("Chủ trì", "Phối hợp", "Thời gian thực hiện", "Xây dựng MTCL, Kế hoạch thực hiện MTCL năm 2023",
                    "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng");
            JsonNode state = read("thuky", "/api/objectives/SLDTBXH-HD.MTCL-2023-01/state?at=" + java.time.Instant.now());
            assertThat(browser.findElements(By.cssSelector("#plan tbody tr"))).hasSize(state.get("measures").size());
            JsonNode dashboard = read("thuky", "/api/objectives/SLDTBXH-HD.MTCL-2023-01/dashboard?asOf=" + AS_OF);
            assertThat(text(By.id("objective-completion"))).isEqualTo(percent(dashboard.get("completionRate")));
            assertThat(text(By.id("objective-due"))).isEqualTo(dashboard.get("occurrences").get("due").asText());
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 3200));
            screenshot("objective");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        });

        step("assign-measure", () -> {
            // The secretary gives measure I.6 (the 6- and 12-month reports) to the Văn phòng, to Phạm Minh Hiếu.
            browser.findElement(By.cssSelector("#plan tr[data-measure='I.6'] a.assign-measure")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assignment-form")));
            browser.findElement(By.id("unit")).sendKeys("VP");
            browser.findElement(By.id("person")).sendKeys("Phạm Minh Hiếu");
            screenshot("assignment-form");
            submit(browser.findElement(By.id("submit-assignment")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã giao biện pháp I.6 cho đơn vị VP.");
            assertThat(text(By.cssSelector("#plan tr[data-measure='I.6']"))).contains("Giao cho: VP");
            JsonNode units = eventually(() -> {
                JsonNode report = read("thuky", "/api/organisations/SLDTBXH-HD/years/2023/units");
                return report.get("units").size() > 0 ? report : null;
            });
            assertThat(units.get("units").get(0).get("unit").asText()).isEqualTo("VP");
        });

        step("sign-out", () -> {
            browser.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-signed-out")));
            assertThat(browser.findElements(By.id("login-form"))).hasSize(1);
            browser.get(webUrl + "/work");
            wait.until(ExpectedConditions.urlContains("/login"));
        });

        step("unit-work", () -> {
            signIn("nhanvienvp", "demo");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-work"))).click();
            wait.until(ExpectedConditions.urlContains("/work"));
            assertThat(text(By.tagName("h1"))).isEqualTo("Việc của đơn vị VP");
            assertThat(browser.findElements(By.cssSelector("#work-items tr[data-occurrence='I.6@2023-05-14']"))).hasSize(1);
            assertThat(text(By.id("work-items"))).contains("14/05/2023", "Quá hạn", "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng");
            screenshot("unit-work");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(400, 900));
            screenshot("unit-work-phone");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
            browser.findElement(By.id("lang-switch")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Work of unit VP"));
            browser.findElement(By.id("lang-switch")).click();
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Việc của đơn vị VP"));
        });

        String firstEvidence = step("staff-files-evidence", () -> {
            // From Việc của đơn vị to the overdue 6-month report, and a first filing with two mistakes.
            browser.findElement(By.cssSelector("#work-items tr[data-occurrence='" + OCCURRENCE + "'] a.open-occurrence")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("evidence-form")));
            assertThat(text(By.id("occurrence-status"))).isEqualTo("Quá hạn");
            assertThat(text(By.id("no-evidence"))).isEqualTo("Chưa có minh chứng nào.");
            type("date", "12/05/2023");
            type("issuer", "Văn phòng Sở");
            type("title", "Báo cáo kết quả thực hiện MTCL 6 tháng đầu năm 2023");
            type("link", "ftp://vanphong/bc-512.pdf");
            // The scanned report goes with the first try: stored even though the filing is refused, and kept for the next.
            browser.findElement(By.id("file")).sendKeys(reportFile().toString());
            submit(browser.findElement(By.id("submit-evidence")));
            assertThat(text(By.id("number-error"))).isEqualTo("Vui lòng nhập mục này.");
            assertThat(text(By.id("link-error"))).startsWith("Đường dẫn phải bắt đầu bằng http:// hoặc https://");
            assertThat(browser.findElements(By.id("date-error"))).isEmpty();
            assertThat(browser.findElement(By.id("issuer")).getAttribute("value")).isEqualTo("Văn phòng Sở");
            assertThat(text(By.id("kept-file"))).contains("Nộp kèm tệp đã tải lên: " + REPORT_FILE + " (717 B)");
            assertThat(browser.findElement(By.id("keepFile")).isSelected()).isTrue();
            screenshot("evidence-form-errors");
            type("number", "512/BC-SLĐTBXH");
            type("link", "https://vanban.example.vn/512-BC-SLDTBXH.pdf");
            submit(browser.findElement(By.id("submit-evidence")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã nộp minh chứng số 512/BC-SLĐTBXH. Minh chứng đang chờ đơn vị theo dõi duyệt.");
            List<WebElement> filed = browser.findElements(By.cssSelector("#evidence-list li"));
            assertThat(filed).hasSize(1);
            assertThat(filed.get(0).getText()).contains("Chờ duyệt", "Văn bản số 512/BC-SLĐTBXH ngày 12/05/2023",
                    "Tệp đính kèm: " + REPORT_FILE + " (717 B)");
            assertThat(filed.get(0).findElement(By.cssSelector("code.file-sha256")).getText()).isEqualTo(reportSha256());
            screenshot("evidence-filed");
            return filed.get(0).getAttribute("data-evidence");
        });

        step("monitor-rejects", () -> {
            signOutAndIn("qmr");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-review"))).click();
            WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(reviewItem(firstEvidence)));
            // Who filed it, from the evidence register.
            assertThat(item.getText()).contains("MTCL-2023-01 · I.6", "14/05/2023", "Văn bản số 512/BC-SLĐTBXH ngày 12/05/2023",
                    "Phạm Minh Hiếu");
            submit(item.findElement(By.cssSelector("button.reject-button")));
            item = wait.until(ExpectedConditions.presenceOfElementLocated(reviewItem(firstEvidence)));
            assertThat(item.findElement(By.cssSelector("form.reject .field-error")).getText())
                    .isEqualTo("Vui lòng ghi lý do từ chối để đơn vị biết cần bổ sung gì.");
            screenshot("review-reject-without-reason");
            // Dated the day before the filing (today): the service's rule beside Ngày duyệt, the reason kept.
            item.findElement(By.cssSelector("form.reject textarea")).sendKeys(REJECTION);
            item.findElement(By.cssSelector("form.reject input[name='rejectedOn']")).sendKeys(java.time.LocalDate.now(WebApplication.AGENCY_ZONE)
                    .minusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            submit(item.findElement(By.cssSelector("button.reject-button")));
            item = wait.until(ExpectedConditions.presenceOfElementLocated(reviewItem(firstEvidence)));
            assertThat(item.findElement(By.cssSelector("form.reject .field-error")).getText())
                    .isEqualTo("Ngày duyệt không được trước ngày nộp minh chứng.");
            assertThat(item.findElement(By.cssSelector("form.reject textarea")).getAttribute("value")).isEqualTo(REJECTION);
            item.findElement(By.cssSelector("form.reject input[name='rejectedOn']")).clear();
            submit(item.findElement(By.cssSelector("button.reject-button")));
            assertThat(text(By.id("notice"))).contains("Đã từ chối minh chứng " + firstEvidence);
            assertThat(browser.findElements(reviewItem(firstEvidence))).isEmpty();
        });

        String secondEvidence = step("staff-resubmits", () -> {
            signOutAndIn("nhanvienvp");
            browser.get(webUrl + OCCURRENCE_PAGE);
            WebElement rejected = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#evidence-list li[data-evidence='" + firstEvidence + "']")));
            assertThat(rejected.getText()).contains("Bị từ chối", "Lý do: " + REJECTION);
            // The new filing starts from the rejected document, under a new evidence id.
            assertThat(browser.findElement(By.id("number")).getAttribute("value")).isEqualTo("512/BC-SLĐTBXH");
            // ... and with the rejected filing's file, unless unticked.
            assertThat(text(By.id("kept-file"))).contains(REPORT_FILE);
            assertThat(browser.findElement(By.id("keepFile")).isSelected()).isTrue();
            type("title", "Báo cáo kết quả thực hiện MTCL 6 tháng đầu năm 2023 (bản có chữ ký Chánh Văn phòng)");
            submit(browser.findElement(By.id("submit-evidence")));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
            List<WebElement> filed = browser.findElements(By.cssSelector("#evidence-list li"));
            assertThat(filed).hasSize(2);
            assertThat(filed.get(0).getText()).contains("Chờ duyệt", "bản có chữ ký", REPORT_FILE);
            String id = filed.get(0).getAttribute("data-evidence");
            assertThat(id).isNotEqualTo(firstEvidence);
            screenshot("evidence-resubmitted");
            return id;
        });

        step("monitor-accepts-and-the-figures-move", () -> {
            signOutAndIn("qmr");
            // Before: as of 30/06/2023 objective 01 has 8 occurrences due (I.1, I.1.a, I.1.b, I.2, I.4, I.6 on 14/05, and
            // I.7 for Q1 and Q2), none complete.
            browser.get(webUrl + "/organisations/" + ORGANISATION + "/years/2023?asOf=" + AS_OF);
            assertThat(objectiveCell("td.completion")).isEqualTo("0 %");
            browser.get(webUrl + "/review");
            WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(reviewItem(secondEvidence)));
            // The monitor reads the filed file before deciding: the SHA-256 shown is the file's, and the download is the file.
            assertThat(item.findElement(By.cssSelector("a.file-link")).getText()).isEqualTo(REPORT_FILE);
            assertThat(item.findElement(By.cssSelector("code.file-sha256")).getText()).isEqualTo(reportSha256());
            HttpResponse<byte[]> download = downloadAsSignedIn(item.findElement(By.cssSelector("a.file-link")).getAttribute("href"));
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(Files.readAllBytes(reportFile()));
            assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                    .contains("filename*=UTF-8''B%C3%A1o%20c%C3%A1o%206%20th%C3%A1ng%20%C4%91%E1%BA%A7u%20n%C4%83m%202023.pdf");
            assertThat(download.headers().firstValue("Repr-Digest")).hasValue("sha-256=:"
                    + Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(reportSha256())) + ":");
            // Complete as of the document's date, 12/05/2023: on time for its due date 14/05/2023.
            item.findElement(By.cssSelector("form.accept input[name='effectiveOn']")).sendKeys("12/05/2023");
            screenshot("review-accept");
            submit(item.findElement(By.cssSelector("button.accept-button")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã chấp nhận minh chứng " + secondEvidence + ".");
            assertThat(browser.findElements(reviewItem(secondEvidence))).isEmpty();

            browser.get(webUrl + "/organisations/" + ORGANISATION + "/years/2023?asOf=" + AS_OF);
            // After: 1 of those 8 done, on time: 1 / 8 = 12,5 % completion and on-time rate.
            assertThat(objectiveCell("td.completion")).isEqualTo("12,5 %");
            assertThat(objectiveCell("td.on-time")).isEqualTo("12,5 %");
            // The organisation: one more occurrence done on time over the same occurrences due.
            long due = summary.get("occurrences").get("due").asLong();
            long done = summary.get("occurrences").get("onTime").asLong() + summary.get("occurrences").get("late").asLong();
            assertThat(text(By.id("summary-due"))).isEqualTo(String.valueOf(due));
            assertThat(text(By.id("summary-done-on-time"))).isEqualTo(String.valueOf(summary.get("occurrences").get("onTime").asLong() + 1));
            assertThat(text(By.id("summary-completion"))).isEqualTo(percent(BigDecimal.valueOf(done + 1)
                    .multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(due), 2, java.math.RoundingMode.HALF_UP)));
            // The trend moved with it: on 31/05/2023 and 30/06/2023 (I.6 was due 14/05), as the dashboard says.
            assertThat(text(By.cssSelector("#trend-table tr[data-date='2023-06-30'] td.completion"))).isEqualTo(text(By.id("summary-completion")));
            screenshot("dashboard-after-acceptance");
        });

        step("auditor-history-and-past-state", () -> {
            signOutAndIn("danhgia");
            browser.get(webUrl + "/objectives/" + OBJECTIVE);
            browser.findElement(By.id("history-link")).click();
            String timeline = text(By.id("timeline"));
            assertThat(timeline).contains("Giao biện pháp I.6 cho VP (Phạm Minh Hiếu)", "Nộp minh chứng 512/BC-SLĐTBXH ngày 12/05/2023",
                    "Từ chối minh chứng " + firstEvidence, REJECTION, "Chấp nhận minh chứng " + secondEvidence,
                    "hoàn thành từ ngày 12/05/2023", "Nguyễn Thị Thư", "Phạm Minh Hiếu", "Trần Văn Quang", "Thư ký ISO",
                    "Đại diện lãnh đạo về chất lượng (QMR)");
            List<WebElement> events = browser.findElements(By.cssSelector("#timeline li.event"));
            assertThat(events.get(events.size() - 1).getAttribute("class")).contains("event-EvidenceAccepted");
            // The chain's check, said plainly: every event of the stream verified.
            long recorded = read("danhgia", "/api/objectives/" + OBJECTIVE + "/history?size=1").get("totalElements").asLong();
            assertThat(text(By.cssSelector("#integrity strong"))).isEqualTo("Chuỗi sự kiện nguyên vẹn: " + recorded + " sự kiện đã kiểm tra.");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2400));
            screenshot("history");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

            // What changed over the last 30 days, and then only at the acceptance: which figures it moved (as of today,
            // after the year, I.6 done on time is one fewer overdue and one more on time).
            browser.findElement(By.id("changes-link")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("change-events")));
            assertThat(text(By.id("change-events"))).contains("Chấp nhận minh chứng " + secondEvidence, "Trần Văn Quang");
            // Thirty days ago the plan was not imported yet.
            assertThat(browser.findElements(By.id("not-yet-defined"))).hasSize(1);
            List<WebElement> groups = browser.findElements(By.cssSelector("#change-events li.group"));
            groups.get(groups.size() - 1).findElement(By.cssSelector("a.only-this")).click();
            wait.until(ExpectedConditions.urlContains("/changes?from="));
            assertThat(browser.findElements(By.cssSelector("#change-events li.group"))).hasSize(1);
            assertThat(text(By.id("change-events"))).contains("Chấp nhận minh chứng " + secondEvidence);
            assertThat(browser.findElements(By.cssSelector("#change-events li[data-figure='onTime']"))).hasSize(1);
            assertThat(browser.findElements(By.cssSelector("#change-events li[data-figure='overdue']"))).hasSize(1);
            screenshot("what-changed");

            // The state on past days: before its due date the report was not yet due; by 30/06/2023 it was done on time.
            browser.get(webUrl + "/objectives/" + OBJECTIVE);
            showObjective("11/05/2023", "");
            assertThat(text(By.cssSelector("#occurrences tr[data-occurrence='" + OCCURRENCE + "']"))).contains("Chưa đến hạn");
            showObjective("30/06/2023", "");
            assertThat(text(By.cssSelector("#occurrences tr[data-occurrence='" + OCCURRENCE + "']")))
                    .contains("Hoàn thành đúng hạn", "12/05/2023");
            assertThat(text(By.id("objective-completion"))).isEqualTo("12,5 %");
            screenshot("objective-as-of");
            // As recorded by the end of yesterday (the plan was imported today): nothing was recorded yet.
            String yesterday = java.time.LocalDate.now(WebApplication.AGENCY_ZONE).minusDays(1)
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            showObjective("30/06/2023", yesterday);
            assertThat(text(By.id("not-yet-recorded"))).isEqualTo("Đến hết ngày " + yesterday + ", mục tiêu này chưa được ghi nhận trong hệ thống.");
        });

        step("province-auditor", () -> {
            browser.findElement(By.id("sign-out")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-signed-out")));
            signIn("tinh", "demo");
            // The province on one page: every organisation's figures, each leading to its dashboard.
            wait.until(ExpectedConditions.urlContains("/province"));
            assertThat(browser.findElements(By.id("nav-work"))).isEmpty();
            browser.get(webUrl + "/province?year=2023&asOf=30/06/2023");
            JsonNode june = read("tinh", "/api/organisations/SLDTBXH-HD/years/2023/summary?asOf=" + AS_OF);
            WebElement organisation = browser.findElement(By.cssSelector("#province-organisations tr[data-organisation='" + ORGANISATION + "']"));
            assertThat(organisation.findElement(By.cssSelector("td.completion")).getText()).isEqualTo(percent(june.get("completionRate")));
            assertThat(organisation.findElement(By.cssSelector("td.overdue")).getText()).isEqualTo(june.get("occurrences").get("overdue").asText());
            // By the name the imported plan recorded, its code beneath.
            assertThat(organisation.findElement(By.cssSelector("a.drill-down")).getText()).isEqualTo("Sở Lao động – Thương binh và Xã hội tỉnh Hải Dương");
            assertThat(organisation.findElement(By.cssSelector(".organisation-code")).getText()).isEqualTo(ORGANISATION);
            screenshot("province");
            organisation.findElement(By.cssSelector("a.drill-down")).click();
            wait.until(ExpectedConditions.urlContains("/organisations/" + ORGANISATION + "/years/2023?asOf=2023-06-30"));
            assertThat(text(By.id("summary-completion"))).isEqualTo(percent(june.get("completionRate")));
            browser.findElement(By.id("nav-organisations")).click();
            wait.until(ExpectedConditions.urlContains("/organisations"));
            // The organisations with objectives are offered as links; the code form stays for any other.
            assertThat(browser.findElements(By.cssSelector("#organisation-list a[href$='/organisations/" + ORGANISATION + "/years/2023']"))).hasSize(1);
            browser.findElement(By.id("code")).sendKeys(ORGANISATION);
            WebElement year = browser.findElement(By.id("year"));
            year.clear();
            year.sendKeys("2023");
            screenshot("province-auditor");
            browser.findElement(By.cssSelector("#organisation-form button")).click();
            wait.until(ExpectedConditions.urlContains("/organisations/" + ORGANISATION + "/years/2023"));
            assertThat(browser.findElements(By.cssSelector("#objectives tbody tr"))).hasSize(objectives.size());
        });

        step("define-objective-and-plan-a-measure", () -> {
            // The secretary adds an eleventh objective by hand (first with a percentage over 100, refused beside it),
            // plans a measure for it (first without a lead unit, refused beside it) and publishes it under a decision.
            signOutAndIn("thuky");
            browser.get(webUrl + "/organisations/" + ORGANISATION + "/years/2023");
            browser.findElement(By.id("define-objective")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("define-form")));
            type("define-code", "MTCL-2023-11");
            type("define-statement", "100% phản ánh, kiến nghị của người dân được trả lời đúng hạn");
            type("define-indicator", "Tỷ lệ phản ánh được trả lời đúng hạn");
            type("define-value", "120");
            type("define-unit", "%");
            submit(browser.findElement(By.id("submit-define")));
            assertThat(text(By.id("define-value-error"))).isEqualTo("Chỉ tiêu tính theo % phải từ 0 đến 100.");
            assertThat(browser.findElement(By.id("define-code")).getAttribute("value")).isEqualTo("MTCL-2023-11");
            screenshot("define-objective-refused");
            type("define-value", "100");
            submit(browser.findElement(By.id("submit-define")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã thêm mục tiêu MTCL-2023-11.");
            assertThat(text(By.id("manage-status"))).isEqualTo("Chưa công bố");

            type("measure-code", "XI.1");
            type("measure-title", "Tổng hợp, trả lời phản ánh, kiến nghị");
            type("measure-monitors", "QMR");
            type("measure-scheduleText", "Hằng quý");
            type("measure-rules", "liên tục");
            submit(browser.findElement(By.id("submit-measure")));
            assertThat(text(By.id("measure-lead-error"))).isEqualTo("Cần ít nhất một đơn vị chủ trì.");
            assertThat(browser.findElement(By.id("measure-title")).getAttribute("value")).isEqualTo("Tổng hợp, trả lời phản ánh, kiến nghị");
            screenshot("plan-measure-refused");
            type("measure-lead", "VP");
            submit(browser.findElement(By.id("submit-measure")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã thêm biện pháp XI.1.");
            assertThat(text(By.cssSelector("#manage-measures li[data-measure='XI.1']"))).contains("Tổng hợp, trả lời phản ánh, kiến nghị");

            type("publish-number", "312/QĐ-SLĐTBXH");
            type("publish-date", "15/03/2023");
            submit(browser.findElement(By.id("submit-publish")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã công bố mục tiêu.");
            assertThat(browser.findElements(By.id("publish-form"))).isEmpty();
            assertThat(browser.findElements(By.id("close-form"))).isEmpty(); // the QMR's, not the secretary's
            screenshot("objective-manage");

            browser.findElement(By.id("back-to-objective")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan")));
            // VP by the name the imported plan recorded in the organisation's directory, its code as the title.
            assertThat(text(By.cssSelector("#plan tr[data-measure='XI.1']"))).contains("Tổng hợp, trả lời phản ánh, kiến nghị", "Văn phòng Sở", "Hằng quý");
            assertThat(browser.findElement(By.cssSelector("#plan tr[data-measure='XI.1'] .unit-code span")).getAttribute("title")).isEqualTo("VP");
            assertThat(text(By.id("statement"))).isEqualTo("100% phản ánh, kiến nghị của người dân được trả lời đúng hạn");
            JsonNode dashboard = read("thuky", "/api/objectives/SLDTBXH-HD.MTCL-2023-11/dashboard?asOf=" + AS_OF);
            assertThat(dashboard.get("decision").get("number").asText()).isEqualTo("312/QĐ-SLĐTBXH");
            assertThat(dashboard.get("decision").get("date").asText()).isEqualTo("2023-03-15");
        });

        step("staff-are-offered-no-plan-form", () -> {
            signOutAndIn("nhanvienvp");
            assertThat(browser.findElements(By.id("nav-plan-import"))).isEmpty();
            browser.get(webUrl + "/organisations/" + ORGANISATION + "/years/2023");
            assertThat(browser.findElements(By.id("define-objective"))).isEmpty();
            browser.get(webUrl + "/objectives/SLDTBXH-HD.MTCL-2023-11");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan")));
            assertThat(browser.findElements(By.id("manage-link"))).isEmpty();
            browser.get(webUrl + "/plans/import");
            assertThat(text(By.tagName("main"))).contains("Chỉ Thư ký ISO, QMR hoặc quản trị hệ thống được thay đổi kế hoạch.");
            browser.get(webUrl + "/objectives/SLDTBXH-HD.MTCL-2023-11/manage");
            assertThat(browser.findElements(By.id("measure-form"))).isEmpty();
        });

        step("reminders-of-the-unit", () -> {
            // The sweep (every 3 s here, looking back over the whole of 2023) reminded VP, a lead unit of I.6, of the
            // occurrence due 29/10/2023 that nobody filed; the one due 14/05/2023 was accepted, so it is not open.
            JsonNode count = eventually(() -> {
                JsonNode answer = read("nhanvienvp", "/api/reminders/count");
                return answer.get("openWork").asLong() > 0 ? answer : null;
            });
            int[] position = new int[1];
            JsonNode october = eventually(() -> {
                JsonNode page = read("nhanvienvp", "/api/reminders?size=500");
                for (int i = 0; i < page.get("content").size(); i++) {
                    JsonNode reminder = page.get("content").get(i);
                    if (reminder.get("occurrenceId").asText().equals("I.6@2023-10-29")) {
                        position[0] = i; // newest first, as the page lists them, 20 a page
                        return reminder;
                    }
                }
                return null;
            });
            assertThat(october.get("step").asText()).isEqualTo("OVERDUE");
            browser.get(webUrl + "/work"); // from the refusal of the last step, back to a page with the header
            long before = read("nhanvienvp", "/api/reminders/count").get("openWork").asLong();
            signOutAndIn("nhanvienvp"); // a new session: its header reads the count afresh
            browser.findElement(By.id("nav-reminders")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reminder-items")));
            assertThat(text(By.tagName("h1"))).isEqualTo("Nhắc việc của đơn vị VP");
            // The header's badge: the unit's reminded work still open, as the API counts it. The sweep goes on meanwhile
            // and only adds (nobody finishes work here), so the badge read at sign-in lies between the counts read
            // before and after it.
            long after = read("nhanvienvp", "/api/reminders/count").get("openWork").asLong();
            assertThat(before).isGreaterThanOrEqualTo(count.get("openWork").asLong());
            long badge = Long.parseLong(text(By.id("reminder-count")).replace(".", ""));
            assertThat(badge).isBetween(before, after);
            screenshot("reminders");
            // The sweep goes on while the journey reads: reminders recorded since push the row to a later page.
            By octoberRow = By.cssSelector("#reminder-items tr[data-reminder='" + october.get("id").asText() + "']");
            for (int page = position[0] / 20; page <= position[0] / 20 + 5; page++) {
                browser.get(webUrl + "/reminders?page=" + page);
                wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
                if (!browser.findElements(octoberRow).isEmpty()) {
                    break;
                }
            }
            String row = text(octoberRow);
            assertThat(row).contains("Quá hạn", "I.6", "Báo cáo kết quả thực hiện MTCL 6 tháng, 12 tháng", "29/10/2023", "VP, BCD-ISO");
        });

        step("reports-draft-issue-verify", () -> {
            signOutAndIn("thuky");
            browser.get(webUrl + "/organisations/" + ORGANISATION + "/years/2023");
            browser.findElement(By.id("dashboard-reports")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft-form")));
            assertThat(text(By.tagName("h1"))).contains("2023");
            // The draft of the 6-month report as recorded now (the plan was recorded today: by the end of 30/06/2023
            // nothing was), as the draft form's GET asks for it: a Word document, nothing recorded.
            String draft = browser.findElement(By.id("draft-form")).getAttribute("action") + "?kind=SIX_MONTH&cutOffDay=";
            HttpResponse<byte[]> draftDocx = downloadAsSignedIn(draft);
            assertThat(draftDocx.statusCode()).isEqualTo(200);
            assertThat(draftDocx.headers().firstValue("Content-Type").orElseThrow()).contains("wordprocessingml");
            assertThat(new String(draftDocx.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

            browser.findElement(By.cssSelector("#issue summary")).click();
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("issue-kind"))).selectByValue("SIX_MONTH");
            type("issue-number", "215/BC-SLĐTBXH");
            type("issue-signerName", "Nguyễn Văn Giám");
            submit(browser.findElement(By.id("submit-issue")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã ban hành báo cáo.");
            WebElement issued = browser.findElement(By.cssSelector("#issued-reports tbody tr"));
            String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
            assertThat(issued.getText()).contains("215/BC-SLĐTBXH", "6 tháng đầu năm", today, "Nguyễn Văn Giám", "Nguyễn Thị Thư");

            // The issued DOCX, downloaded: its SHA-256 is the one listed; uploaded to be checked, it is that report as issued.
            HttpResponse<byte[]> docx = downloadAsSignedIn(issued.findElement(By.cssSelector("a.download-docx")).getAttribute("href"));
            assertThat(docx.statusCode()).isEqualTo(200);
            String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(docx.body()));
            assertThat(issued.findElements(By.cssSelector(".hash")).get(0).getText()).isEqualTo("SHA-256: " + sha256);
            Path file = Files.createTempDirectory("ql-report").resolve("Báo cáo 6 tháng 2023.docx");
            Files.write(file, docx.body());
            browser.findElement(By.id("verify-file")).sendKeys(file.toString());
            submit(browser.findElement(By.id("submit-verify")));
            assertThat(text(By.id("verification-result")))
                    .isEqualTo("Tệp Báo cáo 6 tháng 2023.docx đúng là bản DOCX của báo cáo số 215/BC-SLĐTBXH đã ban hành.");
            assertThat(text(By.id("verification-hash"))).contains(sha256);
            screenshot("reports");
        });
    }

    /** Reminders looked for over the whole of 2023 and swept every 3 s, so that the journey's year is reminded of. */
    @Override
    protected java.util.Map<String, String> environmentOf(String service) {
        return service.equals("query-service") ? java.util.Map.of("REMINDER_INTERVAL", "PT3S", "REMINDER_OVERDUE_LOOK_BACK", "P3650D")
                : java.util.Map.of();
    }

    @Test
    void aNonconformityRaisedByHandIsAnalysedActedOnVerifiedByAnotherAndClosedInTheBrowser() throws Exception {
        java.time.format.DateTimeFormatter ddMMyyyy = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        java.time.LocalDate today = java.time.LocalDate.now(WebApplication.AGENCY_ZONE);

        String id = step("nc-raise", () -> {
            // The secretary raises a minor nonconformity against the Văn phòng by hand, first citing a clause ISO 9001 has not.
            signIn("thuky", "demo");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-nonconformities"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#raise summary"))).click();
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("raise-source"))).selectByValue("MANUAL");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("raise-severity"))).selectByValue("MINOR");
            type("raise-unit", "VP");
            type("raise-clause", "7.9");
            type("raise-description", "Sổ theo dõi văn bản đến không được cập nhật từ tháng 10");
            submit(browser.findElement(By.id("submit-raise")));
            assertThat(text(By.id("raise-clause-error"))).isEqualTo("Không phải điều khoản yêu cầu của TCVN ISO 9001:2015.");
            assertThat(browser.findElement(By.id("raise-description")).getAttribute("value")).startsWith("Sổ theo dõi văn bản đến");
            type("raise-clause", "7.5.3");
            submit(browser.findElement(By.id("submit-raise")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã ghi nhận sự không phù hợp.");
            assertThat(text(By.id("nc-status"))).isEqualTo("Mới ghi nhận");
            String raised = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
            assertThat(raised).startsWith("nc-");
            return raised;
        });
        String page = "/nonconformities/" + id;

        step("nc-list-and-root-cause", () -> {
            browser.findElement(By.id("back-to-list")).click();
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#nc-list tr[data-nonconformity='" + id + "']")));
            assertThat(row.getText()).contains("Mới ghi nhận", "Nhẹ", "VP", "7.5.3", "Ghi nhận trực tiếp");
            assertThat(row.findElement(By.cssSelector("td.age")).getText()).isEqualTo("0");
            screenshot("nc-list");
            row.findElement(By.cssSelector("a.open-nonconformity")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("root-cause-form")));
            assertThat(text(By.id("nc-status"))).isEqualTo("Mới ghi nhận");
            // Without a root cause, then dated tomorrow: each refusal beside its field.
            submit(browser.findElement(By.id("submit-root-cause")));
            assertThat(text(By.id("rootCause-rootCause-error"))).isEqualTo("Vui lòng nhập mục này.");
            type("rootCause-rootCause", "Chưa phân công người cập nhật sổ khi văn thư nghỉ phép");
            type("rootCause-method", "5 Why");
            type("rootCause-analysedOn", today.plusDays(1).format(ddMMyyyy));
            submit(browser.findElement(By.id("submit-root-cause")));
            assertThat(text(By.id("rootCause-analysedOn-error"))).isEqualTo("Ngày này chưa đến: không được ghi sau hôm nay.");
            assertThat(browser.findElement(By.id("rootCause-method")).getAttribute("value")).isEqualTo("5 Why");
            screenshot("nc-root-cause-errors");
            type("rootCause-analysedOn", today.format(ddMMyyyy));
            submit(browser.findElement(By.id("submit-root-cause")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã ghi nhận nguyên nhân.");
            assertThat(text(By.id("nc-root-cause"))).contains("Chưa phân công người cập nhật sổ", "5 Why");
        });

        step("nc-plan-action", () -> {
            type("action-ownerUnit", "VP");
            type("action-description", "Phân công người thay thế cập nhật sổ văn bản đến khi văn thư vắng mặt");
            type("action-dueDate", today.plusDays(14).format(ddMMyyyy));
            submit(browser.findElement(By.id("submit-action")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã lập hành động khắc phục.");
            assertThat(text(By.id("nc-status"))).isEqualTo("Đang thực hiện khắc phục");
            assertThat(text(By.cssSelector("article.nc-action"))).contains("Phân công người thay thế", "Chưa thực hiện",
                    today.plusDays(14).format(ddMMyyyy));
            // The secretary neither implements a VP action of her own accord here nor verifies.
            assertThat(browser.findElements(By.cssSelector("form.verify-form"))).isEmpty();
        });

        step("nc-staff-implements", () -> {
            signOutAndIn("nhanvienvp");
            browser.get(webUrl + page);
            WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.implement-form")));
            assertThat(browser.findElements(By.id("root-cause-form"))).isEmpty();
            type("impl-0-number", "25/QĐ-VP");
            type("impl-0-date", today.format(ddMMyyyy));
            type("impl-0-issuer", "Văn phòng Sở");
            type("impl-0-title", "Quyết định phân công người cập nhật sổ văn bản đến");
            screenshot("nc-implementation-form");
            submit(form.findElement(By.cssSelector("button.submit-implementation")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã ghi nhận hành động đã thực hiện.");
            assertThat(text(By.id("nc-status"))).isEqualTo("Đã thực hiện, chờ xác nhận hiệu lực");
            assertThat(text(By.cssSelector("article.nc-action"))).contains("Đã thực hiện ngày " + today.format(ddMMyyyy), "25/QĐ-VP");
            assertThat(browser.findElements(By.cssSelector("form.verify-form"))).isEmpty();
        });

        step("nc-qmr-verifies-and-closes", () -> {
            signOutAndIn("qmr");
            browser.get(webUrl + page);
            WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.verify-form")));
            browser.findElement(By.id("verify-0-effective-yes")).click();
            submit(form.findElement(By.cssSelector("button.submit-verification")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã ghi nhận kết quả xác nhận hiệu lực.");
            assertThat(text(By.id("nc-status"))).isEqualTo("Đã xác nhận hiệu lực, chờ đóng");
            assertThat(text(By.cssSelector("article.nc-action"))).contains("Xác nhận ngày " + today.format(ddMMyyyy) + ": có hiệu lực");
            type("close-note", "Đã kiểm tra sổ cập nhật đầy đủ");
            submit(browser.findElement(By.id("submit-close")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã đóng sự không phù hợp.");
            assertThat(text(By.id("nc-status"))).isEqualTo("Đã đóng");
            assertThat(text(By.id("nc-closures"))).contains("Đóng ngày " + today.format(ddMMyyyy), "Đã kiểm tra sổ");
            assertThat(browser.findElements(By.id("reopen-form"))).hasSize(1);
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2400));
            screenshot("nc-closed");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
        });

        step("nc-list-shows-it-closed", () -> {
            browser.findElement(By.id("back-to-list")).click();
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#nc-list tr[data-nonconformity='" + id + "']")));
            assertThat(row.findElement(By.cssSelector("td.nc-status")).getText()).contains("Đã đóng", "đóng ngày " + today.format(ddMMyyyy));
            assertThat(row.findElement(By.cssSelector("td.overdue")).getText()).isEqualTo("Không");
            JsonNode listed = read("qmr", "/api/organisations/SLDTBXH-HD/nonconformities?status=CLOSED").get("content");
            assertThat(listed).anyMatch(nc -> nc.get("nonconformityId").asText().equals(id));
            screenshot("nc-list-closed");
        });
    }

    private Path reportFile() {
        return root.resolve("web/src/test/resources/evidence").resolve(REPORT_FILE);
    }

    private String reportSha256() throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(reportFile())));
    }

    /** A link of the page fetched with the browser's session, as a click that saves the file would. */
    private HttpResponse<byte[]> downloadAsSignedIn(String href) throws Exception {
        String session = browser.manage().getCookieNamed("QLSESSION").getValue();
        return DOWNLOADS.send(HttpRequest.newBuilder(URI.create(href)).header("Cookie", "QLSESSION=" + session).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static By reviewItem(String evidenceId) {
        return By.cssSelector("#review article[data-evidence='" + evidenceId + "']");
    }

    private String objectiveCell(String cell) {
        return text(By.cssSelector("#objectives tr[data-objective='" + OBJECTIVE + "'] " + cell));
    }

    private void showObjective(String asOf, String knownOn) {
        type("asOf", asOf);
        type("knownOn", knownOn);
        submit(browser.findElement(By.id("show")));
    }

    /** The API's percentage as the page must show it in Vietnamese: decimal comma, no trailing zeros, " %". */
    private static String percent(JsonNode rate) {
        return rate == null || rate.isNull() ? "—" : percent(rate.decimalValue());
    }

    private static String percent(BigDecimal rate) {
        BigDecimal value = rate.stripTrailingZeros();
        return (value.signum() == 0 ? "0" : value.toPlainString()).replace('.', ',') + " %";
    }
}
