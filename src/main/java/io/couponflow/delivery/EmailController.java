package io.couponflow.delivery;

import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Email")
class EmailController {
  private final EmailDelivery emails;

  EmailController(EmailDelivery emails) {
    this.emails = emails;
  }

  @GetMapping("/api/v1/emails")
  @Operation(summary = "Emails sent by workflows, newest first; status=outbox lists those kept because no SMTP server is configured")
  PageResponse<EmailMessage> listEmails(@RequestParam(required = false) String status,
      @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
    PageRequest page = PageRequest.of(limit, cursor);
    return page.toResponse(emails.page(status == null || status.isBlank() ? null : status, page), EmailMessage::id);
  }
}
