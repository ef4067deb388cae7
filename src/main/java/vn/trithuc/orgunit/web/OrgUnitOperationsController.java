package vn.trithuc.orgunit.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.OrgUnitRuleViolation;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.orgunit.Succession.Extent;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Inheritor;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;
import vn.trithuc.orgunit.internal.OrgUnitSpreadsheets;
import vn.trithuc.shared.Formats;
import vn.trithuc.shared.TypedDates;
import vn.trithuc.shared.VietnameseText;

/**
 * Forms that change the tree: create, rename, move, merge, split, dissolve, import. Units are named by code;
 * a refused operation shows the rule's Vietnamese message above the form (a date that cannot be read: beside its
 * field), with what was typed, and changes nothing.
 */
@Controller
@RequestMapping("/orgunit/operations")
class OrgUnitOperationsController {

	enum Operation {
		create, rename, move, merge, split, dissolve
	}

	/** Every field any operation form has; each operation reads the ones it needs. Codes one per line. */
	record OperationForm(@Nullable Integer version, @Nullable String effectiveOn, @Nullable String decisionNumber,
			@Nullable String decisionDate, @Nullable String note, @Nullable String code, @Nullable String name,
			@Nullable String shortName, @Nullable OrgUnitKind kind, @Nullable String parentCode,
			@Nullable String address, @Nullable String phone, @Nullable String email, @Nullable String headName,
			@Nullable String headTitle, @Nullable String sourceCodes, @Nullable String resultCode,
			@Nullable String resultCodes, @Nullable String newUnits, @Nullable String carrierCode,
			@Nullable String carrierCodes, @Nullable String otherCodes, @Nullable String matter,
			@Nullable String childrenMoveToCode) {

		static OperationForm empty(@Nullable Integer version, String effectiveOn) {
			return new OperationForm(version, effectiveOn, null, null, null, null, null, null, null, null, null, null,
					null, null, null, null, null, null, null, null, null, null, null, null);
		}
	}

	private final OrgUnits units;
	private final OrgUnitOperations operations;
	private final OrgUnitSpreadsheets spreadsheets;
	private final MessageSource messages;
	private final Clock clock;
	private final OperationScope scope;

	OrgUnitOperationsController(OrgUnits units, OrgUnitOperations operations, OrgUnitSpreadsheets spreadsheets,
			MessageSource messages, Clock clock, OperationScope scope) {
		this.scope = scope;
		this.units = units;
		this.operations = operations;
		this.spreadsheets = spreadsheets;
		this.messages = messages;
		this.clock = clock;
	}

	@ModelAttribute("kinds")
	OrgUnitKind[] kinds() {
		return OrgUnitKind.values();
	}

	@GetMapping({ "/create", "/merge" })
	String newForm(@RequestParam(required = false) @Nullable String from, Model model,
			jakarta.servlet.http.HttpServletRequest request) {
		var operation = request.getRequestURI().endsWith("/merge") ? Operation.merge : Operation.create;
		var form = OperationForm.empty(null, Formats.DATE.format(java.time.LocalDate.now(clock)));
		if (from != null && operation == Operation.merge) {
			form = withSources(form, from);
		}
		return form(operation, null, form, model);
	}

	@GetMapping({ "/{id}/rename", "/{id}/move", "/{id}/split", "/{id}/dissolve" })
	String unitForm(@PathVariable UUID id, Model model, jakarta.servlet.http.HttpServletRequest request) {
		var uri = request.getRequestURI();
		var operation = Operation.valueOf(uri.substring(uri.lastIndexOf('/') + 1));
		var unit = load(id);
		return form(operation, unit, OperationForm.empty(unit.lockVersion(),
				Formats.DATE.format(java.time.LocalDate.now(clock))), model);
	}

	@PostMapping("/create")
	String create(@ModelAttribute("form") OperationForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		return perform(Operation.create, null, form, binding, model, redirect, (date, decision) -> operations.create(
				newUnit(form.code(), form.name(), form.kind(), form.parentCode(), form), date, decision));
	}

	@PostMapping("/merge")
	String merge(@ModelAttribute("form") OperationForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		return perform(Operation.merge, null, form, binding, model, redirect, (date, decision) -> {
			var sources = codes(form.sourceCodes()).stream().map(code -> {
				var id = operations.requireCode(code);
				scope.requireBelowTop(id, code);
				return id;
			}).toList();
			if (blank(form.resultCode()) && blank(form.code())) {
				throw new OrgUnitRuleViolation("orgunit.rule.mergeResult");
			}
			if (!blank(form.resultCode())) {
				return operations.merge(sources, inside(form.resultCode()), null, date, decision);
			}
			return operations.merge(sources, null, newUnit(form.code(), form.name(), form.kind(), form.parentCode(), form),
					date, decision);
		});
	}

