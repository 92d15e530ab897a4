package io.couponflow.workflow;

import io.couponflow.contact.Contact;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A message with placeholders: {@code {{coupon}}} (a node's variable), {@code {{coupon.value}}} (a
 * field of its code), {@code {{contact.firstName}}}
 * and a default for empty values, {@code {{contact.firstName | "friend"}}}. Values are HTML-escaped
 * in HTML; anything else between braces is an error found when the workflow is saved.
 */
final class Template {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern EXPRESSION =
      Pattern.compile("\\s*([A-Za-z_]\\w*)(?:\\.([A-Za-z_][\\w-]*))?\\s*(?:\\|\\s*\"([^\"]*)\"\\s*)?");

  /** One placeholder: a variable name (with a field of its code, or not), or "contact" with a field, and an optional default. */
  record Placeholder(String name, String field, String fallback) {
    boolean isContact() {
      return "contact".equals(name);
    }

    /** The key of a variable's value: {@code coupon}, or {@code coupon.value} for a field of its code. */
    String key() {
      return field == null ? name : name + "." + field;
    }
  }

  private Template() {}

  /** The placeholders in order; IllegalArgumentException naming the first one that is not valid syntax. */
  static List<Placeholder> placeholders(String text) {
    List<Placeholder> found = new ArrayList<>();
    if (text == null) {
      return found;
    }
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(parse(m.group(1)));
    }
    return found;
  }

  private static Placeholder parse(String inside) {
    Matcher e = EXPRESSION.matcher(inside);
    if (!e.matches()) {
      throw new IllegalArgumentException("'{{" + inside + "}}' is not a placeholder; use {{coupon}}, {{coupon.value}}, "
          + "{{contact.firstName}} or {{contact.firstName | \"friend\"}}");
    }
    Placeholder p = new Placeholder(e.group(1), e.group(2), e.group(3));
    if (p.isContact() && p.field() == null) {
      throw new IllegalArgumentException("'{{" + inside.strip() + "}}' is not a placeholder; contact needs a field "
          + "(contact.firstName)");
    }
    return p;
  }

  /** The variables (not contact fields) a text uses. */
  static Set<String> variablesUsed(String... texts) {
    Set<String> names = new LinkedHashSet<>();
    for (String text : texts) {
      placeholders(text).stream().filter(p -> !p.isContact()).forEach(p -> names.add(p.name()));
    }
    return names;
  }

  static String renderHtml(String text, Map<String, String> variables, Contact contact) {
    return render(text, variables, contact, HtmlUtils::htmlEscape);
  }

  static String renderText(String text, Map<String, String> variables, Contact contact) {
    return render(text, variables, contact, UnaryOperator.identity());
  }

  private static String render(String text, Map<String, String> variables, Contact contact, UnaryOperator<String> escape) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Placeholder p = parse(m.group(1));
      String value = p.isContact() ? (contact == null ? null : contact.field(p.field())) : variables.get(p.key());
      if (value == null || value.isBlank()) {
        value = p.fallback() == null ? "" : p.fallback();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
