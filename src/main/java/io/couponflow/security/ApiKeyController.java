package io.couponflow.security;

import io.couponflow.common.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys")
class ApiKeyController {
  record CreateKeyRequest(@NotBlank @Size(max = 200) String name, @NotNull ApiKeyScope scope,
      @Positive Integer rateLimitPerSecond) {}

  record CreatedKey(long id, String name, ApiKeyScope scope, String prefix, Instant createdAt, String key) {}

  private final ApiKeyService keys;

  ApiKeyController(ApiKeyService keys) {
    this.keys = keys;
  }

  @GetMapping
  @Operation(summary = "API keys (never the keys themselves: their prefix), newest first")
  PageResponse<ApiKey> listApiKeys() {
    return new PageResponse<>(keys.list(), new PageResponse.Links(null));
  }

  @PostMapping
  @Operation(summary = "Create a key; the answer is the only time the key itself is shown")
  @ApiResponse(responseCode = "201", description = "Created; key is shown this once")
  ResponseEntity<CreatedKey> createApiKey(@Valid @RequestBody CreateKeyRequest request) {
    var created = keys.create(request.name(), request.scope(), request.rateLimitPerSecond());
    ApiKey key = created.apiKey();
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new CreatedKey(key.id(), key.name(), key.scope(), key.prefix(), key.createdAt(), created.secret()));
  }

  @DeleteMapping("/{id}")
  @Operation(summary = "Revoke a key: it stops working at once")
  ResponseEntity<Void> revokeApiKey(@PathVariable long id) {
    keys.revoke(id);
    return ResponseEntity.noContent().build();
  }
}
