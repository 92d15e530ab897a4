package io.couponflow.couponset;

import io.couponflow.web.PageController;
import io.couponflow.web.FormErrors;
import io.couponflow.code.CodePool;
import io.couponflow.code.LocatedCode;
import io.couponflow.common.ApiException;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.couponflow.couponset.AssignmentPolicy;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.couponset.CouponSetView;
import io.couponflow.couponset.CreateCouponSetRequest;
import io.couponflow.couponset.SetType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Coupons page: history, search, filter and the list of sets; creating an individual set; deleting. */
@PageController
public class CouponListPages {
  public static final int PAGE_SIZE = 25;

  /** What the individual-set form holds, kept as typed so a refused form shows it again. */
  record IndividualSetForm(String name, String code, String maxUses, String policy) {
    static IndividualSetForm empty() {
      return new IndividualSetForm("", "", "", AssignmentPolicy.ONCE_PER_CONTACT.wire());
    }
  }

  /** A search that matched a code: the code, its set and where it stands. */
  record CodeHit(LocatedCode located, CouponSetView set) {}

  private final CouponSetService sets;
  private final CodePool codes;
  private final ImportHistorySection history;

  CouponListPages(CouponSetService sets, CodePool codes, ImportHistorySection history) {
    this.sets = sets;
    this.codes = codes;
    this.history = history;
  }

  @GetMapping("/coupons")
  String list(@RequestParam(required = false) String type, @RequestParam(required = false) String q,
      @RequestParam(required = false) String cursor, Model model) {
    String filter = "individual".equals(type) || "multiple".equals(type) ? type : "all";
    SetType setType = switch (filter) {
      case "individual" -> SetType.SINGLE;
      case "multiple" -> SetType.MULTIPLE;
      default -> null;
    };
    String query = q == null ? "" : q.strip();
    // the history before the sets' counters: an import shown as finished is then always counted
    history.addTo(model, null);
    PageResponse<CouponSetView> page = sets.list(setType, query, PageRequest.of(PAGE_SIZE, cursor));
    model.addAttribute("filter", filter);
    model.addAttribute("q", query);
    model.addAttribute("page", page);
    model.addAttribute("firstPage", cursor == null || cursor.isBlank());
    model.addAttribute("codeHit", query.isEmpty() ? null : codeHit(query).orElse(null));
    return "couponset/list";
  }

  private Optional<CodeHit> codeHit(String query) {
    return codes.find(query).flatMap(located -> {
      try {
        return Optional.of(new CodeHit(located, sets.get(located.couponSetId())));
      } catch (ApiException gone) {
        return Optional.empty();
      }
    });
  }

  /** The history block alone, polled by htmx while an import runs; a reload once all are done refreshes the counters. */
  @GetMapping("/coupons/imports")
  String historyBlock(@RequestParam(required = false) Long setId, @RequestParam(defaultValue = "false") boolean wasRunning,
      Model model, HttpServletResponse response) {
    boolean running = history.addTo(model, setId);
    if (wasRunning && !running) {
      response.setHeader("HX-Refresh", "true");
    }
    return "importing/history :: history";
  }

  @GetMapping("/coupons/new")
  String newIndividual(Model model) {
    model.addAttribute("form", IndividualSetForm.empty());
    return "couponset/new-individual";
  }

  @PostMapping("/coupons/new")
  String createIndividual(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String maxUses, @RequestParam(defaultValue = "once-per-contact") String policy,
      Model model, RedirectAttributes redirect, HttpServletResponse response) {
    var form = new IndividualSetForm(name, code, maxUses, policy);
    var errors = new FormErrors();
    errors.requireName(name);
    if (code.isBlank()) {
      errors.add("code", "Enter the code your shop accepts, e.g. WELCOME15");
    }
    Long quantity = errors.positiveOrNull("maxUses", maxUses, "Maximum uses");
    if (errors.isEmpty()) {
      try {
        CouponSetView created = sets.create(new CreateCouponSetRequest(name.strip(), SetType.SINGLE, code, quantity,
            AssignmentPolicy.fromWire(policy), null));
        redirect.addFlashAttribute("notice", "Created \"" + created.name() + "\" with code " + created.code() + ".");
        return "redirect:/coupons/" + created.id();
      } catch (ApiException e) {
        errors.add(e, "name", "code", "quantity");
        if ("quantity".equals(e.field())) {
          errors.add("maxUses", e.getMessage());
        }
      }
    }
    response.setStatus(422);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors.asMap());
    return "couponset/new-individual";
  }

  @GetMapping("/coupons/{id}/delete")
  String confirmDelete(@PathVariable long id, Model model) {
    addDeleteModel(model, sets.get(id));
    return "couponset/delete";
  }

  /** The set, and its workflows split into active ones (which block the delete) and drafts or paused ones (warned about). */
  private static void addDeleteModel(Model model, CouponSetView set) {
    model.addAttribute("set", set);
    model.addAttribute("activeUsers", set.usedInWorkflows().stream().filter(CouponSetView.WorkflowRef::active).toList());
    model.addAttribute("otherUsers", set.usedInWorkflows().stream().filter(w -> !w.active()).toList());
  }

  @PostMapping("/coupons/{id}/delete")
  String delete(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
    CouponSetView set = sets.get(id);
    try {
      sets.delete(id);
    } catch (ApiException e) {
      if (!"coupon-set-in-use".equals(e.slug())) {
        throw e;
      }
      response.setStatus(409);
      addDeleteModel(model, sets.get(id));
      model.addAttribute("refusal", "\"" + set.name() + "\" can't be deleted while an active workflow assigns its codes. "
          + "Pause the workflow or remove its Assign coupon step, then try again.");
      return "couponset/delete";
    }
    redirect.addFlashAttribute("notice", "Deleted \"" + set.name() + "\".");
    return "redirect:/coupons";
  }
}
