package io.couponflow.delivery;

import io.couponflow.common.ApiException;
import io.couponflow.common.ProblemResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Called by /web/snippet.js from the shop's own pages. The contact id must come with its signature, so
 * a guessed id gets nothing and marks nothing sent; which origins may call it is WebCorsConfig's job.
 */
@RestController
@Tag(name = "Web content")
class WebContentController {
  record Items(List<WebContentInbox.Popup> items) {}

  private final WebContentInbox inbox;
  private final WebSecrets secrets;

  WebContentController(WebContentInbox inbox, WebSecrets secrets) {
    this.inbox = inbox;
    this.secrets = secrets;
  }

  @GetMapping("/web/v1/content")
  @Operation(summary = "The contact's pending popups; fetching them marks their coupons sent",
      description = "signature is the lowercase hex HMAC-SHA256 of contactId under the web secret; 401 without it")
  @ProblemResponse(status = 401, type = "invalid-signature", when = "the signature is missing or wrong")
  ResponseEntity<Items> getWebContent(@RequestParam(required = false) String contactId,
      @Parameter(description = "hex HMAC-SHA256 of contactId under the web secret")
      @RequestParam(required = false) String signature) {
    if (contactId == null || contactId.isBlank() || contactId.length() > 200
        || contactId.chars().anyMatch(Character::isISOControl)) {
      // control characters too: PostgreSQL refuses a NUL in text, and no shop's id has one
      throw ApiException.invalid("contactId", "contactId is required (1 to 200 characters, no control characters)");
    }
    if (!secrets.verifies(contactId, signature)) {
      // the same answer for missing, malformed and wrong: nothing tells a prober which it was
      throw new ApiException(HttpStatus.UNAUTHORIZED, "invalid-signature", "Invalid signature",
          "signature must be the hex HMAC-SHA256 of contactId under the web secret", null);
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new Items(inbox.deliver(contactId)));
  }
}
