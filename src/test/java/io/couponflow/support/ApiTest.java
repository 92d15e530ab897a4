package io.couponflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.common.Hashing;
import io.couponflow.delivery.WebSecrets;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Base of the tests that drive the running app over HTTP, with fixtures a test reads like a sentence. */
public abstract class ApiTest {
  @LocalServerPort
  protected int port;

  protected ApiClient api;

  @Autowired
  protected WebSecrets webSecrets;

  @BeforeEach
  void connect() {
    api = new ApiClient(port, TestKeys.API_KEY);
  }

  /** A prefix that keeps codes of different tests (and runs) apart: codes are unique across sets. */
  protected static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
  }

  protected JsonNode createMultipleSet(String name, int codes) {
    return createMultipleSet(name, codes, "once-per-contact");
  }

  protected JsonNode createMultipleSet(String name, int codes, String policy) {
    var created = api.post("/api/v1/coupon-sets", Map.of("name", name, "type", "multiple", "assignmentPolicy", policy));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    if (codes > 0) {
      addCodes(id, null, codeValues(unique("C"), codes));
    }
    return api.get("/api/v1/coupon-sets/" + id).json();
  }

  protected JsonNode addCodes(long setId, Long childSetId, List<String> codes) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("codes", codes);
    if (childSetId != null) {
      body.put("childSetId", childSetId);
    }
    var added = api.post("/api/v1/coupon-sets/" + setId + "/codes", body);
    assertThat(added.status()).as(added.text()).isEqualTo(200);
    return added.json();
  }

  protected static List<String> codeValues(String prefix, int count) {
    List<String> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      values.add(prefix + "-" + i);
    }
    return values;
  }

  protected JsonNode createSingleSet(String name, String code, Long quantity) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("name", name);
    body.put("type", "single");
    body.put("code", code);
    body.put("quantity", quantity);
    var created = api.post("/api/v1/coupon-sets", body);
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json();
  }

  protected ApiClient.Response assign(long setId, String contactId) {
    return api.post("/api/v1/coupon-sets/" + setId + "/assignments", Map.of("contactId", contactId));
  }

  /** The signature a shop's server puts next to the contact id: hex HMAC-SHA256 under the current web secret. */
  protected String webSignature(String contactId) {
    return Hashing.hmacSha256Hex(webSecrets.current().secret(), contactId);
  }

  /** GET /web/v1/content as the snippet calls it, with the contact id signed; no API key. */
  protected ApiClient.Response webContent(String contactId) {
    return webContent(contactId, webSignature(contactId));
  }

  protected ApiClient.Response webContent(String contactId, String signature) {
    String query = "contactId=" + URLEncoder.encode(contactId, StandardCharsets.UTF_8)
        + (signature == null ? "" : "&signature=" + URLEncoder.encode(signature, StandardCharsets.UTF_8));
    return api.withKey(null).get("/web/v1/content?" + query);
  }

  protected JsonNode set(long setId) {
    return api.get("/api/v1/coupon-sets/" + setId).json();
  }
}
