package io.couponflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The marketer signed in over plain HTTP (no browser): reads pages' HTML on either database. Values
 * are read from the {@code data-value} attributes the pages put next to each figure.
 */
public final class PageSession {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  private PageSession(int port) {
    this.base = "http://localhost:" + port;
  }

  public static PageSession signIn(int port) {
    PageSession session = new PageSession(port);
    Matcher csrf = CSRF.matcher(session.get("/login"));
    assertThat(csrf.find()).as("the sign-in form carries a CSRF token").isTrue();
    String form = "username=admin&password=" + URLEncoder.encode(TestKeys.ADMIN_PASSWORD, StandardCharsets.UTF_8)
        + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> posted = session.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(posted.statusCode()).isEqualTo(302);
    assertThat(posted.headers().firstValue("Location").orElse("")).doesNotContain("error");
    return session;
  }

  /** The page's HTML; fails unless it answers 200. */
  public String get(String path) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The data-value of the element with this id ("" when the attribute is empty). */
  public static String valueOf(String html, String id) {
    Matcher m = Pattern.compile("<[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
    assertThat(m.find()).as("an element with id " + id).isTrue();
    return attribute(m.group(), "data-value");
  }

  /** An attribute of one start tag; null when absent. */
  public static String attribute(String tag, String name) {
    Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
    return m.find() ? m.group(1) : null;
  }

  /** The part of the page inside the element with this id (up to its closing tag of the same name). */
  public static String section(String html, String tag, String id) {
    int start = html.indexOf("id=\"" + id + "\"");
    assertThat(start).as("an element with id " + id).isPositive();
    int end = html.indexOf("</" + tag + ">", start);
    return html.substring(start, end);
  }

  /** Every start tag in the fragment that has this attribute, e.g. the rows of a table by data-source. */
  public static List<String> tagsWith(String fragment, String tag, String attribute) {
    List<String> tags = new ArrayList<>();
    Matcher m = Pattern.compile("<" + tag + "\\b[^>]*\\b" + Pattern.quote(attribute) + "=\"[^\"]*\"[^>]*>").matcher(fragment);
    while (m.find()) {
      tags.add(m.group());
    }
    return tags;
  }
}
