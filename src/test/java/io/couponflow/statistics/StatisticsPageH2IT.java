package io.couponflow.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiTest;
import io.couponflow.support.OnH2;
import io.couponflow.support.TestKeys;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The statistics page in real Chromium: counters, a drawn uPlot chart (CSP allows no inline script), tables. */
@OnH2
class StatisticsPageH2IT extends ApiTest {
  private WebDriver browser;

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
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void theStatisticsPageShowsCountersChartBreakdownsAndForecast() {
    long setId = createMultipleSet("Black Friday", 10).get("id").asLong();
    long childId = api.post("/api/v1/coupon-sets/" + setId + "/child-sets", Map.of("name", "vip")).json()
        .get("id").asLong();
    addCodes(setId, childId, codeValues(unique("VIPPAGE"), 3));
    var first = assign(setId, "page-1").json();
    assign(setId, "page-2");
    api.post("/api/v1/assignments/" + first.get("id").asLong() + "/sent", "");
    api.post("/api/v1/redemptions", Map.of("code", first.get("code").asString(), "orderId", "page-order"));
    api.post("/api/v1/coupon-sets/" + setId + "/alerts", Map.of("kind", "available-below", "threshold", 20));
    api.post("/api/v1/coupon-sets/" + setId + "/alerts/evaluate", "");

    browser.get("http://localhost:" + port + "/login");
    browser.findElement(By.name("username")).sendKeys("admin");
    browser.findElement(By.name("password")).sendKeys(TestKeys.ADMIN_PASSWORD);
    browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]")).click();
    browser.get("http://localhost:" + port + "/coupons/" + setId + "/statistics?days=7");

    var wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.until(d -> "true".equals(d.findElement(By.id("stats-chart")).getDomAttribute("data-rendered")));
    assertThat(browser.findElements(By.cssSelector("#stats-chart canvas"))).isNotEmpty();
    assertThat(browser.findElement(By.id("stat-total")).getText()).isEqualTo("13");
    assertThat(browser.findElement(By.id("stat-assigned")).getText()).isEqualTo("2");
    assertThat(browser.findElement(By.id("stat-redeemed")).getText()).isEqualTo("1");
    assertThat(browser.findElement(By.id("stat-conversion")).getText()).isEqualTo("50.0%");
    assertThat(browser.findElement(By.id("by-child")).getText()).contains("vip");
    assertThat(browser.findElement(By.id("by-workflow")).getText()).contains("API (no workflow)");
    assertThat(browser.findElement(By.id("forecast")).getText()).contains("11").contains("days");
    assertThat(browser.findElement(By.id("alerts")).getText()).contains("Available codes below 20").contains("Firing");
    List<String> logs = browser.manage().logs().get("browser").getAll().stream()
        .map(Object::toString).filter(l -> l.contains("Content Security Policy")).toList();
    assertThat(logs).isEmpty();
  }
}
