package io.couponflow.workflow;

import io.couponflow.web.PageController;
import io.couponflow.common.ApiException;
import io.couponflow.common.PageRequest;
import io.couponflow.contact.Contact;
import io.couponflow.contact.ContactService;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.couponset.CouponSetView;
import io.couponflow.delivery.EmailDelivery;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The marketer's workflow pages: the list with run counts and recent emails, and the editor. */
@PageController
class WorkflowPages {
  private final WorkflowService workflows;
  private final CouponSetService sets;
  private final ContactService contacts;
  private final EmailDelivery emails;

  WorkflowPages(WorkflowService workflows, CouponSetService sets, ContactService contacts, EmailDelivery emails) {
    this.workflows = workflows;
    this.sets = sets;
    this.contacts = contacts;
    this.emails = emails;
  }

  record Row(Workflow workflow, Map<String, Long> runs) {}

  /** A palette entry of the canvas: the node type, its words and icon, and the node a drop adds. */
  record NodeType(String type, String label, String icon, String hint) {
    public WorkflowForm.NodeForm blank() {
      return WorkflowForm.NodeForm.blank(type);
    }
  }

  static final List<NodeType> NODE_TYPES = List.of(
      new NodeType(AssignCouponNode.TYPE, "Assign coupon", "%", "A code from a set"),
      new NodeType(SendEmailNode.TYPE, "Send email", "✉", "An email, code included"),
      new NodeType(SendWebContentNode.TYPE, "Send web content", "▣", "A popup in the shop"),
      new NodeType(WaitNode.TYPE, "Wait", "◷", "A pause before the next step"));

