package io.github.partnerapi.harness.stub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.partnerapi.harness.signing.RequestSigner;
import io.github.partnerapi.harness.stub.StubClient.Answer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The documented flow in a real headless Chromium: sign GET /company/search for the stub's URL, open
 * /docs, "Try it out", paste the three header values, Execute: 200; a wrong signature shows the 401.
 * Screenshots go to target/screenshots/.
 */
@ResourceLock("chromium")
class SwaggerUiIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static StubCredentials credentials;
    static VerifierStub stub;

    @BeforeAll
    static void start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            assumeTrue(installed, "Debian's chromium and chromium-driver are not installed (.ci/run installs them)");
        }
        assertThat(installed).as("CI installs chromium and chromium-driver").isTrue();
        credentials = StubCredentials.generate();
        stub = VerifierStub.builder().apiKey(credentials.apiKey().value(), credentials.keyPair().getPublic())
                .explain(true).build();
        StubClient client = new StubClient(stub, credentials.apiKey().value(),
                RequestSigner.of(credentials.keyPair().getPrivate()));
        assertThat(client.signed("POST", "/company", "{\"name\":\"ACME Corp\"}").status()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    @Test
    void openApiDescriptionHasTheSignatureHeadersOnEveryOperation() {
        Answer answer = StubClient.send("GET", stub.baseUri() + "/openapi.json", new byte[0], java.util.Map.of());
        assertThat(answer.status()).isEqualTo(200);
        answer.json().path("paths").forEach(path -> path.forEach(operation -> {
            List<String> refs = operation.path("parameters").findValuesAsText("$ref");
            assertThat(refs).contains("#/components/parameters/x-api-key", "#/components/parameters/x-timestamp",
                    "#/components/parameters/x-nonce", "#/components/parameters/x-sign");
        }));
    }

    @Test
    void signedSearchExecutedInSwaggerUiGets200AndAWrongSignatureThe401() throws Exception {
        String url = stub.baseUri() + "/company/search?query=acme";
        RequestSigner signer = RequestSigner.of(credentials.keyPair().getPrivate());
        String ts = signer.timestamp();
        String xSign = signer.sign(ts, url, new byte[0]);
        WebDriver browser = chromium();
        try {
            browser.get(stub.rootUri() + "/docs");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            WebElement operation = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("#operations-Company-searchCompanies .opblock-summary")));
            assertThat(browser.findElements(By.cssSelector(".opblock"))).as("operations shown").hasSize(52);
            operation.click();
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".try-out__btn"))).click();
            screenshot(browser, "swagger-ui-try-it-out.png");
            fill(wait, "query", "acme");
            fill(wait, "x-api-key", credentials.apiKey().value());
            fill(wait, "x-timestamp", ts);
            fill(wait, "x-sign", xSign);
            browser.findElement(By.cssSelector(".execute")).click();
            String status = responseStatus(wait);
            screenshot(browser, "swagger-ui-signed-search-200.png");
            assertThat(status).isEqualTo("200");
            assertThat(responseBody(browser)).contains("\"total_count\": 1", "ACME Corp");

            fill(wait, "x-sign", xSign.substring(1) + "A");
            WebElement first = browser.findElement(By.cssSelector(".live-responses-table .response .response-col_status"));
            browser.findElement(By.cssSelector(".btn-clear")).click();
            wait.until(ExpectedConditions.stalenessOf(first)); // else the 200 still shown could be read as the answer
            browser.findElement(By.cssSelector(".execute")).click();
            assertThat(responseStatus(wait)).isEqualTo("401");
            screenshot(browser, "swagger-ui-wrong-signature-401.png");
            assertThat(responseBody(browser)).contains("errPartnerAuth", "\"reason\": \"signature\"", "\"cause\"");
        } finally {
            browser.quit();
        }
    }

    private static WebDriver chromium() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1600");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static void fill(WebDriverWait wait, String parameter, String value) {
        // the inputs appear when "Try it out" re-renders the operation: waited for, not assumed
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("tr[data-param-name='" + parameter + "'] input")));
        input.clear();
        input.sendKeys(value);
    }

    private static String responseStatus(WebDriverWait wait) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".live-responses-table .response .response-col_status"))).getText().trim();
    }

    private static String responseBody(WebDriver browser) {
        return browser.findElement(By.cssSelector(".live-responses-table .response-col_description pre")).getText();
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        List<WebElement> response = browser.findElements(By.cssSelector(".live-responses-table .response"));
        if (!response.isEmpty()) {
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "arguments[0].scrollIntoView({block: 'center'});", response.get(0));
        }
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
