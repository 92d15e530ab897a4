package io.couponflow.importing;

import io.couponflow.web.PageController;
import io.couponflow.common.ApiException;
import io.couponflow.importing.ErrorReportCsv;
import io.couponflow.importing.ImportService;
import io.couponflow.importing.ImportView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Actions on an import from the history: download its rejected rows, cancel it while it runs. */
@PageController
class ImportReportPages {
  private final ImportService imports;

  ImportReportPages(ImportService imports) {
    this.imports = imports;
  }

  @GetMapping("/coupons/imports/{id}/errors")
  ResponseEntity<StreamingResponseBody> rejectedRows(@PathVariable long id) {
    ImportView view = imports.get(id);
    if (!"finished".equals(view.status()) && !"error".equals(view.status()) && !"cancelled".equals(view.status())) {
      throw ApiException.conflict("import-not-finished", "Import not finished",
          "The rejected rows can be downloaded once the import has finished");
    }
    return ErrorReportCsv.download(imports, id, "rejected-rows-import-" + id + ".csv", true);
  }

  /** Cancels a queued or running import: none of its codes are added. */
  @PostMapping("/coupons/imports/{id}/cancel")
  String cancel(@PathVariable long id, @RequestParam(required = false) Long setId, RedirectAttributes redirect) {
    ImportView view = imports.get(id);
    try {
      imports.cancel(id);
      redirect.addFlashAttribute("notice", "Cancelled the import of " + view.fileName() + ": none of its codes were added.");
    } catch (ApiException e) {
      if (e.status().value() != 409) {
        throw e;
      }
      redirect.addFlashAttribute("notice", "The import of " + view.fileName() + " had already finished, so nothing was cancelled.");
    }
    return setId == null ? "redirect:/coupons" : "redirect:/coupons/" + setId;
  }
}
