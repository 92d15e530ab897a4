package io.couponflow.delivery;

import io.couponflow.common.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Called by /web/snippet.js from the shop's own pages, so any origin may read it. */
@RestController
@Tag(name = "Web content")
class WebContentController {
  record Items(List<WebContentInbox.Popup> items) {}

  private final WebContentInbox inbox;

  WebContentController(WebContentInbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/web/v1/content")
  @Operation(summary = "The contact's pending popups; fetching them marks their coupons sent")
  ResponseEntity<Items> content(@RequestParam(required = false) String contactId) {
    if (contactId == null || contactId.isBlank() || contactId.length() > 200) {
      throw ApiException.invalid("contactId", "contactId is required (1 to 200 characters)");
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore())
        .header("Access-Control-Allow-Origin", "*")
        .body(new Items(inbox.deliver(contactId)));
  }
}
