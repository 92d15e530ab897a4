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
import org.openqa.selenium.interactions.Actions;
import tools.jackson.databind.JsonNode;

/** Real Chromium on the workflow canvas: steps dragged with real pointer input, the same with the keyboard only. */
@OnH2
class WorkflowCanvasBrowserH2IT extends BrowserTest {

  @Test
  void aStepDraggedFromThePaletteIntoTheMiddleAndThenToTheEndIsSavedInThatOrder() {
    String setName = unique("Welcome ");
    long id = workflow(setName);
    browser.open("/workflows/" + id);
    browser.waitFor(d -> types().size() == 2);
    assertThat(summaries()).containsExactly("Assign a code from " + setName, "Send email ‘Hi [first name]’");

    WebElement wait = browser.find(".palette-item[data-type=wait]");
    new Actions(browser.driver).clickAndHold(wait).moveByOffset(30, 10)
        .moveToElement(slots().get(1)).release().perform();

    assertThat(types()).containsExactly("assign-coupon", "wait", "send-email");
    assertThat(summaries().get(1)).isEqualTo("Wait 1 hour");
    assertThat(browser.find("#flow .flow-node.selected").getAttribute("data-type")).isEqualTo("wait");
    assertThat(browser.find("#announcer").getText()).isEqualTo("Wait added as step 2 of 3.");

    WebElement waitCard = browser.find("#flow .flow-node[data-type=wait] .node-grip");
    new Actions(browser.driver).clickAndHold(waitCard).moveByOffset(0, 12)
        .moveToElement(slots().get(3)).release().perform();

    assertThat(types()).containsExactly("assign-coupon", "send-email", "wait");
    browser.click(".flow-save button");
    browser.waitForText(".alert-success", "Workflow saved.");
    assertThat(savedTypes(id)).containsExactly("assign-coupon", "send-email", "wait");
    assertThat(saved(id).get("nodes").get(2).get("duration").asString()).isEqualTo("PT1H");
    assertThat(types()).containsExactly("assign-coupon", "send-email", "wait");
  }

