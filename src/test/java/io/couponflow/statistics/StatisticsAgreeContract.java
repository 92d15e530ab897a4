package io.couponflow.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.couponflow.support.ApiClient;
import io.couponflow.support.ApiTest;
import io.couponflow.support.PageSession;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * One set's figures read everywhere they are shown: the set page, the statistics page (its figures,
 * its per-workflow table and its child-set comparison), the set API, the figures API, the windowed
 * statistics API and the leak report. The data: two real workflows and the API assign, popups and
 * the API send, and redemptions come through the API and purchase events, including a code nobody
 * was given and codes used by another contact than their holder.
 */
abstract class StatisticsAgreeContract extends ApiTest {
  private static final Pattern ROW = Pattern.compile("<tr\\b[^>]*\\bdata-source=\"([^\"]+)\"[^>]*>(.*?)</tr>",
      Pattern.DOTALL);

  /** The figures that must agree, as read from one place. */
  record Read(long assigned, long sent, long redeemed, double conversion, long leaked, long redeemedByOthers) {
    Read {
      conversion = round(conversion);
    }
  }

  @Test
  void theSetPageTheStatisticsPageItsTablesAndTheApiGiveTheSameFigures() {
    String u = unique("");
    long setId = createMultipleSet("Agree " + u, 10).get("id").asLong();
    long vip = api.post("/api/v1/coupon-sets/" + setId + "/child-sets", Map.of("name", "vip")).json()
        .get("id").asLong();
    addCodes(setId, vip, codeValues(unique("AGREEVIP"), 3));
    String birthdayName = "Birthday popup " + u;
    String welcomeName = "Welcome series " + u;
    long birthday = activeWorkflow(birthdayName, "birthday-" + u, List.of(assignNode(setId),
        Map.of("type", "send-web-content", "html", "<p>Your gift: <b>{{coupon}}</b></p>")));
    long welcome = activeWorkflow(welcomeName, "welcome-" + u, List.of(assignNode(setId)));

    // the birthday workflow assigns three codes and two popups are shown (which marks them sent)
    List<String> birthdayContacts = List.of("b1-" + u, "b2-" + u, "b3-" + u);
    birthdayContacts.forEach(c -> event(c, "birthday-" + u, Map.of()));
    awaitRuns(birthday, 3);
    assertThat(webContent(birthdayContacts.get(0)).status()).isEqualTo(200);
    assertThat(webContent(birthdayContacts.get(1)).status()).isEqualTo(200);
    // the welcome workflow assigns two, sends none
    List<String> welcomeContacts = List.of("w1-" + u, "w2-" + u);
    welcomeContacts.forEach(c -> event(c, "welcome-" + u, Map.of()));
    awaitRuns(welcome, 2);
    // the API assigns three (one from the child set), marks one sent and releases one
    var a1 = assign(setId, "a1-" + u).json();
    var a2 = api.post("/api/v1/coupon-sets/" + setId + "/assignments", Map.of("contactId", "a2-" + u,
        "childSetId", vip)).json();
    var a3 = assign(setId, "a3-" + u).json();
    assertThat(api.post("/api/v1/assignments/" + a1.get("id").asLong() + "/sent", "").status()).isEqualTo(200);
    assertThat(api.post("/api/v1/assignments/" + a3.get("id").asLong() + "/release", "").status()).isEqualTo(200);

    // redemptions: the holder (API), the holder (purchase event), a friend of the holder (API),
    // an assignment without a contact named, a stranger (purchase event), and a code nobody was given
    redeem(codeOf(birthdayContacts.get(0)), "o1-" + u, birthdayContacts.get(0));
    purchase(birthdayContacts.get(1), "o2-" + u, codeOf(birthdayContacts.get(1)));
    redeem(codeOf(welcomeContacts.get(0)), "o3-" + u, "friend-" + u);
    redeem(a1.get("code").asString(), "o4-" + u, null);
    purchase("stranger-" + u, "o5-" + u, a2.get("code").asString());
    String neverAssigned = api.get("/api/v1/coupon-sets/" + setId + "/codes?status=available&limit=1").json()
        .get("items").get(0).get("code").asString();
    redeem(neverAssigned, "o6-" + u, null);

    // what the data says: 3 + 2 + 2 still held, 2 + 1 sent, 5 redeemed (2 by others), 1 leaked
    Read expected = new Read(7, 3, 5, 5.0 / 7, 1, 2);

    JsonNode set = set(setId);
    assertThat(read(set)).isEqualTo(expected);
    assertThat(set.get("available").asLong()).isEqualTo(13 - 7 - 1);

    JsonNode figures = api.get("/api/v1/coupon-sets/" + setId + "/figures").json();
    assertThat(read(figures.get("figures"))).isEqualTo(expected);
    assertThat(figures.get("leaks").get("notAssigned").asLong()).isEqualTo(1);
    assertThat(figures.get("leaks").get("otherContact").asLong()).isEqualTo(2);
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    figures.get("workflows").forEach(w -> byName.put(w.get("name").asString(), w.get("figures")));
    assertThat(byName.keySet()).containsExactly(birthdayName, welcomeName, StatisticsService.API_NAME,
        StatisticsService.NOT_ASSIGNED_NAME);
    assertThat(read(byName.get(birthdayName))).isEqualTo(new Read(3, 2, 2, 2.0 / 3, 0, 0));
    assertThat(read(byName.get(welcomeName))).isEqualTo(new Read(2, 0, 1, 0.5, 0, 1));
    assertThat(read(byName.get(StatisticsService.API_NAME))).isEqualTo(new Read(2, 1, 2, 1.0, 0, 1));
    assertThat(sum(figures.get("workflows"))).isEqualTo(expected);
    assertThat(sumComparison(figures.get("childSets").get("rows"))).isEqualTo(List.of(7L, 3L, 5L));

    String today = LocalDate.now(ZoneOffset.UTC).plusDays(2).toString();
    JsonNode window = api.get("/api/v1/coupon-sets/" + setId + "/statistics?interval=day&from=2010-01-01&to="
        + today).json();
    assertThat(read(window.get("summary"))).isEqualTo(expected);
    assertThat(window.get("workflows")).anySatisfy(w -> assertThat(w.get("name").asString()).isEqualTo(birthdayName));

    JsonNode leaks = api.get("/api/v1/coupon-sets/" + setId + "/leaks?limit=2").json();
    assertThat(leaks.get("items")).hasSize(2);
    String next = leaks.get("links").get("next").asString();
    JsonNode older = api.send(api.request(next.substring(next.indexOf("/api/")))).json();
    List<JsonNode> allLeaks = new ArrayList<>(leaks.get("items").valueStream().toList());
    allLeaks.addAll(older.get("items").valueStream().toList());
    assertThat(allLeaks).extracting(l -> l.get("code").asString() + " " + l.get("kind").asString() + " "
            + text(l.get("assignedTo"), "nobody") + " " + text(l.get("redeemedBy"), "unknown"))
        .containsExactly(
            neverAssigned + " not-assigned nobody unknown",
            a2.get("code").asString() + " other-contact a2-" + u + " stranger-" + u,
            codeOf(welcomeContacts.get(0)) + " other-contact w1-" + u + " friend-" + u);
    assertThat(older.get("links").get("next").isNull()).isTrue();

    PageSession pages = PageSession.signIn(port);
    String setPage = pages.get("/coupons/" + setId);
    Matcher setLeaks = Pattern.compile("id=\"stat-leaks\"[^>]*").matcher(setPage);
    assertThat(setLeaks.find()).isTrue();
    assertThat(readPage(setPage, PageSession.attribute(setLeaks.group(), "data-leaked"),
        PageSession.attribute(setLeaks.group(), "data-others"))).isEqualTo(expected);

    int leakedAt = setPage.indexOf(neverAssigned);
    assertThat(setPage.substring(leakedAt, setPage.indexOf("</tr>", leakedAt))).contains(">Leaked</a>")
        .doesNotContain(">Redeemed<");
    int redeemedAt = setPage.indexOf(a1.get("code").asString());
    assertThat(setPage.substring(redeemedAt, setPage.indexOf("</tr>", redeemedAt))).contains(">Redeemed<");

    String statsPage = pages.get("/coupons/" + setId + "/statistics");
    assertThat(readPage(statsPage, PageSession.valueOf(statsPage, "stat-leaked"),
        PageSession.valueOf(statsPage, "leaks-other-contact"))).isEqualTo(expected);
    assertThat(PageSession.valueOf(statsPage, "stat-available")).isEqualTo("5");
    assertThat(PageSession.valueOf(statsPage, "leaks-not-assigned")).isEqualTo("1");
    assertThat(PageSession.valueOf(statsPage, "leaks-other-contact")).isEqualTo("2");
    String table = PageSession.section(statsPage, "table", "by-workflow");
    Map<String, Map<String, String>> rows = rows(table);
    assertThat(rows.keySet()).containsExactly(birthdayName, welcomeName, StatisticsService.API_NAME,
        StatisticsService.NOT_ASSIGNED_NAME);
    assertThat(table).contains("href=\"/workflows/" + birthday + "\"").contains("href=\"/workflows/" + welcome + "\"");
    assertThat(rows.get(birthdayName)).containsEntry("Assigned", "3").containsEntry("Sent", "2")
        .containsEntry("Redeemed", "2");
    assertThat(rows.get(StatisticsService.NOT_ASSIGNED_NAME)).containsEntry("Leaked", "1").containsEntry("Assigned", "0");
    assertThat(sumRows(rows.values())).isEqualTo(new long[] {7, 3, 5, 1, 2});
    Map<String, String> total = cells(PageSession.section(table, "tr", "workflow-total"));
    assertThat(total).containsEntry("Assigned", "7").containsEntry("Sent", "3").containsEntry("Redeemed", "5")
        .containsEntry("Leaked", "1").containsEntry("Used by someone else", "2");
    assertThat(Double.parseDouble(total.get("Conversion"))).isCloseTo(5.0 / 7, within(1e-9));
    String comparison = PageSession.section(statsPage, "table", "by-child");
    assertThat(comparison).contains("vip");
    long[] children = new long[3];
    for (String row : comparison.split("<tr")) {
      Map<String, String> cells = cells(row);
      if (cells.containsKey("Assigned")) {
        children[0] += Long.parseLong(cells.get("Assigned"));
        children[1] += Long.parseLong(cells.get("Sent"));
        children[2] += Long.parseLong(cells.get("Redeemed"));
      }
    }
    assertThat(children).isEqualTo(new long[] {7, 3, 5});
    String leakList = PageSession.section(statsPage, "table", "leak-list");
    assertThat(PageSession.tagsWith(leakList, "tr", "data-kind")).extracting(t -> PageSession.attribute(t, "data-kind"))
        .containsExactly("not-assigned", "other-contact", "other-contact");
    assertThat(leakList).contains(neverAssigned).contains("friend-" + u).contains("stranger-" + u);
  }

