package io.couponflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.OnH2;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Settings in real Chromium: the web snippet page with its secret and rotation; API keys made once per form. */
@OnH2
class SettingsPagesH2IT extends BrowserTest {

  @Test
  void theWebSnippetPageShowsTheSecretAndTheTagAndRotatingKeepsThePreviousSecretForTheGracePeriod() throws IOException {
    browser.open("/settings/web-snippet");
    String secret = webSecrets.current().secret();
    assertThat(browser.text("#secret")).isEqualTo(secret);
    assertThat(browser.text("#snippet")).contains("http://localhost:" + port + "/web/snippet.js")
        .contains("data-contact-id=\"CONTACT-ID\"").contains("data-contact-signature=\"SIGNATURE\"");
    assertThat(browser.text("#examples")).contains("hash_hmac('sha256', $contactId, $secret)")
        .contains("createHmac('sha256', secret)").contains("hashlib.sha256").contains("HmacUtils");
    assertThat(browser.text("#origins-card")).contains("Any website");
    assertThat(browser.all("button[data-copy='#secret']")).hasSize(1);
    assertThat(browser.all("button[data-copy='#snippet']")).hasSize(1);
    browser.screenshots("web-snippet");
    keep("web-snippet");

    browser.click("#rotate summary");
    assertThat(browser.text("#rotate")).contains("keep working for 24 hours");
    browser.click("#rotate-confirm");
    browser.waitFor(d -> !browser.all("#notice").isEmpty());
    assertThat(browser.text("#notice")).contains("A new secret was created");
    String rotated = browser.text("#secret");
    assertThat(rotated).isNotEqualTo(secret).isEqualTo(webSecrets.current().secret());
    assertThat(browser.text("#previous-valid")).contains("The previous secret still works");
    browser.screenshots("web-snippet-rotated");
    keep("web-snippet-rotated");

    browser.open("/settings/audit-log");
    assertThat(browser.all("#audit .audit-row[data-action='web-secret.rotated']")).isNotEmpty();
    assertThat(browser.driver.getPageSource()).doesNotContain(rotated).doesNotContain(secret);
  }

  @Test
  void aCreateKeyFormSentTwiceMakesOneKeyAndBothAnswersShowIt() throws Exception {
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String cookie = "JSESSIONID=" + browser.sessionCookie();
    String page = http.send(HttpRequest.newBuilder(URI.create(browser.base + "/settings/api-keys")).header("Cookie", cookie)
        .build(), HttpResponse.BodyHandlers.ofString()).body();
    String csrf = field(page, "_csrf");
    String token = field(page, "formToken");
    int keysBefore = api.get("/api/v1/api-keys?limit=1000").json().get("items").size();
    String name = "Double click " + unique("");
    String form = "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&scope=read&formToken=" + token
        + "&_csrf=" + csrf;

    List<String> secretsShown = new java.util.ArrayList<>();
    for (int click = 0; click < 2; click++) {
      var posted = http.send(HttpRequest.newBuilder(URI.create(browser.base + "/settings/api-keys"))
          .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).isEqualTo(302);
      String shown = http.send(HttpRequest.newBuilder(URI.create(browser.base + "/settings/api-keys"))
          .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString()).body();
      Matcher secret = Pattern.compile("<code id=\"secret\">([^<]+)</code>").matcher(shown);
      assertThat(secret.find()).as("the key is shown after click %d", click + 1).isTrue();
      secretsShown.add(secret.group(1));
    }
    assertThat(secretsShown.get(1)).isEqualTo(secretsShown.get(0));
    var keys = api.get("/api/v1/api-keys?limit=1000").json().get("items");
    assertThat(keys.size()).isEqualTo(keysBefore + 1);
    keys.forEach(k -> assertThat(k.get("prefix").asString().length()).isLessThanOrEqualTo(4));

    var forged = http.send(HttpRequest.newBuilder(URI.create(browser.base + "/settings/api-keys"))
        .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form.replace(token, "made-up"))).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(302);
    assertThat(api.get("/api/v1/api-keys?limit=1000").json().get("items").size()).isEqualTo(keysBefore + 1);
  }

  @Test
  void theKeyListShowsAtMostFourCharactersOfAnyKey() {
    browser.open("/settings/api-keys");
    List<String> shown = browser.all("#keys td[data-label='Key'] .code").stream().map(e -> e.getText()).toList();
    assertThat(shown).isNotEmpty().allSatisfy(text -> {
      assertThat(text).endsWith("…");
      assertThat(text.length()).isLessThanOrEqualTo(5);
    });
  }

  private static String field(String html, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\"[^>]*value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("the form carries %s", name).isTrue();
    return m.group(1);
  }

  /** A copy of both widths under /tmp, for a look outside the build folder. */
  private static void keep(String name) throws IOException {
    for (String width : List.of("1280", "390")) {
      Files.copy(Browser.SCREENSHOTS.resolve(name + "-" + width + ".png"), Path.of("/tmp", "websig-" + name + "-" + width + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
