package io.couponflow.couponset;

import io.couponflow.web.PageController;
import io.couponflow.web.FormErrors;
import io.couponflow.code.Code;
import io.couponflow.code.CodeStatus;
import io.couponflow.common.ApiException;
import io.couponflow.common.CsvCell;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.couponflow.couponset.AssignmentPolicy;
import io.couponflow.couponset.ChildSetView;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.couponset.CouponSetView;
import io.couponflow.couponset.CreateChildSetRequest;
import io.couponflow.couponset.SetCodesService;
import io.couponflow.couponset.SetType;
import io.couponflow.couponset.UpdateCouponSetRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One set's page: counters, child sets, codes, imports, settings, and the unused-codes download. */
@PageController
class CouponSetPages {
  private static final int CODES_PER_PAGE = 50;

  /** The settings form as typed. */
  record SettingsForm(String name, String maxUses, String policy) {
    static SettingsForm of(CouponSetView set) {
      return new SettingsForm(set.name(), set.quantity() == null ? "" : String.valueOf(set.quantity()),
          set.assignmentPolicy().wire());
    }
  }

  private final CouponSetService sets;
  private final SetCodesService setCodes;
  private final ImportHistorySection history;
  private final ObjectProvider<LeakedCodes> leakedCodes;

  CouponSetPages(CouponSetService sets, SetCodesService setCodes, ImportHistorySection history,
      ObjectProvider<LeakedCodes> leakedCodes) {
    this.sets = sets;
    this.setCodes = setCodes;
    this.history = history;
    this.leakedCodes = leakedCodes;
  }

  @GetMapping("/coupons/{id}")
  String show(@PathVariable long id, @RequestParam(required = false) String status,
      @RequestParam(required = false) String child, @RequestParam(required = false) String cursor, Model model) {
    CouponSetView set = loadWithHistory(id, model);
    fill(model, set, status, child, cursor);
    model.addAttribute("settings", SettingsForm.of(set));
    return "couponset/set";
  }

  /**
   * Reads the import history BEFORE the set's counters: an import that shows as finished is then
   * always counted (it commits its codes and its status together); read the other way round, the
   * page could show it finished next to the old total.
   */
  private CouponSetView loadWithHistory(long id, Model model) {
    history.addTo(model, id);
    return sets.get(id);
  }

  private void fill(Model model, CouponSetView set, String status, String child, String cursor) {
    CodeStatus filter = parseStatus(status);
    Long childKey = parseChild(set, child);
    model.addAttribute("set", set);
    model.addAttribute("status", filter == null ? "all" : filter.wire());
    model.addAttribute("child", childKey == null ? "all" : childKey == 0 ? "none" : String.valueOf(childKey));
    model.addAttribute("firstPage", cursor == null || cursor.isBlank());
    if (set.type() == SetType.MULTIPLE) {
      PageResponse<Code> codes = setCodes.page(set.id(), filter, childKey, PageRequest.of(CODES_PER_PAGE, cursor));
      model.addAttribute("codes", codes);
      LeakedCodes leaks = leakedCodes.getIfAvailable();
      model.addAttribute("leakedCodeIds", leaks == null || set.leaked() == 0 ? Set.of()
          : leaks.leakedAmong(set.id(), codes.items().stream().filter(c -> c.status() == CodeStatus.REDEEMED)
              .map(Code::id).toList()));
      model.addAttribute("childNames", set.childSets().stream()
          .collect(Collectors.toMap(ChildSetView::id, ChildSetView::name)));
      long inChildren = set.childSets().stream().mapToLong(ChildSetView::available).sum();
      model.addAttribute("ownAvailable", Math.max(0, (set.available() == null ? 0 : set.available()) - inChildren));
      StringBuilder view = new StringBuilder();
      if (filter != null) {
        view.append("status=").append(filter.wire());
      }
      if (childKey != null) {
        view.append(view.isEmpty() ? "" : "&").append("child=").append(childKey == 0 ? "none" : childKey);
      }
      model.addAttribute("returnTo", view.isEmpty() ? "" : "?" + view);
      // ticked codes go by default to the first child set other than the one being looked at
      model.addAttribute("moveTarget", set.childSets().stream().map(c -> String.valueOf(c.id()))
          .filter(c -> childKey == null || !c.equals(String.valueOf(childKey))).findFirst().orElse(""));
    }
  }

