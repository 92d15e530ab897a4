package io.couponflow.workflow;

import java.util.ArrayList;
import java.util.List;

/** The editor's form: bound from fields such as nodes[2].html, turned into the API's WorkflowRequest. */
public class WorkflowForm {
  private String name = "";
  private String trigger = "";
  private String previewContactId = "";
  private List<NodeForm> nodes = new ArrayList<>();

  /** One node row; only the fields of its type are read. */
  public static class NodeForm {
    private String type = SendEmailNode.TYPE;
    private Long couponSetId;
    private Long childSetId;
    private String variable = AssignCouponNode.DEFAULT_VARIABLE;
    private String onExhausted = OnExhausted.STOP.wire();
    private String fallbackCode;
    private String split;
    private String subject;
    private String html;
    private String duration;
    private Long waitAmount;
    private String waitUnit = "hours";

    /** A new node of the type, as the canvas adds it: a wait starts at one hour. */
    static NodeForm blank(String type) {
      NodeForm f = new NodeForm();
      f.type = type;
      if (WaitNode.TYPE.equals(type)) {
        f.waitAmount = 1L;
      }
      return f;
    }

    static NodeForm of(Node node) {
      NodeForm f = new NodeForm();
      f.type = node.type();
      if (node instanceof AssignCouponNode a) {
        f.couponSetId = a.couponSetId();
        f.childSetId = a.childSetId();
        f.variable = a.variable();
        f.onExhausted = a.onExhausted() == null ? OnExhausted.STOP.wire() : a.onExhausted().wire();
        f.fallbackCode = a.fallbackCode();
        f.split = a.split() == null ? null : a.split().stream()
            .map(share -> share.childSetId() + ":" + share.weight()).collect(java.util.stream.Collectors.joining(","));
      } else if (node instanceof SendEmailNode e) {
        f.subject = e.subject();
        f.html = e.html();
      } else if (node instanceof SendWebContentNode w) {
        f.html = w.html();
      } else if (node instanceof WaitNode w) {
        f.duration = w.duration();
        f.splitDuration();
      }
      return f;
    }

    /** The split test kept through the editor as "childSetId:weight,…" (the editor shows it, the API edits it). */
    private List<SplitShare> splitShares() {
      if (split == null || split.isBlank()) {
        return null;
      }
      List<SplitShare> shares = new ArrayList<>();
      for (String part : split.split(",")) {
        String[] pair = part.strip().split(":");
        try {
          shares.add(new SplitShare(Long.valueOf(pair[0].strip()), pair.length > 1 ? Integer.valueOf(pair[1].strip()) : null));
        } catch (NumberFormatException e) {
          shares.add(new SplitShare(null, null));
        }
      }
      return shares;
    }

    /** Shows a stored duration as amount and unit when it is a whole number of days, hours or minutes. */
    private void splitDuration() {
      try {
        long seconds = java.time.Duration.parse(duration).getSeconds();
        for (String unit : List.of("days", "hours", "minutes")) {
          long size = unitSeconds(unit);
          if (seconds > 0 && seconds % size == 0) {
            waitAmount = seconds / size;
            waitUnit = unit;
            return;
          }
        }
      } catch (RuntimeException notIso) {
        waitAmount = null;
      }
    }

    private static long unitSeconds(String unit) {
      return switch (unit) {
        case "days" -> 86_400;
        case "minutes" -> 60;
        default -> 3_600;
      };
    }

    /** The ISO-8601 duration the API stores: from amount and unit when given, else the raw duration. */
    private String waitDuration() {
      if (waitAmount == null) {
        return duration == null ? null : duration.strip();
      }
      return switch (waitUnit == null ? "hours" : waitUnit) {
        case "days" -> "P" + waitAmount + "D";
        case "minutes" -> "PT" + waitAmount + "M";
        default -> "PT" + waitAmount + "H";
      };
    }

    Node toNode() {
      return switch (type == null ? "" : type) {
        case AssignCouponNode.TYPE -> new AssignCouponNode(couponSetId, childSetId, variable,
            onExhausted == null || onExhausted.isBlank() ? null : OnExhausted.fromWire(onExhausted), fallbackCode,
            splitShares());
        case SendWebContentNode.TYPE -> new SendWebContentNode(html);
        case WaitNode.TYPE -> new WaitNode(waitDuration());
        default -> new SendEmailNode(subject, html);
      };
    }

    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public Long getCouponSetId() { return couponSetId; }
    public void setCouponSetId(Long couponSetId) { this.couponSetId = couponSetId; }
    public Long getChildSetId() { return childSetId; }
    public void setChildSetId(Long childSetId) { this.childSetId = childSetId; }
    public String getVariable() { return variable; }
    public void setVariable(String variable) { this.variable = variable; }
    public String getOnExhausted() { return onExhausted; }
    public void setOnExhausted(String onExhausted) { this.onExhausted = onExhausted; }
    public String getFallbackCode() { return fallbackCode; }
    public void setFallbackCode(String fallbackCode) { this.fallbackCode = fallbackCode; }
    public String getSplit() { return split; }
    public void setSplit(String split) { this.split = split; }
    public String getSubject() { return subject; }
    public void setSubject(String subject) { this.subject = subject; }
    public String getHtml() { return html; }
    public void setHtml(String html) { this.html = html; }
    public String getDuration() { return duration; }
    public void setDuration(String duration) { this.duration = duration; }
    public Long getWaitAmount() { return waitAmount; }
    public void setWaitAmount(Long waitAmount) { this.waitAmount = waitAmount; }
    public String getWaitUnit() { return waitUnit; }
    public void setWaitUnit(String waitUnit) { this.waitUnit = waitUnit; }
  }

  static WorkflowForm of(Workflow w) {
    WorkflowForm f = new WorkflowForm();
    f.name = w.name();
    f.trigger = w.trigger().event();
    w.nodes().forEach(n -> f.nodes.add(NodeForm.of(n)));
    return f;
  }

  /** A new workflow starts as the classic pair: assign a coupon, then email it. */
  static WorkflowForm starter() {
    WorkflowForm f = new WorkflowForm();
    f.trigger = "signup";
    NodeForm assign = new NodeForm();
    assign.type = AssignCouponNode.TYPE;
    NodeForm email = new NodeForm();
    email.subject = "A welcome gift for you, {{contact.firstName | \"friend\"}}";
    email.html = "<p>Hi {{contact.firstName | \"there\"}},</p>\n<p>Your code: <b>{{coupon}}</b></p>";
    f.nodes.add(assign);
    f.nodes.add(email);
    return f;
  }

  WorkflowRequest toRequest() {
    List<Node> list = nodes.stream().map(NodeForm::toNode).toList();
    return new WorkflowRequest(name, new Trigger(trigger == null ? null : trigger.strip()), list);
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getTrigger() { return trigger; }
  public void setTrigger(String trigger) { this.trigger = trigger; }
  public String getPreviewContactId() { return previewContactId; }
  public void setPreviewContactId(String previewContactId) { this.previewContactId = previewContactId; }
  public List<NodeForm> getNodes() { return nodes; }
  public void setNodes(List<NodeForm> nodes) { this.nodes = nodes; }
}
