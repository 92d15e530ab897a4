package io.couponflow.redemption;

import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.couponflow.common.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Redemptions")
class RedemptionController {
  private final RedemptionService service;

  RedemptionController(RedemptionService service) {
    this.service = service;
  }

  @PostMapping("/api/v1/redemptions")
  @Operation(summary = "Report a used code: 201 recorded, 200 same order again, 404 unknown code, "
      + "409 single-use code already redeemed by another order")
  @ApiResponse(responseCode = "201", description = "Recorded")
  @ApiResponse(responseCode = "200", description = "This order had already redeemed the code: the earlier redemption")
  @ProblemResponse(status = 404, type = "not-found", when = "no set has the code")
  @ProblemResponse(status = 409, type = "code-already-redeemed", when = "a single-use code was redeemed by another order")
  ResponseEntity<Redemption> redeemCode(@Valid @RequestBody RedeemRequest request) {
    RedemptionService.Result result = service.redeem(request);
    return ResponseEntity.status(result.created() ? HttpStatus.CREATED : HttpStatus.OK).body(result.redemption());
  }

  @GetMapping("/api/v1/coupon-sets/{id}/leaks")
  @Operation(operationId = "listLeaks", summary = "A set's leak report, newest first: codes redeemed without "
      + "being assigned (kind not-assigned) and codes redeemed by another contact than their holder (other-contact)")
  PageResponse<Leak> listLeaks(@PathVariable long id,
      @Parameter(description = "not-assigned or other-contact; default both") @RequestParam(required = false) String kind,
      @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
    return service.leaks(id, kind == null || kind.isBlank() ? null : LeakKind.fromWire(kind),
        PageRequest.of(limit, cursor));
  }

  @GetMapping("/api/v1/redemptions/{id}")
  @Operation(summary = "A redemption")
  Redemption getRedemption(@PathVariable long id) {
    return service.get(id);
  }
}
