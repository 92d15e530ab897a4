package io.couponflow.code;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Batch claims straight on the pool: every code once, exact counts, locked codes skipped. H2 and PostgreSQL. */
abstract class CodePoolClaimContract extends ApiTest {
  private static final int THREADS = 8;
  private static final int BATCH = 16;

  @Autowired
  CodePool pool;

  @Autowired
  TransactionTemplate tx;

  @Autowired
  JdbcClient jdbc;

  @Test
  void eightThreadsBatchClaimingGetEveryCodeOfASetAndItsChildSetExactlyOnce() throws Exception {
    long setId = createMultipleSet("batch-claims", 1000).get("id").asLong();
    long childId = createChildSet(setId, "vip");
    addCodes(setId, childId, codeValues(unique("VIP"), 200));

    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    List<List<ClaimedCode>> byThread = new ArrayList<>();
    try {
      List<Callable<List<ClaimedCode>>> drains = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        Long childKey = i % 2 == 0 ? childId : null;
        drains.add(() -> drain(setId, childKey));
      }
      for (Future<List<ClaimedCode>> drained : threads.invokeAll(drains, 5, TimeUnit.MINUTES)) {
        byThread.add(drained.get());
      }
    } finally {
      threads.shutdownNow();
    }

    Map<Long, ClaimedCode> stored = storedCodes(setId);
    List<ClaimedCode> all = byThread.stream().flatMap(List::stream).toList();
    assertThat(all).hasSize(1200);
    assertThat(all).containsExactlyInAnyOrderElementsOf(stored.values());
    for (int i = 0; i < THREADS; i += 2) {
      assertThat(byThread.get(i)).allSatisfy(code -> assertThat(code.childKey()).isEqualTo(childId));
    }
    assertThat(all.stream().filter(code -> code.childKey() == childId)).hasSize(200);
    assertThat(count("SELECT COUNT(*) FROM code WHERE coupon_set_id = ? AND status = 'available'", setId)).isZero();
    assertThat(count("SELECT COUNT(*) FROM code WHERE coupon_set_id = ? AND status = 'assigned'", setId)).isEqualTo(1200);
  }

  @Test
  void aBatchClaimGivesWhatIsLeftWhenTheSetRunsShort() {
    long setId = createMultipleSet("short-batch", 5).get("id").asLong();

    List<ClaimedCode> first = tx.execute(status -> pool.claim(setId, null, BATCH));
    List<ClaimedCode> second = tx.execute(status -> pool.claim(setId, null, BATCH));

    assertThat(first).hasSize(5).doesNotHaveDuplicates();
    assertThat(first).containsExactlyInAnyOrderElementsOf(storedCodes(setId).values());
    assertThat(second).isEmpty();
    Optional<ClaimedCode> single = tx.execute(status -> pool.claim(setId, null));
    assertThat(single).isEmpty();
  }

  @Test
  void aBatchClaimSkipsTheCodesAnotherTransactionHoldsAndStillFillsTheBatch() throws Exception {
    long setId = createMultipleSet("skip-locked-batch", 40).get("id").asLong();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<List<ClaimedCode>> holder = other.submit(() -> tx.execute(status -> {
        List<ClaimedCode> claimed = pool.claim(setId, null, BATCH);
        held.countDown();
        await(done);
        return claimed;
      }));
      assertThat(held.await(1, TimeUnit.MINUTES)).isTrue();

      List<ClaimedCode> mine = tx.execute(status -> pool.claim(setId, null, BATCH));
      done.countDown();

      List<ClaimedCode> theirs = holder.get(1, TimeUnit.MINUTES);
      assertThat(theirs).hasSize(BATCH);
      assertThat(mine).hasSize(BATCH).doesNotContainAnyElementsOf(theirs);
      assertThat(count("SELECT COUNT(*) FROM code WHERE coupon_set_id = ? AND status = 'available'", setId)).isEqualTo(40 - 2 * BATCH);
    } finally {
      done.countDown();
      other.shutdownNow();
    }
  }

  private List<ClaimedCode> drain(long setId, Long childKey) {
    List<ClaimedCode> claimed = new ArrayList<>();
    while (true) {
      List<ClaimedCode> batch = tx.execute(status -> pool.claim(setId, childKey, BATCH));
      assertThat(batch).hasSizeLessThanOrEqualTo(BATCH);
      if (batch.isEmpty()) {
        return claimed;
      }
      claimed.addAll(batch);
    }
  }

  private long createChildSet(long setId, String name) {
    var created = api.post("/api/v1/coupon-sets/" + setId + "/child-sets", Map.of("name", name));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  private Map<Long, ClaimedCode> storedCodes(long setId) {
    Map<Long, ClaimedCode> codes = new HashMap<>();
    jdbc.sql("SELECT id, code_value, child_set_id FROM code WHERE coupon_set_id = ?").param(setId)
        .query(rs -> {
          long child = rs.getLong(3);
          codes.put(rs.getLong(1), new ClaimedCode(rs.getLong(1), rs.getString(2), child));
        });
    return codes;
  }

  private long count(String sql, long setId) {
    return jdbc.sql(sql).param(setId).query(Long.class).single();
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(1, TimeUnit.MINUTES)) {
        throw new IllegalStateException("the other claim never finished");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aPageOfFreeCodesRunsNewestFirstAcrossChildSetsAndPagesOnByIdWithoutGapsOrRepeats() {
    long setId = createMultipleSet("free-pages", 30).get("id").asLong();
    long gold = createChildSet(setId, "gold");
    long silver = createChildSet(setId, "silver");
    addCodes(setId, gold, codeValues(unique("GOLD"), 25));
    addCodes(setId, silver, codeValues(unique("SILV"), 20));
    addCodes(setId, null, codeValues(unique("LATE"), 5));
    tx.execute(status -> pool.claim(setId, gold, 3));
    List<Long> expected = jdbc.sql("SELECT id FROM code WHERE coupon_set_id = ? AND status = 'available' ORDER BY id DESC")
        .param(setId).query(Long.class).list();
    assertThat(expected).hasSize(30 + 25 + 20 + 5 - 3);

    List<Long> seen = new ArrayList<>();
    long before = Long.MAX_VALUE;
    while (true) {
      List<Code> page = pool.page(setId, CodeStatus.AVAILABLE, before, 16);
      page.forEach(code -> seen.add(code.id()));
      if (page.size() < 16) {
        break;
      }
      before = page.get(page.size() - 1).id();
    }

    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pool.page(setId, CodeStatus.AVAILABLE, gold, Long.MAX_VALUE, 100)).hasSize(22)
        .allSatisfy(code -> assertThat(code.childSetId()).isEqualTo(gold));
    assertThat(pool.page(setId, CodeStatus.AVAILABLE, 0L, Long.MAX_VALUE, 100)).hasSize(35)
        .allSatisfy(code -> assertThat(code.childSetId()).isNull());
  }
}