	@PostMapping("/{id}/rename")
	String rename(@PathVariable UUID id, @ModelAttribute("form") OperationForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		var unit = load(id);
		return perform(Operation.rename, unit, form, binding, model, redirect, (date, decision) -> {
			operations.rename(unit.id(), form.version(), Optional.ofNullable(form.name()).orElse(""), form.shortName(),
					date, decision);
			return unit.id();
		});
	}

	@PostMapping("/{id}/move")
	String move(@PathVariable UUID id, @ModelAttribute("form") OperationForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		var unit = load(id);
		return perform(Operation.move, unit, form, binding, model, redirect, (date, decision) -> {
			scope.requireBelowTop(unit.id(), unit.name());
			var parent = blank(form.parentCode()) ? null : inside(form.parentCode());
			scope.requireParent(parent, String.valueOf(form.parentCode()));
			operations.move(unit.id(), form.version(), parent, date, decision);
			return unit.id();
		});
	}

	@PostMapping("/{id}/split")
	String split(@PathVariable UUID id, @ModelAttribute("form") OperationForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		var unit = load(id);
		return perform(Operation.split, unit, form, binding, model, redirect, (date, decision) -> {
			scope.requireBelowTop(unit.id(), unit.name());
			var existing = codes(form.resultCodes()).stream().map(this::inside).toList();
			var fresh = new ArrayList<NewUnit>();
			var order = new ArrayList<String>(codes(form.resultCodes()));
			for (var line : lines(form.newUnits())) {
				var parts = line.split("\\|", 2);
				if (parts.length < 2) {
					throw new OrgUnitRuleViolation("orgunit.form.newUnitLine", line);
				}
				fresh.add(NewUnit.of(parts[0].strip(), parts[1].strip(), unit.kind(), null));
				order.add(parts[0].strip());
			}
			var carrier = Optional.ofNullable(form.carrierCode()).map(String::strip).orElse("");
			int index = -1;
			for (int i = 0; i < order.size(); i++) {
				if (order.get(i).equalsIgnoreCase(carrier)) {
					index = i;
				}
			}
			operations.split(unit.id(), form.version(), existing, fresh, index, date, decision);
			return unit.id();
		});
	}

	@PostMapping("/{id}/dissolve")
	String dissolve(@PathVariable UUID id, @ModelAttribute("form") OperationForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		var unit = load(id);
		return perform(Operation.dissolve, unit, form, binding, model, redirect, (date, decision) -> {
			var inheritors = new ArrayList<Inheritor>();
			scope.requireBelowTop(unit.id(), unit.name());
			for (var code : codes(form.carrierCodes())) {
				inheritors.add(new Inheritor(inside(code), Extent.PARTIAL, true, form.matter()));
			}
			for (var code : codes(form.otherCodes())) {
				inheritors.add(new Inheritor(inside(code), Extent.PARTIAL, false, form.matter()));
			}
			if (inheritors.size() == 1) {
				inheritors.set(0, new Inheritor(inheritors.get(0).unit(), Extent.WHOLE, inheritors.get(0).carriesWork(),
						form.matter()));
			}
			var moveTo = blank(form.childrenMoveToCode()) ? null : inside(form.childrenMoveToCode());
			operations.dissolve(unit.id(), form.version(), inheritors, moveTo, date, decision);
			return unit.id();
		});
	}

	// ---------------------------------------------------------------- import

	@GetMapping("/import")
	String importForm() {
		return "orgunit/import";
	}

	@PostMapping("/import")
	String importUnits(@RequestParam(required = false) @Nullable MultipartFile file, Model model, Locale locale)
			throws java.io.IOException {
		if (!scope.provinceWide()) {
			model.addAttribute("problems", List.of(new Report(0, message("orgunit.scope.import", List.of(), locale))));
			return "orgunit/import";
		}
		if (file == null || file.isEmpty()) {
			model.addAttribute("problems", List.of(new Report(0, message("orgunit.import.noFile", List.of(), locale))));
			return "orgunit/import";
		}
		var kinds = OrgUnitSpreadsheets.kindsByFoldedName(kind -> messages.getMessage(kind.messageKey(), null, locale));
		OrgUnitSpreadsheets.ImportResult result;
		try (var in = file.getInputStream()) {
			result = spreadsheets.importUnits(in, text -> Optional.ofNullable(kinds.get(VietnameseText.fold(text))));
		}
		model.addAttribute("imported", result.imported());
		model.addAttribute("problems", result.problems().stream()
			.map(p -> new Report(p.row(), message(p.key(), p.arguments(), locale))).toList());
		return "orgunit/import";
	}

