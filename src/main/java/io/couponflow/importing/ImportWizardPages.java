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
import io.couponflow.importing.CsvPreview;
import io.couponflow.importing.ImportCommand;
import io.couponflow.importing.ImportService;
import io.couponflow.importing.UploadName;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import wizard: (1) a new set's name (or an existing set) and a CSV file or a pasted list,
 * (2) the file's columns as chips to drop on Code, with the delimiter, then the import starts.
 * The set is created only at the end, so an abandoned wizard leaves nothing behind.
 */
@PageController
class ImportWizardPages {
  static final int PREVIEW_ROWS = 8;

  /** Everything the wizard carries from step to step, as the browser sent it back. */
  record WizardState(Long setId, String name, String childName, Long childSetId, String upload, String fileName,
      String source, String delimiter, boolean hasHeader, String codeColumn) {
    public boolean pasted() {
      return "paste".equals(source);
    }

    char delimiterChar() {
      return ";".equals(delimiter) ? ';' : ',';
    }

    WizardState withLayout(String newDelimiter, boolean header, String column) {
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
      Model model, HttpServletResponse response) {
    CouponSetView target = setId == null ? null : multipleSet(setId);
    var errors = new FormErrors();
    if (target == null) {
      errors.requireName(name);
    }
    boolean hasFile = file != null && !file.isEmpty();
    boolean hasText = !text.isBlank();
    if (!hasFile && !hasText) {
      errors.add("file", "Choose a CSV file, or paste your codes below, one per line");
    } else if (hasFile && hasText) {
      errors.add("file", "Use either the file or the pasted list, not both: clear one of them");
    }
    if (childName.strip().length() > 200) {
      errors.add("childName", "The child set name can be at most 200 characters");
    }
    if (errors.isEmpty()) {
      String upload = hasFile ? saveUpload(file) : uploads.saveText(text);
      var state = new WizardState(setId, name.strip(), childName.strip(), childSetId, upload,
          hasFile ? UploadName.of(file.getOriginalFilename()) : "pasted list", hasFile ? "file" : "paste", null, true, null);
      try {
        return columns(state, null, model);
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
    try {
      return columns(state.withLayout(state.delimiter(), state.hasHeader(), pick != null ? pick : state.codeColumn()),
          null, model);
    } catch (ApiException e) {
      response.setStatus(422);
      return columns(state.withLayout(state.delimiter(), state.hasHeader(), null).withLayout(",", true, null),
          e.getMessage(), model);
    }
  }

  private String columns(WizardState state, String error, Model model) {
    Path file = uploads.find(state.upload()).orElseThrow(() -> ApiException.notFound("Upload", state.upload()));
    CsvPreview preview = preview(state, file);
    String column = state.codeColumn();
    if (column == null || column.isBlank()) {
      column = preview.suggestedCodeColumnIndex() == null ? "" : preview.columns().get(preview.suggestedCodeColumnIndex());
    }
    model.addAttribute("state", state.withLayout(String.valueOf(preview.delimiter()), state.hasHeader(), column));
    model.addAttribute("preview", preview);
    model.addAttribute("target", state.setId() == null ? null : multipleSet(state.setId()));
    if (error != null) {
      model.addAttribute("errors", java.util.Map.of("codeColumn", error));
    }
    return "importing/wizard-columns";
  }

  private CsvPreview preview(WizardState state, Path file) {
    if (state.pasted()) {
      List<List<String>> rows = uploads.read(file).lines().map(String::strip).filter(l -> !l.isEmpty())
          .limit(PREVIEW_ROWS).map(List::of).toList();
      return new CsvPreview(',', List.of("Code"), rows, 0);
    }
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
      return columns(state.withLayout(",", true, null), e.getMessage(), model);
    }
    int index = state.pasted() ? 0 : preview.columns().indexOf(state.codeColumn() == null ? "" : state.codeColumn());
    if (index < 0) {
      String message = state.codeColumn() == null || state.codeColumn().isBlank()
          ? "Drag the column that holds the codes onto Code (or click it)."
          : "Your file has no column \"" + state.codeColumn() + "\". Drag one of its columns onto Code.";
      return columns(state.withLayout(state.delimiter(), state.hasHeader(), ""), message, model);
    }
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
      if (state.pasted()) {
        imports.startText(setId, childSetId, uploads.read(file), "app");
        uploads.discard(state.upload());
      } else {
        imports.start(new ImportCommand(setId, childSetId, state.delimiterChar(), state.hasHeader(),
            String.valueOf(index + 1), file, state.fileName(), "app"));
      }
      CouponSetView set = sets.get(setId);
      redirect.addFlashAttribute("notice", "Importing " + state.fileName() + " into \"" + set.name()
          + "\". Its progress shows under Imports; the codes become available when it finishes.");
      return state.setId() == null ? "redirect:/coupons" : "redirect:/coupons/" + setId;
    } catch (ApiException e) {
      if (createdSetId != null) {
        sets.delete(createdSetId);
      }
      return columns(state, e.getMessage(), model);
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
