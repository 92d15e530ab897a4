package io.couponflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.OnH2;
import io.couponflow.web.Browser;
import io.couponflow.web.BrowserTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** Real Chromium: the assign step's panel turns the step into a split test, with form controls only (no drag). */
@OnH2
class WorkflowSplitBrowserH2IT extends BrowserTest {
  private static final String ASSIGN = ".node-config[data-type=assign-coupon] ";

  @Test
  void aSplitOfOneToThreeIsBuiltInThePanelSavedAndShownAgainOnTheCardAndInThePanel() throws IOException {
    String setName = unique("Spring sale ");
    long setId = createMultipleSet(setName, 4).get("id").asLong();
    long tenPercent = child(setId, "10-percent");
    long fifteenPercent = child(setId, "15-percent");

    browser.open("/workflows/new");
    browser.waitFor(d -> !browser.all("#flow .flow-node").isEmpty());
    browser.find("#name").sendKeys(unique("Split test "));
    browser.find("#trigger").sendKeys(Keys.chord(Keys.CONTROL, "a"), unique("signup"));
    browser.find("#flow .flow-node[data-type=assign-coupon] .node-select").sendKeys(Keys.ENTER);
    new Select(browser.find(ASSIGN + ".set-select")).selectByValue(String.valueOf(setId));
    assertThat(browser.find(ASSIGN + ".split-field").isDisplayed()).isFalse();

    browser.find(ASSIGN + ".split-on").sendKeys(Keys.SPACE);
    assertThat(browser.find(ASSIGN + ".split-field").isDisplayed()).isTrue();
    assertThat(browser.find(ASSIGN + ".child-field").isDisplayed()).isFalse();
    assertThat(rows()).hasSize(2);
    new Select(share(0, ".share-child")).selectByValue(String.valueOf(tenPercent));
    new Select(share(1, ".share-child")).selectByValue(String.valueOf(fifteenPercent));
    share(1, ".share-weight").sendKeys(Keys.chord(Keys.CONTROL, "a"), "3");
    assertThat(percents()).containsExactly("25 %", "75 %");
    assertThat(detail()).isEqualTo("Split: 10-percent 25 % · 15-percent 75 %");

    // a third row comes and goes by keyboard; two rows are the least a split has
    browser.find(ASSIGN + ".share-add").sendKeys(Keys.ENTER);
    assertThat(rows()).hasSize(3);
    assertThat(focused()).isEqualTo(share(2, ".share-child"));
    assertThat(share(2, ".share-child").getAttribute("name")).isEqualTo("nodes[0].shares[2].childSetId");
    assertThat(browser.find("#announcer").getText()).isEqualTo("Child set 3 added to the split.");
    share(2, ".share-remove").sendKeys(Keys.ENTER);
    assertThat(rows()).hasSize(2);
    assertThat(share(0, ".share-remove").isEnabled()).isFalse();
    assertThat(percents()).containsExactly("25 %", "75 %");
    browser.waitFor(d -> browser.all(".preview-item").stream().anyMatch(WebElement::isDisplayed));
    assertThat(browser.all("#preview .alert-error")).isEmpty();

    browser.click("#save-workflow");
    browser.waitForText(".alert-success", "Workflow saved.");
    long id = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*/workflows/(\\d+).*", "$1"));
    JsonNode assign = api.get("/api/v1/workflows/" + id).json().get("nodes").get(0);
    assertThat(assign.get("couponSetId").asLong()).isEqualTo(setId);
    assertThat(assign.has("childSetId")).isFalse();
    assertThat(assign.get("split").valueStream().map(s -> List.of(s.get("childSetId").asLong(), s.get("weight").asLong())).toList())
        .containsExactly(List.of(tenPercent, 1L), List.of(fifteenPercent, 3L));

    browser.open("/workflows/" + id);
    browser.waitFor(d -> detail().startsWith("Split"));
    assertThat(detail()).isEqualTo("Split: 10-percent 25 % · 15-percent 75 %");
    assertThat(browser.find("#flow .flow-node[data-type=assign-coupon] .node-summary").getText())
        .isEqualTo("Assign a code from " + setName);
    assertThat(browser.find(ASSIGN + ".split-on").isSelected()).isTrue();
    assertThat(rows().stream().map(r -> new Select(r.findElement(org.openqa.selenium.By.cssSelector(".share-child")))
        .getFirstSelectedOption().getText()).toList()).containsExactly("10-percent", "15-percent");
    assertThat(share(0, ".share-weight").getAttribute("value")).isEqualTo("1");
    assertThat(share(1, ".share-weight").getAttribute("value")).isEqualTo("3");
    assertThat(percents()).containsExactly("25 %", "75 %");
    browser.waitFor(d -> browser.all(".preview-item").stream().anyMatch(WebElement::isDisplayed));
    screenshots();
  }

