package io.couponflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/events/batch: 1 to 1,000 events, each as a single event, all or nothing. H2 and PostgreSQL. */
abstract class EventBatchContract extends WorkflowFixtures {
  @Autowired
  JdbcClient jdbc;

  @Test
  void aBatchAnswersItsEventsInRequestOrderAndTreatsEachAsASingleEvent() {
    long setId = createMultipleSet("batch popup", 5).get("id").asLong();
    String trigger = unique("visit");
    long workflowId = activeWorkflow(trigger, List.of(assignNode(setId, "skip", null),
        Map.of("type", "send-web-content", "html", "<p><b>{{coupon}}</b></p>")));
    String buyer = unique("buyer-");
    String code = assign(setId, buyer).json().get("code").asString();
    List<String> visitors = List.of(unique("v1-"), unique("v2-"), unique("v3-"));
    String ignored = unique("ignored");
    List<Map<String, Object>> items = new ArrayList<>();
    items.add(item(visitors.get(0), trigger, Map.of()));
    items.add(item(buyer, "purchase", Map.of("orderId", unique("order-"), "coupons", List.of(code))));
    items.add(item(visitors.get(1), ignored, Map.of()));
    items.add(item(visitors.get(2), trigger, Map.of()));

    var posted = api.post("/api/v1/events/batch", Map.of("items", items));

    assertThat(posted.status()).as(posted.text()).isEqualTo(201);
    List<JsonNode> answered = posted.json().get("items").valueStream().toList();
    assertThat(answered).extracting(i -> i.get("contactId").asString())
        .containsExactly(visitors.get(0), buyer, visitors.get(1), visitors.get(2));
    assertThat(answered).extracting(i -> i.get("type").asString())
        .containsExactly(trigger, "purchase", ignored, trigger);
    assertThat(answered).extracting(i -> i.get("id").asLong()).isSorted().doesNotHaveDuplicates();
    assertThat(answered.get(1).get("redemptions").get(0).get("outcome").asString()).isEqualTo("redeemed");
    assertThat(set(setId).get("redeemed").asLong()).isEqualTo(1);
    awaitTrue(Duration.ofSeconds(30), "both runs to finish", () -> runs(workflowId, "finished").size() == 2);
    assertThat(runs(workflowId, null)).extracting(r -> r.get("contactId").asString())
        .containsExactlyInAnyOrder(visitors.get(0), visitors.get(2));
    assertThat(activity(visitors.get(1), "event")).hasSize(1);
    assertThat(activity(visitors.get(0), "workflow-started")).hasSize(1);
    String shown = webContent(visitors.get(2)).json()
        .get("items").get(0).get("html").asString();
    assertThat(shown).isEqualTo("<p><b>" + activity(visitors.get(2), "coupon-assigned").get(0).get("code").asString()
        + "</b></p>");
  }

  @Test
  void moreThanAThousandItemsAreRefusedWith413AndNothingIsStored() {
    String prefix = unique("too-many-");
    String type = unique("untriggered");
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i <= 1000; i++) {
      items.add(item(prefix + i, type, Map.of()));
    }

    var refused = api.post("/api/v1/events/batch", Map.of("items", items));

    assertThat(refused.status()).as(refused.text()).isEqualTo(413);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("detail").asString()).contains("1000").contains("1001");
    assertThat(storedEvents(prefix)).isZero();
    assertThat(api.post("/api/v1/events/batch", Map.of("items", items.subList(0, 1000))).status()).isEqualTo(201);
    assertThat(storedEvents(prefix)).isEqualTo(1000);
  }

  @Test
  void aBadItemIsNamedByItsIndexAndNothingOfTheBatchIsStored() {
    String prefix = unique("bad-item-");
    String type = unique("untriggered");
    List<Map<String, Object>> items = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      items.add(item(prefix + i, i == 3 ? "not a type!" : type, Map.of()));
    }

    var refused = api.post("/api/v1/events/batch", Map.of("items", items));

    assertThat(refused.status()).as(refused.text()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("items[3].type");
    assertThat(refused.json().get("detail").asString()).startsWith("items[3].type");
    assertThat(storedEvents(prefix)).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM contact WHERE id LIKE ?").param(prefix + "%").query(Long.class).single())
        .isZero();
    items.set(3, item(" ", type, Map.of()));
    assertThat(api.post("/api/v1/events/batch", Map.of("items", items)).json().get("errors").get(0).get("field")
        .asString()).isEqualTo("items[3].contactId");
    var empty = api.post("/api/v1/events/batch", Map.of("items", List.of()));
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.json().get("errors").get(0).get("field").asString()).isEqualTo("items");
  }

  private long storedEvents(String contactPrefix) {
    return jdbc.sql("SELECT COUNT(*) FROM contact_event WHERE contact_id LIKE ?").param(contactPrefix + "%")
        .query(Long.class).single();
  }

  static Map<String, Object> item(String contactId, String type, Map<String, Object> properties) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("contactId", contactId);
    item.put("type", type);
    item.put("properties", properties);
    return item;
  }
}
