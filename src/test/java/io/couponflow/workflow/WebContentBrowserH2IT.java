package io.couponflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.couponflow.support.OnH2;
import io.couponflow.support.TestKeys;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Real Chromium: the snippet on a shop's plain page shows the contact's code; the card filters its timeline. */
@OnH2
class WebContentBrowserH2IT extends WorkflowFixtures {
  private WebDriver browser;
  private HttpServer shop;

  @BeforeEach
  void openBrowser() throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
    if (shop != null) {
      shop.stop(0);
    }
  }

  @Test
  void theSnippetShowsTheContactsCodeAndTheCardFiltersAssignedCoupons() throws IOException {
    long setId = createMultipleSet("popup in chromium", 3).get("id").asLong();
    String contact = unique("zoe-");
    putContact(contact, null, "Zoe");
    String trigger = unique("pageview");
    long workflowId = activeWorkflow(trigger, List.of(assignNode(setId, "stop", null),
        Map.of("type", "send-web-content", "html", "<p>Welcome back! Your code: <b>{{coupon}}</b></p>")));
    event(contact, trigger);
    awaitTrue(Duration.ofSeconds(30), "the run to finish", () -> runs(workflowId, "finished").size() == 1);
    String code = activity(contact, "coupon-assigned").get(0).get("code").asString();

    browser.get(shopPage("<h1>Our shop</h1><script src=\"http://localhost:" + port + "/web/snippet.js\" data-contact-id=\""
        + contact + "\" data-contact-signature=\"" + webSignature(contact) + "\" async></script>"));

    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cf-popup-code")));
    assertThat(shown.getText()).isEqualTo(code);
    screenshot("shop-popup");
    assertThat(browser.findElement(By.cssSelector(".cf-popup-content")).getText()).contains("Your code: " + code);
    assertThat(browser.findElement(By.cssSelector(".cf-popup-copy")).getText()).isEqualTo("Copy");
    assertThat(browser.findElements(By.cssSelector(".cf-popup-code"))).as("the code shows once").hasSize(1);
    assertThat(set(setId).get("sent").asLong()).isEqualTo(1);

    signIn();
    browser.get("http://localhost:" + port + "/contacts/" + contact);
    assertThat(types()).contains("Assigned coupon", "Coupon sent", "Workflow finished");
    new Select(browser.findElement(By.id("activity-type"))).selectByVisibleText("Assigned coupon");
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      List<String> types = types();
      return !types.isEmpty() && types.stream().allMatch("Assigned coupon"::equals);
    });
    assertThat(types()).containsExactly("Assigned coupon");
    assertThat(browser.findElement(By.cssSelector("#timeline .code")).getText()).isEqualTo(code);
    screenshot("contact-card");
  }

  @Test
  void theEditorPreviewsTemplatesLiveAndTheListsShowTheWorkflowAndContact() throws IOException {
    long setId = createMultipleSet("editor set", 2).get("id").asLong();
    String contact = unique("yara-");
    putContact(contact, "yara@example.test", "Yara");
    String name = unique("Editor flow ");
    var created = api.post("/api/v1/workflows", Map.of("name", name, "trigger", Map.of("event", unique("ev")),
        "nodes", List.of(assignNode(setId, "skip", null), emailNode("Hi {{contact.firstName}}", "<b>{{coupon}}</b>"))));
    long id = created.json().get("id").asLong();

    signIn();
    browser.get("http://localhost:" + port + "/workflows");
    assertThat(browser.findElement(By.tagName("main")).getText()).contains(name);
    browser.get("http://localhost:" + port + "/workflows/" + id);
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    WebElement frame = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview iframe")));
    assertThat(frame.getAttribute("srcdoc")).isEqualTo("<b>" + WorkflowService.PLACEHOLDER_CODE + "</b>");
    browser.findElement(By.id("select-k1")).click();
    WebElement html = browser.findElement(By.id("k1-html"));
    html.clear();
    html.sendKeys("<i>{{coupon}} for {{contact.firstName | \"you\"}}</i>");
    wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.cssSelector("#preview iframe"))
        .getAttribute("srcdoc").equals("<i>" + WorkflowService.PLACEHOLDER_CODE + " for Ana</i>"));
    screenshot("workflow-editor");
    browser.findElement(By.cssSelector(".palette-item[data-type=wait]")).click();
    List<WebElement> places = browser.findElements(By.cssSelector("#flow .add-here"));
    places.get(places.size() - 1).click();
    wait.until(d -> d.findElements(By.cssSelector("#flow .flow-node")).size() == 3);
    browser.findElement(By.id("save-workflow")).click();
    wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Workflow saved."));
    browser.findElement(By.xpath("//button[text()='Activate']")).click();
    wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Workflow active"));
    var saved = api.get("/api/v1/workflows/" + id).json();
    assertThat(saved.get("status").asString()).isEqualTo("active");
    assertThat(saved.get("nodes").get(1).get("html").asString()).isEqualTo("<i>{{coupon}} for {{contact.firstName | \"you\"}}</i>");
    assertThat(saved.get("nodes").get(2).get("type").asString()).isEqualTo("wait");
    assertThat(saved.get("nodes").get(2).get("duration").asString()).isEqualTo("PT1H");
    browser.get("http://localhost:" + port + "/contacts?q=" + contact);
    assertThat(browser.findElement(By.tagName("main")).getText()).contains(contact).contains("yara@example.test");
  }

  private void screenshot(String name) throws IOException {
    byte[] png = ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
    java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), png);
  }

  private List<String> types() {
    return browser.findElements(By.cssSelector("#timeline .activity-type")).stream().map(WebElement::getText).toList();
  }

  private void signIn() {
    browser.get("http://localhost:" + port + "/login");
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(TestKeys.ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit].btn-primary")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/login"));
  }

  /** A plain page on another origin, as a shop would serve it. */
  private String shopPage(String body) throws IOException {
    shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    byte[] page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Shop</title></head><body>" + body
        + "</body></html>").getBytes(StandardCharsets.UTF_8);
    shop.createContext("/", exchange -> {
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
    shop.start();
    return "http://127.0.0.1:" + shop.getAddress().getPort() + "/";
  }
}
