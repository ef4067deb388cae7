package vn.trithuc.catalog.web;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletRequest;
import vn.trithuc.catalog.AdminUnit;
import vn.trithuc.catalog.AdminUnitId;
import vn.trithuc.catalog.AdminUnitLevel;
import vn.trithuc.catalog.AdminUnits;
import vn.trithuc.catalog.AdminUnits.AdminUnitQuery;
import vn.trithuc.catalog.CodeListEntry;
import vn.trithuc.catalog.CodeListKind;
import vn.trithuc.catalog.CodeLists;
import vn.trithuc.catalog.internal.CatalogSettings;
import vn.trithuc.catalog.internal.CodeListAdministration;
import vn.trithuc.catalog.internal.Problem;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.TypedDates;

/** The catalog pages: lists with counts, a list with its versions, add/retire, import with preview, admin units. */
@Controller
@RequestMapping("/catalog")
class CatalogController {

	private static final int PAGE_SIZE = 50;

	private final CodeLists codeLists;
	private final CodeListAdministration administration;
	private final AdminUnits adminUnits;
	private final MessageSource messages;
	private final CatalogSettings settings;
	private final Clock clock;
	private final TypedDates dates;

	CatalogController(CodeLists codeLists, CodeListAdministration administration, AdminUnits adminUnits,
			MessageSource messages, CatalogSettings settings, Clock clock, TypedDates dates) {
		this.dates = dates;
		this.codeLists = codeLists;
		this.administration = administration;
		this.adminUnits = adminUnits;
		this.messages = messages;
		this.settings = settings;
		this.clock = clock;
	}

	record ListRow(CodeListKind kind, int version, int activeEntries) {
	}

	@GetMapping
	String index(Model model) {
		var counts = administration.activeCounts();
		model.addAttribute("lists", java.util.Arrays.stream(CodeListKind.values())
			.map(k -> new ListRow(k, codeLists.currentVersion(k), counts.getOrDefault(k, 0))).toList());
		var today = LocalDate.now(clock);
		model.addAttribute("today", today);
		model.addAttribute("provinces", adminUnits.search(new AdminUnitQuery(today, AdminUnitLevel.PROVINCE, null, "", 0, 1)).total());
		model.addAttribute("communes", adminUnits.search(new AdminUnitQuery(today, AdminUnitLevel.COMMUNE, null, "", 0, 1)).total());
		return "catalog/index";
	}

