package io.couponflow.workflow;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.swagger.v3.oas.annotations.media.DiscriminatorMapping;
import io.swagger.v3.oas.annotations.media.Schema;

/** One step of a workflow, named by its "type" on the wire. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AssignCouponNode.class, name = AssignCouponNode.TYPE),
    @JsonSubTypes.Type(value = SendEmailNode.class, name = SendEmailNode.TYPE),
    @JsonSubTypes.Type(value = SendWebContentNode.class, name = SendWebContentNode.TYPE),
    @JsonSubTypes.Type(value = WaitNode.class, name = WaitNode.TYPE)})
@Schema(description = "A workflow step; type says which", discriminatorProperty = "type", discriminatorMapping = {
    @DiscriminatorMapping(value = AssignCouponNode.TYPE, schema = AssignCouponNode.class),
    @DiscriminatorMapping(value = SendEmailNode.TYPE, schema = SendEmailNode.class),
    @DiscriminatorMapping(value = SendWebContentNode.TYPE, schema = SendWebContentNode.class),
    @DiscriminatorMapping(value = WaitNode.TYPE, schema = WaitNode.class)})
public sealed interface Node permits AssignCouponNode, SendEmailNode, SendWebContentNode, WaitNode {
  String type();
}
