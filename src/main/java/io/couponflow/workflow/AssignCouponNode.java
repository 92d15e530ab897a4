package io.couponflow.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.couponflow.common.Hashing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Gives the contact a code of the set (or child set) and keeps it in a variable for later nodes.
 * With {@code split} (a split test) each contact draws from one of the child sets, chosen by weight.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssignCouponNode(Long couponSetId, Long childSetId, String variable, OnExhausted onExhausted,
    String fallbackCode, List<SplitShare> split) implements Node {
  static final String TYPE = "assign-coupon";
  static final String DEFAULT_VARIABLE = "coupon";

  public AssignCouponNode(Long couponSetId, Long childSetId, String variable, OnExhausted onExhausted,
      String fallbackCode) {
    this(couponSetId, childSetId, variable, onExhausted, fallbackCode, null);
  }

  /** Fills the defaults the API documents, so stored nodes are explicit. */
  AssignCouponNode withDefaults() {
    return new AssignCouponNode(couponSetId, childSetId,
        variable == null || variable.isBlank() ? DEFAULT_VARIABLE : variable.strip(),
        onExhausted == null ? OnExhausted.STOP : onExhausted,
        fallbackCode == null || fallbackCode.isBlank() ? null : fallbackCode.strip(),
        split == null || split.isEmpty() ? null : List.copyOf(split));
  }

  /** Whether this node is a split test. */
  boolean splits() {
    return split != null && !split.isEmpty();
  }

  /**
   * The child set a contact draws from: the node's own, or for a split test the arm a hash of the
   * workflow and contact falls in by weight, so a contact lands in the same arm every time while the
   * contacts spread over the arms in proportion to their weights.
   */
  Long childFor(String contactId, Long workflowId) {
    if (!splits()) {
      return childSetId;
    }
    long total = split.stream().mapToLong(SplitShare::weight).sum();
    byte[] digest = Hashing.sha256((workflowId + ":" + couponSetId + ":" + contactId).getBytes(StandardCharsets.UTF_8));
    long point = Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), total);
    for (SplitShare share : split) {
      point -= share.weight();
      if (point < 0) {
        return share.childSetId();
      }
    }
    throw new IllegalStateException("weights add up to " + total);
  }

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }
}