  @Test
  void aSplitErrorShowsAtTheSplitOfThatStepAndNothingIsSaved() {
    long setId = createMultipleSet(unique("Twice "), 2).get("id").asLong();
    long vip = child(setId, "vip");
    child(setId, "regular");
    var created = api.post("/api/v1/workflows", Map.of("name", unique("Split error "), "trigger", Map.of("event", unique("signup")),
        "nodes", List.of(Map.of("type", "assign-coupon", "couponSetId", setId),
            Map.of("type", "send-email", "subject", "Hi", "html", "<p>{{coupon}}</p>"))));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.json().get("id").asLong();

    browser.open("/workflows/" + id);
    browser.find("#flow .flow-node[data-type=assign-coupon] .node-select").click();
    browser.find(ASSIGN + ".split-on").click();
    new Select(share(0, ".share-child")).selectByValue(String.valueOf(vip));
    new Select(share(1, ".share-child")).selectByValue(String.valueOf(vip));
    browser.click("#save-workflow");

    browser.waitForText(".alert-error", "Not saved: step 1 needs a fix");
    assertThat(browser.find(ASSIGN + ".split-field .error").getText()).isEqualTo("child set vip (" + vip + ") is in the split twice");
    assertThat(browser.find(ASSIGN + ".split-rows").getAttribute("class")).contains("invalid");
    assertThat(browser.find("#flow .flow-node.invalid").getAttribute("data-type")).isEqualTo("assign-coupon");
    assertThat(api.get("/api/v1/workflows/" + id).json().get("nodes").get(0).has("split")).isFalse();
    browser.screenshots("workflow-split-error");
  }

  @Test
  void aSetWithFewerThanTwoChildSetsExplainsWhyAndLinksToTheSetPage() {
    long setId = createMultipleSet(unique("Lonely "), 1).get("id").asLong();
    child(setId, "only");

    browser.open("/workflows/new");
    browser.find("#flow .flow-node[data-type=assign-coupon] .node-select").click();
    new Select(browser.find(ASSIGN + ".set-select")).selectByValue(String.valueOf(setId));
    browser.find(ASSIGN + ".split-on").click();

    WebElement note = browser.find(ASSIGN + ".split-needs-children");
    assertThat(note.isDisplayed()).isTrue();
    assertThat(note.getText()).contains("A split test sends each contact a code from one of two or more child sets")
        .contains("This set has only one child set so far");
    assertThat(browser.find(ASSIGN + ".split-field").isDisplayed()).isFalse();
    browser.screenshots("workflow-split-needs-children");
    note.findElement(org.openqa.selenium.By.cssSelector("a.set-link")).click();
    browser.waitFor(d -> d.getCurrentUrl().contains("/coupons/" + setId));
    assertThat(browser.find("#child-sets").isDisplayed()).isTrue();
  }

  @Test
  void aSetWithOneSharedCodeSaysASplitNeedsASetOfUniqueCodes() {
    long setId = createSingleSet(unique("Shared "), unique("SHARED"), null).get("id").asLong();

    browser.open("/workflows/new");
    browser.find("#flow .flow-node[data-type=assign-coupon] .node-select").click();
    new Select(browser.find(ASSIGN + ".set-select")).selectByValue(String.valueOf(setId));
    browser.find(ASSIGN + ".split-on").click();

    assertThat(browser.find(ASSIGN + ".split-needs-children").getText())
        .isEqualTo("A split test draws from two or more child sets, and a set with one shared code has none: "
            + "choose a set of unique codes, or make one on the Coupons page.");
  }

  private long child(long setId, String name) {
    var child = api.post("/api/v1/coupon-sets/" + setId + "/child-sets", Map.of("name", name));
    assertThat(child.status()).as(child.text()).isEqualTo(201);
    return child.json().get("id").asLong();
  }

  private List<WebElement> rows() {
    return browser.all(ASSIGN + ".split-row");
  }

  private WebElement share(int row, String css) {
    return rows().get(row).findElement(org.openqa.selenium.By.cssSelector(css));
  }

  private List<String> percents() {
    return browser.all(ASSIGN + ".share-percent").stream().map(WebElement::getText).toList();
  }

  private String detail() {
    return browser.find("#flow .flow-node[data-type=assign-coupon] .node-detail").getText();
  }

  private WebElement focused() {
    return browser.driver.switchTo().activeElement();
  }

  /** The panel with a split at desktop and phone width, kept in docs/screenshots. */
  private void screenshots() throws IOException {
    browser.screenshots("workflow-split");
    Path docs = Path.of("docs", "screenshots");
    Files.createDirectories(docs);
    Files.copy(Browser.SCREENSHOTS.resolve("workflow-split-1280.png"), docs.resolve("workflow-split-desktop.png"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.copy(Browser.SCREENSHOTS.resolve("workflow-split-390.png"), docs.resolve("workflow-split-phone.png"),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
