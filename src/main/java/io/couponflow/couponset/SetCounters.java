package io.couponflow.couponset;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.couponflow.db.TransactionStripe;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counters kept in the same transaction as the change they count. Each set and child set has N
 * stripe rows; a change updates one at random, so concurrent assignments rarely wait on each
 * other, and a read sums a fixed number of rows: O(1) whatever the number of codes.
 */
@Repository
class SetCounters {
  private final JdbcClient jdbc;
  private final int stripes;

  SetCounters(JdbcClient jdbc, @Value("${couponflow.counter-stripes:16}") int stripes) {
    this.jdbc = jdbc;
    this.stripes = stripes;
  }

  void createStripes(long couponSetId, long childKey) {
    for (int stripe = 0; stripe < stripes; stripe++) {
      jdbc.sql("INSERT INTO set_counter (coupon_set_id, child_key, stripe) VALUES (?, ?, ?)")
          .params(couponSetId, childKey, stripe).update();
    }
  }

  /** Adds the deltas to the counters of the set's codes outside child sets (childKey 0) or of one child set. */
  void add(long couponSetId, long childKey, Counters delta) {
    int stripe = TransactionStripe.current(stripes);
    int updated = jdbc.sql("""
            UPDATE set_counter SET total = total + ?, assigned = assigned + ?, sent = sent + ?, redeemed = redeemed + ?,
                                   expired = expired + ?, leaked = leaked + ?, redeemed_by_others = redeemed_by_others + ?
            WHERE coupon_set_id = ? AND child_key = ? AND stripe = ?""")
        .params(delta.total(), delta.assigned(), delta.sent(), delta.redeemed(), delta.expired(), delta.leaked(),
            delta.redeemedByOthers(), couponSetId, childKey, stripe)
        .update();
    if (updated != 1) {
      throw new IllegalStateException("no counter row for set " + couponSetId + " child " + childKey);
    }
  }

  /** Counters per child key (0 = codes outside child sets) of each set asked for. */
  Map<Long, Map<Long, Counters>> read(Collection<Long> couponSetIds) {
    Map<Long, Map<Long, Counters>> result = new HashMap<>();
    if (couponSetIds.isEmpty()) {
      return result;
    }
    jdbc.sql("""
            SELECT coupon_set_id, child_key, SUM(total), SUM(assigned), SUM(sent), SUM(redeemed), SUM(expired),
                   SUM(leaked), SUM(redeemed_by_others)
            FROM set_counter WHERE coupon_set_id IN (:ids) GROUP BY coupon_set_id, child_key""")
        .param("ids", List.copyOf(couponSetIds))
        .query(rs -> {
          result.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
              .put(rs.getLong(2), new Counters(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                  rs.getLong(7), rs.getLong(8), rs.getLong(9)));
        });
    return result;
  }

  /** A child set is gone and its codes return to the parent: so do their counts. */
  void moveToParent(long couponSetId, long childKey) {
    Counters moved = read(List.of(couponSetId)).getOrDefault(couponSetId, Map.of()).getOrDefault(childKey, Counters.ZERO);
    add(couponSetId, 0, moved);
    jdbc.sql("DELETE FROM set_counter WHERE coupon_set_id = ? AND child_key = ?").params(couponSetId, childKey).update();
  }

  void deleteAll(long couponSetId) {
    jdbc.sql("DELETE FROM set_counter WHERE coupon_set_id = ?").param(couponSetId).update();
  }
}
