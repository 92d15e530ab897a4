package io.couponflow.code;

import java.util.List;

public record AddCodesResult(int added, List<Rejected> rejected) {
  public record Rejected(String value, RejectReason reason) {}
}
