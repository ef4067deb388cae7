package vn.trithuc.registry.web;

import java.io.IOException;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.trithuc.registry.internal.ImportErrorReport;
import vn.trithuc.registry.internal.ImportJobs;
import vn.trithuc.registry.internal.ImportTemplate;
import vn.trithuc.registry.internal.SpreadsheetImport;

/**
 * Import from .xlsx, .xls, .csv: upload, dry-run report, apply. The dry run and the apply run in the background
 * ({@link ImportJobs}); the job page shows their progress, polling while they run, and survives reloads.
 */
@Controller
class ImportController {

	/** Problems listed on one page of the dry-run report. */
	static final int PROBLEMS_PER_PAGE = 100;

	private final SpreadsheetImport imports;
	private final ImportJobs jobs;
	private final ImportErrorReport errorReports;
	private final MessageSource messages;
	private final ImportTemplate template;
	private final org.springframework.util.unit.DataSize uploadLimit;

	ImportController(SpreadsheetImport imports, ImportJobs jobs, ImportErrorReport errorReports, MessageSource messages,
			ImportTemplate template,
			@org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:20MB}") org.springframework.util.unit.DataSize uploadLimit) {
		this.imports = imports;
		this.jobs = jobs;
		this.errorReports = errorReports;
		this.messages = messages;
		this.template = template;
		this.uploadLimit = uploadLimit;
	}

	@GetMapping("/registry/import")
	String form(Model model, Authentication authentication) {
		model.addAttribute("jobs", imports.recent(Callers.of(authentication)));
		return "registry/import";
	}

	@PostMapping("/registry/import")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, Authentication authentication,
			RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("error", "registry.import.noFileAll");
			return "redirect:/registry/import";
		}
		var job = jobs.upload(file.getOriginalFilename(), file.getBytes(), Callers.of(authentication));
		return "redirect:/registry/import/" + job;
	}

	/** The job's progress bar (polled by htmx while the work runs); when it has ended, the page reloads for the result. */
	/** The spreadsheet to fill in: the columns the import recognises, with lists to choose from. */
	@GetMapping("/registry/import/template.xlsx")
	ResponseEntity<byte[]> template(Authentication authentication, Locale locale) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("mau-danh-sach-tri-thuc.xlsx").build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(template.workbook(Callers.of(authentication), locale));
	}

	@GetMapping("/registry/import/{id}/progress")
	String progress(@PathVariable UUID id, Model model, jakarta.servlet.http.HttpServletResponse response,
			Authentication authentication) {
		imports.job(id, Callers.of(authentication)).orElseThrow(Exceptions::notFound);
		var state = jobs.state(id);
		model.addAttribute("state", state);
		if (!state.working()) {
			response.setHeader("HX-Refresh", "true");
		}
		return "registry/import-progress :: bar";
	}

	@GetMapping("/registry/import/{id}")
	String report(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model, Locale locale,
			Authentication authentication) {
		var job = imports.job(id, Callers.of(authentication)).orElseThrow(Exceptions::notFound);
		var state = jobs.state(id);
		if (!state.working()) {
			// read again after the state: an apply that committed meanwhile replaced the "interrupted" mark the
			// first read saw (a live apply is never shown as interrupted)
			job = imports.job(id, Callers.of(authentication)).orElseThrow(Exceptions::notFound);
		}
		model.addAttribute("job", job);
		model.addAttribute("state", state);
		if (state.working()) {
			return "registry/import-report";
		}
		var report = imports.report(id).orElseThrow(Exceptions::notFound);
		model.addAttribute("report", report);
		model.addAttribute("mappingName", imports.mappingName(id).orElse(null));
		model.addAttribute("fields", SpreadsheetImport.fields());
		var byColumn = new java.util.HashMap<Integer, String>();
		report.columns().forEach((field, column) -> byColumn.putIfAbsent(column, field));
		var lines = new java.util.ArrayList<MappingLine>();
		for (int c = 0; c < report.headers().size(); c++) {
			var header = report.headers().get(c);
			if (!header.isBlank() || byColumn.containsKey(c)) {
				lines.add(new MappingLine(c, letter(c), header, byColumn.getOrDefault(c, "")));
			}
		}
		model.addAttribute("mapping", lines);
		// one page of problems (a file of 100.000 rows can have as many): every problem is in the .xlsx report
		var problems = vn.trithuc.shared.ListPage.of(report.problems(), page, PROBLEMS_PER_PAGE);
		model.addAttribute("problems", problems.rows().stream().map(problem -> new ProblemLine(problem.row(),
				problem.column() == null ? ""
						: messages.getMessage("registry.field." + problem.column(), null, problem.column(), locale),
				messages.getMessage(problem.messageKey(), problem.arguments().toArray(), locale), problem.warning()))
			.toList());
		model.addAttribute("problemCount", problems.total());
		model.addAttribute("page", problems.page());
		model.addAttribute("pages", problems.pages());
		return "registry/import-report";
	}

	/** The dry run as .xlsx: the uploaded rows, bad cells filled and commented with the message. */
	@GetMapping("/registry/import/{id}/errors.xlsx")
	ResponseEntity<byte[]> errors(@PathVariable UUID id, Locale locale, Authentication authentication) {
		var job = imports.job(id, Callers.of(authentication)).orElseThrow(Exceptions::notFound);
		var workbook = errorReports.workbook(id, locale).orElseThrow(Exceptions::notFound);
		var base = job.fileName().replaceAll("\\.[A-Za-z]+$", "");
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(base + "-kiem-tra.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(workbook);
	}

	/** One column of the file on the mapping screen: its letter, header text and the field it goes to. */
	record MappingLine(int index, String letter, String header, String field) {
	}

	static String letter(int column) {
		var letters = new StringBuilder();
		for (int c = column + 1; c > 0; c = (c - 1) / 26) {
			letters.insert(0, (char) ('A' + (c - 1) % 26));
		}
		return letters.toString();
	}

	/** The officer's column choice ("column.3" = "fullName"), optionally saved under a name for the next file. */
	@PostMapping("/registry/import/{id}/mapping")
	String map(@PathVariable UUID id, @RequestParam java.util.Map<String, String> form, Authentication authentication,
			RedirectAttributes redirect) {
		imports.job(id, Callers.of(authentication)).orElseThrow(Exceptions::notFound);
		var columns = new java.util.LinkedHashMap<String, Integer>();
		form.forEach((name, field) -> {
			if (name.startsWith("column.") && name.substring(7).matches("\\d{1,3}") && !field.isBlank()) {
				columns.putIfAbsent(field, Integer.valueOf(name.substring(7)));
			}
		});
		if (!imports.map(id, columns, form.get("saveAs"), authentication.getName())) {
			redirect.addFlashAttribute("error", "registry.import.appliedAlready");
		}
		else {
			redirect.addFlashAttribute("success", form.getOrDefault("saveAs", "").isBlank() ? "registry.import.mapped"
					: "registry.import.mappingSaved");
		}
		return "redirect:/registry/import/" + id;
	}

	record ProblemLine(int row, String column, String message, boolean warning) {
	}

	/** A file over the upload limit (spring.servlet.multipart.max-file-size) or a broken upload: nothing read. */
	@org.springframework.web.bind.annotation.ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
	String uploadFailed(org.springframework.web.multipart.MultipartException e, RedirectAttributes redirect) {
		if (e instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
			redirect.addFlashAttribute("error", "registry.import.tooLargeLimit");
			redirect.addFlashAttribute("errorArgument", vn.trithuc.shared.Formats.fileSize(uploadLimit.toBytes()));
		}
		else {
			redirect.addFlashAttribute("error", "registry.import.unreadableFile");
		}
		return "redirect:/registry/import";
	}

	@PostMapping("/registry/import/{id}/apply")
	String apply(@PathVariable UUID id, Authentication authentication, RedirectAttributes redirect) {
		imports.job(id, Callers.of(authentication)).orElseThrow(Exceptions::notFound);
		if (!jobs.apply(id, authentication.getName())) {
			redirect.addFlashAttribute("error", "registry.import.busy");
		}
		return "redirect:/registry/import/" + id;
	}
}
