package io.couponflow.statistics;

import org.springframework.ui.Model;

/** Another feature's part of the statistics page (alerts add theirs), kept out of this package. */
public interface StatisticsPageSection {
  void addTo(long couponSetId, Model model);
}
