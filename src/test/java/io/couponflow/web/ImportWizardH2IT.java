package io.couponflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.OnH2;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

/** The multiple-set wizard in real Chromium: upload, drag the code column onto Code, watch the import finish. */
@OnH2
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImportWizardH2IT extends BrowserTest {
  /** Fires the HTML5 drag and drop events a user's drag fires, with one DataTransfer (Actions.dragAndDrop does not). */
  private static final String DRAG_AND_DROP = """
      var chip = arguments[0], zone = arguments[1], data = new DataTransfer();
      chip.dispatchEvent(new DragEvent('dragstart', {bubbles: true, cancelable: true, dataTransfer: data}));
      zone.dispatchEvent(new DragEvent('dragenter', {bubbles: true, cancelable: true, dataTransfer: data}));
      zone.dispatchEvent(new DragEvent('dragover', {bubbles: true, cancelable: true, dataTransfer: data}));
      zone.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
      chip.dispatchEvent(new DragEvent('dragend', {bubbles: true, cancelable: true, dataTransfer: data}));""";

  @TempDir
  Path files;


  @Test
  @Order(1)
  void badInputOnTheFirstStepIsExplainedInlineAndKeepsWhatWasTyped() throws Exception {
    browser.open("/coupons");
    browser.click("#new-multiple");
    browser.type("#text", "");
    browser.click("#next-source");
    assertThat(browser.text("#name-error")).contains("Give the set a name");
    assertThat(browser.text("#file-error")).contains("Choose a CSV file");

    Path binary = files.resolve("logo.png");
    Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe, 0, 1, 2, 3});
    browser.type("#name", "Autumn sale");
    browser.find("#file").sendKeys(binary.toString());
    browser.click("#next-source");
    assertThat(browser.text("#file-error")).contains("can't be imported");
    assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Autumn sale");
    browser.screenshots("wizard-source-error");
  }

  @Test
  @Order(2)
  void aCsvWhoseCodeColumnIsNotFirstIsImportedAfterDraggingTheColumnOntoCode() throws Exception {
    String prefix = unique("AUT");
    List<String> codes = codeValues(prefix, 5);
    Path csv = files.resolve("autumn-codes.csv");
    Files.writeString(csv, "customer,coupon,discount\n"
        + "anna@example.com," + codes.get(0) + ",10%\n"
        + "ben@example.com," + codes.get(1) + ",10%\n"
        + "\"Carla, Ltd\"," + codes.get(2) + ",20%\n"
        + "dan@example.com," + codes.get(3) + ",20%\n"
        + "erin@example.com," + codes.get(4) + ",20%\n"
        + "fay@example.com," + codes.get(4).toLowerCase() + ",20%\n", StandardCharsets.UTF_8);
    String setName = "Autumn sale " + unique("").substring(0, 4);

    browser.open("/coupons/import");
    browser.type("#name", setName);
    browser.find("#file").sendKeys(csv.toString());
    browser.find("details.field summary").click();
    browser.type("#childName", "vip");
    browser.click("#next-source");

    browser.waitFor(d -> !browser.all("#chips").isEmpty());
    assertThat(browser.all(".chip").stream().map(e -> e.getText()).toList()).containsExactly("customer", "coupon", "discount");
    assertThat(browser.find("#codeColumn").getAttribute("value")).as("picked by its name").isEqualTo("coupon");
    assertThat(browser.text("#guess-note")).contains("by its name");
    assertThat(browser.all("#ask-column")).isEmpty();
    assertThat(browser.text("#preview")).contains("Carla, Ltd").contains(codes.get(2));
    browser.screenshots("wizard-columns-guessed");
    browser.driver.executeScript(DRAG_AND_DROP, browser.find(".chip[data-column=customer]"), browser.find("#code-drop"));
    assertThat(browser.find("#codeColumn").getAttribute("value")).isEqualTo("customer");
    assertThat(browser.all("#guess-note")).as("the note goes once the marketer picks").isEmpty();

    browser.driver.executeScript("document.getElementById('codeColumn').value = 'voucher'");
    browser.click("#start-import");
    assertThat(browser.text("#column-error")).contains("no column \"voucher\"");
    assertThat(browser.text(".subtitle")).contains("autumn-codes.csv").contains(setName);

    browser.driver.executeScript(DRAG_AND_DROP, browser.find(".chip[data-column=coupon]"), browser.find("#code-drop"));
    assertThat(browser.text("#code-drop-value")).isEqualTo("coupon");
    assertThat(browser.find("#codeColumn").getAttribute("value")).isEqualTo("coupon");
    assertThat(browser.find("#preview th.col-chosen").getAttribute("textContent")).isEqualTo("coupon");
    browser.screenshots("wizard-columns");

    browser.click("#start-import");
    browser.waitFor(d -> !browser.all("#notice").isEmpty());
    assertThat(browser.text("#notice")).contains("Importing autumn-codes.csv");
    browser.screenshots("coupons-import-running");

    String row = "#imports .import-row[data-status=finished]";
    browser.waitFor(d -> !browser.all(row).isEmpty() && browser.all("#history[data-running=true]").isEmpty());
    browser.waitFor(d -> browser.text("#imports .import-row:first-child").contains(setName));
    assertThat(browser.text(row + ":first-child td.success")).isEqualTo("5");
    assertThat(browser.text(row + ":first-child td.errors")).contains("1");

    JsonNode set = api.get("/api/v1/coupon-sets?q=" + setName.replace(" ", "%20")).json().get("items").get(0);
    long setId = set.get("id").asLong();
    browser.open("/coupons");
    String setRow = "#sets tr[data-set-id='" + setId + "']";
    assertThat(browser.text(setRow + " .codes-cell")).contains("5 codes");
    assertThat(browser.text(setRow + " td.available")).contains("5");
    browser.screenshots("coupons-after-import");

    String href = browser.find(row + ":first-child a[download]").getAttribute("href");
    HttpResponse<String> report = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
        .header("Cookie", "JSESSIONID=" + browser.sessionCookie()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.body()).startsWith("line,value,reason").contains("7," + codes.get(4).toLowerCase() + ",duplicate-in-file,Repeated in the file");

    browser.open("/coupons/" + setId);
    assertThat(browser.text("#stat-total")).isEqualTo("5");
    assertThat(browser.text("#children")).contains("vip").contains("5 of 5 available");
    browser.screenshots("set-after-import");
  }

  @Test
  @Order(10)
  void aPastedListOverTwoMegabytesIsExplainedOnTheWizardPage() {
    String before = api.get("/api/v1/imports?limit=1").json().get("items").toString();
    browser.open("/coupons");
    browser.click("#new-multiple");
    browser.type("#name", "Too long to paste");
    browser.driver.executeScript("document.getElementById('text').value = 'CODE-123456\\n'.repeat(250000)");
    browser.click("#next-source");
    browser.waitForText("#file-error", "pasted list is over 2 MB");
    assertThat(browser.text("#file-error")).contains("choose the file instead");
    assertThat(browser.driver.getCurrentUrl()).contains("/coupons/import");
    assertThat(api.get("/api/v1/imports?limit=1").json().get("items").toString()).as("no import started").isEqualTo(before);
  }

  @Test
  @Order(3)
  void aPastedListGoesIntoAnExistingSetWithoutTheColumnStep() {
    long setId = createMultipleSet("Newsletter welcome " + unique("").substring(0, 4), 2).get("id").asLong();
    List<String> codes = codeValues(unique("PASTE"), 3);

    browser.open("/coupons/" + setId);
    browser.click("#import-more");
    browser.type("#text", String.join("\n", codes) + "\n\n");
    browser.click("#next-source");

    // a pasted list has nothing to choose: no column step, the import starts at once
    browser.waitFor(d -> d.getCurrentUrl().contains("/coupons/" + setId));
    assertThat(browser.text("#notice")).contains("Importing the pasted list");
    browser.waitFor(d -> !browser.all("#imports .import-row[data-status=finished]").isEmpty()
        && browser.all("#history[data-running=true]").isEmpty());
    // the page reads the history before the counters, so "finished" comes with the new total
    browser.waitForText("#stat-total", "5");
    assertThat(set(setId).get("total").asLong()).isEqualTo(5);
  }

  @Test
  @Order(4)
  void aSemicolonFileHasItsDelimiterGuessedAndItsCodeColumnPreselected() throws Exception {
    Path csv = files.resolve("semicolons.csv");
    String code = unique("SEMI");
    Files.writeString(csv, "id;Code;value\n1;" + code + ";5\n", StandardCharsets.UTF_8);

    browser.open("/coupons/import");
    browser.type("#name", "Shop export " + unique("").substring(0, 4));
    browser.find("#file").sendKeys(csv.toString());
    browser.click("#next-source");
    browser.waitFor(d -> !browser.all("#chips").isEmpty());
    assertThat(new Select(browser.find("#delimiter")).getFirstSelectedOption().getAttribute("value")).isEqualTo(";");
    assertThat(browser.text("#code-drop-value")).isEqualTo("Code");
    browser.find(".chip[data-column=id]").sendKeys(org.openqa.selenium.Keys.ENTER);
    assertThat(browser.text("#code-drop-value")).isEqualTo("id");
    browser.find(".chip[data-column=Code]").sendKeys(" ");
    assertThat(browser.find("#codeColumn").getAttribute("value")).isEqualTo("Code");

    new Select(browser.find("#delimiter")).selectByValue(",");
    browser.click("#refresh-preview");
    browser.waitFor(d -> browser.all(".chip").size() == 1);
    new Select(browser.find("#delimiter")).selectByValue(";");
    browser.click("#refresh-preview");
    browser.waitFor(d -> browser.all(".chip").size() == 3);
    browser.click("#start-import");
    browser.waitFor(d -> !browser.all("#notice").isEmpty());
    browser.waitFor(d -> !browser.all("#imports .import-row[data-status=finished]").isEmpty()
        && browser.all("#history[data-running=true]").isEmpty());
    browser.open("/coupons?q=" + code);
    assertThat(browser.text("#code-hit")).contains(code).contains("Available");
  }

  @Test
  @Order(7)
  void whenTheCodeColumnCannotBeToldTheWizardAsksAndPreselectsNothing() throws Exception {
    Path csv = files.resolve("orders-and-codes.csv");
    List<String> codes = codeValues(unique("ASK"), 3);
    Files.writeString(csv, "ORD-10293," + codes.get(0) + "\nORD-10294," + codes.get(1) + "\nORD-10295," + codes.get(2) + "\n",
        StandardCharsets.UTF_8);
    String setName = "Asked " + unique("").substring(0, 4);

    browser.open("/coupons/import");
    browser.type("#name", setName);
    browser.find("#file").sendKeys(csv.toString());
    browser.click("#next-source");
    browser.waitFor(d -> !browser.all("#chips").isEmpty());
    assertThat(browser.text("#ask-column")).contains("We couldn't tell which column holds the codes");
    assertThat(browser.text("h1")).isEqualTo("Which column holds the codes?");
    assertThat(browser.find("#codeColumn").getAttribute("value")).as("nothing pre-selected").isEmpty();
    assertThat(new Select(browser.find("#hasHeader")).getFirstSelectedOption().getAttribute("value"))
        .as("the first row is codes, not names").isEqualTo("false");
    assertThat(browser.all(".chip").stream().map(e -> e.getText()).toList()).containsExactly("Column 1", "Column 2");
    browser.screenshots("wizard-columns-ask");

    browser.click("#start-import");
    assertThat(browser.text("#column-error")).contains("Which column holds the codes?");
    browser.find(".chip[data-column='Column 2']").click();
    browser.click("#start-import");
    browser.waitFor(d -> !browser.all("#notice").isEmpty());
    browser.waitFor(d -> !browser.all("#imports .import-row[data-status=finished]").isEmpty()
        && browser.all("#history[data-running=true]").isEmpty());
    long setId = api.get("/api/v1/coupon-sets?q=" + setName.replace(" ", "%20")).json().get("items").get(0).get("id").asLong();
    assertThat(codesOf(setId)).containsExactlyInAnyOrderElementsOf(codes);
  }

  @Test
  @Order(8)
  void aFileWithoutCodesIsRefusedOnTheFirstStepWithTheReason() throws Exception {
    String before = api.get("/api/v1/imports?limit=1").json().get("items").toString();
    Path headerOnly = files.resolve("shopify-discounts.csv");
    Files.writeString(headerOnly, "Code,Usage Count\n", StandardCharsets.UTF_8);
    Path empty = files.resolve("empty.csv");
    Files.write(empty, new byte[0]);

    browser.open("/coupons/import");
    String setName = "Nothing inside " + unique("");
    browser.type("#name", setName);
    browser.find("#file").sendKeys(headerOnly.toString());
    browser.click("#next-source");
    assertThat(browser.text("#file-error")).contains("shopify-discounts.csv has only a header row (Code, Usage Count)")
        .contains("no codes below it");
    assertThat(browser.find("#name").getAttribute("value")).isEqualTo(setName);
    browser.screenshots("wizard-source-no-codes");

    browser.find("#file").sendKeys(empty.toString());
    browser.click("#next-source");
    browser.waitForText("#file-error", "empty.csv is empty");
    assertThat(api.get("/api/v1/imports?limit=1").json().get("items").toString()).as("no import").isEqualTo(before);
    assertThat(api.get("/api/v1/coupon-sets?q=" + setName.replace(" ", "%20")).json().get("items").size()).as("no set").isZero();
  }

  private List<String> codesOf(long setId) {
    List<String> values = new java.util.ArrayList<>();
    api.get("/api/v1/coupon-sets/" + setId + "/codes?limit=1000").json().get("items")
        .forEach(item -> values.add(item.get("code").asString()));
    return values;
  }

  @Test
  @Order(5)
  void theCouponsPageAfterImportsShowsHistoryAndSets() {
    browser.open("/coupons");
    assertThat(browser.all("#imports .import-row")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(browser.all("#sets .set-row")).hasSizeGreaterThanOrEqualTo(3);
    browser.screenshots("coupons-overview");
  }

  @Test
  @Order(6)
  void cancellingAnImportThatAlreadyFinishedSaysNothingWasCancelled() {
    String id = browser.find("#imports .import-row[data-status=finished]").getAttribute("data-import-id");
    browser.driver.executeScript("""
        var form = document.createElement('form');
        form.method = 'post';
        form.action = '/coupons/imports/' + arguments[0] + '/cancel';
        var token = document.createElement('input');
        token.type = 'hidden';
        token.name = '_csrf';
        token.value = document.querySelector('meta[name=_csrf]').content;
        form.appendChild(token);
        document.body.appendChild(form);
        form.submit();""", id);
    browser.waitFor(d -> !browser.all("#notice").isEmpty());
    assertThat(browser.text("#notice")).contains("had already finished");
    assertThat(browser.find("#imports .import-row[data-import-id='" + id + "']").getAttribute("data-status")).isEqualTo("finished");
  }
}
