package io.couponflow.code;

/** A code asked to change status in a way its life does not allow (a redeemed code back to available). */
public class IllegalCodeTransitionException extends IllegalStateException {
  IllegalCodeTransitionException(long codeId, CodeStatus current, CodeStatus next) {
    super("code " + codeId + " is " + current.wire() + "; it cannot become " + next.wire()
        + " (only from " + next.predecessors().stream().map(CodeStatus::wire).toList() + ")");
  }
}
