package io.couponflow.statistics;

import io.couponflow.couponset.Figures;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows compared side by side (child sets of a set, the arms of a split test): each with its figures,
 * its conversion's 95% interval, and whether it is ahead of every other row with confidence. The
 * page shows it with the {@code statistics/comparison :: table} fragment.
 */
public record Comparison(List<Row> rows, Long leaderId) {

  /** id: the child set (null = codes outside child sets). */
  public record Row(Long id, String name, long assigned, long sent, long redeemed, Double conversion,
      ConversionInterval interval, boolean leader) {}

  /** One named group of figures, before comparing. */
  public record Entry(Long id, String name, Figures figures) {}

  public static Comparison of(List<Entry> entries) {
    List<ConversionInterval> intervals = entries.stream()
        .map(e -> ConversionInterval.wilson(e.figures().redeemed(), e.figures().assigned())).toList();
    Long leaderId = null;
    int leader = -1;
    for (int i = 0; i < entries.size() && entries.size() > 1; i++) {
      ConversionInterval mine = intervals.get(i);
      boolean ahead = mine != null;
      int compared = 0;
      for (int j = 0; j < entries.size() && ahead; j++) {
        if (j != i && intervals.get(j) != null) {
          compared++;
          ahead = mine.above(intervals.get(j));
        }
      }
      if (ahead && compared > 0) {
        leader = i;
        leaderId = entries.get(i).id();
      }
    }
    int winner = leader;
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Figures f = entries.get(i).figures();
      rows.add(new Row(entries.get(i).id(), entries.get(i).name(), f.assigned(), f.sent(), f.redeemed(),
          f.conversion(), intervals.get(i), i == winner));
    }
    return new Comparison(List.copyOf(rows), leaderId);
  }

  /** Whether a row is ahead of all others with 95% confidence. */
  public boolean hasLeader() {
    return rows.stream().anyMatch(Row::leader);
  }
}
