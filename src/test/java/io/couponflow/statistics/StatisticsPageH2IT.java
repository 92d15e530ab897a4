package io.couponflow.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiTest;
import io.couponflow.support.OnH2;
import io.couponflow.support.SettableClock;
import io.couponflow.support.TestKeys;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statistics page in real Chromium: figures, a drawn uPlot chart whose legend follows the
 * pointer (CSP allows no inline script), child sets compared, workflows by name, the leak report;
 * screenshots of it and of the set page at 1280 and 390 px.
 */
@OnH2
class StatisticsPageH2IT extends ApiTest {
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @Autowired
  SettableClock clock;

  private ChromeDriver browser;

  @BeforeEach
  void openBrowser() throws Exception {
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory("chrome-stats"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeBrowser() {
    clock.reset();
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theStatisticsPageShowsFiguresALiveChartChildSetsComparedWorkflowsByNameAndLeaks() {
    String u = unique("");
    long setId = createMultipleSet("Black Friday " + u.substring(0, 4), 6).get("id").asLong();
    long tenPercent = child(setId, "10-percent", 24);
    long twentyPercent = child(setId, "20-percent", 24);
    long newsletter = workflow("Black Friday newsletter", setId);
    long cart = workflow("Abandoned cart reminder", setId);
    Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
    int n = 0;
    for (int day = 9; day >= 0; day--) {
      for (int i = 0; i < 2; i++) {
        Instant at = now.minus(Duration.ofDays(day + 1)).plus(Duration.ofHours(i * 4));
        // 20 a child: 20-percent converts at 80% (one code used by a friend), 10-percent at 15%
        String contactA = "shopper-" + u + "-" + n++;
        var a = assignAt(setId, contactA, tenPercent, newsletter, at);
        sent(a.get("id").asLong(), at.plusSeconds(60));
        if (n % 7 == 0) {
          redeem(a.get("code").asString(), "o-" + u + "-" + n, contactA, at.plus(Duration.ofHours(3)));
        }
        String contactB = "shopper-" + u + "-" + n++;
        var b = assignAt(setId, contactB, twentyPercent, cart, at.plusSeconds(30));
        sent(b.get("id").asLong(), at.plusSeconds(90));
        if (n % 10 < 7) {
          redeem(b.get("code").asString(), "o-" + u + "-" + n, n == 14 ? "friend-of-" + contactB : contactB,
              at.plus(Duration.ofHours(2 + day % 3)));
        }
      }
    }
    clock.reset();
    var named = api.send(api.request("/api/v1/contacts/shopper-" + u + "-13")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
            "{\"email\": \"maria@example.test\", \"firstName\": \"Maria\", \"lastName\": \"Lopez\"}"))
        .header("Content-Type", "application/json"));
    assertThat(named.status()).as(named.text()).isIn(200, 201);
    String leakedCode = api.get("/api/v1/coupon-sets/" + setId + "/codes?status=available&limit=1").json()
        .get("items").get(0).get("code").asString();
    redeem(leakedCode, "o-leak-" + u, null, Instant.now().minus(Duration.ofHours(5)));
    api.post("/api/v1/coupon-sets/" + setId + "/alerts", Map.of("kind", "available-below", "threshold", 20));
    api.post("/api/v1/coupon-sets/" + setId + "/alerts/evaluate", "");
    JsonFigures expected = figures(setId);

    browser.get("http://localhost:" + port + "/login");
    browser.findElement(By.name("username")).sendKeys("admin");
    browser.findElement(By.name("password")).sendKeys(TestKeys.ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
    browser.get("http://localhost:" + port + "/coupons/" + setId + "/statistics?days=30");

    var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(d -> "true".equals(d.findElement(By.id("stats-chart")).getDomAttribute("data-rendered")));
    assertThat(browser.findElements(By.cssSelector("#stats-chart canvas"))).isNotEmpty();
    assertThat(text("stat-total")).isEqualTo("54");
    assertThat(text("stat-assigned")).isEqualTo("40").isEqualTo(String.valueOf(expected.assigned));
    assertThat(text("stat-redeemed")).isEqualTo(String.valueOf(expected.redeemed));
    assertThat(text("stat-leaked")).isEqualTo("1");
    assertThat(text("stat-conversion")).isEqualTo(String.format("%.1f%%", 100.0 * expected.redeemed / expected.assigned));
    assertThat(browser.findElement(By.id("by-child")).getText()).contains("10-percent").contains("20-percent");
    assertThat(browser.findElement(By.cssSelector("#by-child tr.leader")).getText()).contains("20-percent");
    assertThat(text("comparison-verdict")).contains("20-percent converts better");
    assertThat(browser.findElement(By.id("by-workflow")).getText()).contains("Black Friday newsletter")
        .contains("Abandoned cart reminder").contains("Not assigned to anyone (leaked)").doesNotContain("Workflow 1");
    assertThat(browser.findElements(By.cssSelector("#leak-list tbody tr"))).hasSize(2);
    assertThat(browser.findElement(By.id("leak-list")).getText()).contains("Maria Lopez").contains("nobody");
    assertThat(browser.findElement(By.id("forecast")).getText()).contains("days");
    assertThat(browser.findElement(By.id("alerts")).getText()).contains("Available codes below 20").contains("Firing");

    // the legend shows the window's totals, then the hovered day's values
    List<WebElement> values = browser.findElements(By.cssSelector("#stats-chart .u-legend .u-value"));
    assertThat(values.get(1).getText()).isEqualTo("40 in all");
    WebElement over = browser.findElement(By.cssSelector("#stats-chart .u-over"));
    new Actions(browser).moveToElement(over, over.getSize().getWidth() / 2 - 2, 0).perform();
    wait.until(d -> !d.findElements(By.cssSelector("#stats-chart .u-legend .u-value")).get(1).getText()
        .contains("in all"));
    assertThat(values.get(1).getText()).matches("\\d+");
    assertThat(values.get(0).getText()).matches("\\d+ \\w{3} \\d{4}");

    List<String> logs = browser.manage().logs().get("browser").getAll().stream()
        .map(Object::toString).filter(l -> l.contains("Content Security Policy")).toList();
    assertThat(logs).isEmpty();
    screenshots("statistics");
    browser.findElement(By.id("meaning")).click();
    screenshot("statistics-meaning-390", 390);
    browser.get("http://localhost:" + port + "/coupons/" + setId + "/statistics?days=7&workflowId=" + cart);
    wait.until(d -> "true".equals(d.findElement(By.id("stats-chart")).getDomAttribute("data-rendered")));
    assertThat(text("chart-scope")).contains("Abandoned cart reminder");
    String from = java.time.LocalDate.ofInstant(Instant.now().minus(Duration.ofDays(7)), java.time.ZoneOffset.UTC)
        .toString();
    long cartWeek = api.get("/api/v1/coupon-sets/" + setId + "/statistics?interval=day&from=" + from + "&workflowId="
        + cart).json().get("summary").get("assigned").asLong();
    assertThat(cartWeek).isBetween(12L, 16L);
    assertThat(text("window-summary")).startsWith("In these 7 days: " + cartWeek + " assigned");
    browser.get("http://localhost:" + port + "/coupons/" + setId);
    assertThat(browser.findElement(By.id("stat-leaks")).getText()).contains("1 leaked").contains("1 used by someone else");
    screenshots("set-figures");
  }

  private record JsonFigures(long assigned, long redeemed) {}

  private JsonFigures figures(long setId) {
    var set = set(setId);
    return new JsonFigures(set.get("assigned").asLong(), set.get("redeemed").asLong());
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private long child(long setId, String name, int codes) {
    long id = api.post("/api/v1/coupon-sets/" + setId + "/child-sets", Map.of("name", name)).json().get("id").asLong();
    addCodes(setId, id, codeValues(unique(name.substring(0, 2).toUpperCase() + "P"), codes));
    return id;
  }

  private long workflow(String name, long setId) {
    var created = api.post("/api/v1/workflows", Map.of("name", name, "trigger", Map.of("event", unique("never-")),
        "nodes", List.of(Map.of("type", "assign-coupon", "couponSetId", setId, "variable", "coupon",
            "onExhausted", "stop"))));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  private tools.jackson.databind.JsonNode assignAt(long setId, String contact, long childSetId, long workflowId,
      Instant at) {
    clock.set(at);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("contactId", contact);
    body.put("childSetId", childSetId);
    body.put("workflowId", workflowId);
    var response = api.post("/api/v1/coupon-sets/" + setId + "/assignments", body);
    assertThat(response.status()).as(response.text()).isEqualTo(201);
    return response.json();
  }

  private void sent(long assignmentId, Instant at) {
    clock.set(at);
    assertThat(api.post("/api/v1/assignments/" + assignmentId + "/sent", "").status()).isEqualTo(200);
  }

  private void redeem(String code, String orderId, String contactId, Instant at) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("orderId", orderId);
    body.put("redeemedAt", at.toString());
    if (contactId != null) {
      body.put("contactId", contactId);
    }
    var response = api.post("/api/v1/redemptions", body);
    assertThat(response.status()).as(response.text()).isEqualTo(201);
  }

  private void screenshots(String name) {
    screenshot(name + "-1280", 1280);
    screenshot(name + "-390", 390);
    browser.manage().window().setSize(new Dimension(1280, 900));
  }

  private void screenshot(String name, int width) {
    browser.manage().window().setSize(new Dimension(width, 900));
    for (int i = 0; i < 3; i++) {
      long missing = (Long) browser.executeScript("return document.documentElement.scrollHeight - window.innerHeight");
      if (missing <= 0) {
        break;
      }
      Dimension size = browser.manage().window().getSize();
      browser.manage().window().setSize(new Dimension(width, (int) Math.min(size.getHeight() + missing, 6000)));
    }
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
