package io.couponflow.assignment;

import io.couponflow.common.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Assignments")
class AssignmentController {
  private final AssignmentService service;

  AssignmentController(AssignmentService service) {
    this.service = service;
  }

  @PostMapping("/api/v1/coupon-sets/{id}/assignments")
  @Operation(summary = "Give a contact a code: 201 new, 200 reused (once-per-contact or idempotent replay), "
      + "409 coupon-set-exhausted")
  @ApiResponse(responseCode = "201", description = "A code was assigned")
  @ApiResponse(responseCode = "200", description = "The earlier assignment (reused: true): the contact already holds a "
      + "code of this set and child set under once-per-contact, or the Idempotency-Key was seen before for this set")
  @ProblemResponse(status = 404, type = "not-found", when = "the set, or the child set named in the body, does not exist")
  @ProblemResponse(status = 409, type = "coupon-set-exhausted", when = "no code is left")
  @ProblemResponse(status = 409, type = "coupon-set-expired", when = "the set's expiresAt has passed")
  @ProblemResponse(status = 422, type = "idempotency-key-reused", when = "the Idempotency-Key came before with another body")
  ResponseEntity<AssignmentView> assignCoupon(@PathVariable long id, @Valid @RequestBody AssignRequest request,
      @Parameter(description = "Replaying a key returns the first answer")
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    AssignmentService.Result result = service.assign(id, request, idempotencyKey);
    return ResponseEntity.status(result.reused() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(AssignmentView.of(result.assignment(), result.reused()));
  }

  @GetMapping("/api/v1/assignments/{id}")
  @Operation(summary = "An assignment: its code, contact and status")
  AssignmentView getAssignment(@PathVariable long id) {
    return AssignmentView.of(service.get(id), false);
  }

  @PostMapping("/api/v1/assignments/{id}/sent")
  @Operation(summary = "Mark the assignment's code as shown to the contact")
  @ProblemResponse(status = 409, type = "assignment-released", when = "the code was released")
  AssignmentView markAssignmentSent(@PathVariable long id) {
    return AssignmentView.of(service.markSent(id), false);
  }

  @PostMapping("/api/v1/assignments/{id}/release")
  @Operation(summary = "Return an unsent, unredeemed code to the pool; 409 otherwise")
  @ProblemResponse(status = 409, type = "assignment-not-releasable", when = "the code was sent, redeemed or released")
  AssignmentView releaseAssignment(@PathVariable long id) {
    return AssignmentView.of(service.release(id), false);
  }
}
