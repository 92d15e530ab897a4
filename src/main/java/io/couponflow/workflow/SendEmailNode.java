package io.couponflow.workflow;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Emails the contact; subject and html are templates. */
public record SendEmailNode(String subject, String html) implements Node {
  static final String TYPE = "send-email";

  @Override
  @JsonIgnore
  public String type() {
    return TYPE;
  }
}