	/** One line of the import report. */
	record Report(int row, String message) {
	}

	// ---------------------------------------------------------------- helpers

	/**
	 * The operation on the dates typed: the effective date (required) and the decision's date, each told beside its
	 * field when it cannot be read; then the operation, or its refusal above the form.
	 */
	private String perform(Operation operation, @Nullable OrgUnit unit, OperationForm form, BindingResult binding,
			Model model, RedirectAttributes redirect, BiFunction<LocalDate, Decision, OrgUnitId> action) {
		if (binding.getTarget() == null) {
			// a field the form itself fills (version, kind) could not be bound: a tampered request
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		var effectiveOn = TypedDates.read(form.effectiveOn(), "effectiveOn", binding);
		if (blank(form.effectiveOn())) {
			binding.rejectValue("effectiveOn", "orgunit.form.dateRequired");
		}
		var decision = new Decision(form.decisionNumber(), TypedDates.read(form.decisionDate(), "decisionDate", binding),
				form.note());
		if (binding.hasErrors()) {
			return form(operation, unit, form, model);
		}
		try {
			var result = action.apply(effectiveOn, decision);
			redirect.addFlashAttribute("success", "orgunit.done." + operation.name());
			return "redirect:/orgunit/units/" + result + "?asOf=" + Formats.DATE.format(effectiveOn);
		}
		catch (OrgUnitRuleViolation refused) {
			model.addAttribute("refusal", messages.getMessage(refused.key(), refused.arguments(),
					org.springframework.context.i18n.LocaleContextHolder.getLocale()));
			return form(operation, unit, form, model);
		}
		catch (OptimisticLockingFailureException conflict) {
			model.addAttribute("conflict", true);
			var fresh = unit == null ? null : load(unit.id().value());
			return form(operation, fresh, form, model);
		}
	}

	private String form(Operation operation, @Nullable OrgUnit unit, OperationForm form, Model model) {
		model.addAttribute("operation", operation.name());
		model.addAttribute("unit", unit);
		model.addAttribute("form", unit != null && model.containsAttribute("conflict")
				? withVersion(form, unit.lockVersion()) : form);
		if (unit != null) {
			model.addAttribute("parent", unit.parentId() == null ? null : units.find(unit.parentId()).orElse(null));
		}
		return "orgunit/operation";
	}

	/** The unit named in the URL; 404 when unknown, 403 when outside the caller's scope. */
	private OrgUnit load(UUID id) {
		var unit = units.find(new OrgUnitId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		scope.requireReached(unit.id());
		return unit;
	}

	/** A unit named by code in the form, refused when outside the caller's scope. */
	private OrgUnitId inside(String code) {
		var id = operations.requireCode(code);
		scope.requireInside(id, code.strip());
		return id;
	}

	private NewUnit newUnit(@Nullable String code, @Nullable String name, @Nullable OrgUnitKind kind,
			@Nullable String parentCode, OperationForm form) {
		if (blank(code)) {
			throw new OrgUnitRuleViolation("orgunit.form.codeRequired");
		}
		if (kind == null) {
			throw new OrgUnitRuleViolation("orgunit.form.kindRequired");
		}
		var parent = blank(parentCode) ? null : inside(parentCode);
		scope.requireParent(parent, String.valueOf(parentCode));
		return new NewUnit(code, name == null ? "" : name, form.shortName(), kind, parent, null, form.address(),
				form.phone(), form.email(), form.headName(), form.headTitle());
	}

	private static List<String> codes(@Nullable String text) {
		return lines(text).stream().flatMap(line -> Arrays.stream(line.split("[,;\\s]+"))).filter(s -> !s.isBlank())
			.toList();
	}

	private static List<String> lines(@Nullable String text) {
		return text == null ? List.of()
				: text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static boolean blank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private String message(String key, List<Object> arguments, Locale locale) {
		return messages.getMessage(key, arguments.toArray(), locale);
	}

	private static OperationForm withSources(OperationForm f, String sources) {
		return new OperationForm(f.version(), f.effectiveOn(), null, null, null, null, null, null, null, null, null,
				null, null, null, null, sources, null, null, null, null, null, null, null, null);
	}

	private static OperationForm withVersion(OperationForm f, int version) {
		return new OperationForm(version, f.effectiveOn(), f.decisionNumber(), f.decisionDate(), f.note(), f.code(),
				f.name(), f.shortName(), f.kind(), f.parentCode(), f.address(), f.phone(), f.email(), f.headName(),
				f.headTitle(), f.sourceCodes(), f.resultCode(), f.resultCodes(), f.newUnits(), f.carrierCode(),
				f.carrierCodes(), f.otherCodes(), f.matter(), f.childrenMoveToCode());
	}
}
