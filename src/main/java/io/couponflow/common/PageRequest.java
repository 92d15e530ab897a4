package io.couponflow.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Keyset pagination over descending ids: the cursor is the last id seen, opaque to clients.
 * Fetches one row more than the limit to know whether a next page exists.
 */
public record PageRequest(int limit, Long before) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 1000;

  public static PageRequest of(Integer limit, String cursor) {
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw ApiException.invalid("limit", "limit must be between 1 and " + MAX_LIMIT);
    }
    return new PageRequest(size, decode(cursor));
  }

  /** The id below which the page starts; Long.MAX_VALUE for the first page. */
  public long beforeId() {
    return before == null ? Long.MAX_VALUE : before;
  }

  public int fetchSize() {
    return limit + 1;
  }

  public <T> PageResponse<T> toResponse(List<T> fetched, Function<T, Long> idOf) {
    if (fetched.size() <= limit) {
      return new PageResponse<>(fetched, new PageResponse.Links(null));
    }
    List<T> page = fetched.subList(0, limit);
    String next = ServletUriComponentsBuilder.fromCurrentRequest()
        .replaceQueryParam("cursor", encode(idOf.apply(page.get(limit - 1))))
        .toUriString();
    return new PageResponse<>(List.copyOf(page), new PageResponse.Links(next));
  }

  static String encode(long id) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(("id:" + id).getBytes(StandardCharsets.UTF_8));
  }

  static Long decode(String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!text.startsWith("id:")) {
        throw new IllegalArgumentException();
      }
      return Long.parseLong(text.substring(3));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("cursor", "cursor is not one this API handed out");
    }
  }
}
