package io.couponflow.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The names pages show instead of ids, as {@code @names.workflow(id)} in templates: one place that asks each
 * feature's {@link NameSource}. A page with many rows asks again for the same id; the lookups are by key.
 */
@Component("names")
public class DisplayNames {
  private final Map<String, NameSource> byKind;

  DisplayNames(List<NameSource> sources) {
    this.byKind = sources.stream().collect(Collectors.toMap(NameSource::kind, Function.identity()));
  }

  public Optional<String> find(String kind, Object id) {
    NameSource source = byKind.get(kind);
    return source == null || id == null ? Optional.empty() : source.name(String.valueOf(id));
  }

  /** A workflow's name, or "A deleted workflow". */
  public String workflow(Object id) {
    return find("workflow", id).orElse("A deleted workflow");
  }

  /** A set's name, or "A deleted set". */
  public String set(Object id) {
    return find("coupon-set", id).orElse("A deleted set");
  }

  /** An API key's name, or "A deleted API key". */
  public String apiKey(Object id) {
    return find("api-key", id).orElse("A deleted API key");
  }

  /** A contact's name (or email), else the id the shop gave it. */
  public String contact(String id) {
    return find("contact", id).orElse(id);
  }

  public boolean exists(String kind, Object id) {
    return find(kind, id).isPresent();
  }
}