  /** The child filter: null for all codes, 0 for those outside child sets ("none"), else one of the set's child sets. */
  private static Long parseChild(CouponSetView set, String child) {
    if (child == null || child.isBlank() || "all".equals(child)) {
      return null;
    }
    if ("none".equals(child)) {
      return 0L;
    }
    return set.childSets().stream().filter(c -> String.valueOf(c.id()).equals(child)).findFirst()
        .map(ChildSetView::id).orElse(null);
  }

  private static CodeStatus parseStatus(String status) {
    if (status == null || status.isBlank() || "all".equals(status)) {
      return null;
    }
    try {
      return CodeStatus.fromWire(status);
    } catch (ApiException unknown) {
      return null;
    }
  }

  @PostMapping("/coupons/{id}/settings")
  String saveSettings(@PathVariable long id, @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String maxUses, @RequestParam(defaultValue = "once-per-contact") String policy,
      Model model, RedirectAttributes redirect, HttpServletResponse response) {
    CouponSetView set = loadWithHistory(id, model);
    var errors = new FormErrors();
    errors.requireName(name);
    Long quantity = single(set) ? errors.positiveOrNull("maxUses", maxUses, "Maximum uses") : null;
    if (errors.isEmpty()) {
      try {
        sets.update(id, new UpdateCouponSetRequest(name.strip(), single(set), quantity, AssignmentPolicy.fromWire(policy), false, null));
        redirect.addFlashAttribute("notice", "Saved your changes.");
        return "redirect:/coupons/" + id;
      } catch (ApiException e) {
        if ("quantity-below-uses".equals(e.slug()) || "quantity".equals(e.field())) {
          errors.add("maxUses", e.getMessage());
        } else {
          errors.add(e, "name");
        }
      }
    }
    response.setStatus(422);
    fill(model, set, null, null, null);
    model.addAttribute("settings", new SettingsForm(name, maxUses, policy));
    model.addAttribute("errors", errors.asMap());
    return "couponset/set";
  }

  @PostMapping("/coupons/{id}/child-sets")
  String createChild(@PathVariable long id, @RequestParam(defaultValue = "") String childName, Model model,
      RedirectAttributes redirect, HttpServletResponse response) {
    CouponSetView set = loadWithHistory(id, model);
    var errors = new FormErrors();
    if (childName.isBlank()) {
      errors.add("childName", "Name the child set, e.g. \"10-percent\" or \"vip\"");
    } else {
      try {
        ChildSetView child = sets.createChild(id, new CreateChildSetRequest(childName.strip()));
        redirect.addFlashAttribute("notice", "Added child set \"" + child.name() + "\".");
        return "redirect:/coupons/" + id + "#child-sets";
      } catch (ApiException e) {
        errors.add("childName", e.getMessage());
      }
    }
    response.setStatus(422);
    fill(model, set, null, null, null);
    model.addAttribute("settings", SettingsForm.of(set));
    model.addAttribute("childName", childName);
    model.addAttribute("errors", errors.asMap());
    return "couponset/set";
  }

  @PostMapping("/coupons/{id}/child-sets/{childId}/delete")
  String deleteChild(@PathVariable long id, @PathVariable long childId, RedirectAttributes redirect) {
    String name = sets.requireChild(id, childId).name();
    sets.deleteChild(id, childId);
    redirect.addFlashAttribute("notice", "Deleted child set \"" + name + "\"; its codes are back in the parent set.");
    return "redirect:/coupons/" + id + "#child-sets";
  }

