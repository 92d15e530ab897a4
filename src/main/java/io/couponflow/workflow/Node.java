package io.couponflow.workflow;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One step of a workflow, named by its "type" on the wire. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AssignCouponNode.class, name = AssignCouponNode.TYPE),
    @JsonSubTypes.Type(value = SendEmailNode.class, name = SendEmailNode.TYPE),
    @JsonSubTypes.Type(value = SendWebContentNode.class, name = SendWebContentNode.TYPE),
    @JsonSubTypes.Type(value = WaitNode.class, name = WaitNode.TYPE)})
public sealed interface Node permits AssignCouponNode, SendEmailNode, SendWebContentNode, WaitNode {
  String type();
}
