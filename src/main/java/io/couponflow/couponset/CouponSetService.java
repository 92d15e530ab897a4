package io.couponflow.couponset;

import io.couponflow.audit.AuditLog;
import io.couponflow.code.CodePool;
import io.couponflow.code.CodeRules;
import io.couponflow.code.RejectReason;
import io.couponflow.common.ApiException;
import io.couponflow.common.PageRequest;
import io.couponflow.common.PageResponse;
import io.couponflow.db.SqlDialect;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Coupon sets and child sets: their life cycle and how they read with counters. */
@Service
public class CouponSetService {
  private final CouponSetRepository sets;
  private final SetCounters counters;
  private final CodePool codes;
  private final ObjectProvider<CouponSetUsage> usage;
  private final ApplicationEventPublisher events;
  private final AuditLog audit;
  private final SqlDialect dialect;
  private final CouponSetCache cache;
  private final Clock clock;

  CouponSetService(CouponSetRepository sets, SetCounters counters, CodePool codes,
      ObjectProvider<CouponSetUsage> usage, ApplicationEventPublisher events, AuditLog audit, SqlDialect dialect,
      CouponSetCache cache, Clock clock) {
    this.cache = cache;
    this.sets = sets;
    this.counters = counters;
    this.codes = codes;
    this.usage = usage;
    this.events = events;
    this.audit = audit;
    this.dialect = dialect;
    this.clock = clock;
  }

  @Transactional
  public CouponSetView create(CreateCouponSetRequest request) {
    AssignmentPolicy policy = request.assignmentPolicy() == null
        ? AssignmentPolicy.ONCE_PER_CONTACT : request.assignmentPolicy();
    String code = null;
    if (request.type() == SetType.SINGLE) {
      code = validSingleCode(request.code());
    } else {
      if (request.code() != null) {
        throw ApiException.invalid("code", "code is only for single sets; add a multiple set's codes by import or POST /codes");
      }
      if (request.quantity() != null) {
        throw ApiException.invalid("quantity", "quantity is only for single sets; a multiple set has as many uses as codes");
      }
    }
    Instant now = clock.instant();
    long id = sets.insert(request.name().strip(), request.type(), code, request.quantity(), policy, now);
    if (request.expiresAt() != null) {
      sets.updateExpiry(id, request.expiresAt());
    }
    counters.createStripes(id, 0);
    if (code != null) {
      codes.insertSingleCode(id, code, now);
    }
    audit.record("coupon-set.created", "coupon-set", id, (request.type().wire().equals("single") ? "Individual" : "Multiple") + " set “" + request.name().strip() + "”");
    return view(require(id));
  }

  private String validSingleCode(String raw) {
    if (raw == null || CodeRules.trim(raw).isEmpty()) {
      throw ApiException.invalid("code", "code is required for a single set");
    }
    String code = CodeRules.trim(raw);
    RejectReason reason = CodeRules.check(code);
    if (reason == RejectReason.TOO_LONG) {
      throw ApiException.invalid("code", "code must be at most " + CodeRules.MAX_LENGTH + " characters");
    }
    if (reason != null) {
      throw ApiException.invalid("code", "code must not contain spaces or control characters");
    }
    if (codes.exists(code)) {
      throw ApiException.conflict("code-already-exists", "Code already exists",
          "The code " + code + " already exists in a coupon set (codes are compared without regard to case)");
    }
    return code;
  }

  /**
   * Adds a change to the counters of the set's codes outside child sets (childKey 0) or of one child set, in
   * the caller's transaction: the features that change codes (assignment, redemption, imports, expiry) count
   * through here, so the counters' table stays this feature's.
   */
  public void count(long couponSetId, long childKey, Counters delta) {
    counters.add(couponSetId, childKey, delta);
  }

  public CouponSet require(long id) {
    return sets.find(id).orElseThrow(() -> ApiException.notFound("Coupon set", id));
  }

  public ChildSet requireChild(long couponSetId, long childId) {
    return sets.findChild(couponSetId, childId).orElseThrow(() -> ApiException.notFound("Child set", childId));
  }