  private static Map<String, Object> assignNode(long setId) {
    return Map.of("type", "assign-coupon", "couponSetId", setId, "variable", "coupon", "onExhausted", "stop");
  }

  private long activeWorkflow(String name, String trigger, List<Map<String, Object>> nodes) {
    var created = api.post("/api/v1/workflows", Map.of("name", name, "trigger", Map.of("event", trigger),
        "nodes", nodes));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    assertThat(api.post("/api/v1/workflows/" + id + "/activate", "").status()).isEqualTo(200);
    return id;
  }

  private void event(String contactId, String type, Map<String, Object> properties) {
    var posted = api.post("/api/v1/events", Map.of("contactId", contactId, "type", type, "properties", properties));
    assertThat(posted.status()).as(posted.text()).isEqualTo(201);
  }

  private void purchase(String contactId, String orderId, String code) {
    event(contactId, "purchase", Map.of("orderId", orderId, "coupons", List.of(code)));
  }

  private void awaitRuns(long workflowId, int finished) {
    Awaitility.await("the runs of workflow " + workflowId).atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> api.get("/api/v1/workflows/" + workflowId + "/runs?status=finished&limit=100").json()
            .get("items").size() == finished);
  }

  private String codeOf(String contactId) {
    JsonNode items = api.get("/api/v1/contacts/" + contactId + "/activity?type=coupon-assigned").json().get("items");
    assertThat(items).as("the code assigned to " + contactId).hasSize(1);
    return items.get(0).get("code").asString();
  }

  private void redeem(String code, String orderId, String contactId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("code", code);
    body.put("orderId", orderId);
    if (contactId != null) {
      body.put("contactId", contactId);
    }
    ApiClient.Response response = api.post("/api/v1/redemptions", body);
    assertThat(response.status()).as(response.text()).isEqualTo(201);
  }

  private static Read read(JsonNode f) {
    return new Read(f.get("assigned").asLong(), f.get("sent").asLong(), f.get("redeemed").asLong(),
        round(f.get("conversion").asDouble()), f.get("leaked").asLong(), f.get("redeemedByOthers").asLong());
  }

  private static Read sum(JsonNode rows) {
    long[] s = new long[5];
    for (JsonNode row : rows) {
      JsonNode f = row.get("figures");
      s[0] += f.get("assigned").asLong();
      s[1] += f.get("sent").asLong();
      s[2] += f.get("redeemed").asLong();
      s[3] += f.get("leaked").asLong();
      s[4] += f.get("redeemedByOthers").asLong();
    }
    return new Read(s[0], s[1], s[2], round((double) s[2] / s[0]), s[3], s[4]);
  }

  /** The comparison's rows carry assigned, sent and redeemed (and conversion per row). */
  private static List<Long> sumComparison(JsonNode rows) {
    long[] s = new long[3];
    for (JsonNode row : rows) {
      s[0] += row.get("assigned").asLong();
      s[1] += row.get("sent").asLong();
      s[2] += row.get("redeemed").asLong();
    }
    return List.of(s[0], s[1], s[2]);
  }

  private static Read readPage(String html, String leaked, String redeemedByOthers) {
    return new Read(Long.parseLong(PageSession.valueOf(html, "stat-assigned")),
        Long.parseLong(PageSession.valueOf(html, "stat-sent")),
        Long.parseLong(PageSession.valueOf(html, "stat-redeemed")),
        round(Double.parseDouble(PageSession.valueOf(html, "stat-conversion"))),
        Long.parseLong(leaked), Long.parseLong(redeemedByOthers));
  }

  private static String text(JsonNode node, String whenNull) {
    return node == null || node.isNull() ? whenNull : node.asString();
  }

  private static double round(double value) {
    return Math.round(value * 1e9) / 1e9;
  }

  /** Rows of the per-workflow table by their first cell's text, each cell's data-value by its label. */
  private static Map<String, Map<String, String>> rows(String table) {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    Matcher row = ROW.matcher(table);
    while (row.find()) {
      String body = row.group(2);
      Matcher name = Pattern.compile("primary-cell\">\\s*(?:<a[^>]*>|<span>)([^<]+)<").matcher(body);
      assertThat(name.find()).as(body).isTrue();
      rows.put(name.group(1).strip(), cells(body));
    }
    return rows;
  }

  private static Map<String, String> cells(String row) {
    Map<String, String> cells = new LinkedHashMap<>();
    for (String td : PageSession.tagsWith(row, "td", "data-label")) {
      cells.put(PageSession.attribute(td, "data-label"), PageSession.attribute(td, "data-value"));
    }
    return cells;
  }

  private static long[] sumRows(java.util.Collection<Map<String, String>> rows) {
    long[] s = new long[5];
    for (Map<String, String> r : rows) {
      s[0] += Long.parseLong(r.get("Assigned"));
      s[1] += Long.parseLong(r.get("Sent"));
      s[2] += Long.parseLong(r.get("Redeemed"));
      s[3] += Long.parseLong(r.get("Leaked"));
      s[4] += Long.parseLong(r.get("Used by someone else"));
    }
    return s;
  }
}
