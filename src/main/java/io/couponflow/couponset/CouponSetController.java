package io.couponflow.couponset;

import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.couponflow.common.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/coupon-sets")
@Tag(name = "Coupon sets")
class CouponSetController {
  private final CouponSetService service;

  CouponSetController(CouponSetService service) {
    this.service = service;
  }

  @PostMapping
  @Operation(summary = "Create a single (one multi-use code) or multiple (many single-use codes) set")
  @ApiResponse(responseCode = "201", description = "Created")
  @ProblemResponse(status = 409, type = "code-already-exists", when = "a single set's code already exists in a set")
  ResponseEntity<CouponSetView> createCouponSet(@Valid @RequestBody CreateCouponSetRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(service.create(request));
  }

  @GetMapping
  @Operation(summary = "List sets, newest first; q searches set names and exact codes")
  PageResponse<CouponSetView> listCouponSets(
      @Parameter(schema = @Schema(allowableValues = {"single", "multiple"})) @RequestParam(required = false) String type,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return service.list(type == null || type.isBlank() ? null : SetType.fromWire(type), q, PageRequest.of(limit, cursor));
  }

  @GetMapping("/{id}")
  @Operation(summary = "A set with its counters, child sets and the workflows that use it")
  CouponSetView getCouponSet(@PathVariable long id) {
    return service.get(id);
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Change name, quantity (null = unlimited), assignment policy or expiry; fields left out keep "
      + "their value", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = CouponSetPatch.class))))
  @ProblemResponse(status = 409, type = "quantity-below-uses", when = "the new quantity is below the uses so far")
  CouponSetView updateCouponSet(@PathVariable long id, @RequestBody JsonNode body) {
    return service.update(id, UpdateCouponSetRequest.from(body));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a set and its codes; 409 while an active workflow uses it")
  @ProblemResponse(status = 409, type = "coupon-set-in-use", when = "an active workflow assigns from the set")
  ResponseEntity<Void> deleteCouponSet(@PathVariable long id) {
    service.delete(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/child-sets")
  @Operation(summary = "Split a multiple set: a named child set that imports and assignments can target")
  @ApiResponse(responseCode = "201", description = "Created")
  @ProblemResponse(status = 409, type = "child-set-exists", when = "the set already has a child set of that name")
  @ProblemResponse(status = 422, type = "not-a-multiple-set", when = "the set is a single set")
  ResponseEntity<ChildSetView> createChildSet(@PathVariable long id, @Valid @RequestBody CreateChildSetRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(service.createChild(id, request));
  }

  @GetMapping("/{id}/child-sets")
  @Operation(summary = "The set's child sets with their counters")
  PageResponse<ChildSetView> listChildSets(@PathVariable long id) {
    List<ChildSetView> children = service.children(id);
    return new PageResponse<>(children, new PageResponse.Links(null));
  }

  @DeleteMapping("/{id}/child-sets/{childId}")
  @Operation(summary = "Delete a child set; its codes go back to the parent set")
  ResponseEntity<Void> deleteChildSet(@PathVariable long id, @PathVariable long childId) {
    service.deleteChild(id, childId);
    return ResponseEntity.noContent().build();
  }
}
