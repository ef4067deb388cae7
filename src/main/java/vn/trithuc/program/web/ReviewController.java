package vn.trithuc.program.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.trithuc.documents.Documents;
import vn.trithuc.orgunit.OrgUnit;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnits;
import vn.trithuc.program.ReviewReports;
import vn.trithuc.program.ReviewSection;
import vn.trithuc.program.TaskGroup;
import vn.trithuc.program.UnitReports;

/**
 * Consolidated review reports: drafted from a period's page, edited section by section, downloaded as DOCX
 * and PDF. The chart on the page is the image the exports carry.
 */
@Controller
class ReviewController {

	private final ReviewReports reviews;
	private final UnitReports reports;
	private final OrgUnits orgUnits;
	private final Documents documents;

	ReviewController(ReviewReports reviews, UnitReports reports, OrgUnits orgUnits, Documents documents) {
		this.reviews = reviews;
		this.reports = reports;
		this.orgUnits = orgUnits;
		this.documents = documents;
	}

	/** The scopes offered for a review: every reporting unit, or one linked unit's subtree. */
	static LinkedHashMap<UUID, String> scopes(UnitReports reports, OrgUnits orgUnits, UnitReports.Period period) {
		var scopes = new LinkedHashMap<UUID, String>();
		for (var unit : reports.units(period.program())) {
			if (unit.orgUnitId() != null) {
				scopes.put(unit.orgUnitId(), orgUnits.find(new OrgUnitId(unit.orgUnitId())).map(OrgUnit::name).orElse(unit.name()));
			}
		}
		return scopes;
	}

	@PostMapping("/program/periods/{periodId}/reviews")
	String draft(@PathVariable UUID periodId, @RequestParam(required = false) @Nullable String scope, Principal principal,
			RedirectAttributes redirect) {
		var period = reports.period(periodId).orElseThrow(ReviewController::notFound);
		UUID root = null;
		if (scope != null && !scope.isBlank()) {
			try {
				root = UUID.fromString(scope.strip());
			}
			catch (IllegalArgumentException e) {
				root = null;
			}
			if (root == null || !scopes(reports, orgUnits, period).containsKey(root)) {
				redirect.addFlashAttribute("error", "program.review.invalidScope");
				return "redirect:/program/periods/" + periodId;
			}
		}
		var id = reviews.draft(periodId, root, principal.getName());
		redirect.addFlashAttribute("success", "program.review.drafted");
		return "redirect:/program/reviews/" + id;
	}

	@GetMapping("/program/reviews/{id}")
	String review(@PathVariable UUID id, Model model) {
		var review = reviews.review(id).orElseThrow(ReviewController::notFound);
		model.addAttribute("review", review);
		var history = new LinkedHashMap<ReviewSection, List<ReviewReports.SectionText>>();
		for (var section : ReviewSection.values()) {
			var revisions = reviews.history(id, section);
			var earlier = new java.util.ArrayList<>(revisions.subList(0, Math.max(0, revisions.size() - 1)));
			java.util.Collections.reverse(earlier);
			history.put(section, earlier);
		}
		model.addAttribute("history", history);
		model.addAttribute("sections", ReviewSection.values());
		model.addAttribute("taskGroups", TaskGroup.values());
		return "program/review";
	}

	@PostMapping("/program/reviews/{id}/sections/{section}")
	String edit(@PathVariable UUID id, @PathVariable String section, @RequestParam(required = false) @Nullable String text,
			@RequestParam(required = false) @Nullable String revision, Principal principal, RedirectAttributes redirect) {
		reviews.review(id).orElseThrow(ReviewController::notFound);
		var which = ReviewSection.parse(section).orElseThrow(ReviewController::notFound);
		var back = "redirect:/program/reviews/" + id + "#section-" + which.name();
		try {
			if (revision == null || revision.isBlank()) {
				throw new IllegalArgumentException("revision");
			}
			reviews.edit(id, which, Integer.parseInt(revision.strip()), text == null ? "" : text, principal.getName());
			redirect.addFlashAttribute("success", "program.review.saved");
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("error", "program.review.conflict");
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", "program.review.emptySection");
		}
		return back;
	}

	@GetMapping("/program/reviews/{id}/chart.svg")
	ResponseEntity<String> chart(@PathVariable UUID id) {
		reviews.review(id).orElseThrow(ReviewController::notFound);
		return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
			.header(HttpHeaders.CACHE_CONTROL, "no-store").body(reviews.chart(id).svg());
	}

	@GetMapping("/program/reviews/{id}/docx")
	ResponseEntity<byte[]> docx(@PathVariable UUID id) {
		reviews.review(id).orElseThrow(ReviewController::notFound);
		return download(documents.docx(reviews.document(id)), Documents.DOCX_MEDIA_TYPE, "bao-cao-" + id + ".docx");
	}

	@GetMapping("/program/reviews/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		reviews.review(id).orElseThrow(ReviewController::notFound);
		return download(documents.pdf(reviews.document(id)), MediaType.APPLICATION_PDF_VALUE, "bao-cao-" + id + ".pdf");
	}

	private static ResponseEntity<byte[]> download(byte[] body, String mediaType, String fileName) {
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
	}

	private static ResponseStatusException notFound() {
		return new ResponseStatusException(HttpStatus.NOT_FOUND);
	}
}
