package io.couponflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiClient;
import io.couponflow.support.ApiTest;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a prober sends to the public /web/** endpoint: refused cleanly, nothing reflected, nothing leaked. */
abstract class WebAbuseContract extends ApiTest {

  @Test
  void aMissingBlankOrHugeContactIdIs400WithAProblem() {
    ApiClient anonymous = api.withKey(null);
    for (String query : List.of("", "contactId=", "contactId=%20%20", "contactId=" + "a".repeat(201),
        "contactId=" + "a".repeat(5000))) {
      var refused = anonymous.get("/web/v1/content?" + query + "&signature=" + webSignature("a"));
      assertThat(refused.status()).as(query.length() > 40 ? query.substring(0, 40) : query).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
    // past the server's 8 KB request line limit Tomcat answers itself, before the app: no trace either way
    var huge = anonymous.get("/web/v1/content?contactId=" + "a".repeat(100_000));
    assertThat(huge.status()).isIn(400, 414, 431);
    assertThat(huge.text()).doesNotContain("Exception").doesNotContain("at org.");
    assertThat(api.get("/actuator/health").text()).contains("UP");
  }

  @Test
  void oddContactIdsSignedCorrectlyAreJustTextAndUnsignedOnesAre401() {
    for (String contact : List.of("'; DROP TABLE web_content; --", "../../etc/passwd", "ünïcødé-😀", "a b+c&d=e",
        "<script>alert(1)</script>", "%00", "null", "x".repeat(200))) {
      var signed = webContent(contact);
      assertThat(signed.status()).as(contact).isEqualTo(200);
      assertThat(signed.json().get("items")).as(contact).isEmpty();
      assertThat(signed.contentType()).startsWith("application/json");
      var unsigned = webContent(contact, null);
      assertThat(unsigned.status()).as(contact).isEqualTo(401);
      assertThat(unsigned.text()).doesNotContain("<script>");
    }
  }

  @Test
  void controlCharactersInTheContactIdAre400EvenWhenSigned() {
    for (String contact : List.of("c-1\u0000x", "c-1\tx", "c-1\u007fx", "c-1\r\nx")) {
      var refused = webContent(contact);
      assertThat(refused.status()).as(contact).isEqualTo(400);
      assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("contactId");
    }
  }

  @Test
  void crOrLfInTheContactIdOrSignatureNeverBecomesAHeader() {
    for (String injected : List.of("c-1\r\nSet-Cookie: stolen=1", "c-1\nX-Injected: yes", "c-1%0d%0aX-Injected: yes")) {
      for (var answer : List.of(webContent(injected), webContent("c-1", injected), webContent(injected, null))) {
        assertThat(answer.status()).isIn(200, 400, 401);
        assertThat(answer.headers().map().keySet()).noneMatch(h -> h.equalsIgnoreCase("X-Injected"));
        assertThat(answer.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("stolen"));
      }
    }
  }

  @Test
  void anOriginHeaderIsNeverReflectedWhenAnyOriginIsAllowed() {
    ApiClient anonymous = api.withKey(null);
    for (String origin : List.of("https://evil.example", "null", "https://" + "a".repeat(2000) + ".example")) {
      var answer = anonymous.send(anonymous.request("/web/v1/content?contactId=c-1&signature=" + webSignature("c-1"))
          .GET().header("Origin", origin));
      assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
      assertThat(answer.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
    }
  }

  @Test
  void aRawCrLfInARequestHeaderIsRefusedByTheServerNotPassedOn() throws Exception {
    List<String> lines = new ArrayList<>();
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      String request = "GET /web/v1/content?contactId=c-1&signature=" + webSignature("c-1") + " HTTP/1.1\r\n"
          + "Host: localhost\r\nOrigin: https://shop.example\rX-Injected: yes\r\nConnection: close\r\n\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
        lines.add(line);
      }
    }
    assertThat(lines).isNotEmpty();
    assertThat(lines.get(0)).matches("HTTP/1\\.1 (200|400) .*");
    assertThat(lines).noneMatch(l -> l.toLowerCase().startsWith("x-injected"));
    assertThat(lines).noneMatch(l -> l.toLowerCase().startsWith("access-control-allow-origin: https://shop.example"));
  }

  @Test
  void onlyGetIsAnsweredAndAPostMarksNothing() {
    ApiClient anonymous = api.withKey(null);
    var post = anonymous.send(anonymous.request("/web/v1/content?contactId=c-1&signature=" + webSignature("c-1"))
        .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
    assertThat(post.status()).isIn(403, 405);
  }
}
