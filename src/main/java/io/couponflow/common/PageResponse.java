package io.couponflow.common;

import java.util.List;

/** The shape of every list the API answers: the items and a link to the next page, or null. */
public record PageResponse<T>(List<T> items, Links links) {
  public record Links(String next) {}
}
