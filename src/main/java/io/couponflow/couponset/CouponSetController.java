package io.couponflow.couponset;

import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
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
  ResponseEntity<CouponSetView> create(@Valid @RequestBody CreateCouponSetRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(service.create(request));
  }

  @GetMapping
  @Operation(summary = "List sets, newest first; q searches set names and exact codes")
  PageResponse<CouponSetView> list(@RequestParam(required = false) String type,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return service.list(type == null || type.isBlank() ? null : SetType.fromWire(type), q, PageRequest.of(limit, cursor));
  }

  @GetMapping("/{id}")
  CouponSetView get(@PathVariable long id) {
    return service.get(id);
  }

  @PatchMapping("/{id}")
  @Operation(summary = "Change name, quantity (null = unlimited) or assignment policy")
  CouponSetView update(@PathVariable long id, @RequestBody JsonNode body) {
    return service.update(id, UpdateCouponSetRequest.from(body));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Delete a set and its codes; 409 while an active workflow uses it")
  ResponseEntity<Void> delete(@PathVariable long id) {
    service.delete(id);
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/child-sets")
  ResponseEntity<ChildSetView> createChild(@PathVariable long id, @Valid @RequestBody CreateChildSetRequest request) {
    return ResponseEntity.status(HttpStatus.CREATED).body(service.createChild(id, request));
  }

  @GetMapping("/{id}/child-sets")
  PageResponse<ChildSetView> children(@PathVariable long id) {
    List<ChildSetView> children = service.children(id);
    return new PageResponse<>(children, new PageResponse.Links(null));
  }

  @DeleteMapping("/{id}/child-sets/{childId}")
  @Operation(summary = "Delete a child set; its codes go back to the parent set")
  ResponseEntity<Void> deleteChild(@PathVariable long id, @PathVariable long childId) {
    service.deleteChild(id, childId);
    return ResponseEntity.noContent().build();
  }
}
