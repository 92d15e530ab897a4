package io.couponflow.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiClient;
import io.couponflow.support.ApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many threads against one set over HTTP: exact counts, no code twice. Runs on H2 and PostgreSQL. */
abstract class AssignmentConcurrencyContract extends ApiTest {
  private static final int THREADS = 64;

  @Autowired
  JdbcClient jdbc;

  @Test
  void sixtyFourThreadsDrainAMultipleSetExactlyOnce() throws Exception {
    long setId = createMultipleSet("hammer", 500).get("id").asLong();
    List<ApiClient.Response> responses = hammer(800, i -> assign(setId, "contact-" + i));

    List<String> codes = responses.stream().filter(r -> r.status() == 201).map(r -> r.json().get("code").asString()).toList();
    assertThat(codes).hasSize(500);
    assertThat(Set.copyOf(codes)).hasSize(500);
    List<ApiClient.Response> exhausted = responses.stream().filter(r -> r.status() == 409).toList();
    assertThat(exhausted).hasSize(300);
    assertThat(exhausted.get(0).json().get("type").asString()).endsWith("/coupon-set-exhausted");
    assertThat(exhausted.get(0).contentType()).startsWith("application/problem+json");

    var set = set(setId);
    assertThat(set.get("total").asLong()).isEqualTo(500);
    assertThat(set.get("assigned").asLong()).isEqualTo(500);
    assertThat(set.get("available").asLong()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(DISTINCT code_id) FROM assignment WHERE coupon_set_id = ?").param(setId)
        .query(Long.class).single()).isEqualTo(500);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM code WHERE coupon_set_id = ? AND status = 'available'").param(setId)
        .query(Long.class).single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM code WHERE coupon_set_id = ? AND status = 'assigned'").param(setId)
        .query(Long.class).single()).isEqualTo(500);
  }

  @Test
  void anIndividualSetNeverExceedsItsQuantity() throws Exception {
    long setId = createSingleSet("welcome", unique("WELCOME"), 50L).get("id").asLong();
    List<ApiClient.Response> responses = hammer(200, i -> assign(setId, "single-contact-" + i));

    assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(50);
    assertThat(responses.stream().filter(r -> r.status() == 409)).hasSize(150);
    var set = set(setId);
    assertThat(set.get("assigned").asLong()).isEqualTo(50);
    assertThat(set.get("available").asLong()).isZero();
    assertThat(jdbc.sql("SELECT used FROM coupon_set WHERE id = ?").param(setId).query(Long.class).single()).isEqualTo(50);
  }

  @Test
  void onceperContactGivesOneContactOneCodeUnderConcurrentCalls() throws Exception {
    long setId = createMultipleSet("same-contact", 100).get("id").asLong();
    List<ApiClient.Response> responses = hammer(64, i -> assign(setId, "the-same-contact"));

    assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.text()).isIn(200, 201));
    assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
    assertThat(responses.stream().map(r -> r.json().get("code").asString()).distinct()).hasSize(1);
    assertThat(set(setId).get("assigned").asLong()).isEqualTo(1);
    assertThat(set(setId).get("available").asLong()).isEqualTo(99);
  }

  @Test
  void concurrentReplaysOfOneIdempotencyKeyGiveOneAssignment() throws Exception {
    long setId = createMultipleSet("idempotent", 100, "new-each-time").get("id").asLong();
    List<ApiClient.Response> responses = hammer(32, i -> api.post("/api/v1/coupon-sets/" + setId + "/assignments",
        Map.of("contactId", "replayer"), Map.of("Idempotency-Key", "order-42")));

    assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
    assertThat(responses.stream().map(r -> r.json().get("id").asLong()).distinct()).hasSize(1);
    assertThat(set(setId).get("assigned").asLong()).isEqualTo(1);
  }

  @Test
  void concurrentReleasesGiveTheCodeBackExactlyOnce() throws Exception {
    long setId = createMultipleSet("release", 1).get("id").asLong();
    long assignmentId = assign(setId, "releaser").json().get("id").asLong();
    List<ApiClient.Response> responses = hammer(16, i -> api.post("/api/v1/assignments/" + assignmentId + "/release", ""));

    assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(1);
    assertThat(responses.stream().filter(r -> r.status() == 409)).hasSize(15);
    assertThat(set(setId).get("available").asLong()).isEqualTo(1);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM code WHERE coupon_set_id = ? AND status = 'available'").param(setId)
        .query(Long.class).single()).isEqualTo(1);
    assertThat(assign(setId, "someone-else").status()).isEqualTo(201);
    assertThat(assign(setId, "a-third").status()).isEqualTo(409);
  }

  /**
   * Mixed traffic into one once-per-contact set with fewer codes than demand: new contacts on the
   * parent, contacts asking four times, one idempotency key replayed four times, and contacts of a
   * child set. Parents alone want more than the pool, so every code goes, each exactly once.
   */
  @Test
  void mixedRequestsFromSixtyFourThreadsGetExactlyTheRightAnswers() throws Exception {
    long setId = createMultipleSet("mixed", 100).get("id").asLong();
    var child = api.post("/api/v1/coupon-sets/" + setId + "/child-sets", Map.of("name", "vip"));
    assertThat(child.status()).as(child.text()).isEqualTo(201);
    long childId = child.json().get("id").asLong();
    addCodes(setId, childId, codeValues(unique("K"), 20));
    record Ask(String kind, String who, Long childSetId, String key) {}
    List<Ask> asks = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      asks.add(new Ask("new", "new-" + i, null, null));
    }
    for (int i = 0; i < 30; i++) {
      asks.add(new Ask("kid", "kid-" + i, childId, null));
    }
    for (int i = 0; i < 10; i++) {
      for (int n = 0; n < 4; n++) {
        asks.add(new Ask("repeat", "repeat-" + i, null, null));
        asks.add(new Ask("replay", "replay-" + i, null, "key-" + i));
      }
    }
    java.util.Collections.shuffle(asks, new java.util.Random(42));

    List<ApiClient.Response> responses = hammer(asks.size(), i -> {
      Ask ask = asks.get(i);
      Map<String, Object> body = new java.util.HashMap<>(Map.of("contactId", ask.who()));
      if (ask.childSetId() != null) {
        body.put("childSetId", ask.childSetId());
      }
      return api.post("/api/v1/coupon-sets/" + setId + "/assignments", body,
          ask.key() == null ? Map.of() : Map.of("Idempotency-Key", ask.key()));
    });

    Map<String, List<ApiClient.Response>> byWho = new java.util.HashMap<>();
    for (int i = 0; i < asks.size(); i++) {
      byWho.computeIfAbsent(asks.get(i).who(), k -> new ArrayList<>()).add(responses.get(i));
    }
    assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.text()).isIn(200, 201, 409));
    List<String> given = responses.stream().filter(r -> r.status() == 201).map(r -> r.json().get("code").asString())
        .toList();
    assertThat(given).hasSize(120).doesNotHaveDuplicates();
    long repeatedWinners = 0;
    for (var entry : byWho.entrySet()) {
      List<Integer> statuses = entry.getValue().stream().map(ApiClient.Response::status).sorted().toList();
      if (entry.getValue().size() == 1) {
        assertThat(statuses.get(0)).as(entry.getKey()).isIn(201, 409);
      } else if (statuses.get(0) == 409) {
        assertThat(statuses).as(entry.getKey() + " ran out: every call says so").containsOnly(409);
      } else {
        assertThat(statuses).as(entry.getKey()).containsExactly(200, 200, 200, 201);
        assertThat(entry.getValue().stream().map(r -> r.json().get("id").asLong()).distinct()).hasSize(1);
        repeatedWinners++;
      }
    }
    assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize((int) (3 * repeatedWinners));
    List<String> kidCodes = byWho.entrySet().stream().filter(e -> e.getKey().startsWith("kid-"))
        .flatMap(e -> e.getValue().stream()).filter(r -> r.status() == 201).map(r -> r.json().get("code").asString())
        .toList();
    assertThat(kidCodes).allSatisfy(code -> assertThat(jdbc.sql(
        "SELECT child_set_id FROM code WHERE code_value = ?").param(code).query(Long.class).single()).isEqualTo(childId));

    var set = set(setId);
    assertThat(set.get("assigned").asLong()).isEqualTo(120);
    assertThat(set.get("available").asLong()).isZero();
    assertThat(set.get("childSets").get(0).get("assigned").asLong()).isEqualTo(20);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM assignment WHERE coupon_set_id = ?").param(setId).query(Long.class)
        .single()).isEqualTo(120);
    assertThat(jdbc.sql("SELECT COUNT(DISTINCT code_id) FROM assignment WHERE coupon_set_id = ?").param(setId)
        .query(Long.class).single()).isEqualTo(120);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM code WHERE coupon_set_id = ? AND status = 'assigned'").param(setId)
        .query(Long.class).single()).isEqualTo(120);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM code WHERE coupon_set_id = ? AND status = 'available'").param(setId).query(Long.class)
        .single()).isZero();
    assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_hold WHERE coupon_set_id = ?").param(setId).query(Long.class)
        .single()).isEqualTo(120);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM assignment_request WHERE coupon_set_id = ?").param(setId)
        .query(Long.class).single()).isEqualTo(byWho.entrySet().stream()
            .filter(e -> e.getKey().startsWith("replay-") && e.getValue().get(0).status() != 409).count());
    assertThat(jdbc.sql("SELECT COUNT(*) FROM activity WHERE coupon_set_id = ? AND type = 'coupon-assigned'")
        .param(setId).query(Long.class).single()).isEqualTo(120);
    assertThat(jdbc.sql("SELECT SUM(assigned) FROM stat_hour WHERE coupon_set_id = ?").param(setId)
        .query(Long.class).single()).isEqualTo(120);
  }

  interface Call {
    ApiClient.Response run(int i) throws Exception;
  }

  private static List<ApiClient.Response> hammer(int calls, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Callable<ApiClient.Response>> tasks = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        int n = i;
        tasks.add(() -> call.run(n));
      }
      List<ApiClient.Response> responses = new ArrayList<>();
      for (Future<ApiClient.Response> f : pool.invokeAll(tasks, 5, TimeUnit.MINUTES)) {
        responses.add(f.get());
      }
      Map<Integer, Integer> unexpected = new ConcurrentHashMap<>();
      responses.stream().filter(r -> r.status() >= 500).forEach(r -> unexpected.merge(r.status(), 1, Integer::sum));
      assertThat(unexpected).as("server errors: " + responses.stream().filter(r -> r.status() >= 500)
          .map(ApiClient.Response::text).findFirst().orElse("")).isEmpty();
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }
}
