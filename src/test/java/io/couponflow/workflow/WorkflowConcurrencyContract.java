package io.couponflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.couponflow.support.ApiClient;
import io.couponflow.support.TestSmtp;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 1,000 events for 1,000 contacts fired at once into a workflow whose set holds 600 codes:
 * every code reaches exactly one inbox and the other 400 runs follow onExhausted. H2 and PostgreSQL.
 */
abstract class WorkflowConcurrencyContract extends WorkflowFixtures {
  private static final int CONTACTS = 1000;
  private static final int CODES = 600;
  private static final int CLIENTS = 32;

  @Autowired
  JdbcClient jdbc;

  @Test
  void onExhaustedSkipSendsExactlySixHundredDistinctCodesAndSkipsTheRest() throws Exception {
    long setId = createMultipleSet("burst skip", CODES).get("id").asLong();
    String domain = unique("skip").toLowerCase() + ".test";
    String trigger = unique("burst");
    long workflowId = activeWorkflow(trigger, List.of(assignNode(setId, "skip", null),
        emailNode("Your code", "<p>Code: <b>{{coupon}}</b></p>")));

    List<String> contacts = fire(domain, trigger);

    awaitTrue(Duration.ofMinutes(4), "all runs to end", () -> ended(workflowId) == CONTACTS);
    assertThat(runs(workflowId, "finished")).hasSize(CODES);
    assertThat(runs(workflowId, "skipped")).hasSize(CONTACTS - CODES);
    List<MimeMessage> mails = TestSmtp.messagesFor(domain);
    assertThat(mails).hasSize(CODES);
    Set<String> mailed = new HashSet<>(mails.stream().map(WorkflowFixtures::boldText).toList());
    assertThat(mailed).hasSize(CODES);
    assertThat(mailed).isEqualTo(new HashSet<>(jdbc.sql("SELECT code FROM assignment WHERE coupon_set_id = ?")
        .param(setId).query(String.class).list()));
    var set = set(setId);
    assertThat(set.get("assigned").asLong()).isEqualTo(CODES);
    assertThat(set.get("sent").asLong()).isEqualTo(CODES);
    assertThat(set.get("available").asLong()).isZero();
    assertThat(contacts).hasSize(CONTACTS);
  }

  @Test
  void onExhaustedFallbackGivesTheRestTheFallbackCode() throws Exception {
    long setId = createMultipleSet("burst fallback", CODES).get("id").asLong();
    String domain = unique("fallback").toLowerCase() + ".test";
    String trigger = unique("burst");
    String fallback = unique("SORRY");
    long workflowId = activeWorkflow(trigger, List.of(assignNode(setId, "fallback", fallback),
        emailNode("Your code", "<p>Code: <b>{{coupon}}</b></p>")));

    fire(domain, trigger);

    awaitTrue(Duration.ofMinutes(4), "all runs to end", () -> ended(workflowId) == CONTACTS);
    assertThat(runs(workflowId, "finished")).hasSize(CONTACTS);
    List<String> mailed = TestSmtp.messagesFor(domain).stream().map(WorkflowFixtures::boldText).toList();
    assertThat(mailed).hasSize(CONTACTS);
    assertThat(mailed.stream().filter(fallback::equals)).hasSize(CONTACTS - CODES);
    assertThat(mailed.stream().filter(c -> !c.equals(fallback)).distinct()).hasSize(CODES);
    assertThat(set(setId).get("sent").asLong()).isEqualTo(CODES);
  }

  private long ended(long workflowId) {
    return jdbc.sql("SELECT COUNT(*) FROM workflow_run WHERE workflow_id = ? AND status NOT IN ('running', 'waiting')")
        .param(workflowId).query(Long.class).single();
  }

  /** Stores the contacts, then posts one event each from CLIENTS threads at once. */
  private List<String> fire(String domain, String trigger) throws Exception {
    List<String> contacts = new ArrayList<>();
    for (int i = 0; i < CONTACTS; i++) {
      contacts.add("c" + i + "@" + domain);
    }
    // stored directly: 1,000 PUTs would only measure the test machine; the events are what is under test
    var now = io.couponflow.db.Timestamps.bind(java.time.Instant.now());
    for (String c : contacts) {
      jdbc.sql("INSERT INTO contact (id, email, first_name, fields, created_at, updated_at) VALUES (?, ?, 'C', '{}', ?, ?)")
          .params(c, c, now, now).update();
    }
    List<ApiClient.Response> posted = parallel(i -> event(contacts.get(i), trigger));
    assertThat(posted).allSatisfy(r -> assertThat(r.status()).as(r.text()).isEqualTo(201));
    return contacts;
  }

  private static <T> List<T> parallel(IntFunction<T> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Callable<T>> tasks = new ArrayList<>();
      for (int i = 0; i < CONTACTS; i++) {
        int n = i;
        tasks.add(() -> call.apply(n));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : pool.invokeAll(tasks, 3, TimeUnit.MINUTES)) {
        results.add(f.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
