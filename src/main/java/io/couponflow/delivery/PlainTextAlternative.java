package io.couponflow.delivery;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain-text part of an email, made from its HTML: links kept as "text (url)", block elements as
 * line breaks, paragraphs and headings as blank lines, list items as "- ", images as their alt text,
 * entities decoded. Mail clients that show no HTML (and spam filters that score its absence) read this.
 */
public final class PlainTextAlternative {
  private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table",
      "blockquote", "pre", "hr", "dl", "figure");
  private static final Set<String> BLOCKS = Set.of("div", "tr", "section", "article", "header", "footer", "main",
      "nav", "aside", "address", "center", "form", "dt", "dd", "figcaption", "tbody", "thead", "tfoot", "caption",
      "fieldset", "details", "summary", "body");

  private PlainTextAlternative() {}

  public static String from(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    Document document = Jsoup.parse(html);
    document.select("head, script, style, template, noscript").remove();
    Writer writer = new Writer();
    NodeTraversor.traverse(writer, document.body());
    return writer.result();
  }

  private static final class Writer implements NodeVisitor {
    private final StringBuilder out = new StringBuilder();
    private int preDepth;

    @Override
    public void head(Node node, int depth) {
      if (node instanceof TextNode text) {
        append(preDepth > 0 ? text.getWholeText() : text.getWholeText().replaceAll("[\\s\\u00a0]+", " "));
        return;
      }
      if (!(node instanceof Element element)) {
        return;
      }
      String tag = element.normalName();
      if (PARAGRAPHS.contains(tag)) {
        blankLine();
      } else if (BLOCKS.contains(tag)) {
        newLine();
      }
      switch (tag) {
        case "pre" -> preDepth++;
        case "br" -> out.append('\n');
        case "li" -> {
          newLine();
          out.append("- ");
        }
        case "img" -> append(element.attr("alt"));
        case "td", "th" -> {
          if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            append(" ");
          }
        }
        default -> { }
      }
    }

    @Override
    public void tail(Node node, int depth) {
      if (!(node instanceof Element element)) {
        return;
      }
      String tag = element.normalName();
      if (tag.equals("a")) {
        String href = element.attr("href").strip();
        String label = element.text().strip();
        boolean useful = href.startsWith("http://") || href.startsWith("https://") || href.startsWith("mailto:");
        if (useful && !label.equals(href) && !label.equals(href.replaceFirst("^mailto:", ""))) {
          append(label.isEmpty() ? href : " (" + href + ")");
        }
      } else if (tag.equals("pre")) {
        preDepth--;
      }
      if (PARAGRAPHS.contains(tag)) {
        blankLine();
      } else if (BLOCKS.contains(tag) || tag.equals("li")) {
        newLine();
      }
    }

    private void append(String text) {
      if (text.isEmpty()) {
        return;
      }
      boolean lineStart = out.isEmpty() || out.charAt(out.length() - 1) == '\n';
      boolean afterSpace = lineStart || out.charAt(out.length() - 1) == ' ';
      if (preDepth == 0 && afterSpace && text.startsWith(" ")) {
        text = text.substring(1);
      }
      out.append(text);
    }

    private void newLine() {
      trimTrailingSpaces();
      if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
    }

    private void blankLine() {
      newLine();
      if (!out.isEmpty() && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
        out.append('\n');
      }
    }

    private void trimTrailingSpaces() {
      while (!out.isEmpty() && out.charAt(out.length() - 1) == ' ') {
        out.setLength(out.length() - 1);
      }
    }

    String result() {
      return out.toString().replaceAll("[ \\t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }
  }
}
