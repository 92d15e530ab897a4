package io.couponflow.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The names pages show instead of ids, as {@code @names.workflow(id)} in templates: one place that asks each
 * feature's {@link NameSource}. A page with many rows names the same few things again and again (a contact's
 * 200 activity entries, two workflows): each is looked up once per request.
 */
@Component("names")
public class DisplayNames {
  private static final String KNOWN = DisplayNames.class.getName() + ".known";

  private final Map<String, NameSource> byKind;

  DisplayNames(List<NameSource> sources) {
    this.byKind = sources.stream().collect(Collectors.toMap(NameSource::kind, Function.identity()));
  }

  public Optional<String> find(String kind, Object id) {
    NameSource source = byKind.get(kind);
    if (source == null || id == null) {
      return Optional.empty();
    }
    String key = String.valueOf(id);
    RequestAttributes request = RequestContextHolder.getRequestAttributes();
    if (request == null) {
      return source.name(key);
    }
    @SuppressWarnings("unchecked")
    Map<String, Optional<String>> known =
        (Map<String, Optional<String>>) request.getAttribute(KNOWN, RequestAttributes.SCOPE_REQUEST);
    if (known == null) {
      known = new HashMap<>();
      request.setAttribute(KNOWN, known, RequestAttributes.SCOPE_REQUEST);
    }
    return known.computeIfAbsent(kind + ":" + key, k -> source.name(key));
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
