package io.couponflow.web;

import java.util.Optional;

/**
 * Names the things of one kind (a set, a workflow, an API key, a contact) so pages show "Birthday email" instead
 * of an id; the feature that owns the thing implements it.
 */
public interface NameSource {
  /** The kind named, as the pages and the audit log spell it: {@code coupon-set}, {@code workflow}, {@code api-key}, {@code contact}. */
  String kind();

  /** The current name; empty when the thing is gone or the id is not one of its ids. */
  Optional<String> name(String id);
}
