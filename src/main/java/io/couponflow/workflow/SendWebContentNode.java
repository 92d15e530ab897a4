package io.couponflow.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Queues a popup for the contact, shown by the snippet on the shop's next page view. */
public record SendWebContentNode(String html) implements Node {
  static final String TYPE = "send-web-content";

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }
}
