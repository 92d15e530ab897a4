package io.couponflow.couponset;

import org.springframework.ui.Model;

/** The import history block of the Coupons and set pages, filled by the importing feature. */
public interface ImportHistorySection {
  /** Puts the history of one set (or all sets when null) in the model; true while any import runs. */
  boolean addTo(Model model, Long couponSetId);
}
