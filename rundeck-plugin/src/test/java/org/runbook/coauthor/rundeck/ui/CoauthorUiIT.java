package org.runbook.coauthor.rundeck.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.runbook.coauthor.api.CoAuthor;
import org.runbook.coauthor.api.GenerationResult;
import org.runbook.coauthor.api.GenerationStatus;
import org.runbook.coauthor.plan.GenerationRequest;
import org.runbook.coauthor.validate.Finding;
import org.runbook.coauthor.validate.Validator;

/**
 * Drives the real {@code coauthor.js} in headless Chromium against {@link FakeRundeck}. The job YAML,
 * findings and transcript the fake returns come from the real offline generator. With
 * {@code -Dcoauthor.updateScreenshot=true} the dialog screenshot in {@code docs/images} is rewritten.
 */
class CoauthorUiIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String REQUEST = "Copy a file from a directory on a remote node to an S3 bucket. I should be"
            + " able to specify the hostname, the file name and the bucket.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ChromeDriver driver;
    private static GenerationResult generated;
    private static String okJson;
    private static String invalidJson;
    private static List<Finding> invalidFindings;
    private static GenerationResult noMatch;

    private FakeRundeck rundeck;

    @BeforeAll
    static void startBrowser(@TempDir Path profile) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("CoauthorUiIT needs Debian's chromium and chromium-driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "); install them with 'apt-get install -y chromium chromium-driver' (.ci/run does this)");
        }
        generated = CoAuthor.offline()
                .generate(GenerationRequest.builder()
                        .text(REQUEST)
                        .category("Data Transfers")
                        .build());
        assertTrue(generated.ok(), () -> "the offline generator should produce a valid job: " + generated.message());
        okJson = resultJson(
                "OK", generated.message(), generated.artifact(), generated.findings(), generated.transcript());
        // The same job with a broken option reference, judged by the real validator.
        String broken = generated.artifact().replace("${option.", "${option.missing_");
        invalidFindings = new Validator().validate(broken, "upload.yaml");
        assertTrue(invalidFindings.stream().anyMatch(Finding::isError), "the broken job should have error findings");
        invalidJson = resultJson(
                "INVALID", "the generated job has error findings; do not import it", broken, invalidFindings, "");

        noMatch = CoAuthor.offline()
                .generate(GenerationRequest.builder()
                        .text("Bake a chocolate cake for the team party")
                        .build());
        assertEquals(GenerationStatus.NO_MATCH, noMatch.status(), noMatch::message);

        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toString());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1280, 1560));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    @BeforeEach
    void startRundeck() throws IOException {
        rundeck = new FakeRundeck();
        rundeck.resultJson = okJson;
    }

    @AfterEach
    void stopRundeck() {
        rundeck.close();
    }

    @Test
    void should_open_an_accessible_dialog_by_keyboard_and_return_focus_on_escape() {
        openPage();
        WebElement button = await("the co-author button", () -> driver.findElement(By.id("coauthor-open")));
        assertEquals("Gen AI co-author", button.getText());
        assertTrue(
                driver.findElement(By.cssSelector(".subtitle-head-item"))
                                .findElements(By.id("coauthor-open"))
                                .size()
                        == 1,
                "the button sits in the page's subtitle bar");

        for (int i = 0; i < 20 && !"coauthor-open".equals(activeId()); i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals("coauthor-open", activeId(), "Tab reaches the button");
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);

        WebElement dialog = await("the dialog", () -> visible(By.cssSelector("[role=dialog]")));
        assertEquals("true", dialog.getDomAttribute("aria-modal"));
        WebElement title = driver.findElement(By.id(dialog.getDomAttribute("aria-labelledby")));
        assertEquals("Gen AI co-author", title.getText());
        await("the categories of the co-author job", () -> options().equals(FakeRundeck.CATEGORIES));
        assertTrue(isInsideDialog(), "focus moves into the dialog");

        List<WebElement> fields = dialog.findElements(By.cssSelector("input, select, textarea"));
        assertEquals(4, fields.size(), "category, request, project and the library toggle");
        for (WebElement field : fields) {
            List<WebElement> labels =
                    dialog.findElements(By.cssSelector("label[for='" + field.getDomAttribute("id") + "']"));
            assertEquals(1, labels.size(), () -> "one label for " + field.getDomAttribute("id"));
            assertFalse(labels.get(0).getText().isBlank());
        }
        WebElement project = dialog.findElement(By.cssSelector("input[type=text]"));
        assertEquals("demo", project.getDomProperty("value"));
        assertEquals("true", project.getDomProperty("readOnly"));

        for (int i = 0; i < 12; i++) {
            driver.switchTo().activeElement().sendKeys(Keys.TAB);
            assertTrue(isInsideDialog(), "Tab stays inside the dialog (press " + (i + 1) + ")");
        }
        driver.switchTo().activeElement().sendKeys(Keys.SHIFT, Keys.TAB);
        assertTrue(isInsideDialog(), "Shift+Tab stays inside the dialog");

        driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        await("the dialog to close", () -> !dialog.isDisplayed());
        assertEquals("coauthor-open", activeId(), "focus returns to the button");
        assertEquals("false", button.getDomAttribute("aria-expanded"));
    }

    @Test
    void should_show_yaml_findings_and_transcript_when_generated() throws Exception {
        generate();
        WebElement yaml = await("the YAML", () -> visible(By.cssSelector(".coauthor-yaml")));
        assertEquals(generated.artifact(), yaml.getDomProperty("textContent"));
        assertEquals(
                generated.transcript(),
                driver.findElement(By.cssSelector(".coauthor-transcript")).getDomProperty("textContent"));
        assertShowsFindings(generated.findings());
        assertTrue(driver.getPageSource().contains("No findings."));
        assertTrue(driver.findElement(By.cssSelector(".coauthor-summary"))
                .getText()
                .contains("passed validation"));

        FakeRundeck.Recorded run = single("POST", "/job/" + FakeRundeck.JOB_ID + "/run");
        JsonNode body = JSON.readTree(run.body());
        assertEquals("Data Transfers", body.at("/options/category").asText());
        assertEquals(REQUEST, body.at("/options/request").asText());
        assertTrue(run.header("Content-Type").startsWith("application/json"));
        List<FakeRundeck.Recorded> polls = rundeck.requests("GET", "/execution/42/output");
        assertEquals(2, polls.size());
        assertTrue(polls.get(1).query().contains("offset=120"), "the second poll follows the offset");
        assertTrue(rundeck.requests("POST", "/jobs/import").isEmpty(), "no import without the toggle");
        assertTrue(importButton().isEnabled());

        screenshot();
    }

    @Test
    void should_import_with_the_yaml_body_and_the_current_token_when_library_toggle_is_on() {
        rundeck.importResponse = FakeRundeck.succeeded("Upload a file to S3", "coauthor/data-transfers");
        openDialog();
        driver.findElement(By.cssSelector("input[type=checkbox]")).click();
        type(REQUEST);
        driver.findElement(By.cssSelector(".coauthor-form button[type=submit]")).click();

        WebElement outcome = await("the import outcome", () -> visible(By.cssSelector(".coauthor-success")));
        assertTrue(outcome.getText().contains("coauthor/data-transfers/Upload a file to S3"), outcome.getText());
        FakeRundeck.Recorded imported = single("POST", "/project/demo/jobs/import");
        assertEquals(generated.artifact(), imported.body());
        assertTrue(imported.query().contains("fileformat=yaml"), imported.query());
        assertTrue(imported.query().contains("dupeOption=create"), imported.query());
        assertTrue(imported.query().contains("uuidOption=remove"), imported.query());
        assertEquals("application/yaml", imported.header("Content-Type"));
        assertEquals("true", imported.header("X-Rundeck-ajax"));
        assertEquals("application/json", imported.header("Accept"));
        assertNotEquals(FakeRundeck.INITIAL_TOKEN, imported.header("X-RUNDECK-TOKEN-KEY"));
        assertEquals(FakeRundeck.TOKEN_URI, imported.header("X-RUNDECK-TOKEN-URI"));
        assertEveryWriteCarriesTheNewestToken();
        assertFalse(importButton().isEnabled(), "imported once, the button is disabled");
        assertTrue(reason().contains("Already added"), reason());
    }

    @Test
    void should_say_permission_is_missing_when_run_is_forbidden() {
        rundeck.runStatus = 403;
        generate();
        WebElement alert = await("the alert", () -> visible(By.cssSelector("[role=alert] p")));
        assertTrue(
                alert.getText().contains("You do not have permission to run the Co-author job (HTTP 403)"),
                alert.getText());
        assertTrue(alert.getText().contains("Not authorized for action \"Run\""), alert.getText());
        assertTrue(driver.findElements(By.cssSelector(".coauthor-yaml")).isEmpty());
        assertTrue(rundeck.requests("GET", "/execution/42/output").isEmpty());
    }

    @Test
    void should_disable_import_with_the_reason_when_result_is_invalid() {
        rundeck.resultJson = invalidJson;
        openDialog();
        driver.findElement(By.cssSelector("input[type=checkbox]")).click();
        type(REQUEST);
        driver.findElement(By.cssSelector(".coauthor-form button[type=submit]")).click();

        await("the findings", () -> visible(By.cssSelector(".coauthor-finding-error")));
        assertShowsFindings(invalidFindings);
        assertTrue(driver.findElement(By.cssSelector(".coauthor-summary"))
                .getText()
                .contains("has errors"));
        assertFalse(importButton().isEnabled());
        assertFalse(driver.findElement(By.xpath("//button[text()='Open in editor']"))
                .isEnabled());
        assertTrue(reason().contains("generation status is INVALID"), reason());
        assertEquals(reason(), describedBy(importButton()), "the disabled button is described by its reason");
        assertTrue(rundeck.requests("POST", "/jobs/import").isEmpty(), "an invalid job is never imported");
    }

    @Test
    void should_show_the_message_and_no_job_when_nothing_matches() throws IOException {
        rundeck.resultJson = resultJson("NO_MATCH", noMatch.message(), null, List.of(), null);
        generate();
        WebElement summary = await("the summary", () -> visible(By.cssSelector(".coauthor-summary")));
        assertTrue(summary.getText().startsWith("Nothing in the catalog fits this request."), summary.getText());
        assertTrue(summary.getText().contains(noMatch.message()), summary.getText());
        assertTrue(driver.findElements(By.cssSelector(".coauthor-yaml, .coauthor-transcript"))
                .isEmpty());
        assertFalse(importButton().isEnabled());
        assertTrue(reason().contains("generation status is NO_MATCH"), reason());
    }

    @Test
    void should_show_rundeck_import_errors_when_import_fails() {
        String error = "Validation errors: Option 'bucket': invalid regex";
        rundeck.importResponse = FakeRundeck.failed("Upload a file to S3", error);
        generate();
        await("the YAML", () -> visible(By.cssSelector(".coauthor-yaml")));
        importButton().click();

        WebElement failure = await("the import errors", () -> visible(By.cssSelector(".coauthor-import-errors li")));
        assertEquals("Upload a file to S3: " + error, failure.getText());
        assertTrue(driver.findElement(By.cssSelector("[role=alert]")).getText().contains("did not import"));
        assertTrue(importButton().isEnabled(), "a failed import can be retried");
        assertEveryWriteCarriesTheNewestToken();
    }

    @Test
    void should_offer_to_install_the_job_when_it_is_missing() throws IOException {
        rundeck.jobInstalled = false;
        rundeck.rotateOnGet = false;
        openDialog();
        WebElement install =
                await("the install button", () -> visible(By.xpath("//button[text()='Install the Co-author job']")));
        assertTrue(
                driver.findElement(By.cssSelector(".coauthor-setup")).getText().contains("is not in this project"));
        assertFalse(driver.findElement(By.cssSelector(".coauthor-form button[type=submit]"))
                .isEnabled());
        install.click();

        await("the categories after installing", () -> options().equals(FakeRundeck.CATEGORIES));
        FakeRundeck.Recorded imported = single("POST", "/project/demo/jobs/import");
        try (var in = getClass().getResourceAsStream("/ui/coauthor-job-fixture.yaml")) {
            assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), imported.body());
        }
        assertEquals("application/yaml", imported.header("Content-Type"));
        assertEquals(FakeRundeck.INITIAL_TOKEN, imported.header("X-RUNDECK-TOKEN-KEY"), "the page's token comes first");
        assertEveryWriteCarriesTheNewestToken();
    }

    @Test
    void should_say_the_generation_failed_when_the_step_fails_without_a_result() {
        rundeck.stepFails = true;
        generate();
        WebElement alert = await("the alert", () -> visible(By.cssSelector("[role=alert] p")));
        assertEquals("The generation failed. (failed)", alert.getText());
        assertEquals(
                "Configuration invalid: request is required",
                driver.findElement(By.cssSelector("[role=alert] pre")).getText());
        assertTrue(driver.findElement(By.cssSelector("[role=alert] a"))
                .getDomAttribute("href")
                .endsWith("/project/demo/execution/show/42"));
    }

    @Test
    void should_say_rundeck_is_unreachable_when_the_network_fails() {
        openDialog();
        type(REQUEST);
        rundeck.close();
        driver.findElement(By.cssSelector(".coauthor-form button[type=submit]")).click();
        WebElement alert = await("the alert", () -> visible(By.cssSelector("[role=alert] p")));
        assertTrue(alert.getText().startsWith("Could not reach Rundeck to run the Co-author job."), alert.getText());
    }

    @Test
    void should_fall_back_to_a_fixed_button_when_the_page_layout_is_unknown() {
        rundeck.bareLayout = true;
        openPage();
        WebElement button = await("the fallback button", () -> visible(By.id("coauthor-open")));
        assertEquals("fixed", button.getCssValue("position"));
        button.click();
        await("the categories", () -> options().equals(FakeRundeck.CATEGORIES));
    }

    private void assertShowsFindings(List<Finding> expected) {
        List<WebElement> items = driver.findElements(By.cssSelector(".coauthor-finding"));
        assertEquals(expected.size(), items.size());
        for (int i = 0; i < items.size(); i++) {
            Finding finding = expected.get(i);
            String text = items.get(i).getText();
            assertTrue(text.startsWith(finding.severity().toString().toUpperCase(java.util.Locale.ROOT)), text);
            assertTrue(text.contains(finding.ruleId()), text);
            assertTrue(text.contains(finding.message()), text);
            assertTrue(text.contains("line " + finding.line() + ", col " + finding.column()), text);
            assertTrue(text.contains(finding.hint()), text);
        }
    }

    private void openPage() {
        driver.get(rundeck.jobListUrl());
    }

    private void openDialog() {
        openPage();
        await("the co-author button", () -> driver.findElement(By.id("coauthor-open")))
                .click();
        await("the dialog", () -> visible(By.cssSelector("[role=dialog]")));
    }

    private void generate() {
        openDialog();
        await("the categories", () -> options().equals(FakeRundeck.CATEGORIES));
        type(REQUEST);
        driver.findElement(By.cssSelector(".coauthor-form button[type=submit]")).click();
    }

    private void type(String text) {
        await("the categories", () -> options().equals(FakeRundeck.CATEGORIES));
        driver.findElement(By.cssSelector(".coauthor-form textarea")).sendKeys(text);
    }

    private List<String> options() {
        return driver.findElements(By.cssSelector(".coauthor-form select option")).stream()
                .map(o -> o.getDomProperty("value"))
                .toList();
    }

    private WebElement importButton() {
        return driver.findElement(By.xpath("//button[text()='Add to Jobs Library']"));
    }

    private String reason() {
        return driver.findElement(By.cssSelector(".coauthor-reason")).getText();
    }

    private String describedBy(WebElement element) {
        return driver.findElement(By.id(element.getDomAttribute("aria-describedby")))
                .getText();
    }

    private WebElement visible(By by) {
        WebElement element = driver.findElement(by);
        return element.isDisplayed() ? element : null;
    }

    private String activeId() {
        return driver.switchTo().activeElement().getDomAttribute("id");
    }

    private boolean isInsideDialog() {
        return (Boolean)
                ((JavascriptExecutor) driver).executeScript("return !!document.activeElement.closest('[role=dialog]')");
    }

    private FakeRundeck.Recorded single(String method, String path) {
        List<FakeRundeck.Recorded> found = rundeck.requests(method, path);
        assertEquals(1, found.size(), () -> method + " " + path + " in " + rundeck.requests());
        return found.get(0);
    }

    /** Tokens are single use: every write carries the newest token the server handed out before it. */
    private void assertEveryWriteCarriesTheNewestToken() {
        List<FakeRundeck.Recorded> writes = rundeck.requests().stream()
                .filter(r -> !r.method().equals("GET"))
                .toList();
        assertFalse(writes.isEmpty());
        for (FakeRundeck.Recorded write : writes) {
            assertEquals(write.validToken(), write.header("X-RUNDECK-TOKEN-KEY"), write::toString);
            assertEquals(FakeRundeck.TOKEN_URI, write.header("X-RUNDECK-TOKEN-URI"), write::toString);
        }
    }

    private void screenshot() throws IOException {
        ((JavascriptExecutor) driver).executeScript("document.querySelector('.coauthor-backdrop').scrollTop = 0");
        byte[] png = driver.getScreenshotAs(OutputType.BYTES);
        Path target = Path.of("target", "coauthor-dialog.png");
        Files.write(target, png);
        if (Boolean.getBoolean("coauthor.updateScreenshot")) {
            Path docs = Path.of("..", "docs", "images", "coauthor-dialog.png");
            Files.createDirectories(docs.getParent());
            Files.write(docs, png);
        }
    }

    private <T> T await(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (NoSuchElementException | StaleElementReferenceException e) {
                // not there yet
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for " + what);
            }
        }
        String alert = driver.findElements(By.cssSelector("[role=alert]")).stream()
                .map(WebElement::getText)
                .findFirst()
                .orElse("");
        return fail("timed out waiting for " + what + "; dialog alert: \"" + alert + "\"; API requests: "
                + rundeck.requests());
    }

    private static String resultJson(
            String status, String message, String yaml, List<Finding> findings, String transcript) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("status", status);
        json.put("message", message);
        json.put("yaml", yaml);
        json.put(
                "findings",
                findings.stream()
                        .map(f -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", f.ruleId());
                            m.put("severity", f.severity().toString());
                            m.put("line", f.line());
                            m.put("column", f.column());
                            m.put("path", f.yamlPath());
                            m.put("message", f.message());
                            m.put("hint", f.hint());
                            return m;
                        })
                        .toList());
        json.put("transcript", transcript);
        json.put("provider", "offline");
        json.put("requestSha256", sha256(REQUEST));
        return JSON.writeValueAsString(json);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
