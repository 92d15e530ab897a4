package io.couponflow.audit;

import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit log")
class AuditController {
  private final AuditLog audit;

  AuditController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/api/v1/audit-log")
  @Operation(summary = "Who changed, deleted, imported or exported what; newest first")
  PageResponse<AuditEntry> listAuditLog(@RequestParam(required = false) String targetType,
      @RequestParam(required = false) String targetId, @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    return audit.page(targetType, targetId, PageRequest.of(limit, cursor));
  }
}
