package io.couponflow.delivery;

import io.couponflow.web.PageController;
import io.couponflow.web.UiFormat;
import io.couponflow.common.ApiException;
import io.couponflow.delivery.WebOrigins;
import io.couponflow.delivery.WebSecrets;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Settings → Web snippet: the secret that signs contact ids, the tag to paste into the shop, and rotation. */
@PageController
class WebSnippetPages {
  private final WebSecrets secrets;
  private final WebOrigins origins;
  private final UiFormat format;

  WebSnippetPages(WebSecrets secrets, WebOrigins origins, UiFormat format) {
    this.secrets = secrets;
    this.origins = origins;
    this.format = format;
  }

  @GetMapping("/settings/web-snippet")
  String page(Model model, HttpServletRequest request) {
    String base = ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).toUriString();
    model.addAttribute("web", secrets.current());
    model.addAttribute("snippet", "<script src=\"" + base + "/web/snippet.js\" data-contact-id=\"CONTACT-ID\"\n"
        + "  data-contact-signature=\"SIGNATURE\" async></script>");
    model.addAttribute("anyOrigin", origins.anyOrigin());
    model.addAttribute("origins", origins.allowed());
    model.addAttribute("grace", readable(secrets.current().grace()));
    return "delivery/web-snippet";
  }

  @PostMapping("/settings/web-snippet/rotate")
  String rotate(@RequestParam int generation, RedirectAttributes redirect) {
    try {
      var rotated = secrets.rotate(generation);
      redirect.addFlashAttribute("notice", rotated.generation() == generation + 1
          ? "A new secret was created. Pages signed with the previous one keep working until "
              + format.date(rotated.previousValidUntil()) + ": update your shop before then."
          : "The secret had already been rotated; this is the current one.");
    } catch (ApiException fromEnvironment) {
      redirect.addFlashAttribute("notice", fromEnvironment.getMessage());
    }
    return "redirect:/settings/web-snippet";
  }

  /** "24 hours", "90 minutes": the grace period as a marketer reads it. */
  static String readable(Duration grace) {
    if (grace.toMinutes() % 60 != 0 || grace.toHours() == 0) {
      return grace.toMinutes() + " minutes";
    }
    long hours = grace.toHours();
    return hours == 1 ? "1 hour" : hours + " hours";
  }
}