  /**
   * Moves the ticked codes, or a number of available codes from one place, into a child set (or out
   * of child sets). Codes held by contacts are never moved; the notice says how many stayed and why.
   */
  @PostMapping("/coupons/{id}/codes/move")
  String moveCodes(@PathVariable long id, @RequestParam(name = "code", required = false) List<String> selected,
      @RequestParam(defaultValue = "") String to, @RequestParam(defaultValue = "") String count,
      @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String returnTo,
      RedirectAttributes redirect) {
    CouponSetView set = sets.get(id);
    String back = "redirect:/coupons/" + id + (returnTo.matches("\\?[A-Za-z0-9=&_-]{0,200}") ? returnTo : "") + "#codes-card";
    Long toChild = childId(to);
    boolean byCount = selected == null || selected.isEmpty();
    Long number = null;
    if (byCount) {
      try {
        number = Long.parseLong(count.strip());
      } catch (NumberFormatException e) {
        number = null;
      }
      if (count.isBlank() && from.isBlank()) {
        redirect.addFlashAttribute("moveError", "Tick the codes to move first (only available codes can move).");
        return back;
      }
      if (number == null || number < 1) {
        redirect.addFlashAttribute("moveError", "Say how many available codes to move: a whole number, e.g. 500.");
        return back;
      }
    }
    try {
      MoveCodesResult result = setCodes.move(id, byCount
          ? new MoveCodesRequest(null, number, childId(from), toChild)
          : new MoveCodesRequest(selected, null, null, toChild));
      String fromName = byCount ? set.childSets().stream().filter(c -> String.valueOf(c.id()).equals(from.strip()))
          .map(c -> "\u201c" + c.name() + "\u201d").findFirst().orElse("the set itself") : null;
      redirect.addFlashAttribute("notice", moveNotice(set, result, byCount ? number : selected.size(), fromName));
    } catch (ApiException e) {
      redirect.addFlashAttribute("moveError", e.getMessage());
    }
    return back;
  }

  private static Long childId(String value) {
    try {
      return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String moveNotice(CouponSetView set, MoveCodesResult result, long asked, String fromName) {
    String where = result.toChildSetId() == null ? "the set itself (no child set)"
        : "\u201c" + set.childSets().stream().filter(c -> c.id() == result.toChildSetId()).map(ChildSetView::name)
            .findFirst().orElse("child set") + "\u201d";
    String moved = result.moved() == 1 ? "1 code" : String.format("%,d codes", result.moved());
    StringBuilder notice = new StringBuilder("Moved ").append(moved).append(" into ").append(where).append('.');
    long held = result.skipped().stream().filter(s -> s.reason().equals("not-available")).count();
    if (held > 0) {
      notice.append(' ').append(held == 1 ? "1 code stays where it is: it is" : held + " codes stay where they are: they are")
          .append(" already given to a contact, used or expired.");
    }
    if (fromName != null && result.moved() < asked) {
      notice.append(" ").append(Character.toUpperCase(fromName.charAt(0))).append(fromName.substring(1))
          .append(result.moved() == 0 ? " had no available codes." : " had no more available codes.");
    }
    return notice.toString();
  }

  /** The unused codes as CSV, streamed page by page (a set may hold millions). */
  @GetMapping("/coupons/{id}/export")
  ResponseEntity<StreamingResponseBody> exportUnused(@PathVariable long id) {
    CouponSetView set = sets.get(id);
    Map<Long, String> childNames = set.childSets().stream().collect(Collectors.toMap(ChildSetView::id, ChildSetView::name));
    StreamingResponseBody body = out -> {
      var writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      writer.write("code,status,childSet,createdAt\n");
      setCodes.export(id, CodeStatus.AVAILABLE, code -> {
        try {
          writer.write(CsvCell.of(code.code()) + "," + code.status().wire() + ","
              + (code.childSetId() == null ? "" : CsvCell.of(childNames.getOrDefault(code.childSetId(), "")))
              + "," + code.createdAt() + "\n");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      writer.flush();
    };
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"unused-codes-" + id + ".csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(body);
  }

  private static boolean single(CouponSetView set) {
    return set.type() == SetType.SINGLE;
  }
}
