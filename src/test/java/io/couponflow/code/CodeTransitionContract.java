package io.couponflow.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.couponflow.support.ApiTest;
import io.couponflow.support.SettableClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The database refuses a code status change its life does not allow, and nothing of it is kept. H2 and PostgreSQL. */
abstract class CodeTransitionContract extends ApiTest {
  @Autowired
  CodePool pool;

  @Autowired
  TransactionTemplate tx;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  SettableClock clock;

  @Test
  void aRedeemedCodeIsNeverMadeAvailableAgain() {
    long setId = createMultipleSet("redeemed-stays", 1).get("id").asLong();
    ClaimedCode code = tx.execute(status -> pool.claim(setId, null).orElseThrow());
    tx.executeWithoutResult(status -> pool.transition(code.codeId(), CodeStatus.REDEEMED));

    assertThatThrownBy(() -> tx.executeWithoutResult(status -> pool.release(code.codeId())))
        .isInstanceOf(IllegalCodeTransitionException.class)
        .hasMessageContaining("is redeemed; it cannot become available");

    assertThat(statusOf(code.codeId())).isEqualTo("redeemed");
    assertThat(queued(setId)).isZero();
    List<ClaimedCode> none = tx.execute(status -> pool.claim(setId, null, 1));
    assertThat(none).isEmpty();
  }

  @Test
  void aSentCodeDoesNotGoBackToTheQueue() {
    long setId = createMultipleSet("sent-stays", 1).get("id").asLong();
    ClaimedCode code = tx.execute(status -> pool.claim(setId, null).orElseThrow());
    tx.executeWithoutResult(status -> pool.transition(code.codeId(), CodeStatus.SENT));

    assertThatThrownBy(() -> tx.executeWithoutResult(status -> pool.release(code.codeId())))
        .isInstanceOf(IllegalCodeTransitionException.class);
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> pool.transition(code.codeId(), CodeStatus.SENT)))
        .isInstanceOf(IllegalCodeTransitionException.class);

    assertThat(statusOf(code.codeId())).isEqualTo("sent");
    assertThat(queued(setId)).isZero();
  }

  @Test
  void anExpiredCodeIsNeverClaimed() {
    long setId = createMultipleSet("expired-refused", 0).get("id").asLong();
    String value = unique("GONE");
    var added = api.post("/api/v1/coupon-sets/" + setId + "/codes",
        Map.of("codes", List.of(value), "expiresAt", "2020-01-01T00:00:00Z"));
    assertThat(added.status()).as(added.text()).isEqualTo(200);
    List<ExpiredCode> expired = tx.execute(status -> pool.expireFree(setId, clock.instant(), 10));
    assertThat(expired).hasSize(1);
    long codeId = expired.get(0).codeId();

    List<ClaimedCode> none = tx.execute(status -> pool.claim(setId, null, 16));
    assertThat(none).isEmpty();

    assertThat(statusOf(codeId)).isEqualTo("expired");
    assertThat(queued(setId)).isZero();
  }

  @Test
  void anExpiredCodeCanStillBeRedeemed() {
    long setId = createMultipleSet("expired-redeemed", 0).get("id").asLong();
    var added = api.post("/api/v1/coupon-sets/" + setId + "/codes",
        Map.of("codes", List.of(unique("LATE")), "expiresAt", "2020-01-01T00:00:00Z"));
    assertThat(added.status()).as(added.text()).isEqualTo(200);
    long codeId = tx.execute(status -> pool.expireFree(setId, clock.instant(), 10)).get(0).codeId();

    tx.executeWithoutResult(status -> pool.transition(codeId, CodeStatus.REDEEMED));

    assertThat(statusOf(codeId)).isEqualTo("redeemed");
  }

  @Test
  void aCodeThatDoesNotExistIsNotSilentlySkipped() {
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> pool.transition(Long.MAX_VALUE, CodeStatus.SENT)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not exist");
  }

  private String statusOf(long codeId) {
    return jdbc.sql("SELECT status FROM code WHERE id = ?").param(codeId).query(String.class).single();
  }

  private long queued(long setId) {
    return jdbc.sql("SELECT COUNT(*) FROM code WHERE coupon_set_id = ? AND status = 'available'").param(setId).query(Long.class).single();
  }
}
