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
    private boolean splitTest;
    private List<ShareForm> shares = new ArrayList<>();
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
        f.splitTest = a.splits();
        if (a.split() != null) {
          a.split().forEach(share -> f.shares.add(ShareForm.of(share)));
        }
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

    /**
     * The split test of the rows, or null when the node draws from one child set. A row without a child set
     * is an empty row and left out; a weight that is not a whole number is sent as 0 so the validator names it.
     */
    private List<SplitShare> splitShares() {
      if (!splitTest) {
        return null;
      }
      return shares.stream().filter(row -> row != null && row.childSetId != null).map(ShareForm::toShare).toList();
    }

    /** The rows the panel shows: the stored ones, at least two (a split test has two arms or more). */
    public List<ShareForm> shareRows() {
      List<ShareForm> rows = new ArrayList<>(shares.stream().filter(java.util.Objects::nonNull).toList());
      while (rows.size() < 2) {
        rows.add(new ShareForm());
      }
      return rows;
    }

    /** The share of the contacts a row gets, as the panel shows it ("25 %"), or "–" while it has no child set or weight. */
    public String percentOf(ShareForm row) {
      long total = shares.stream().filter(r -> r != null && r.childSetId != null && r.weightValue() > 0)
          .mapToLong(ShareForm::weightValue).sum();
      if (row.childSetId == null || row.weightValue() <= 0 || total == 0) {
        return "–";
      }
      return Math.round(row.weightValue() * 100.0 / total) + " %";
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
        case AssignCouponNode.TYPE -> new AssignCouponNode(couponSetId, splitTest ? null : childSetId, variable,
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
    public boolean isSplitTest() { return splitTest; }
    public void setSplitTest(boolean splitTest) { this.splitTest = splitTest; }
    public List<ShareForm> getShares() { return shares; }
    public void setShares(List<ShareForm> shares) { this.shares = shares; }
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

  /** One row of a split test: a child set and its weight (kept as typed, so a wrong weight comes back to the page). */
  public static class ShareForm {
    private Long childSetId;
    private String weight = "1";

    static ShareForm of(SplitShare share) {
      ShareForm f = new ShareForm();
      f.childSetId = share.childSetId();
      f.weight = share.weight() == null ? "" : share.weight().toString();
      return f;
    }

    /** The weight as a number: null when empty, 0 when not a whole number in range (the validator refuses both). */
    private Integer weightNumber() {
      if (weight == null || weight.isBlank()) {
        return null;
      }
      try {
        return Integer.valueOf(weight.strip());
      } catch (NumberFormatException e) {
        return 0;
      }
    }

    private long weightValue() {
      Integer n = weightNumber();
      return n == null ? 0 : n;
    }

    SplitShare toShare() {
      return new SplitShare(childSetId, weightNumber());
    }

    public Long getChildSetId() { return childSetId; }
    public void setChildSetId(Long childSetId) { this.childSetId = childSetId; }
    public String getWeight() { return weight; }
    public void setWeight(String weight) { this.weight = weight; }
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
