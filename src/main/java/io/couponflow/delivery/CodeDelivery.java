package io.couponflow.delivery;

import io.couponflow.assignment.AssignmentService;
import io.couponflow.assignment.AssignmentStatus;
import io.couponflow.common.ApiException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Marks codes shown or gives back codes that never were. Each call is its own transaction: a code
 * released meanwhile must not roll back the delivery that was recorded.
 */
@Component
class CodeDelivery {
  private static final Logger log = LoggerFactory.getLogger(CodeDelivery.class);
  private final AssignmentService assignments;

  CodeDelivery(AssignmentService assignments) {
    this.assignments = assignments;
  }

  void markShown(List<Long> assignmentIds) {
    for (long id : assignmentIds) {
      try {
        if (assignments.get(id).status() == AssignmentStatus.ASSIGNED) {
          assignments.markSent(id);
        }
      } catch (ApiException e) {
        log.warn("Assignment {} could not be marked sent: {}", id, e.getMessage());
      }
    }
  }

  /** A failed send: codes the contact never saw go back to the pool; shown ones stay theirs. */
  void releaseUnshown(List<Long> assignmentIds) {
    for (long id : assignmentIds) {
      try {
        if (assignments.get(id).status() == AssignmentStatus.ASSIGNED) {
          assignments.release(id);
        }
      } catch (ApiException shownMeanwhile) {
        log.info("Assignment {} kept: {}", id, shownMeanwhile.getMessage());
      }
    }
  }
}
