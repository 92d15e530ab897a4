package io.couponflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.OnH2;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The wizard's per-code fields (kept or dropped) and its Generate codes choice, in real Chromium. */
@OnH2
class CodeFieldsWizardH2IT extends BrowserTest {
  @TempDir
  Path files;

  @Test
  void theWizardShowsWhichColumnsBecomeFieldsAndDropsTheOnesUnticked() throws Exception {
    String p = unique("WF");
    Path csv = files.resolve("shop-export.csv");
    Files.writeString(csv, "Code,Discount Value,Fecha de caducidad,Internal note\n"
        + p + "-1,15%,2027-01-31,for Anna\n" + p + "-2,20%,2027-02-28,\n", StandardCharsets.UTF_8);
    String setName = "Fields " + p;

    browser.open("/coupons/import");
    browser.type("#name", setName);
    browser.find("#file").sendKeys(csv.toString());
    browser.click("#next-source");

    browser.waitFor(d -> !browser.all("#fields-choice").isEmpty());
    assertThat(browser.text("#fields-choice")).contains("{{coupon.discountValue}}").contains("{{coupon.fechaDeCaducidad}}")
        .contains("{{coupon.internalNote}}").doesNotContain("{{coupon.Code}}");
    browser.click("#fields-choice input[value=internalNote]");
    browser.screenshots("wizard-fields");
    browser.click("#start-import");
    browser.waitFor(d -> !browser.all("#notice").isEmpty());

    long setId = api.get("/api/v1/coupon-sets?q=" + p).json().get("items").get(0).get("id").asLong();
    browser.waitFor(d -> set(setId).get("total").asLong() == 2);
    JsonNode codes = api.get("/api/v1/coupon-sets/" + setId + "/codes").json().get("items");
    codes.forEach(code -> assertThat(code.get("fields").has("internalNote")).isFalse());
    assertThat(codes.findValuesAsString("discountValue")).containsExactlyInAnyOrder("15%", "20%");

    browser.open("/coupons/" + setId);
    assertThat(browser.text("#code-fields")).contains("discountValue").contains("fechaDeCaducidad");
    browser.screenshots("set-with-fields");
  }

  @Test
  void generatingCodesPreviewsThePatternRefusesATooSmallOneAndGeneratesTheCount() {
    String setName = "Generated " + unique("");
    browser.open("/coupons/import");
    browser.type("#name", setName);
    browser.find("#generate summary").click();
    browser.type("#pattern", "AB-#");
    browser.type("#count", "5");
    assertThat(browser.text("#pattern-combinations")).contains("Too small").contains("10 different codes");
    browser.click("#generate-codes");
    assertThat(browser.text("#pattern-error")).contains("makes 10 different codes").contains("at least 50");
    assertThat(browser.find("#name").getAttribute("value")).isEqualTo(setName);
    browser.screenshots("wizard-generate-refused");

    browser.type("#pattern", "FALL-####-??");
    browser.type("#count", "40");
    assertThat(browser.text("#pattern-combinations")).contains("10,240,000 different codes");
    Pattern shape = Pattern.compile("FALL-[0-9]{4}-[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{2}");
    assertThat(browser.all("#pattern-samples code")).hasSize(3)
        .allMatch(code -> shape.matcher(code.getText()).matches());
    browser.screenshots("wizard-generate");
    browser.click("#generate-codes");
    assertThat(browser.text("#notice")).contains("Generating 40 codes of FALL-####-??");

    long setId = api.get("/api/v1/coupon-sets?q=" + setName.replace(" ", "%20")).json().get("items").get(0)
        .get("id").asLong();
    browser.waitFor(d -> set(setId).get("total").asLong() == 40);
    JsonNode imports = api.get("/api/v1/imports?couponSetId=" + setId).json().get("items");
    assertThat(imports.get(0).get("type").asString()).isEqualTo("generated");
    assertThat(imports.get(0).get("origin").asString()).isEqualTo("app");
  }
}
