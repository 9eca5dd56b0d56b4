package vn.qualityledger.web.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;
import vn.qualityledger.web.WebApplication;

/**
 * An internal audit round in the browser, from the finding to the closing of the nonconformity it raised, on the
 * applications {@link BrowserJourney} starts (database ql_test_web_audits): thuky plans a round of this year for VP and
 * appoints danhgia lead auditor; danhgia (of TO-ISO, so VP is not his own unit) schedules and records the unit audit
 * with its checklist notes and a minor nonconformity finding (first citing a clause ISO 9001 has not); the service
 * raises its nonconformity, which the tracker lists; thuky analyses its root cause and plans an action for VP,
 * nhanvienvp implements it, qmr verifies it effective and closes it, issues the round's report and closes the round;
 * the programme then shows the round closed with its one minor finding no longer open.
 */
class AuditJourneyEndToEndTest extends BrowserJourney {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    AuditJourneyEndToEndTest() {
        super("ql_test_web_audits");
    }

    @Test
    void aNonconformityGoesFromAnAuditFindingToClosureAndTheRoundIsClosed() throws Exception {
        LocalDate today = LocalDate.now(WebApplication.AGENCY_ZONE);
        String day = today.format(DAY);

        String audit = step("audit-plan", () -> {
            signIn("thuky", "demo");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-audits"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("no-rounds")));
            browser.findElement(By.cssSelector("#plan summary")).click();
            type("plan-title", "Đánh giá nội bộ đợt 1 năm " + today.getYear());
            type("plan-scopeUnits", "VP");
            type("plan-criteria", "TCVN ISO 9001:2015; quy trình kiểm soát tài liệu của Sở");
            type("plan-clauses", "7.5, 8.1");
            // A round of one day, today: within the year whatever today is, and unit audits may be held today.
            type("plan-plannedFrom", day);
            type("plan-plannedTo", day);
            submit(browser.findElement(By.id("submit-plan")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã lập kế hoạch đánh giá nội bộ.");
            assertThat(text(By.id("audit-scope"))).isEqualTo("VP");
            assertThat(text(By.id("audit-dates"))).isEqualTo("Từ " + day + " đến " + day);
            return browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        });
        String page = "/audits/" + audit;

        step("audit-team", () -> {
            assertThat(browser.findElements(By.cssSelector("form.schedule-form"))).isEmpty(); // no team yet
            type("team-leadUserId", "danhgia");
            type("team-leadName", "Đỗ Thị Đào");
            type("team-leadUnit", "TO-ISO");
            type("team-decisionNumber", "45/QĐ-SLĐTBXH");
            type("team-decisionDate", day);
            submit(browser.findElement(By.id("submit-team")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã thành lập đoàn đánh giá.");
            assertThat(text(By.id("audit-team"))).contains("Đỗ Thị Đào", "(trưởng đoàn)");
            assertThat(text(By.id("audit-decision"))).startsWith("Quyết định số 45/QĐ-SLĐTBXH ngày " + day);
            // The secretary is not on the team: she records no unit audit.
            assertThat(browser.findElements(By.cssSelector("form.held-form"))).isEmpty();
        });

        step("audit-schedule-and-hold", () -> {
            signOutAndIn("danhgia");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-audits"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rounds tr[data-audit='" + audit + "'] a.open-audit"))).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("schedule-0")));
            type("schedule-0-date", day);
            browser.findElement(By.id("schedule-0-auditor-0")).click();
            submit(browser.findElement(By.cssSelector("#schedule-0 button.submit-schedule")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã lên lịch đánh giá.");
            assertThat(text(By.cssSelector("article[data-unit='VP'] .unit-audit-schedule")))
                    .isEqualTo("Lịch đánh giá ngày " + day + ", chuyên gia: Đỗ Thị Đào");
            type("held-0-note0Clause", "7.5.3");
            type("held-0-note0Question", "Tài liệu hết hiệu lực có được thu hồi không?");
            type("held-0-note0Observed", "Quy trình cũ (phiên bản 2) còn lưu hành tại bộ phận một cửa");
            new Select(browser.findElement(By.id("held-0-note0Conformity"))).selectByValue("NONCONFORMING");
            type("held-0-note1Clause", "8.1");
            type("held-0-note1Question", "Có kế hoạch thực hiện công việc không?");
            type("held-0-note1Observed", "Có kế hoạch tháng, được lãnh đạo phê duyệt");
            new Select(browser.findElement(By.id("held-0-note1Conformity"))).selectByValue("CONFORMING");
            screenshot("audit-checklist-form");
            submit(browser.findElement(By.cssSelector("#held-0 button.submit-held")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã ghi nhận việc đánh giá tại đơn vị.");
            String unit = text(By.cssSelector("article[data-unit='VP']"));
            assertThat(unit).contains("Đã đánh giá ngày " + day, "Quy trình cũ (phiên bản 2) còn lưu hành", "Không phù hợp",
                    "Có kế hoạch tháng", "Phù hợp");
            assertThat(text(By.id("figure-units-held"))).isEqualTo("1");
        });

        String nonconformity = step("audit-finding", () -> {
            new Select(browser.findElement(By.id("finding-unit"))).selectByValue("VP");
            type("finding-clause", "7.9");
            new Select(browser.findElement(By.id("finding-kind"))).selectByValue("MINOR_NONCONFORMITY");
            type("finding-description", "Tài liệu hết hiệu lực chưa được thu hồi tại bộ phận một cửa");
            type("finding-evidenceSeen", "Quy trình kiểm soát tài liệu phiên bản 2 tại quầy số 3");
            submit(browser.findElement(By.id("submit-finding")));
            assertThat(text(By.id("finding-clause-error")))
                    .isEqualTo("Không phải điều khoản yêu cầu của TCVN ISO 9001:2015 (từ 4 đến 10.3, ví dụ 7.5.3).");
            assertThat(browser.findElement(By.id("finding-description")).getAttribute("value")).startsWith("Tài liệu hết hiệu lực");
            screenshot("audit-finding-refused");
            type("finding-clause", "7.5.3");
            submit(browser.findElement(By.id("submit-finding")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã ghi nhận phát hiện; sự không phù hợp đã được ghi nhận tự động.");
            WebElement link = eventually(() -> {
                browser.navigate().refresh();
                return browser.findElements(By.cssSelector("#findings a.open-nonconformity")).stream().findFirst().orElse(null);
            });
            assertThat(text(By.cssSelector("#findings tbody tr"))).contains("VP", "7.5.3", "Không phù hợp nhẹ", "Quy trình kiểm soát tài liệu");
            assertThat(text(By.id("figure-findings"))).isEqualTo("1 (nặng: 0, nhẹ: 1, lưu ý: 0, cải tiến: 0)");
            assertThat(text(By.id("figure-open-findings"))).isEqualTo("1");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 3000));
            screenshot("audit-round");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
            String id = link.getText().trim();
            submit(link);
            return id;
        });
        String ncPage = "/nonconformities/" + nonconformity;

        step("audit-nc-in-the-tracker", () -> {
            assertThat(text(By.id("nc-status"))).isEqualTo("Mới ghi nhận");
            assertThat(text(By.id("nc-origin"))).contains("Đánh giá nội bộ", "Đánh giá nội bộ đợt 1 năm " + today.getYear());
            assertThat(text(By.id("nc-raised"))).contains(day, "Đỗ Thị Đào"); // raised on the auditor's behalf
            browser.findElement(By.id("back-to-list")).click();
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#nc-list tr[data-nonconformity='" + nonconformity + "']")));
            assertThat(row.getText()).contains("Mới ghi nhận", "Nhẹ", "VP", "7.5.3", "Đánh giá nội bộ");
        });

        step("audit-nc-root-cause-and-action", () -> {
            signOutAndIn("thuky");
            browser.get(webUrl + ncPage);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("root-cause-form")));
            type("rootCause-rootCause", "Chưa có đầu mối thu hồi tài liệu khi ban hành phiên bản mới");
            submit(browser.findElement(By.id("submit-root-cause")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã ghi nhận nguyên nhân.");
            type("action-ownerUnit", "VP");
            type("action-description", "Giao văn thư thu hồi tài liệu cũ khi ban hành phiên bản mới");
            type("action-dueDate", today.plusDays(14).format(DAY));
            submit(browser.findElement(By.id("submit-action")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã lập hành động khắc phục.");
            assertThat(text(By.id("nc-status"))).isEqualTo("Đang thực hiện khắc phục");
        });

        step("audit-nc-implemented", () -> {
            signOutAndIn("nhanvienvp");
            browser.get(webUrl + ncPage);
            WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.implement-form")));
            type("impl-0-number", "31/TB-VP");
            type("impl-0-date", day);
            type("impl-0-issuer", "Văn phòng Sở");
            type("impl-0-title", "Thông báo thu hồi quy trình kiểm soát tài liệu phiên bản 2");
            submit(form.findElement(By.cssSelector("button.submit-implementation")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã ghi nhận hành động đã thực hiện.");
            // The detail names who implemented it.
            assertThat(text(By.cssSelector("article.nc-action .implemented-by"))).isEqualTo("— Phạm Minh Hiếu");
        });

        step("audit-nc-verified-and-closed", () -> {
            signOutAndIn("qmr");
            browser.get(webUrl + ncPage);
            WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.verify-form")));
            browser.findElement(By.id("verify-0-effective-yes")).click();
            submit(form.findElement(By.cssSelector("button.submit-verification")));
            assertThat(text(By.id("nc-status"))).isEqualTo("Đã xác nhận hiệu lực, chờ đóng");
            submit(browser.findElement(By.id("submit-close")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã đóng sự không phù hợp.");
            assertThat(text(By.id("nc-status"))).isEqualTo("Đã đóng");
        });

        step("audit-report-and-closing", () -> {
            browser.get(webUrl + page);
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-form")));
            assertThat(text(By.id("figure-open-findings"))).isEqualTo("0"); // its nonconformity is closed
            type("report-number", "12/BC-ĐGNB");
            type("report-date", day);
            type("report-issuer", "Đoàn đánh giá nội bộ");
            type("report-title", "Báo cáo kết quả đánh giá nội bộ đợt 1");
            type("report-summary", "Một điểm không phù hợp nhẹ tại Văn phòng Sở (7.5.3), đã khắc phục");
            submit(browser.findElement(By.id("submit-report")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã phát hành báo cáo đánh giá.");
            assertThat(text(By.id("audit-report"))).startsWith("Báo cáo số 12/BC-ĐGNB ngày " + day);
            assertThat(browser.findElements(By.id("finding-form"))).isEmpty(); // the report settles the round
            submit(browser.findElement(By.id("submit-close")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã kết thúc đợt đánh giá.");
            assertThat(text(By.id("audit-closed"))).contains("Kết thúc ngày " + day, "Trần Văn Quang");
        });

        step("audit-programme-shows-it", () -> {
            browser.findElement(By.id("back-to-programme")).click();
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rounds tr[data-audit='" + audit + "']")));
            assertThat(row.findElement(By.cssSelector("td.scope")).getText()).isEqualTo("VP");
            assertThat(row.findElement(By.cssSelector("td.stage")).getText()).contains("Đã kết thúc", "Kết thúc ngày " + day);
            assertThat(row.findElement(By.cssSelector("td.team")).getText()).isEqualTo("Đỗ Thị Đào");
            assertThat(row.findElement(By.cssSelector("td.units-held")).getText()).isEqualTo("1");
            assertThat(row.findElement(By.cssSelector("td.finding-counts")).getText()).isEqualTo("1 (nặng: 0, nhẹ: 1, lưu ý: 0, cải tiến: 0)");
            assertThat(row.findElement(By.cssSelector("td.open-findings")).getText()).isEqualTo("0");
            // The year's units are the round's scope (VP) and no plan was imported here: 1 of 1 audited, 100 %.
            assertThat(text(By.id("units-audited"))).isEqualTo("Đã đánh giá 1/1 đơn vị (100 %).");
            JsonNode programme = read("qmr", "/api/organisations/SLDTBXH-HD/audit-programme?year=" + today.getYear());
            assertThat(programme.get("audits").get(0).get("closedOn").asText()).isEqualTo(today.toString());
            screenshot("audit-programme");
        });

        // ---- the management review that follows the round (Xem xét của lãnh đạo, "sau hoạt động ĐGNB") ----

        String review = step("review-due-and-planned", () -> {
            signOutAndIn("thuky");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-management-reviews"))).click();
            assertThat(text(By.cssSelector("#review-due .due-status"))).isEqualTo("Đến hạn xem xét");
            assertThat(text(By.cssSelector("#review-due .due-reason"))).isEqualTo("Chưa tổ chức cuộc họp xem xét nào.");
            assertThat(text(By.id("no-reviews"))).isEqualTo("Chưa có cuộc họp xem xét nào cho năm " + today.getYear() + ".");
            browser.findElement(By.cssSelector("#plan summary")).click();
            type("plan-title", "Xem xét của lãnh đạo sau đánh giá nội bộ đợt 1 năm " + today.getYear());
            new Select(browser.findElement(By.id("plan-trigger"))).selectByValue("AFTER_INTERNAL_AUDIT");
            type("plan-auditId", audit);
            // The period ends today and the meeting is today: a period is reviewed once it is over, never before planning.
            type("plan-periodFrom", LocalDate.of(today.getYear(), 1, 1).format(DAY));
            type("plan-periodTo", day);
            type("plan-scheduledOn", day);
            type("plan-participants", "Trần Văn Quang, Phó Giám đốc Sở, QMR\nNguyễn Thị Thư, Thư ký ISO");
            submit(browser.findElement(By.id("submit-plan"))); // no chair yet
            assertThat(text(By.id("plan-chairName-error"))).isEqualTo("Vui lòng nhập mục này.");
            assertThat(browser.findElement(By.id("plan-participants")).getAttribute("value")).startsWith("Trần Văn Quang, Phó Giám đốc Sở, QMR");
            type("plan-chairName", "Nguyễn Văn An");
            type("plan-chairTitle", "Giám đốc Sở");
            submit(browser.findElement(By.id("submit-plan")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã lập kế hoạch xem xét của lãnh đạo.");
            assertThat(text(By.id("review-status"))).isEqualTo("Đã lập kế hoạch");
            assertThat(text(By.id("review-trigger"))).isEqualTo("Sau đánh giá nội bộ " + audit);
            assertThat(text(By.id("review-period"))).isEqualTo("Từ 01/01/" + today.getYear() + " đến " + day);
            return browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);
        });

        step("review-held-and-decided", () -> {
            // The attendees start from the plan's chair and participants.
            assertThat(browser.findElement(By.id("hold-attendees")).getAttribute("value"))
                    .isEqualTo("Nguyễn Văn An, Giám đốc Sở\nTrần Văn Quang, Phó Giám đốc Sở, QMR\nNguyễn Thị Thư, Thư ký ISO");
            type("hold-minutesSummary", "Xem xét kết quả đánh giá nội bộ đợt 1 và tình hình thực hiện mục tiêu chất lượng");
            browser.findElement(By.id("hold-suitable")).click();
            browser.findElement(By.id("hold-adequate")).click();
            browser.findElement(By.id("hold-effective")).click();
            type("hold-conclusion", "Hệ thống quản lý chất lượng phù hợp, thỏa đáng và có hiệu lực");
            submit(browser.findElement(By.id("submit-hold")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã ghi nhận cuộc họp.");
            assertThat(text(By.id("review-status"))).isEqualTo("Đã họp");
            assertThat(text(By.id("review-held-on"))).isEqualTo(day);
            assertThat(text(By.id("review-attendees"))).contains("Nguyễn Văn An, Giám đốc Sở", "Nguyễn Thị Thư, Thư ký ISO");
            assertThat(text(By.id("review-conclusion"))).contains("Phù hợp: có; thỏa đáng: có; có hiệu lực: có");
            assertThat(browser.findElements(By.id("hold-form"))).isEmpty();
            new Select(browser.findElement(By.id("decision-kind"))).selectByValue("IMPROVEMENT");
            type("decision-description", "Rà soát việc thu hồi tài liệu hết hiệu lực tại các bộ phận một cửa");
            type("decision-ownerUnit", "VP");
            type("decision-dueDate", today.plusDays(30).format(DAY));
            submit(browser.findElement(By.id("submit-decision")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã ghi nhận quyết định.");
            assertThat(text(By.cssSelector("article.review-decision .decision-status"))).startsWith("Đang thực hiện");
            screenshot("review-held");
        });

        step("review-decision-completed-by-its-unit", () -> {
            signOutAndIn("nhanvienvp");
            browser.get(webUrl + "/reviews/" + review);
            WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.complete-form")));
            assertThat(browser.findElements(By.id("decision-form"))).isEmpty(); // staff record no decision
            type("complete-0-note", "Đã rà soát và thu hồi tài liệu cũ tại bộ phận một cửa");
            submit(form.findElement(By.cssSelector("button.submit-completion")));
            assertThat(text(By.id("notice"))).isEqualTo("Đã ghi nhận quyết định đã thực hiện.");
            assertThat(text(By.cssSelector("article.review-decision .decision-status"))).contains("Đã hoàn thành",
                    "Hoàn thành ngày " + day + ", đúng hạn", "Phạm Minh Hiếu");
        });

        step("review-list-and-tracker", () -> {
            browser.findElement(By.id("review-year")).click();
            WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#reviews tr[data-review='" + review + "']")));
            assertThat(row.findElement(By.cssSelector("td.review-status")).getText()).isEqualTo("Đã họp");
            assertThat(row.findElement(By.cssSelector("td.decisions-total")).getText()).isEqualTo("1");
            assertThat(row.findElement(By.cssSelector("td.decisions-done")).getText()).isEqualTo("1");
            // Held today, after the round closed today: an audit closed on the meeting's day counts as reviewed.
            assertThat(text(By.cssSelector("#review-due .due-status"))).isEqualTo("Chưa đến hạn xem xét");
            assertThat(browser.findElements(By.id("plan-form"))).isEmpty(); // staff plan no review
            browser.findElement(By.id("open-decisions")).click();
            WebElement decision = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#decisions tbody tr")));
            assertThat(decision.getText()).contains("Rà soát việc thu hồi", "Cơ hội cải tiến", "VP", "Đã hoàn thành");
            screenshot("review-decisions");
        });
    }
}