  /** The set as the assignment hot path sees it: at most a second old (see CouponSetCache). */
  public CouponSet requireForAssignment(long id) {
    return cache.set(id, () -> sets.find(id)).orElseThrow(() -> ApiException.notFound("Coupon set", id));
  }

  public ChildSet requireChildForAssignment(long couponSetId, long childId) {
    return cache.child(couponSetId, childId, () -> sets.findChild(couponSetId, childId))
        .orElseThrow(() -> ApiException.notFound("Child set", childId));
  }

  /** The set's name; empty when there is no such set (any more). */
  public Optional<String> name(long id) {
    return sets.find(id).map(CouponSet::name);
  }

  /** A child set's name; empty when there is no such child set (any more). */
  public Optional<String> childName(long couponSetId, long childId) {
    return sets.findChild(couponSetId, childId).map(ChildSet::name);
  }

  public CouponSetView get(long id) {
    return view(require(id));
  }

  public PageResponse<CouponSetView> list(SetType type, String query, PageRequest page) {
    String nameLike = null;
    List<Long> codeSetIds = List.of();
    if (query != null && !query.isBlank()) {
      String q = query.strip();
      nameLike = "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
      codeSetIds = codes.setIdsWithCode(q);
    }
    List<CouponSet> found = sets.page(type, nameLike, codeSetIds, page.beforeId(), page.fetchSize());
    return page.toResponse(views(found), CouponSetView::id);
  }

  @Transactional
  public CouponSetView update(long id, UpdateCouponSetRequest request) {
    CouponSet set = require(id);
    long used = sets.lockUsed(id);
    Long quantity = request.hasQuantity() ? request.quantity() : set.quantity();
    if (!set.isSingle() && quantity != null) {
      throw ApiException.invalid("quantity", "quantity is only for single sets");
    }
    if (quantity != null && quantity < used) {
      throw ApiException.conflict("quantity-below-uses", "Quantity below uses",
          "quantity " + quantity + " is below the " + used + " uses already handed out");
    }
    cache.evict(id);
    sets.update(id, request.name() == null ? set.name() : request.name(), quantity,
        request.assignmentPolicy() == null ? set.assignmentPolicy() : request.assignmentPolicy(), clock.instant());
    if (request.hasExpiresAt()) {
      sets.updateExpiry(id, request.expiresAt());
    }
    audit.record("coupon-set.updated", "coupon-set", id, describe(request));
    return view(require(id));
  }

  @Transactional
  public void delete(long id) {
    CouponSet set = require(id);
    if (activeUsage(id)) {
      List<String> active = workflowsUsing(id).stream().filter(CouponSetView.WorkflowRef::active)
          .map(w -> "'" + w.name() + "'").toList();
      throw ApiException.conflict("coupon-set-in-use", "Coupon set in use", (active.isEmpty() ? "An active workflow"
          : "The active workflow" + (active.size() == 1 ? " " : "s ") + String.join(", ", active))
          + " assigns codes from this set; pause it or remove its Assign coupon node first");
    }
    audit.record("coupon-set.deleted", "coupon-set", id, "“" + set.name() + "”");
    cache.evict(id);
    events.publishEvent(new CouponSetDeleted(id));
    counters.deleteAll(id);
    sets.delete(id);
    // after the set row is gone (and any import holding it committed): no code can join it now
    codes.deleteAll(id);
  }

  @Transactional
  public ChildSetView createChild(long couponSetId, CreateChildSetRequest request) {
    CouponSet set = require(couponSetId);
    if (set.isSingle()) {
      throw ApiException.unprocessable("not-a-multiple-set", "Not a multiple set",
          "Child sets split a multiple set's codes; set " + couponSetId + " is a single set");
    }
    String name = request.name().strip();
    if (sets.children(List.of(couponSetId)).getOrDefault(couponSetId, List.of()).stream()
        .anyMatch(c -> c.name().equalsIgnoreCase(name))) {
      throw ApiException.conflict("child-set-exists", "Child set exists", "This set already has a child set named " + name);
    }
    ChildSet child = sets.insertChild(couponSetId, name, clock.instant());
    counters.createStripes(couponSetId, child.id());
    audit.record("child-set.created", "coupon-set", couponSetId, "Child set “" + name + "”");
    return ChildSetView.of(child, Counters.ZERO);
  }

