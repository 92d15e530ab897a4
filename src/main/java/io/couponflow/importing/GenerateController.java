package io.couponflow.importing;

import io.couponflow.common.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Imports")
class GenerateController {
  private final ImportService service;

  GenerateController(ImportService service) {
    this.service = service;
  }

  /** {@code pattern}: # a digit, ? a letter or digit of ABCDEFGHJKLMNPQRSTUVWXYZ23456789, anything else literal. */
  record GenerateRequest(Long count, String pattern, Long childSetId) {}

  @PostMapping("/api/v1/coupon-sets/{id}/generate")
  @Operation(summary = "Generate random codes of a pattern; runs in the background as an import of type generated: "
      + "poll GET /api/v1/imports/{id} until status is finished, error or cancelled")
  @ApiResponse(responseCode = "201", description = "Queued")
  @ProblemResponse(status = 422, type = "pattern-too-small", when = "the pattern has fewer than 10 times count combinations")
  @ProblemResponse(status = 422, type = "not-a-multiple-set", when = "the set is a single set")
  @ProblemResponse(status = 422, type = "unknown-child-set", when = "childSetId names no child set of the set")
  ResponseEntity<ImportView> generateCodes(@PathVariable long id, @RequestBody GenerateRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(service.generate(id, request.childSetId(), request.count(), request.pattern(), "api"));
  }
}
