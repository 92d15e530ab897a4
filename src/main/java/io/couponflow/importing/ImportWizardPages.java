package io.couponflow.importing;

import io.couponflow.web.PageController;
import io.couponflow.web.FormErrors;
import io.couponflow.common.ApiException;
import io.couponflow.couponset.ChildSetView;
import io.couponflow.couponset.CouponSetService;
import io.couponflow.couponset.CouponSetView;
import io.couponflow.couponset.CreateChildSetRequest;
import io.couponflow.couponset.CreateCouponSetRequest;
import io.couponflow.couponset.SetType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import wizard: (1) a new set's name (or an existing set) and a CSV file or a pasted list (a
 * pasted list starts importing right away), (2) the file's columns as chips to drop on Code, the
 * likely code column pre-selected when the guess is sure, with the delimiter, then the import starts.
 * The set is created only at the end, so an abandoned wizard leaves nothing behind.
 */
@PageController
class ImportWizardPages {
  static final int PREVIEW_ROWS = 8;

  /** Everything the wizard carries from step to step, as the browser sent it back. */
  record WizardState(Long setId, String name, String childName, Long childSetId, String upload, String fileName,
      String source, String delimiter, Boolean hasHeader, String codeColumn) {
    public boolean pasted() {
      return "paste".equals(source);
    }

    char delimiterChar() {
      return ";".equals(delimiter) ? ';' : ',';
    }

    WizardState withLayout(String newDelimiter, Boolean header, String column) {
      return new WizardState(setId, name, childName, childSetId, upload, fileName, source, newDelimiter, header, column);
    }
  }

  private final CouponSetService sets;
  private final ImportService imports;
  private final WizardUploads uploads;

  ImportWizardPages(CouponSetService sets, ImportService imports, WizardUploads uploads) {
    this.sets = sets;
    this.imports = imports;
    this.uploads = uploads;
  }

  @GetMapping("/coupons/import")
  String start(@RequestParam(required = false) Long setId, @RequestParam(required = false) String tooLarge,
      Model model) {
    CouponSetView target = setId == null ? null : multipleSet(setId);
    if ("paste".equals(tooLarge)) {
      model.addAttribute("errors", java.util.Map.of("file", "That pasted list is over 2 MB (about 100,000 codes)."
          + " Save the codes as a CSV file, one per line, and choose the file instead."));
    } else if ("file".equals(tooLarge)) {
      model.addAttribute("errors", java.util.Map.of("file", "That file is larger than this server accepts for an"
          + " import (COUPONFLOW_MAX_UPLOAD_SIZE). Split it into smaller files."));
    }
    model.addAttribute("target", target);
    model.addAttribute("name", "");
    model.addAttribute("text", "");
    model.addAttribute("childName", "");
    model.addAttribute("childSetId", null);
    return "importing/wizard-source";
  }

