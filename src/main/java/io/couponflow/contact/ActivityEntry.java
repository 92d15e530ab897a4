package io.couponflow.contact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** One line of a contact's timeline. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityEntry(Long id, @JsonIgnore String contactId, String type, Instant at, Long couponSetId,
    String code, Long workflowId, Long runId, String detail) {

  public static ActivityEntry of(String contactId, String type, Instant at) {
    return new ActivityEntry(null, contactId, type, at, null, null, null, null, null);
  }

  public ActivityEntry coupon(Long couponSetId, String code) {
    return new ActivityEntry(id, contactId, type, at, couponSetId, code, workflowId, runId, detail);
  }

  public ActivityEntry workflow(Long workflowId, Long runId) {
    return new ActivityEntry(id, contactId, type, at, couponSetId, code, workflowId, runId, detail);
  }

  public ActivityEntry detail(String text) {
    return new ActivityEntry(id, contactId, type, at, couponSetId, code, workflowId, runId,
        text != null && text.length() > 500 ? text.substring(0, 500) : text);
  }
}
