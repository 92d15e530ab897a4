package io.couponflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiClient;
import io.couponflow.support.Multipart;
import io.couponflow.support.OnH2;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;

/**
 * Walks every page as a marketer sees it, at desktop (1280 px) and phone (390 px) width, over data made through
 * the API (sets of both types, an import with rejected rows, workflows with runs, a contact with activity, a
 * redemption, a firing alert, API keys, audit entries). A page fails on a raw ISO timestamp, a Java toString or key=value, a
 * machine label, an id where a name exists, or a horizontal scroll. Saves each page's viewport under
 * target/screenshots/walk/; {@code -Dscreenshots.docs=true} saves them under docs/screenshots/ instead (the ones the
 * README shows), {@code -Dscreenshots.full=true} also the whole page under target/screenshots/walk-full/ for a look.
 */
@OnH2
class PageWalkH2IT extends BrowserTest {
  static final Path SHOTS = Boolean.getBoolean("screenshots.docs") ? Path.of("docs", "screenshots")
      : Browser.SCREENSHOTS.resolve("walk");
  static final Path FULL = Boolean.getBoolean("screenshots.full") ? Browser.SCREENSHOTS.resolve("walk-full") : null;

  private static final Pattern ISO_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}|\\d{2}:\\d{2}:\\d{2}\\.\\d{3,}");
  private static final Pattern TO_STRING =
      Pattern.compile("\\{[\\w.-]+=|\\w+\\[\\w+=|\\b[A-Za-z][\\w.]*=[^\\s\"'=]");
  private static final Pattern MACHINE_LABEL = Pattern.compile("\\b(assign-coupon|send-email|send-web-content|"
      + "duplicate-in-file|already-exists|too-long|once-per-contact|new-each-time|coupon-set|api-key|inProgress|"
      + "SINGLE|MULTIPLE|FINISHED|ACTIVE|DRAFT)\\b");
  /** "Workflow 1", "workflow #1", "API key #12": how pages used to name things (names typed by tests are lowercase). */
  private static final Pattern ID_FOR_NAME =
      Pattern.compile("\\b(Workflow|Set|API key|Import|Run)[ \\t]+#?\\d+\\b|#\\d+\\b");
  /**
   * Visible text only: what is shown, not scripts, code samples, literals set in code type (a coupon code, an event
   * name such as coupon-set.exhausted, a header format) or what the marketer typed into a field.
   */
  private static final String VISIBLE_TEXT = """
      var skip = "script,style,textarea,pre,template,noscript,code,.code,.copy-block,dl.examples";
      var out = [];
      var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (var n = walker.nextNode(); n; n = walker.nextNode()) {
        var p = n.parentElement;
        if (!p || p.closest(skip) || !p.checkVisibility()) continue;
        var t = n.nodeValue.trim();
        if (t) out.push(t);
      }
      return out.join("\\n");""";

  @TempDir
  Path files;

  private final List<String> problems = new ArrayList<>();

  @Test
  void everyPageReadsInWordsAndFitsAPhone() throws Exception {
    Fixture data = createData();
    Files.createDirectories(SHOTS);
    if (FULL != null) {
      Files.createDirectories(FULL);
    }

    page("coupons", "/coupons");
    String icon = browser.find("link[rel=icon]").getAttribute("href");
    var favicon = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(icon)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(favicon.statusCode()).isEqualTo(200);
    assertThat(favicon.body()).startsWith("<svg");
    assertThat(browser.text("#sets tr[data-set-id='" + data.summer + "'] .workflows")).isEqualTo("Birthday email");
    page("coupons-code-search", "/coupons?q=" + data.redeemedCode);
    page("set-multiple", "/coupons/" + data.summer);
    page("set-individual", "/coupons/" + data.welcome);
    page("set-new-individual", "/coupons/new");
    assertThat(browser.all("#name-required")).as("nothing said before the marketer leaves the field").isEmpty();
    browser.click("#name");
    browser.click("#maxUses");
    assertThat(browser.text("#name-required")).contains("Give the set a name");
    browser.find("#name").sendKeys("Spring sale");
    assertThat(browser.all("#name-required")).as("typing a name takes the message away").isEmpty();
    page("set-delete", "/coupons/" + data.summer + "/delete");
    page("statistics-multiple", "/coupons/" + data.summer + "/statistics?days=7");
    page("statistics-individual", "/coupons/" + data.welcome + "/statistics?days=7");
    page("import-source", "/coupons/import?setId=" + data.summer);
    Path csv = files.resolve("autumn-codes.csv");
    Files.writeString(csv, "Code,Discount,Valid until\nAUT-" + data.tag + "-1,20%,30 Nov\nAUT-" + data.tag
        + "-2,20%,30 Nov\nAUT-" + data.tag + "-3,25%,30 Nov\n");
    browser.find("#file").sendKeys(csv.toString());
    assertThat(browser.find("#file-drop").getAttribute("class")).contains("chosen");
    assertThat(browser.text("#file-drop-title")).contains("autumn-codes.csv");
    browser.click("#next-source");
    browser.waitFor(d -> !browser.all("#columns-form").isEmpty());
    check("import-columns");
    page("workflows", "/workflows");
    assertThat(browser.all("#smtp-hint")).as("mail is configured in tests: no outbox hint").isEmpty();
    assertThat(browser.text("#workflows")).contains("Assign coupon → Send email").contains("Active");
    page("workflow-edit", "/workflows/" + data.birthday);
    assertThat(browser.text("#run-summary")).isEqualTo("2 finished");
    assertThat(browser.text("#runs")).contains("Ana García").contains("Assign coupon: code given");
    page("workflow-new", "/workflows/new");
    page("contacts", "/contacts");
    page("contact-card", "/contacts/" + data.ana);
    assertThat(browser.text("#activity")).contains("Birthday email").contains("Coupon redeemed");
    assertThat(browser.find("#activity time").getAttribute("title")).as("the exact moment on hover").matches(".*\\d{4}.*");
    page("api-keys", "/settings/api-keys");
    browser.type("#key-name", "Newsletter tool");
    browser.click("#create-key");
    browser.waitFor(d -> !browser.all("#created-key").isEmpty());
    assertThat(browser.all("#created-key button[data-copy='#secret']")).as("a copy button for the new key").hasSize(1);
    check("api-key-created");
    page("web-snippet", "/settings/web-snippet");
    page("webhooks", "/settings/webhooks");
    page("audit-log", "/settings/audit-log");
    page("not-found", "/coupons/999999999");

    phone();
    browser.open("/coupons");
    assertThat(browser.find("#main-nav").isDisplayed()).as("the phone menu starts closed").isFalse();
    browser.click("#menu-toggle");
    assertThat(browser.find("#menu-toggle").getAttribute("aria-expanded")).isEqualTo("true");
    assertThat(browser.find("#main-nav a[href='/workflows']").isDisplayed()).isTrue();
    save("menu-open-390");
    desktop();

    browser.click(".logout button");
    browser.waitFor(d -> d.getCurrentUrl().contains("/login"));
    check("sign-in");
    browser.logIn();

    assertThat(problems).as("pages that read like a developer's console").isEmpty();
  }

  /** The data a marketer would have after a few days: made through the API, as a shop would. */
  private Fixture createData() {
    Fixture f = new Fixture();
    f.tag = unique("");
    f.summer = createMultipleSet("Summer sale 20% " + f.tag.substring(0, 4), 0).get("id").asLong();
    long vip = api.post("/api/v1/coupon-sets/" + f.summer + "/child-sets", Map.of("name", "VIP customers"))
        .json().get("id").asLong();
    addCodes(f.summer, vip, codeValues("VIP-" + f.tag, 4));
    String p = "SUMMER-" + f.tag;
    var started = api.send(new Multipart().field("couponSetId", f.summer)
        .field("text", p + "-1\n" + p + "-2\n" + p + "-3\n" + p + "-2\nnot a code\n" + p + "-4\n" + p + "-5\n" + p + "-6\n")
        .into(api.request("/api/v1/imports")));
    assertThat(started.status()).as(started.text()).isEqualTo(201);
    long importId = started.json().get("id").asLong();
    await(() -> "finished".equals(api.get("/api/v1/imports/" + importId).json().get("status").asString()));

    f.welcome = createSingleSet("Welcome 15% " + f.tag.substring(0, 4), "WELCOME-" + f.tag, 200L).get("id").asLong();
    assertThat(api.patch("/api/v1/coupon-sets/" + f.welcome, Map.of("quantity", 250)).status()).isEqualTo(200);

    var key = api.post("/api/v1/api-keys", Map.of("name", "Shopify store", "scope", "write"));
    assertThat(key.status()).as(key.text()).isEqualTo(201);
    ApiClient shop = api.withKey(key.json().get("key").asString());

    f.ana = "ana-" + f.tag;
    contact(f.ana, "ana." + f.tag + "@example.test", "Ana", "García");
    String ben = "ben-" + f.tag;
    contact(ben, "ben." + f.tag + "@example.test", "Ben", "Ortiz");
    String birthday = "birthday-" + f.tag;
    f.birthday = workflow("Birthday email", birthday, List.of(
        Map.of("type", "assign-coupon", "couponSetId", f.summer, "variable", "coupon", "onExhausted", "stop"),
        Map.of("type", "send-email", "subject", "Happy birthday, {{contact.firstName | \"friend\"}}!",
            "html", "<p>Here is 20% off your next order: <b>{{coupon}}</b></p>")));
    String visit = "visit-" + f.tag;
    workflow("Welcome popup", visit, List.of(
        Map.of("type", "assign-coupon", "couponSetId", f.welcome, "variable", "coupon", "onExhausted", "stop"),
        Map.of("type", "wait", "duration", "PT1H"),
        Map.of("type", "send-web-content", "html", "<p>Welcome! Your code: <b>{{coupon}}</b></p>")));
    for (String contact : List.of(f.ana, ben)) {
      assertThat(shop.post("/api/v1/events", Map.of("contactId", contact, "type", birthday, "properties", Map.of()))
          .status()).isEqualTo(201);
      assertThat(shop.post("/api/v1/events", Map.of("contactId", contact, "type", visit, "properties", Map.of()))
          .status()).isEqualTo(201);
    }
    await(() -> api.get("/api/v1/workflows/" + f.birthday + "/runs?status=finished").json().get("items").size() == 2);
    await(() -> api.get("/api/v1/contacts/" + f.ana + "/activity?type=coupon-assigned").json().get("items").size() == 2);
    var assigned = api.get("/api/v1/contacts/" + f.ana + "/activity?type=coupon-assigned").json().get("items");
    for (var entry : assigned) {
      if (entry.get("couponSetId").asLong() == f.summer) {
        f.redeemedCode = entry.get("code").asString();
      }
    }
    Map<String, Object> redemption = new LinkedHashMap<>();
    redemption.put("code", f.redeemedCode);
    redemption.put("orderId", "order-" + f.tag);
    redemption.put("amount", 84.5);
    redemption.put("currency", "EUR");
    redemption.put("contactId", f.ana);
    var redeemed = shop.post("/api/v1/redemptions", redemption);
    assertThat(redeemed.status()).as(redeemed.text()).isEqualTo(201);
    assertThat(api.post("/api/v1/coupon-sets/" + f.summer + "/alerts", Map.of("kind", "available-below", "threshold", 20))
        .status()).isEqualTo(201);
    assertThat(api.post("/api/v1/coupon-sets/" + f.summer + "/alerts/evaluate", "").status()).isIn(200, 202, 204);
    return f;
  }

  private void contact(String id, String email, String first, String last) {
    var put = api.send(api.request("/api/v1/contacts/" + id)
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(
            Map.of("email", email, "firstName", first, "lastName", last))))
        .header("Content-Type", "application/json"));
    assertThat(put.status()).as(put.text()).isIn(200, 201);
  }

  private long workflow(String name, String trigger, List<Map<String, Object>> nodes) {
    var created = api.post("/api/v1/workflows", Map.of("name", name, "trigger", Map.of("event", trigger), "nodes", nodes));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(api.post("/api/v1/workflows/" + id + "/activate", "").status()).isEqualTo(200);
    return id;
  }

  private static void await(java.util.concurrent.Callable<Boolean> condition) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(condition);
  }

  private void page(String name, String path) {
    browser.open(path);
    check(name);
  }

  /** Checks the page at both widths and saves its screenshots; problems are collected, reported at the end. */
  private void check(String name) {
    browser.waitFor(d -> "complete".equals(browser.driver.executeScript("return document.readyState")));
    if (!browser.all("#stats-chart").isEmpty()) {
      browser.waitFor(d -> "true".equals(browser.find("#stats-chart").getDomAttribute("data-rendered")));
    }
    for (int width : List.of(1280, 390)) {
      if (width == 390) {
        phone();
      } else {
        desktop();
      }
      String text = (String) browser.driver.executeScript(VISIBLE_TEXT);
      flag(name, width, "a raw timestamp", ISO_TIME, text);
      flag(name, width, "a Java toString or key=value", TO_STRING, text);
      flag(name, width, "a machine label", MACHINE_LABEL, text);
      flag(name, width, "an id where a name exists", ID_FOR_NAME, text);
      long scroll = (Long) browser.driver.executeScript(
          "return document.documentElement.scrollWidth - window.innerWidth");
      if (scroll > 0) {
        problems.add(name + " at " + width + " px scrolls sideways by " + scroll + " px: " + browser.driver.executeScript("""
            var wide = [];
            document.querySelectorAll("body *").forEach(function (el) {
              var r = el.getBoundingClientRect();
              if (r.right > window.innerWidth + 1 && !el.closest(".table-wrap") && wide.length < 3) {
                wide.push(el.tagName + (el.id ? "#" + el.id : "") + "." + el.className);
              }
            });
            return wide.join(", ");"""));
      }
      save(name + "-" + width);
    }
    desktop();
  }

  private void flag(String page, int width, String what, Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    if (m.find()) {
      int from = Math.max(0, m.start() - 40);
      int to = Math.min(text.length(), m.end() + 40);
      problems.add(page + " at " + width + " px shows " + what + ": …" + text.substring(from, to).replace('\n', ' ') + "…");
    }
  }

  private void desktop() {
    metrics(1280, 900, false);
  }

  private void phone() {
    metrics(390, 844, true);
  }

  private void metrics(int width, int height, boolean mobile) {
    browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  /** The viewport; when asked, the whole page too (up to 4,000 px) for a look at what is below it. */
  private void save(String name) {
    try {
      Files.write(SHOTS.resolve(name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
      if (FULL == null) {
        return;
      }
      long width = (Long) browser.driver.executeScript("return window.innerWidth");
      long height = (Long) browser.driver.executeScript("return document.documentElement.scrollHeight");
      metrics((int) width, (int) Math.min(height, 4000), width < 700);
      Files.write(FULL.resolve(name + ".png"), browser.driver.getScreenshotAs(OutputType.BYTES));
      metrics((int) width, width < 700 ? 844 : 900, width < 700);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Fixture {
    String tag;
    long summer;
    long welcome;
    long birthday;
    String ana;
    String redeemedCode;
  }
}
