package io.couponflow.workflow;

import io.couponflow.web.NameSource;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Gives the pages (coupons, contact activity, audit log, statistics) the names of the workflows they mention. */
@Component
class WorkflowNames implements NameSource {
  private final WorkflowRepository workflows;

  WorkflowNames(WorkflowRepository workflows) {
    this.workflows = workflows;
  }

  @Override
  public String kind() {
    return "workflow";
  }

  @Override
  public Optional<String> name(String id) {
    try {
      return workflows.name(Long.parseLong(id));
    } catch (NumberFormatException notAWorkflowId) {
      return Optional.empty();
    }
  }
}
