package io.couponflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Split tests: an Assign coupon node with {@code split} sends each contact to one child set by
 * weight, keeps a contact who holds a code of one arm in that arm, and refuses splits that make no sense.
 */
abstract class WorkflowSplitContract extends WorkflowFixtures {
  private static final int RUNS = 2_000;

  @Autowired
  JdbcClient jdbc;

  private record Arms(long setId, long small, long large) {}

  /** A once-per-contact set with two child sets and enough codes in each for any draw. */
  private Arms twoArms(int codesEach) {
    long setId = createMultipleSet(unique("split"), 0).get("id").asLong();
    long small = childSet(setId, "10-percent");
    long large = childSet(setId, "15-percent");
    addCodes(setId, small, codeValues(unique("S"), codesEach));
    addCodes(setId, large, codeValues(unique("L"), codesEach));
    return new Arms(setId, small, large);
  }

  private long childSet(long setId, String name) {
    var created = api.post("/api/v1/coupon-sets/" + setId + "/child-sets", Map.of("name", name));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  private static Map<String, Object> splitNode(Arms arms, int smallWeight, int largeWeight) {
    Map<String, Object> node = assignNode(arms.setId(), "stop", null);
    node.put("split", List.of(Map.of("childSetId", arms.small(), "weight", smallWeight),
        Map.of("childSetId", arms.large(), "weight", largeWeight)));
    return node;
  }

  private void post(List<String> contacts, String trigger) {
    for (int from = 0; from < contacts.size(); from += 1_000) {
      List<Map<String, Object>> items = new ArrayList<>();
      contacts.subList(from, Math.min(contacts.size(), from + 1_000))
          .forEach(c -> items.add(EventBatchContract.item(c, trigger, Map.of())));
      ApiClient.Response posted = api.post("/api/v1/events/batch", Map.of("items", items));
      assertThat(posted.status()).as(posted.text()).isEqualTo(201);
    }
  }

  private void awaitEnded(long workflowId, int runs) {
    awaitTrue(Duration.ofMinutes(3), "every run to end", () -> jdbc.sql(
        "SELECT COUNT(*) FROM workflow_run WHERE workflow_id = ? AND status IN ('finished', 'skipped', 'stopped', 'failed')")
        .param(workflowId).query(Long.class).single() == runs);
  }

  private Map<Long, Long> assignedPerChild(long setId) {
    Map<Long, Long> counts = new LinkedHashMap<>();
    jdbc.sql("SELECT child_set_id, COUNT(*) AS n FROM assignment WHERE coupon_set_id = ? GROUP BY child_set_id")
        .param(setId).query(rs -> {
          counts.put(rs.getLong("child_set_id"), rs.getLong("n"));
        });
    return counts;
  }

  @Test
  void twoThousandRunsOverWeightsOneToThreeLandWithinThreeStandardDeviations() {
    Arms arms = twoArms(RUNS);
    String trigger = unique("split");
    long workflowId = activeWorkflow(trigger, List.of(splitNode(arms, 1, 3)));
    List<String> contacts = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      contacts.add(unique("s-") + i);
    }

    post(contacts, trigger);
    awaitEnded(workflowId, RUNS);

    assertThat(runs(workflowId, "finished")).hasSize(1000); // the API's page: at most 1,000
    Map<Long, Long> perChild = assignedPerChild(arms.setId());
    assertThat(perChild.keySet()).containsExactlyInAnyOrder(arms.small(), arms.large());
    assertThat(perChild.get(arms.small()) + perChild.get(arms.large())).isEqualTo(RUNS);
    double sd = Math.sqrt(RUNS * 0.25 * 0.75);
    assertThat((double) perChild.get(arms.small())).isBetween(RUNS * 0.25 - 3 * sd, RUNS * 0.25 + 3 * sd);
  }

  @Test
  void aContactWhoHoldsACodeOfOneArmKeepsItUnderOncePerContact() {
    Arms arms = twoArms(200);
    List<String> holders = new ArrayList<>();
    Map<String, String> codeOf = new LinkedHashMap<>();
    for (int i = 0; i < 40; i++) {
      String contact = unique("holder-") + i;
      var given = api.post("/api/v1/coupon-sets/" + arms.setId() + "/assignments",
          Map.of("contactId", contact, "childSetId", arms.small()));
      assertThat(given.status()).as(given.text()).isEqualTo(201);
      holders.add(contact);
      codeOf.put(contact, given.json().get("code").asString());
    }
    String trigger = unique("keep");
    long workflowId = activeWorkflow(trigger, List.of(splitNode(arms, 1, 3)));

    post(holders, trigger);
    awaitEnded(workflowId, holders.size());

    for (String contact : holders) {
      List<Map<String, Object>> rows = jdbc.sql(
              "SELECT code, child_set_id FROM assignment WHERE coupon_set_id = ? AND contact_id = ?")
          .params(arms.setId(), contact).query().listOfRows();
      assertThat(rows).as(contact + " holds one code, of the arm it had").hasSize(1);
      assertThat(((Number) rows.get(0).get("child_set_id")).longValue()).isEqualTo(arms.small());
      assertThat(rows.get(0).get("code")).isEqualTo(codeOf.get(contact));
    }
    assertThat(runs(workflowId, "finished")).hasSize(holders.size());
  }

  @Test
  void splitsThatMakeNoSenseAreRefusedNamingTheField() {
    Arms arms = twoArms(1);
    Map<String, Object> both = splitNode(arms, 1, 1);
    both.put("childSetId", arms.small());
    Map<String, Object> oneArm = assignNode(arms.setId(), "stop", null);
    oneArm.put("split", List.of(Map.of("childSetId", arms.small(), "weight", 1)));
    Map<String, Object> zero = splitNode(arms, 0, 1);
    Map<String, Object> foreign = assignNode(arms.setId(), "stop", null);
    foreign.put("split", List.of(Map.of("childSetId", arms.small(), "weight", 1),
        Map.of("childSetId", 987_654_321L, "weight", 1)));

    for (Map<String, Object> node : List.of(both, oneArm, zero, foreign)) {
      var refused = api.post("/api/v1/workflows", Map.of("name", unique("bad split"),
          "trigger", Map.of("event", "x"), "nodes", List.of(node)));
      assertThat(refused.status()).as(refused.text()).isEqualTo(400);
      assertThat(refused.text()).contains("split");
    }
  }
}