  public List<ChildSetView> children(long couponSetId) {
    return views(List.of(require(couponSetId))).get(0).childSets();
  }

  /** The child set's codes go back to the parent set: nothing is lost. */
  @Transactional
  public void deleteChild(long couponSetId, long childId) {
    ChildSet child = requireChild(couponSetId, childId);
    // first the child row: an import or code push holding it commits before its codes move
    sets.lockChild(childId);
    audit.record("child-set.deleted", "coupon-set", couponSetId, "Child set “" + child.name() + "”");
    cache.evict(couponSetId);
    codes.moveChildToParent(couponSetId, childId);
    counters.moveToParent(couponSetId, childId);
    sets.deleteChild(childId);
  }

  /**
   * Call in the transaction that inserts codes into a set (and child set, when not null), before
   * the inserts: false when either is gone; otherwise neither can be deleted until that
   * transaction ends.
   */
  public boolean holdForNewCodes(long couponSetId, Long childSetId) {
    return dialect.holdSetForNewCodes(couponSetId, childSetId);
  }

  /** Counts up to {@code wanted} uses of an individual set in the caller's transaction; answers how many it could. */
  public int takeSingleUses(long couponSetId, int wanted) {
    return sets.takeUses(couponSetId, wanted);
  }

  public void giveBackSingleUse(long couponSetId) {
    sets.giveBackUse(couponSetId);
  }

  /** Multiple sets whose expiry has passed, for the sweep that moves their free codes to expired. */
  public List<Long> expiredMultipleSets(Instant now) {
    return sets.expiredMultipleSets(now);
  }

  private static String describe(UpdateCouponSetRequest request) {
    List<String> changed = new java.util.ArrayList<>();
    if (request.name() != null) {
      changed.add("name “" + request.name().strip() + "”");
    }
    if (request.hasQuantity()) {
      changed.add(request.quantity() == null ? "unlimited uses" : "at most " + request.quantity() + " uses");
    }
    if (request.assignmentPolicy() != null) {
      changed.add(request.assignmentPolicy().wire().equals("once-per-contact")
          ? "a contact who qualifies again keeps the same code" : "a contact who qualifies again gets a new code");
    }
    if (request.hasExpiresAt()) {
      changed.add(request.expiresAt() == null ? "never expires" : "expires " + request.expiresAt());
    }
    String text = String.join(", ", changed);
    return text.isEmpty() ? "nothing changed" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  public CouponSetView view(CouponSet set) {
    return views(List.of(set)).get(0);
  }

  private List<CouponSetView> views(List<CouponSet> found) {
    List<Long> ids = found.stream().map(CouponSet::id).toList();
    Map<Long, Map<Long, Counters>> counts = counters.read(ids);
    Map<Long, List<ChildSet>> children = sets.children(ids);
    return found.stream().map(set -> {
      Map<Long, Counters> byChild = counts.getOrDefault(set.id(), Map.of());
      Counters sum = byChild.values().stream().reduce(Counters.ZERO, Counters::plus);
      List<ChildSetView> childViews = children.getOrDefault(set.id(), List.of()).stream()
          .map(c -> ChildSetView.of(c, byChild.getOrDefault(c.id(), Counters.ZERO))).toList();
      Figures f = Figures.of(set.isSingle() ? set.quantity() : Long.valueOf(sum.total()), set.isSingle(), sum);
      return new CouponSetView(set.id(), set.name(), set.type(), set.code(), set.quantity(), set.assignmentPolicy(),
          set.createdAt(), set.updatedAt(), f.total(), f.assigned(), f.available(), f.sent(), f.redeemed(),
          childViews, workflowsUsing(set.id()), set.expiresAt(), f.expired(), f.leaked(), f.redeemedByOthers(),
          f.conversion());
    }).toList();
  }

  private List<CouponSetView.WorkflowRef> workflowsUsing(long id) {
    CouponSetUsage lookup = usage.getIfAvailable();
    return lookup == null ? List.of() : lookup.workflowsUsing(id);
  }

  private boolean activeUsage(long id) {
    CouponSetUsage lookup = usage.getIfAvailable();
    return lookup != null && lookup.usedByActiveWorkflow(id);
  }
}
