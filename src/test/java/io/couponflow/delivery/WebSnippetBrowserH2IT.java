package io.couponflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.couponflow.support.ApiTest;
import io.couponflow.support.OnH2;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Real Chromium on a shop page served from another origin (a second local port) including the snippet. */
@OnH2
class WebSnippetBrowserH2IT extends ApiTest {
  @Autowired
  private WebContentInbox inbox;
  @Autowired
  private WebOrigins origins;

  /**
   * The shop page's own script: marks when the snippet's fetch has settled. The mark is set in a task after
   * the settling, so the snippet's promise callbacks (microtasks) have all run by then.
   */
  private static final String FETCH_WATCH = "var realFetch = window.fetch; window.fetch = function () {"
      + " return realFetch.apply(this, arguments).finally(function () {"
      + " setTimeout(function () { window.contentCallSettled = true; }, 0); }); };";

  private ChromeDriver browser;
  private HttpServer shop;
  private volatile byte[] page = new byte[0];

  @BeforeEach
  void openShopAndBrowser() throws IOException {
    shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    shop.createContext("/", exchange -> {
      byte[] body = page;
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    shop.start();
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,900", "--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterEach
  void closeAll() {
    origins.replace(List.of());
    if (browser != null) {
      browser.quit();
    }
    if (shop != null) {
      shop.stop(0);
    }
  }

  @Test
  void aSignedContactOnTheAllowedShopOriginSeesThePopupWithItsCode() {
    origins.replace(List.of(shopOrigin()));
    String contact = unique("c-");
    Popup popup = pendingPopup(contact);

    openShopPage(contact, webSignature(contact));

    var shown = new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".cf-popup-code")));
    assertThat(shown.getText()).isEqualTo(popup.code());
    assertThat(browser.findElement(By.cssSelector(".cf-popup-content")).getText()).contains("Your code " + popup.code());
    assertThat(set(popup.setId()).get("sent").asLong()).isEqualTo(1);
  }

  @Test
  void aWrongSignatureShowsNothingLeavesThePopupPendingAndLogsNothingThatLeaks() {
    String contact = unique("c-");
    Popup popup = pendingPopup(contact);
    String otherContactsSignature = webSignature(unique("c-"));

    openShopPage(contact, otherContactsSignature);
    awaitContentCallFinished();

    assertThat(browser.findElements(By.cssSelector(".cf-popup"))).isEmpty();
    assertThat(set(popup.setId()).get("sent").asLong()).isZero();
    List<LogEntry> logs = browser.manage().logs().get(LogType.BROWSER).getAll();
    for (LogEntry entry : logs) {
      assertThat(entry.getMessage()).doesNotContain(popup.code()).doesNotContain(webSecrets.current().secret())
          .doesNotContain("HMAC");
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
        // only the browser's own line about the refused request: no script error, nothing the snippet logged
        assertThat(entry.getMessage()).contains("/web/v1/content").contains("401");
      }
    }
    assertThat(webContent(contact).json().get("items")).hasSize(1);
  }

  @Test
  void aShopOnAnOriginThatIsNotAllowedShowsNothingAndMarksNothingSent() {
    origins.replace(List.of("https://the-real-shop.example"));
    String contact = unique("c-");
    Popup popup = pendingPopup(contact);

    openShopPage(contact, webSignature(contact));
    awaitContentCallFinished();

    assertThat(browser.findElements(By.cssSelector(".cf-popup"))).isEmpty();
    assertThat(set(popup.setId()).get("sent").asLong()).isZero();
  }

  private record Popup(long setId, String code) {}

  private Popup pendingPopup(String contact) {
    long setId = createMultipleSet("browser " + contact, 1).get("id").asLong();
    JsonNode assignment = assign(setId, contact).json();
    String code = assignment.get("code").asString();
    inbox.queue(null, null, contact, "<p>Your code <b>" + code + "</b></p>", List.of(assignment.get("id").asLong()),
        List.of(code));
    return new Popup(setId, code);
  }

  private String shopOrigin() {
    return "http://127.0.0.1:" + shop.getAddress().getPort();
  }

  private void openShopPage(String contact, String signature) {
    page = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Shop</title>"
        + "<script>" + FETCH_WATCH + "</script></head><body><h1>Our shop</h1>"
        + "<script src=\"http://localhost:" + port + "/web/snippet.js\" data-contact-id=\"" + contact
        + "\" data-contact-signature=\"" + signature + "\" async></script></body></html>")
        .getBytes(StandardCharsets.UTF_8);
    browser.get(shopOrigin() + "/");
  }

  /** The snippet's request has had its answer (whatever it was) and the snippet has handled it. */
  private void awaitContentCallFinished() {
    new WebDriverWait(browser, Duration.ofSeconds(20)).withMessage(() -> "no answer to the snippet's call; browser log: "
            + browser.manage().logs().get(LogType.BROWSER).getAll())
        .until(d -> Boolean.TRUE.equals(browser.executeScript("return window.contentCallSettled === true")));
  }
}
