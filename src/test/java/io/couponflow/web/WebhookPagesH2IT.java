package io.couponflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.couponflow.support.OnH2;
import io.couponflow.support.SettableClock;
import io.couponflow.webhook.WebhookSignature;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Settings → Webhooks in real Chromium: create (secret once), the delivery log with response codes, redeliver, delete. */
@OnH2
class WebhookPagesH2IT extends BrowserTest {
  @Autowired
  SettableClock clock;

  private HttpServer receiver;
  private final List<String> signatures = new CopyOnWriteArrayList<>();
  private final List<byte[]> bodies = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();

  @AfterAll
  void stopReceiver() {
    if (receiver != null) {
      receiver.stop(0);
    }
    clock.reset();
  }

  @Test
  void aMarketerAddsAWebhookSeesItsDeliveriesAndSendsOneAgain() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext("/hook", exchange -> {
      bodies.add(exchange.getRequestBody().readAllBytes());
      signatures.add(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER));
      // the first delivery fails, so the log has a retry to show
      exchange.sendResponseHeaders(requests.incrementAndGet() == 1 ? 500 : 204, -1);
      exchange.close();
    });
    receiver.start();
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

    browser.open("/settings/webhooks");
    assertThat(browser.text("nav.topnav a.active")).isEqualTo("Webhooks");
    assertThat(browser.text("main")).contains("No webhooks yet");

    browser.type("#webhook-url", "ftp://shop.example/hooks");
    browser.click("#create-webhook");
    assertThat(browser.text("#url-error")).contains("https://");
    assertThat(browser.find("#webhook-url").getAttribute("value")).isEqualTo("ftp://shop.example/hooks");

    browser.type("#webhook-url", url);
    browser.click("#create-webhook");
    assertThat(browser.text("#events-error")).contains("at least one event type");
    browser.click("input[name=events][value='coupon.assigned']");
    browser.click("input[name=events][value='coupon-set.exhausted']");
    browser.click("#create-webhook");
    String secret = browser.text("#secret");
    assertThat(secret).startsWith("whsec_");
    assertThat(browser.all("button[data-copy='#secret']")).hasSize(1);
    assertThat(browser.text("#webhooks")).contains(url).contains("coupon.assigned").contains("coupon-set.exhausted");
    browser.screenshots("webhooks-created");
    keep("webhooks-created");

    browser.open("/settings/webhooks");
    assertThat(browser.driver.getPageSource()).as("the secret is shown once").doesNotContain(secret);

    long setId = createMultipleSet("Newsletter welcome", 2, "new-each-time").get("id").asLong();
    assign(setId, "page-1");
    assign(setId, "page-2");
    assign(setId, "page-3");
    long webhookId = Long.parseLong(browser.find(".webhook-row").getAttribute("data-webhook-id"));
    // past the first retry's backoff
    Instant now = clock.instant();
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
      clock.set(clock.instant().plusSeconds(45));
      return api.get("/api/v1/webhooks/" + webhookId + "/deliveries").json().get("items").values().stream()
          .allMatch(d -> d.get("status").asString().equals("delivered"));
    });
    // three events, the first one twice (at least once: a slow machine may send one again)
    assertThat(requests.get()).isGreaterThanOrEqualTo(4);
    for (int i = 0; i < bodies.size(); i++) {
      assertThat(WebhookSignature.verify(secret, signatures.get(i), bodies.get(i), clock.instant().getEpochSecond(),
          3600)).as("signed with the secret the page showed").isTrue();
    }
    clock.set(now);

    browser.click(".webhook-row a.url-cell");
    browser.waitForText("#log-title", "Delivery log");
    assertThat(browser.all(".delivery-row")).hasSize(3);
    assertThat(browser.text("#counts")).isEqualTo("3 delivered · 0 pending · 0 failed");
    assertThat(browser.text("#deliveries")).contains("coupon.assigned").contains("coupon-set.exhausted")
        .contains("HTTP 204");
    var retried = browser.find(".delivery-row:last-child");
    assertThat(retried.findElement(org.openqa.selenium.By.cssSelector(".attempts")).getText()).isEqualTo("2");
    retried.findElement(org.openqa.selenium.By.cssSelector(".attempts-list summary")).click();
    assertThat(retried.findElement(org.openqa.selenium.By.cssSelector(".attempts-list")).getText())
        .contains("HTTP 500").contains("HTTP 204");
    browser.screenshots("webhook-deliveries");
    keep("webhook-deliveries");

    int sentBefore = requests.get();
    browser.click(".delivery-row:last-child button.redeliver");
    assertThat(browser.text("#notice")).contains("queued to be sent again");
    browser.waitFor(d -> requests.get() > sentBefore);
    browser.waitFor(d -> {
      browser.open("/settings/webhooks/" + webhookId);
      return browser.text("#counts").startsWith("4 delivered");
    });

    browser.open("/settings/webhooks");
    browser.click(".webhook-row details.confirm summary");
    browser.click(".webhook-row details.confirm button");
    assertThat(browser.text("#notice")).contains("was deleted");
    assertThat(browser.all(".webhook-row")).isEmpty();
    assertThat(api.get("/api/v1/webhooks/" + webhookId).status()).isEqualTo(404);
  }

  private static void keep(String name) throws IOException {
    for (String width : List.of("1280", "390")) {
      Files.copy(Browser.SCREENSHOTS.resolve(name + "-" + width + ".png"), Path.of("/tmp", "wh-" + name + "-" + width
          + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
