package io.couponflow.security;

import io.couponflow.web.PageController;
import io.couponflow.web.OnceOnlyForms;
import io.couponflow.common.ApiException;
import io.couponflow.security.ApiKeyScope;
import io.couponflow.security.ApiKeyService;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings → API keys: create one with a scope (its secret shown once), list, revoke. The form carries a
 * once-only token, so a double click creates one key and both answers show it.
 */
@PageController
class ApiKeyPages {
  private final ApiKeyService keys;
  private final Clock clock;

  ApiKeyPages(ApiKeyService keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  @GetMapping("/settings/api-keys")
  String list(Model model, HttpSession session) {
    model.addAttribute("keys", keys.list());
    model.addAttribute("formToken", OnceOnlyForms.issue(session));
    model.addAttribute("scopes", ApiKeyScope.values());
    if (!model.containsAttribute("keyName")) {
      model.addAttribute("keyName", "");
      model.addAttribute("keyScope", "write");
    }
    return "security/api-keys";
  }

  @PostMapping("/settings/api-keys")
  String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "write") String scope,
      @RequestParam(required = false) String formToken, Model model, RedirectAttributes redirect,
      HttpServletResponse response, HttpSession session) {
    try {
      var created = OnceOnlyForms.once(session, formToken, clock.instant(),
          () -> keys.create(name, ApiKeyScope.fromWire(scope), null));
      if (created.isEmpty()) {
        redirect.addFlashAttribute("notice", "That form had expired, so no key was created. Please create it again.");
      } else {
        redirect.addFlashAttribute("createdKey", created.get());
      }
      return "redirect:/settings/api-keys";
    } catch (ApiException e) {
      response.setStatus(422);
      model.addAttribute("keyName", name);
      model.addAttribute("keyScope", scope);
      model.addAttribute("errors", Map.of("name".equals(e.field()) ? "name" : "scope", e.getMessage()));
      return list(model, session);
    }
  }

  @PostMapping("/settings/api-keys/{id}/revoke")
  String revoke(@PathVariable long id, RedirectAttributes redirect) {
    keys.revoke(id);
    redirect.addFlashAttribute("notice", "The key was revoked: calls with it are refused from now on.");
    return "redirect:/settings/api-keys";
  }
}