  /** Where a validation error points: the node index and its field, from a field such as nodes[2].subject. */
  record NodeError(int index, String field, String message) {
    static NodeError of(ApiException e) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("nodes\\[(\\d+)]\\.?(.*)")
          .matcher(e.field() == null ? "" : e.field());
      if (!m.matches()) {
        return null;
      }
      // the page shows the message at the node, so "Step 2 (Send email): " would only repeat it
      String message = WorkflowWords.problem(e.getMessage()).replaceFirst("^Step \\d+ \\([^)]*\\): ", "");
      return new NodeError(Integer.parseInt(m.group(1)), m.group(2), message);
    }
  }

  @GetMapping("/workflows")
  String list(Model model) {
    List<Row> rows = workflows.list(PageRequest.of(PageRequest.MAX_LIMIT, null)).items().stream()
        .map(w -> new Row(w, workflows.runCounts(w.id()))).toList();
    model.addAttribute("rows", rows);
    model.addAttribute("emails", emails.page(null, PageRequest.of(10, null)).stream().limit(10).toList());
    model.addAttribute("smtpConfigured", emails.smtpConfigured());
    return "workflow/list";
  }

  @GetMapping("/workflows/new")
  String create(Model model) {
    return editor(model, null, WorkflowForm.starter(), null);
  }

  @GetMapping("/workflows/{id}")
  String edit(@PathVariable long id, Model model) {
    Workflow w = workflows.require(id);
    return editor(model, w, WorkflowForm.of(w), null);
  }

  /** Saves, or only re-renders the form when a node is added, removed or moved (no JavaScript needed). */
  @PostMapping({"/workflows/new", "/workflows/{id}"})
  String save(@PathVariable(required = false) Long id, @ModelAttribute("form") WorkflowForm form,
      @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect) {
    Workflow existing = id == null ? null : workflows.require(id);
    if (!action.equals("save")) {
      edit(form, action);
      return editor(model, existing, form, null);
    }
    try {
      Workflow saved = existing == null ? workflows.create(form.toRequest()) : workflows.update(id, form.toRequest());
      redirect.addFlashAttribute("message", "Workflow saved.");
      return "redirect:/workflows/" + saved.id();
    } catch (ApiException e) {
      return editor(model, existing, form, e);
    }
  }

  @PostMapping("/workflows/{id}/activate")
  String activate(@PathVariable long id, RedirectAttributes redirect) {
    try {
      workflows.activate(id);
      redirect.addFlashAttribute("message", "Workflow active: matching events now start runs.");
    } catch (ApiException e) {
      redirect.addFlashAttribute("error", WorkflowWords.problem(e.getMessage()));
    }
    return "redirect:/workflows/" + id;
  }

  @PostMapping("/workflows/{id}/pause")
  String pause(@PathVariable long id, RedirectAttributes redirect) {
    try {
      workflows.pause(id);
      redirect.addFlashAttribute("message", "Workflow paused: no new runs start; runs under way finish.");
    } catch (ApiException e) {
      redirect.addFlashAttribute("error", WorkflowWords.problem(e.getMessage()));
    }
    return "redirect:/workflows/" + id;
  }

  /** The live preview: what each send node shows, with a placeholder code, for the chosen or a sample contact. */
  @PostMapping("/workflows/preview")
  String preview(@ModelAttribute("form") WorkflowForm form, Model model) {
    Contact contact = form.getPreviewContactId() == null || form.getPreviewContactId().isBlank()
        ? new Contact("sample", "ana@example.com", "Ana", "García", Map.of(), null, null)
        : contacts.find(form.getPreviewContactId().strip()).orElse(null);
    try {
      if (contact == null) {
        throw ApiException.invalid("previewContactId", "No contact " + form.getPreviewContactId());
      }
      // a workflow not yet named or triggered still previews its messages
      // the preview shows messages with a placeholder code, so which child set a contact draws from
      // does not change it: a split test still being filled in previews like a plain assign step
      WorkflowRequest request = form.toRequest();
      request = new WorkflowRequest(request.name(), request.trigger(), request.nodes().stream()
          .map(n -> n instanceof AssignCouponNode a && a.split() != null
              ? new AssignCouponNode(a.couponSetId(), null, a.variable(), a.onExhausted(), a.fallbackCode()) : n)
          .toList());
      request = new WorkflowRequest(request.name() == null || request.name().isBlank() ? "Preview" : request.name(),
          request.trigger().event() == null || request.trigger().event().isBlank() ? new Trigger("preview") : request.trigger(),
          request.nodes());
      model.addAttribute("rendered", workflows.preview(request, contact));
      model.addAttribute("from", emails.from());
      model.addAttribute("to", contact.email());
    } catch (ApiException e) {
      model.addAttribute("previewError", WorkflowWords.problem(e.getMessage()));
    }
    return "workflow/preview :: preview";
  }

  private static void edit(WorkflowForm form, String action) {
    List<WorkflowForm.NodeForm> nodes = form.getNodes();
    if (action.startsWith("add:")) {
      String type = action.substring(4);
      if (NODE_TYPES.stream().anyMatch(t -> t.type().equals(type))) {
        nodes.add(WorkflowForm.NodeForm.blank(type));
      }
      return;
    }
    String[] parts = action.split(":");
    if (parts[0].endsWith("-share")) {
      editShares(nodes, parts);
      return;
    }
    int i = parts.length == 2 && parts[1].matches("\\d{1,3}") ? Integer.parseInt(parts[1]) : -1;
    if (i < 0 || i >= nodes.size()) {
      return;
    }
    switch (parts[0]) {
      case "remove" -> nodes.remove(i);
      case "up" -> {
        if (i > 0) {
          nodes.add(i - 1, nodes.remove(i));
        }
      }
      case "down" -> {
        if (i < nodes.size() - 1) {
          nodes.add(i + 1, nodes.remove(i));
        }
      }
      default -> { }
    }
  }

  /** Adds a split row to node i (add-share:i, at most 10) or removes row j (remove-share:i:j, at least 2 stay). */
  static void editShares(List<WorkflowForm.NodeForm> nodes, String[] parts) {
    int i = parts.length > 1 && parts[1].matches("\\d{1,3}") ? Integer.parseInt(parts[1]) : -1;
    if (i < 0 || i >= nodes.size()) {
      return;
    }
    WorkflowForm.NodeForm node = nodes.get(i);
    List<WorkflowForm.ShareForm> rows = new java.util.ArrayList<>(node.shareRows());
    node.setSplitTest(true);
    if (parts[0].equals("add-share") && rows.size() < WorkflowValidator.MAX_SPLIT_ARMS) {
      rows.add(new WorkflowForm.ShareForm());
    } else if (parts[0].equals("remove-share") && parts.length == 3 && parts[2].matches("\\d{1,2}")
        && rows.size() > 2 && Integer.parseInt(parts[2]) < rows.size()) {
      rows.remove(Integer.parseInt(parts[2]));
    }
    node.setShares(rows);
  }

  private String editor(Model model, Workflow existing, WorkflowForm form, ApiException error) {
    List<CouponSetView> all = sets.list(null, null, PageRequest.of(PageRequest.MAX_LIMIT, null)).items();
    model.addAttribute("workflow", existing);
    model.addAttribute("title", existing == null ? "New workflow" : existing.name());
    model.addAttribute("form", form);
    model.addAttribute("sets", all);
    Map<String, NodeType> byType = NODE_TYPES.stream()
        .collect(java.util.stream.Collectors.toMap(NodeType::type, t -> t));
    form.getNodes().stream().filter(n -> !byType.containsKey(n.getType())).forEach(n -> n.setType(SendEmailNode.TYPE));
    model.addAttribute("nodeTypes", NODE_TYPES);
    model.addAttribute("nodeTypeByType", byType);
    if (error != null) {
      NodeError nodeError = NodeError.of(error);
      model.addAttribute("error", nodeError == null ? WorkflowWords.problem(error.getMessage())
          : "Not saved: step " + (nodeError.index() + 1) + " needs a fix (shown below).");
      model.addAttribute("errorField", error.field());
      model.addAttribute("nodeError", nodeError);
    }
    if (existing != null) {
      model.addAttribute("runs", workflows.runs(existing.id(), null, PageRequest.of(20, null)).items());
      model.addAttribute("runCounts", workflows.runCounts(existing.id()));
    }
    return "workflow/edit";
  }
}