  @Test
  void theKeyboardAloneAddsMovesConfiguresRemovesAndSaves() {
    long id = workflow(unique("Keys "));
    browser.open("/workflows/" + id);
    browser.waitFor(d -> types().size() == 2);

    browser.find(".palette-item[data-type=wait]").sendKeys(Keys.ENTER);
    browser.waitFor(d -> focused().getAttribute("class").contains("add-here"));
    assertThat(focused().getAttribute("aria-label")).isEqualTo("Add Wait here, as step 3");
    focused().sendKeys(Keys.ARROW_UP);
    assertThat(focused().getAttribute("aria-label")).isEqualTo("Add Wait here, as step 2");
    focused().sendKeys(Keys.ENTER);
    assertThat(types()).containsExactly("assign-coupon", "wait", "send-email");
    assertThat(focused().getAttribute("class")).isEqualTo("node-select");

    focused().sendKeys(Keys.ENTER);
    assertThat(focused().getAttribute("class")).contains("wait-amount");
    focused().sendKeys(Keys.chord(Keys.CONTROL, "a"), "2", Keys.TAB);
    assertThat(focused().getAttribute("class")).contains("wait-unit");
    focused().sendKeys(Keys.ARROW_DOWN);
    assertThat(summaries().get(1)).isEqualTo("Wait 2 days");

    WebElement waitStep = browser.find("#flow .flow-node[data-type=wait] .node-select");
    waitStep.sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_DOWN));
    assertThat(types()).containsExactly("assign-coupon", "send-email", "wait");
    assertThat(focused()).isEqualTo(waitStep);
    browser.find("#flow .flow-node[data-type=wait] .node-up").sendKeys(Keys.ENTER);
    assertThat(types()).containsExactly("assign-coupon", "wait", "send-email");
    browser.find("#flow .flow-node[data-type=wait] .node-down").sendKeys(Keys.ENTER);
    assertThat(types()).containsExactly("assign-coupon", "send-email", "wait");

    browser.find(".palette-item[data-type=send-web-content]").sendKeys(Keys.ENTER);
    focused().sendKeys(Keys.ENTER);
    assertThat(types()).containsExactly("assign-coupon", "send-email", "wait", "send-web-content");
    focused().sendKeys(Keys.DELETE);
    assertThat(types()).containsExactly("assign-coupon", "send-email", "wait");
    assertThat(browser.find("#announcer").getText()).startsWith("Send web content removed.");

    browser.find("#save-workflow").sendKeys(Keys.ENTER);
    browser.waitForText(".alert-success", "Workflow saved.");
    assertThat(savedTypes(id)).containsExactly("assign-coupon", "send-email", "wait");
    assertThat(saved(id).get("nodes").get(2).get("duration").asString()).isEqualTo("P2D");
  }

  @Test
  void anAssignStepSaysWhichSetAndChildSetItDrawsFrom() {
    String setName = unique("Welcome ");
    long id = workflow(setName);
    long setId = saved(id).get("nodes").get(0).get("couponSetId").asLong();
    var child = api.post("/api/v1/coupon-sets/" + setId + "/child-sets", Map.of("name", "10-percent"));
    assertThat(child.status()).as(child.text()).isEqualTo(201);
    browser.open("/workflows/" + id);
    browser.find("#flow .flow-node[data-type=assign-coupon] .node-select").click();

    new org.openqa.selenium.support.ui.Select(browser.find(".node-config[data-type=assign-coupon] .child-select"))
        .selectByValue(child.json().get("id").asString());

    assertThat(summaries().get(0)).isEqualTo("Assign a code from " + setName + " (10-percent)");
    browser.click(".flow-save button");
    browser.waitForText(".alert-success", "Workflow saved.");
    assertThat(saved(id).get("nodes").get(0).get("childSetId").asLong()).isEqualTo(child.json().get("id").asLong());
  }

  @Test
  void theEmailStepPreviewsTheMessageAsSentAndAnErrorShowsAtItsStep() throws IOException {
    long id = workflow(unique("Preview "));
    browser.open("/workflows/" + id);
    browser.find("#flow .flow-node[data-type=send-email] .node-select").click();
    browser.waitFor(d -> browser.all(".preview-item").stream().filter(WebElement::isDisplayed).count() == 1);
    WebElement item = browser.all(".preview-item").stream().filter(WebElement::isDisplayed).findFirst().orElseThrow();
    assertThat(item.findElement(org.openqa.selenium.By.cssSelector(".mail-head")).getText())
        .contains("ana@example.com").contains("Hi Ana");
    item.findElement(org.openqa.selenium.By.cssSelector("details.plain-text summary")).click();
    assertThat(item.findElement(org.openqa.selenium.By.cssSelector("details.plain-text pre")).getText())
        .isEqualTo("Hi Ana,\n\nYour code: " + WorkflowService.PLACEHOLDER_CODE);
    screenshots();

    WebElement subject = browser.find(".node-config[data-type=send-email] .subject-input");
    subject.clear();
    browser.click("#save-workflow");
    browser.waitForText(".alert-error", "Not saved: step 2 needs a fix");
    assertThat(browser.find("#flow .flow-node.invalid").getAttribute("data-type")).isEqualTo("send-email");
    assertThat(browser.find("#flow .flow-node.invalid .node-error").getText()).isEqualTo("subject is required");
    assertThat(browser.find("#flow .flow-node.selected").getAttribute("data-type")).isEqualTo("send-email");
    assertThat(browser.find(".node-config[data-type=send-email] .error").isDisplayed()).isTrue();
    assertThat(savedTypes(id)).containsExactly("assign-coupon", "send-email");
  }

  private long workflow(String setName) {
    long setId = createMultipleSet(setName, 3).get("id").asLong();
    var created = api.post("/api/v1/workflows", Map.of("name", unique("Canvas "), "trigger", Map.of("event", unique("signup")),
        "nodes", List.of(Map.of("type", "assign-coupon", "couponSetId", setId),
            Map.of("type", "send-email", "subject", "Hi {{contact.firstName}}",
                "html", "<p>Hi {{contact.firstName}},</p><p>Your code: <b>{{coupon}}</b></p>"))));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  private List<String> types() {
    return browser.all("#flow .flow-node").stream().map(e -> e.getAttribute("data-type")).toList();
  }

  private List<String> summaries() {
    return browser.all("#flow .flow-node .node-summary").stream().map(WebElement::getText).toList();
  }

  private List<WebElement> slots() {
    return browser.all("#flow .drop-slot");
  }

  private WebElement focused() {
    return browser.driver.switchTo().activeElement();
  }

  private JsonNode saved(long id) {
    return api.get("/api/v1/workflows/" + id).json();
  }

  private List<String> savedTypes(long id) {
    return saved(id).get("nodes").valueStream().map(n -> n.get("type").asString()).toList();
  }

  /** The editor at desktop and phone width, kept in docs/screenshots for the README. */
  private void screenshots() throws IOException {
    browser.screenshots("workflow-editor");
    Path docs = Path.of("docs", "screenshots");
    Files.createDirectories(docs);
    Files.copy(Browser.SCREENSHOTS.resolve("workflow-editor-1280.png"), docs.resolve("workflow-editor-desktop.png"),
        StandardCopyOption.REPLACE_EXISTING);
    Files.copy(Browser.SCREENSHOTS.resolve("workflow-editor-390.png"), docs.resolve("workflow-editor-phone.png"),
        StandardCopyOption.REPLACE_EXISTING);
  }
}
