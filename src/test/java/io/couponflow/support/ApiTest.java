package io.couponflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Base of the tests that drive the running app over HTTP, with fixtures a test reads like a sentence. */
public abstract class ApiTest {
  @LocalServerPort
  protected int port;

  protected ApiClient api;

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

  protected JsonNode set(long setId) {
    return api.get("/api/v1/coupon-sets/" + setId).json();
  }
}