  @PostMapping("/coupons/import")
  String source(@RequestParam(required = false) Long setId, @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "") String childName, @RequestParam(required = false) Long childSetId,
      Model model, RedirectAttributes redirect, HttpServletResponse response) {
    CouponSetView target = setId == null ? null : multipleSet(setId);
    var errors = new FormErrors();
    if (target == null) {
      errors.requireName(name);
    }
    // a chosen file of 0 bytes still has a name: it is refused below as empty, not as "no file chosen"
    boolean hasFile = file != null && (!file.isEmpty() || org.springframework.util.StringUtils.hasText(file.getOriginalFilename()));
    boolean hasText = !text.isBlank();
    if (!hasFile && !hasText) {
      errors.add("file", "Choose a CSV file, or paste your codes below, one per line");
    } else if (hasFile && hasText) {
      errors.add("file", "Use either the file or the pasted list, not both: clear one of them");
    }
    if (childName.strip().length() > 200) {
      errors.add("childName", "The child set name can be at most 200 characters");
    }
    if (errors.isEmpty() && hasText) {
      // a pasted list has one code per line: nothing to choose, the import starts now
      var state = new WizardState(setId, name.strip(), childName.strip(), childSetId, null, "pasted list", "paste", ",",
          false, null);
      try {
        return begin(state, null, text, redirect);
      } catch (ApiException e) {
        errors.add("file", e.getMessage());
      }
    } else if (errors.isEmpty()) {
      String upload = saveUpload(file);
      var state = new WizardState(setId, name.strip(), childName.strip(), childSetId, upload,
          UploadName.of(file.getOriginalFilename()), "file", null, true, null);
      try {
        CsvPreview preview = imports.preview(uploads.find(upload).orElseThrow(), null, null, PREVIEW_ROWS);
        if (preview.rows().isEmpty()) {
          uploads.discard(upload);
          errors.add("file", explainNoRows(preview, state.fileName()));
        } else {
          return columns(state, preview, null, model);
        }
      } catch (ApiException e) {
        uploads.discard(upload);
        errors.add("file", explainUnreadable(e));
      }
    }
    response.setStatus(422);
    model.addAttribute("target", target);
    model.addAttribute("name", name);
    model.addAttribute("text", text);
    model.addAttribute("childName", childName);
    model.addAttribute("childSetId", childSetId);
    model.addAttribute("errors", errors.asMap());
    return "importing/wizard-source";
  }

  private String saveUpload(MultipartFile file) {
    try {
      return uploads.save(file.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Why a file with nothing below its header (or nothing at all) is not imported, and what to do instead. */
  static String explainNoRows(CsvPreview preview, String fileName) {
    if (preview.columns().isEmpty()) {
      return fileName + " is empty: there are no codes in it. Export the codes from your shop again, or paste them below.";
    }
    return fileName + " has only a header row (" + String.join(", ", preview.columns()) + ") and no codes below it."
        + " Export the codes from your shop again, or paste them below.";
  }

  private static String explainUnreadable(ApiException e) {
    return "unreadable-file".equals(e.slug())
        ? "This file can't be imported: " + e.getMessage() + ". Export it from your shop as a CSV (UTF-8) file."
        : e.getMessage();
  }

  /** Step 2 again with another delimiter, header setting or chosen column (also the no-JavaScript way to pick). */
  @PostMapping("/coupons/import/preview")
  String repreview(@ModelAttribute WizardState state, @RequestParam(required = false) String pick, Model model,
      HttpServletResponse response) {
    Path file = uploads.find(state.upload()).orElse(null);
    if (file == null) {
      return "redirect:/coupons/import";
    }
    WizardState picked = state.withLayout(state.delimiter(), state.hasHeader(), pick != null ? pick : state.codeColumn());
    try {
      CsvPreview preview = preview(picked, file);
      if (preview.rows().isEmpty()) {
        response.setStatus(422);
        return columns(picked, preview, "There are no codes below the header row. If the first row holds codes"
            + " already, choose \"Codes already\" under \"The first row holds\".", model);
      }
      return columns(picked, preview, null, model);
    } catch (ApiException e) {
      response.setStatus(422);
      WizardState reset = state.withLayout(",", true, null);
      return columns(reset, preview(reset, file), e.getMessage(), model);
    }
  }

  /**
   * Step 2: the columns as chips. The code column is pre-selected only when the guess is sure (or the
   * marketer picked one); otherwise the page asks which column holds the codes.
   */
  private String columns(WizardState state, CsvPreview preview, String error, Model model) {
    String picked = state.codeColumn() == null || state.codeColumn().isBlank() ? null : state.codeColumn();
    String column = picked != null ? picked : preview.preselectedColumn();
    model.addAttribute("state", state.withLayout(String.valueOf(preview.delimiter()), preview.hasHeader(),
        column == null ? "" : column));
    model.addAttribute("preview", preview);
    model.addAttribute("guessed", picked == null && column != null);
    model.addAttribute("target", state.setId() == null ? null : multipleSet(state.setId()));
    if (error != null) {
      model.addAttribute("errors", java.util.Map.of("codeColumn", error));
    }
    return "importing/wizard-columns";
  }

  /** The file as the marketer set it out on step 2 (delimiter and header as chosen there). */
  private CsvPreview preview(WizardState state, Path file) {
    Character delimiter = state.delimiter() == null || state.delimiter().isBlank() ? null : state.delimiterChar();
    return imports.preview(file, delimiter, state.hasHeader(), PREVIEW_ROWS);
  }

  @PostMapping("/coupons/import/start")
  String startImport(@ModelAttribute WizardState state, Model model, RedirectAttributes redirect,
      HttpServletResponse response) {
    Path file = uploads.find(state.upload()).orElse(null);
    if (file == null) {
      redirect.addFlashAttribute("notice", "That upload has expired; please choose the file again.");
      return "redirect:/coupons/import";
    }
    response.setStatus(422);
    CsvPreview preview;
    try {
      preview = preview(state, file);
    } catch (ApiException e) {
      WizardState reset = state.withLayout(",", true, null);
      return columns(reset, preview(reset, file), e.getMessage(), model);
    }
    if (preview.rows().isEmpty()) {
      return columns(state, preview, "There are no codes below the header row: nothing to import.", model);
    }
    int index = preview.columns().indexOf(state.codeColumn() == null ? "" : state.codeColumn());
    if (index < 0) {
      String message = state.codeColumn() == null || state.codeColumn().isBlank()
          ? "Which column holds the codes? Drag it onto Code (or click it)."
          : "Your file has no column \"" + state.codeColumn() + "\". Drag one of its columns onto Code.";
      return columns(state.withLayout(state.delimiter(), state.hasHeader(), ""), preview, message, model);
    }
    try {
      return begin(state.withLayout(String.valueOf(preview.delimiter()), preview.hasHeader(), state.codeColumn()),
          index, null, redirect);
    } catch (ApiException e) {
      return columns(state, preview, e.getMessage(), model);
    }
  }

  /**
   * Creates the set (and child set) when new and starts the import of the upload's column
   * {@code index} (0-based) or of the pasted {@code text}; the set just created is deleted again
   * when the import refuses to start.
   */
  private String begin(WizardState state, Integer index, String text, RedirectAttributes redirect) {
    Long createdSetId = null;
    try {
      long setId;
      if (state.setId() == null) {
        CouponSetView created = sets.create(new CreateCouponSetRequest(state.name(), SetType.MULTIPLE, null, null, null, null));
        setId = created.id();
        createdSetId = setId;
      } else {
        setId = multipleSet(state.setId()).id();
      }
      Long childSetId = state.childSetId();
      if (childSetId == null && state.childName() != null && !state.childName().isBlank()) {
        ChildSetView child = sets.createChild(setId, new CreateChildSetRequest(state.childName()));
        childSetId = child.id();
      }
      if (text != null) {
        imports.startText(setId, childSetId, text, "app");
      } else {
        imports.start(new ImportCommand(setId, childSetId, state.delimiterChar(), state.hasHeader(),
            String.valueOf(index + 1), uploads.find(state.upload()).orElseThrow(), state.fileName(), "app"));
      }
      CouponSetView set = sets.get(setId);
      redirect.addFlashAttribute("notice", "Importing " + (text != null ? "the pasted list" : state.fileName())
          + " into \"" + set.name() + "\". Its progress shows under Imports; the codes become available when it finishes.");
      return state.setId() == null ? "redirect:/coupons" : "redirect:/coupons/" + setId;
    } catch (ApiException e) {
      if (createdSetId != null) {
        sets.delete(createdSetId);
      }
      throw e;
    }
  }

  private CouponSetView multipleSet(long id) {
    CouponSetView set = sets.get(id);
    if (set.type() != SetType.MULTIPLE) {
      throw ApiException.unprocessable("not-a-multiple-set", "Not a multiple set",
          "\"" + set.name() + "\" is an individual set: it has one code and nothing to import");
    }
    return set;
  }
}
