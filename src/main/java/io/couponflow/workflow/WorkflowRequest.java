package io.couponflow.workflow;

import java.util.List;

public record WorkflowRequest(String name, Trigger trigger, List<Node> nodes) {}
