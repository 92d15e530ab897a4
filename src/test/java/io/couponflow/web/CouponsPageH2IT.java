package io.couponflow.web;

import io.couponflow.couponset.CouponListPages;
import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.couponset.CouponSetUsage;
import io.couponflow.couponset.CouponSetView;
import io.couponflow.support.ApiClient;
import io.couponflow.support.ApiTest;
import io.couponflow.support.Multipart;
import io.couponflow.support.OnH2;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/** A marketer on the Coupons page in real Chromium: create, search, filter, edit, delete, export, API keys. */
@OnH2
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CouponsPageH2IT extends ApiTest {
  private static final String USAGE_BEAN = "uiTestCouponSetUsage";

  /** Sets an "active workflow" uses during this class; registered into the shared context, never a new one. */
  private final Set<Long> inUse = ConcurrentHashMap.newKeySet();

  @Autowired
  ConfigurableApplicationContext context;

  private Browser browser;

  @BeforeAll
  void startBrowser() {
    var factory = (DefaultListableBeanFactory) context.getBeanFactory();
    var definition = new RootBeanDefinition(CouponSetUsage.class, () -> new CouponSetUsage() {
      @Override
      public List<CouponSetView.WorkflowRef> workflowsUsing(long couponSetId) {
        return inUse.contains(couponSetId) ? List.of(new CouponSetView.WorkflowRef(42L, "Spring welcome", "active")) : List.of();
      }

      @Override
      public boolean usedByActiveWorkflow(long couponSetId) {
        return inUse.contains(couponSetId);
      }
    });
    definition.setPrimary(true);
    factory.registerBeanDefinition(USAGE_BEAN, definition);
    browser = new Browser(port);
    browser.logIn();
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
    ((DefaultListableBeanFactory) context.getBeanFactory()).removeBeanDefinition(USAGE_BEAN);
  }

  @Test
  @Order(1)
  void theCouponsPageShowsHistoryListAndWhatToDoFirst() {
    browser.open("/coupons");
    assertThat(browser.text("h1")).isEqualTo("Coupons");
    assertThat(browser.find("#history").getText()).contains("Imports");
    assertThat(browser.all("#sets, #empty-sets")).isNotEmpty();

    browser.open("/coupons/987654321");
    assertThat(browser.text("main")).contains("Not found").contains("It may have been deleted").doesNotContain("987654321");
  }

  @Test
  @Order(2)
  void creatingAnIndividualSetRefusesBadInputInlineAndKeepsWhatWasTyped() {
    String taken = unique("TAKEN");
    createSingleSet("Taken elsewhere", taken, null);
    String code = unique("WELCOME");

    browser.open("/coupons");
    browser.click("#new-individual");
    browser.type("#code", code);
    browser.type("#maxUses", "200");
    browser.click("#create-individual");
    assertThat(browser.text("#name-error")).contains("Give the set a name");
    assertThat(browser.find("#code").getAttribute("value")).isEqualTo(code);
    assertThat(browser.find("#maxUses").getAttribute("value")).isEqualTo("200");
    browser.screenshots("individual-form-error");

    browser.type("#name", "Welcome discount");
    browser.type("#code", taken.toLowerCase());
    browser.click("#create-individual");
    assertThat(browser.text("#code-error")).contains("already exists");
    assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Welcome discount");

    browser.type("#code", code);
    browser.type("#maxUses", "lots");
    browser.click("#create-individual");
    assertThat(browser.text("#maxUses-error")).contains("whole number");

    browser.type("#maxUses", "200");
    browser.click("#create-individual");
    browser.waitForText("#set-title", "Welcome discount");
    assertThat(browser.text("#notice")).contains(code);
    assertThat(browser.text("#stat-total")).isEqualTo("200");
    assertThat(browser.text("#stat-available")).isEqualTo("200");
    browser.screenshots("set-individual");
  }

  @Test
  @Order(3)
  void searchingACodeShowsItsSetAndStatus() {
    long setId = createMultipleSet("Spring sale " + unique(""), 0).get("id").asLong();
    List<String> codes = codeValues(unique("SPRING"), 3);
    addCodes(setId, null, codes);
    assertThat(assign(setId, "contact-" + unique("")).status()).isEqualTo(201);
    String assigned = api.get("/api/v1/coupon-sets/" + setId + "/codes?status=assigned").json()
        .get("items").get(0).get("code").asString();

    browser.open("/coupons");
    browser.type("#q", assigned.toLowerCase());
    browser.find("#q").submit();
    browser.waitFor(d -> !browser.all("#code-hit").isEmpty());
    assertThat(browser.text("#code-hit")).contains(assigned).contains("Spring sale");
    assertThat(browser.text("#code-hit .code-status")).isEqualTo("Assigned");
    browser.screenshots("search-code");

    browser.type("#q", "no such set or code " + unique(""));
    browser.find("#q").submit();
    browser.waitFor(d -> !browser.all("#no-results").isEmpty());
    assertThat(browser.text("#no-results")).contains("no code is spelled that way");
  }

  @Test
  @Order(4)
  void theFilterShowsOnlyTheChosenType() {
    createSingleSet("Filter single " + unique(""), unique("FS"), 5L);
    createMultipleSet("Filter multiple " + unique(""), 2);

    browser.open("/coupons");
    browser.click("#type-filter a:nth-child(2)");
    browser.waitFor(d -> d.getCurrentUrl().contains("type=individual"));
    assertThat(types()).isNotEmpty().containsOnly("Individual");

    browser.click("#type-filter a:nth-child(3)");
    browser.waitFor(d -> d.getCurrentUrl().contains("type=multiple"));
    assertThat(types()).isNotEmpty().containsOnly("Multiple");

    browser.click("#type-filter a:nth-child(1)");
    browser.waitFor(d -> !d.getCurrentUrl().contains("type="));
    assertThat(types()).contains("Individual", "Multiple");
    browser.screenshots("coupons");
  }

  private List<String> types() {
    return browser.all("#sets .set-row td[data-label=Type]").stream().map(e -> e.getText().strip()).toList();
  }

  @Test
  @Order(5)
  void editingKeepsWhatWasTypedWhenRefusedAndSavesWhenValid() {
    long id = createSingleSet("Edit me " + unique(""), unique("EDIT"), 10L).get("id").asLong();

    browser.open("/coupons");
    browser.click("#sets tr[data-set-id='" + id + "'] a[aria-label^=Edit]");
    browser.waitFor(d -> !browser.all("#settings-form").isEmpty());
    browser.type("#settings-form #name", "  ");
    browser.type("#settings-form #maxUses", "25");
    browser.click("#save-settings");
    assertThat(browser.text("#settings")).contains("Give the set a name");
    assertThat(browser.find("#settings-form #maxUses").getAttribute("value")).isEqualTo("25");

    browser.type("#settings-form #name", "Edited name");
    browser.click("#save-settings");
    browser.waitForText("#set-title", "Edited name");
    assertThat(browser.text("#stat-total")).isEqualTo("25");
    assertThat(set(id).get("quantity").asLong()).isEqualTo(25);
  }

  @Test
  @Order(6)
  void deletingASetInUseIsRefusedWithTheReasonAndAnotherIsDeleted() {
    long used = createMultipleSet("Used by workflow " + unique(""), 1).get("id").asLong();
    long spare = createMultipleSet("Spare set " + unique(""), 1).get("id").asLong();
    inUse.add(used);
    try {
      browser.open("/coupons");
      assertThat(browser.text("#sets tr[data-set-id='" + used + "'] .workflows")).contains("Spring welcome");
      browser.click("#sets tr[data-set-id='" + used + "'] a[aria-label^=Delete]");
      assertThat(browser.text("#blocked")).contains("“Spring welcome” is active");
      assertThat(browser.find("#confirm-delete").isEnabled()).isFalse();
      // the workflow was activated after the page was drawn: the server still refuses, and says why
      browser.driver.executeScript("document.getElementById('confirm-delete').disabled = false");
      browser.click("#confirm-delete");
      assertThat(browser.text("#refusal")).contains("can't be deleted while an active workflow");
      browser.screenshots("delete-refused");
      assertThat(api.get("/api/v1/coupon-sets/" + used).status()).isEqualTo(200);
    } finally {
      inUse.remove(used);
    }

    browser.open("/coupons");
    browser.click("#sets tr[data-set-id='" + spare + "'] a[aria-label^=Delete]");
    browser.click("#confirm-delete");
    browser.waitFor(d -> !browser.all("#notice").isEmpty());
    assertThat(browser.text("#notice")).contains("Deleted");
    assertThat(browser.all("#sets tr[data-set-id='" + spare + "']")).isEmpty();
    assertThat(api.get("/api/v1/coupon-sets/" + spare).status()).isEqualTo(404);
  }

  @Test
  @Order(7)
  void exportingUnusedCodesDownloadsExactlyTheUnusedOnes() throws Exception {
    long id = createMultipleSet("Export " + unique(""), 0).get("id").asLong();
    List<String> codes = codeValues(unique("EXP"), 4);
    addCodes(id, null, codes);
    assertThat(assign(id, "c1-" + unique("")).status()).isEqualTo(201);
    String assigned = api.get("/api/v1/coupon-sets/" + id + "/codes?status=assigned").json()
        .get("items").get(0).get("code").asString();

    browser.open("/coupons/" + id);
    String href = browser.find("#export-unused").getAttribute("href");
    HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
        .header("Cookie", "JSESSIONID=" + browser.sessionCookie()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("unused-codes-" + id + ".csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0)).isEqualTo("code,status,childSet,createdAt");
    assertThat(lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList())
        .containsExactlyInAnyOrderElementsOf(codes.stream().filter(c -> !c.equals(assigned)).toList());
  }

  @Test
  @Order(8)
  void childSetsAreCreatedAndDeletedOnTheSetPage() {
    long id = createMultipleSet("Children " + unique(""), 3).get("id").asLong();
    browser.open("/coupons/" + id);
    browser.click("#add-child");
    browser.waitForText("#child-sets", "Name the child set");
    browser.type("#childName", "vip");
    browser.click("#add-child");
    browser.waitFor(d -> !browser.all("#children .child-row").isEmpty());
    assertThat(browser.text("#children")).contains("vip");
    browser.type("#childName", "VIP");
    browser.click("#add-child");
    browser.waitForText("#child-sets", "already has a child set");
    assertThat(browser.find("#childName").getAttribute("value")).isEqualTo("VIP");
    browser.screenshots("set-multiple");
    assertThat(browser.find("#statistics-link").getAttribute("href")).endsWith("/coupons/" + id + "/statistics");

    browser.click("#children summary");
    browser.click("#children form button");
    browser.waitFor(d -> !browser.all("#no-children").isEmpty());
    assertThat(browser.text("#notice")).contains("back in the parent set");
  }

  @Test
  @Order(9)
  void anApiKeyIsShownOnceWorksAndStopsWorkingWhenRevoked() {
    browser.open("/settings/api-keys");
    browser.click("#create-key");
    assertThat(browser.text("#key-form")).contains("Give the key a name");
    browser.type("#key-name", "Shop " + unique(""));
    new org.openqa.selenium.support.ui.Select(browser.find("#key-scope")).selectByValue("read");
    browser.click("#create-key");
    browser.waitFor(d -> !browser.all("#secret").isEmpty());
    String secret = browser.text("#secret");
    browser.screenshots("api-keys");
    var withKey = new ApiClient(port, secret);
    assertThat(withKey.get("/api/v1/coupon-sets").status()).isEqualTo(200);
    assertThat(withKey.post("/api/v1/coupon-sets", java.util.Map.of("name", "x", "type", "multiple")).status()).isEqualTo(403);

    browser.open("/settings/api-keys");
    assertThat(browser.driver.getPageSource()).doesNotContain(secret);
    String row = "#keys tr.key-row:first-child";
    browser.click(row + " summary");
    browser.click(row + " form button");
    browser.waitFor(d -> browser.text(row).contains("Revoked"));
    assertThat(withKey.get("/api/v1/coupon-sets").status()).isEqualTo(401);
  }

  @Test
  @Order(10)
  void theListPagesThroughManySetsKeepingTheSearch() {
    String campaign = unique("Campaign");
    for (int i = 0; i < CouponListPages.PAGE_SIZE + 1; i++) {
      createSingleSet(campaign + " " + i, unique("PG"), null);
    }
    browser.open("/coupons?q=" + campaign);
    assertThat(browser.all("#sets .set-row")).hasSize(CouponListPages.PAGE_SIZE);
    assertThat(browser.text("#sets .set-row:first-child")).contains(campaign + " " + CouponListPages.PAGE_SIZE);
    browser.click("#next-page");
    browser.waitFor(d -> d.getCurrentUrl().contains("cursor="));
    assertThat(browser.all("#sets .set-row")).hasSize(1);
    assertThat(browser.text("#sets .set-row")).contains(campaign + " 0");
    assertThat(browser.find("#q").getAttribute("value")).isEqualTo(campaign);
    assertThat(browser.all("#next-page")).isEmpty();
  }

  @Test
  @Order(11)
  void theAuditLogShowsWhoDidWhatToASetWithNamesEscaped() throws Exception {
    String name = "Audited <b>" + unique("") + "</b>";
    long id = createMultipleSet(name, 0).get("id").asLong();
    String p = unique("AUD");
    var started = api.send(new Multipart().field("couponSetId", id).field("text", p + "-1\n" + p + "-2\n" + p + "-1\n")
        .into(api.request("/api/v1/imports")));
    assertThat(started.status()).as(started.text()).isEqualTo(201);
    long importId = started.json().get("id").asLong();
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(1)).pollInterval(java.time.Duration.ofMillis(50))
        .until(() -> "finished".equals(api.get("/api/v1/imports/" + importId).json().get("status").asString()));
    browser.open("/coupons/" + id);
    assertThat(browser.text("#set-title")).as("HTML in a name is shown as text").isEqualTo(name);
    assertThat(browser.all("#set-title b")).isEmpty();
    String export = browser.find("#export-unused").getAttribute("href");
    HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(export))
        .header("Cookie", "JSESSIONID=" + browser.sessionCookie()).build(), HttpResponse.BodyHandlers.discarding());

    browser.click("#history-link");
    browser.waitFor(d -> !browser.all("#audit-scope").isEmpty());
    assertThat(browser.text("#audit-scope")).isEqualTo("History of the set " + name);
    List<String> actions = browser.all("#audit .audit-row").stream().map(r -> r.getAttribute("data-action")).toList();
    assertThat(actions).containsExactly("codes.exported", "import.finished", "import.started", "coupon-set.created");
    List<String> who = browser.all("#audit .audit-row td:nth-child(2)").stream().map(e -> e.getText()).toList();
    String key = null;
    for (var k : api.get("/api/v1/api-keys?limit=1000").json().get("items")) {
      if (k.get("name").asString().startsWith("bootstrap")) {
        key = "API key “" + k.get("name").asString() + "”";
      }
    }
    assertThat(who).containsExactly("admin", "Couponflow", key, key);
    assertThat(browser.text("#audit .audit-row[data-action='import.finished']"))
        .contains("Import of “pasted list”").contains("2 codes added, 1 row rejected");
    assertThat(browser.all("#audit b")).isEmpty();
    browser.screenshots("audit-log");

    browser.open("/settings/audit-log");
    browser.click("#audit-filter a[href*='api-key']");
    browser.waitFor(d -> d.getCurrentUrl().contains("targetType=api-key"));
    assertThat(browser.all("#audit .audit-row")).isNotEmpty()
        .allSatisfy(row -> assertThat(row.getAttribute("data-action")).startsWith("api-key."));
  }
}
