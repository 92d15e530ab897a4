package io.couponflow.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.couponflow.support.Multipart;
import io.couponflow.support.OnH2;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** Child sets on the set page in real Chromium: tick codes and move them, move a number of them, filter, import history. */
@OnH2
class ChildSetsPageH2IT extends BrowserTest {

  @Test
  void tickedCodesAndANumberOfCodesMoveIntoChildSetsAndTheListFiltersByChildSet() {
    long setId = createMultipleSet("Summer split " + unique("").substring(0, 4), 0).get("id").asLong();
    List<String> codes = codeValues(unique("SPLIT"), 8);
    addCodes(setId, null, codes);
    long vip = child(setId, "vip");
    long tenPercent = child(setId, "10-percent");
    String held = assign(setId, "ana-" + unique("")).json().get("code").asString();

    browser.open("/coupons/" + setId);
    assertThat(browser.all("#codes tr[data-code='" + held + "'] input.pick-code")).as("a code held by a contact can't move").isEmpty();
    List<String> free = codes.stream().filter(c -> !c.equals(held)).toList();
    assertThat(browser.find("#move-selected").isEnabled()).as("nothing ticked yet").isFalse();
    browser.click("#codes tr[data-code='" + free.get(0) + "'] input.pick-code");
    browser.click("#codes tr[data-code='" + free.get(1) + "'] input.pick-code");
    assertThat(browser.text("#selected-count")).isEqualTo("2 codes ticked");
    new Select(browser.find("#move-to")).selectByVisibleText("vip");
    browser.screenshots("set-codes-ticked");
    browser.click("#move-selected");
    browser.waitForText("#notice", "Moved 2 codes into “vip”");
    assertThat(childOf(set(setId), "vip").get("total").asLong()).isEqualTo(2);

    new Select(browser.find("#child-filter")).selectByVisibleText("vip");
    browser.waitFor(d -> d.getCurrentUrl().contains("child=" + vip));
    assertThat(browser.all("#codes tbody tr").stream().map(r -> r.getAttribute("data-code")).toList())
        .containsExactlyInAnyOrder(free.get(0), free.get(1));
    assertThat(browser.find("#apply-child-filter").isDisplayed()).as("the filter applies on change").isFalse();
    assertThat(new Select(browser.find("#move-to")).getFirstSelectedOption().getText()).as("not vip again").isEqualTo("10-percent");
    browser.screenshots("set-codes-filtered-by-child");
    browser.click("#status-filter a[href*='status=assigned']");
    browser.waitFor(d -> d.getCurrentUrl().contains("status=assigned") && d.getCurrentUrl().contains("child=" + vip));
    assertThat(browser.text("#empty-codes")).contains("No assigned codes here");

    browser.open("/coupons/" + setId + "#child-sets");
    browser.type("#move-count", "3");
    new Select(browser.find("#move-into")).selectByVisibleText("10-percent");
    browser.click("#move-count-submit");
    browser.waitForText("#notice", "Moved 3 codes into “10-percent”");
    assertThat(browser.text("#children")).contains("3 of 3 available").contains("2 of 2 available");
    JsonNode set = set(setId);
    assertThat(List.of(set.get("total").asLong(), set.get("available").asLong())).containsExactly(8L, 7L);
    assertThat(childOf(set, "10-percent").get("id").asLong()).isEqualTo(tenPercent);

    browser.open("/coupons/" + setId + "#child-sets");
    browser.type("#move-count", "many");
    browser.click("#move-count-submit");
    browser.waitForText("#move-error", "a whole number");
    browser.open("/coupons/" + setId + "#child-sets");
    browser.type("#move-count", "50");
    new Select(browser.find("#move-from")).selectByVisibleText("vip (2 available)");
    new Select(browser.find("#move-into")).selectByVisibleText("The set itself (no child set)");
    browser.click("#move-count-submit");
    browser.waitForText("#notice", "Moved 2 codes into the set itself");
    assertThat(browser.text("#notice")).contains("“vip” had no more available codes");
    browser.screenshots("set-child-sets-moved");
  }

  @Test
  void theImportHistoryNamesTheChildSetAnImportWentInto() {
    long setId = createMultipleSet("History split " + unique("").substring(0, 4), 0).get("id").asLong();
    long vip = child(setId, "vip");
    var created = api.send(new Multipart().field("couponSetId", setId).field("childSetId", vip)
        .field("text", String.join("\n", codeValues(unique("HIST"), 3))).into(api.request("/api/v1/imports")));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long importId = created.json().get("id").asLong();
    await().atMost(Duration.ofMinutes(1)).until(() ->
        "finished".equals(api.get("/api/v1/imports/" + importId).json().get("status").asString()));

    browser.open("/coupons/" + setId);
    String row = "#imports .import-row[data-import-id='" + importId + "']";
    assertThat(browser.text(row + " .child-set")).isEqualTo("into child set vip");
    assertThat(browser.find(row + " .child-set a").getAttribute("href")).contains("child=" + vip);
    browser.open("/coupons");
    assertThat(browser.text(row + " .child-set")).contains("vip");
    browser.screenshots("coupons-history-child-set");

    assertThat(api.delete("/api/v1/coupon-sets/" + setId + "/child-sets/" + vip).status()).isEqualTo(204);
    browser.open("/coupons/" + setId);
    assertThat(browser.text(row + " .child-set")).contains("deleted");
  }

  private long child(long setId, String name) {
    var created = api.post("/api/v1/coupon-sets/" + setId + "/child-sets", Map.of("name", name));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  private static JsonNode childOf(JsonNode set, String name) {
    for (JsonNode child : set.get("childSets")) {
      if (child.get("name").asString().equals(name)) {
        return child;
      }
    }
    throw new AssertionError("no child set " + name + " in " + set);
  }
}