	@GetMapping("/lists/{list}")
	String list(@PathVariable String list, @RequestParam(defaultValue = "") String q,
			@RequestParam(required = false) @Nullable Integer version, Model model) {
		var kind = kind(list);
		int current = codeLists.currentVersion(kind);
		int shown = version == null ? current : version;
		var versions = codeLists.versions(kind);
		if (versions.stream().noneMatch(v -> v.version() == shown)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("kind", kind);
		model.addAttribute("q", q);
		model.addAttribute("version", shown);
		model.addAttribute("currentVersion", current);
		model.addAttribute("versions", versions);
		model.addAttribute("entries", administration.search(kind, shown, q));
		if (!model.containsAttribute("entryForm")) {
			model.addAttribute("entryForm", new EntryForm("", "", null, CodeListEntry.Status.UNVERIFIED));
		}
		model.addAttribute("statuses", CodeListEntry.Status.values());
		return "catalog/list";
	}

	record EntryForm(String code, String name, @Nullable Integer sortOrder, CodeListEntry.Status status) {
	}

	@PostMapping("/lists/{list}/entries")
	String add(@PathVariable String list, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String name, @RequestParam(required = false) @Nullable Integer sortOrder,
			@RequestParam(defaultValue = "UNVERIFIED") CodeListEntry.Status status, Principal principal,
			RedirectAttributes redirect, Locale locale) {
		var kind = kind(list);
		try {
			administration.addEntry(kind, code, name, sortOrder, status, principal.getName());
			redirect.addFlashAttribute("success", "catalog.entry.added");
		}
		catch (Problem.Refused refused) {
			redirect.addFlashAttribute("problems", texts(refused.problems(), locale));
			redirect.addFlashAttribute("entryForm", new EntryForm(code, name, sortOrder, status));
		}
		return "redirect:/catalog/lists/" + kind.slug();
	}

	@PostMapping("/lists/{list}/entries/{code}/retire")
	String retire(@PathVariable String list, @PathVariable String code, Principal principal,
			RedirectAttributes redirect, Locale locale) {
		var kind = kind(list);
		try {
			administration.retire(kind, code, principal.getName());
			redirect.addFlashAttribute("success", "catalog.entry.retired");
		}
		catch (CodeListAdministration.UnknownEntryException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		catch (Problem.Refused refused) {
			redirect.addFlashAttribute("problems", texts(refused.problems(), locale));
		}
		return "redirect:/catalog/lists/" + kind.slug();
	}

	@GetMapping("/lists/{list}/import")
	String importForm(@PathVariable String list, Model model) {
		model.addAttribute("kind", kind(list));
		model.addAttribute("columns", String.join(", ", columns(kind(list))));
		model.addAttribute("maxSize", vn.trithuc.shared.Formats.fileSize(settings.maxImportSize().toBytes()));
		return "catalog/import";
	}

	@PostMapping("/lists/{list}/import")
	String upload(@PathVariable String list, @RequestParam(required = false) @Nullable MultipartFile file,
			Principal principal, Model model, Locale locale) throws IOException {
		var kind = kind(list);
		if (file == null || file.isEmpty()) {
			return importRefused(kind, List.of(Problem.ofKey("catalog.import.error.noFile")), model, locale);
		}
		try {
			var id = administration.prepareImport(kind, file.getOriginalFilename(), file.getBytes(), principal.getName());
			return "redirect:/catalog/lists/" + kind.slug() + "/import/" + id;
		}
		catch (Problem.Refused refused) {
			return importRefused(kind, refused.problems(), model, locale);
		}
	}

	@ExceptionHandler(MultipartException.class)
	String uploadFailed(MultipartException e, HttpServletRequest request, Model model, Locale locale) {
		var slug = request.getRequestURI().replaceFirst("^.*/catalog/lists/([^/]+)/.*$", "$1");
		var kind = kind(slug);
		var problem = e instanceof MaxUploadSizeExceededException
				? Problem.ofKey("catalog.import.error.tooLargeUpload", vn.trithuc.shared.Formats.fileSize(settings.maxImportSize().toBytes()))
				: Problem.ofKey("catalog.import.error.noFile");
		model.addAttribute("status", HttpStatus.PAYLOAD_TOO_LARGE.value());
		return importRefused(kind, List.of(problem), model, locale);
	}

	private String importRefused(CodeListKind kind, List<Problem> problems, Model model, Locale locale) {
		model.addAttribute("problems", texts(problems, locale));
		return importForm(kind.slug(), model);
	}

	@GetMapping("/lists/{list}/import/{id}")
	String preview(@PathVariable String list, @PathVariable UUID id, Model model) {
		var kind = kind(list);
		var pending = administration.pendingImport(kind, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("kind", kind);
		model.addAttribute("pending", pending);
		return "catalog/preview";
	}

	@PostMapping("/lists/{list}/import/{id}/apply")
	String apply(@PathVariable String list, @PathVariable UUID id, Principal principal, RedirectAttributes redirect,
			Locale locale) {
		var kind = kind(list);
		try {
			int version = administration.applyImport(kind, id, principal.getName());
			redirect.addFlashAttribute("success", "catalog.import.applied");
			redirect.addFlashAttribute("appliedVersion", version);
			return "redirect:/catalog/lists/" + kind.slug();
		}
		catch (CodeListAdministration.UnknownEntryException e) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		catch (Problem.Refused refused) {
			redirect.addFlashAttribute("problems", texts(refused.problems(), locale));
			return "redirect:/catalog/lists/" + kind.slug() + "/import/" + id;
		}
	}

	@GetMapping("/admin-units")
	String adminUnits(@RequestParam(defaultValue = "") String asOf, @RequestParam(required = false) @Nullable UUID province,
			@RequestParam(required = false) @Nullable AdminUnitLevel level, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		var dateErrors = new HashMap<String, String>();
		var typed = dates.read(asOf, "asOf", dateErrors);
		var date = typed == null ? LocalDate.now(clock) : typed;
		model.addAttribute("dateErrors", dateErrors);
		model.addAttribute("asOfTyped", dateErrors.isEmpty() ? Formats.DATE.format(date) : asOf);
		var provinces = adminUnits.inForce(date, AdminUnitLevel.PROVINCE, null);
		var parent = province == null ? null
				: provinces.stream().map(AdminUnit::id).filter(p -> p.value().equals(province)).findFirst().orElse(null);
		var shownLevel = level != null ? level : parent == null && q.isBlank() ? AdminUnitLevel.PROVINCE : null;
		var result = adminUnits.search(new AdminUnitQuery(date, shownLevel, parent, q, Math.max(0, page), PAGE_SIZE));
		model.addAttribute("asOf", Formats.DATE.format(date));
		model.addAttribute("date", date);
		model.addAttribute("province", parent == null ? "" : parent.toString());
		model.addAttribute("level", level);
		model.addAttribute("levels", AdminUnitLevel.values());
		model.addAttribute("q", q);
		model.addAttribute("provinces", provinces);
		model.addAttribute("result", result);
		model.addAttribute("parents", parentsOf(result.units()));
		return "catalog/admin-units";
	}

	@GetMapping("/admin-units/{id}")
	String adminUnit(@PathVariable UUID id, Model model) {
		var unit = adminUnits.find(new AdminUnitId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var today = LocalDate.now(clock);
		model.addAttribute("unit", unit);
		model.addAttribute("parents", parentsOf(List.of(unit)));
		model.addAttribute("predecessors", adminUnits.predecessors(unit.id()));
		model.addAttribute("successors", adminUnits.successors(unit.id()));
		model.addAttribute("today", today);
		model.addAttribute("inForceToday", unit.inForceOn(today));
		model.addAttribute("mappedToday", adminUnits.mapToDate(unit.id(), today));
		return "catalog/admin-unit";
	}

	/** Parent names by parent id, for display. */
	private java.util.Map<AdminUnitId, String> parentsOf(List<AdminUnit> units) {
		var names = new java.util.HashMap<AdminUnitId, String>();
		units.stream().map(AdminUnit::parentId).filter(java.util.Objects::nonNull).distinct()
			.forEach(p -> adminUnits.find(p).ifPresent(parent -> names.put(p, parent.name())));
		return names;
	}

	private List<String> texts(List<Problem> problems, Locale locale) {
		return problems.stream().map(p -> messages.getMessage(p.key(), p.arguments(), locale)).toList();
	}

	private static List<String> columns(CodeListKind kind) {
		var columns = new java.util.ArrayList<>(List.of("code", "name", "sort_order", "status"));
		columns.addAll(kind.attributes());
		return columns;
	}

	private static CodeListKind kind(String slug) {
		return CodeListKind.fromSlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
