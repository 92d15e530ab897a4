package io.couponflow.code;

import static io.couponflow.code.CodeStatus.ASSIGNED;
import static io.couponflow.code.CodeStatus.AVAILABLE;
import static io.couponflow.code.CodeStatus.EXPIRED;
import static io.couponflow.code.CodeStatus.REDEEMED;
import static io.couponflow.code.CodeStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeStatusTest {

  @Test
  void theLifeOfACodeAllowsExactlyTheseTransitions() {
    List<String> allowed = new ArrayList<>();
    for (CodeStatus from : CodeStatus.values()) {
      for (CodeStatus to : CodeStatus.values()) {
        if (from.canBecome(to)) {
          allowed.add(from.wire() + " -> " + to.wire());
        }
      }
    }
    assertThat(allowed).containsExactlyInAnyOrder(
        "available -> assigned", "available -> redeemed", "available -> expired",
        "assigned -> available", "assigned -> sent", "assigned -> redeemed",
        "sent -> redeemed",
        "expired -> redeemed");
  }

  @Test
  void aRedeemedCodeStaysRedeemed() {
    for (CodeStatus next : CodeStatus.values()) {
      assertThat(REDEEMED.canBecome(next)).as("redeemed -> " + next.wire()).isFalse();
    }
  }

  @Test
  void onlyAnUnsentAssignedCodeGoesBackToTheQueue() {
    assertThat(AVAILABLE.predecessors()).containsExactly(ASSIGNED);
    assertThat(SENT.canBecome(AVAILABLE)).isFalse();
  }

  @Test
  void anExpiredCodeIsNeverAssignedButAShopMayStillRedeemIt() {
    assertThat(EXPIRED.canBecome(ASSIGNED)).isFalse();
    assertThat(EXPIRED.canBecome(AVAILABLE)).isFalse();
    assertThat(EXPIRED.canBecome(REDEEMED)).isTrue();
  }

  @Test
  void noStatusFollowsItself() {
    for (CodeStatus status : CodeStatus.values()) {
      assertThat(status.canBecome(status)).as(status.wire()).isFalse();
    }
  }
}
