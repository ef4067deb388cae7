package vn.trithuc.program.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import vn.trithuc.program.ProgramDocument;
import vn.trithuc.program.ProgramId;
import vn.trithuc.program.ProgramSummary;
import vn.trithuc.program.Programs;

/** The programs as JSON, for provincial systems: {@code asOf} (ISO date) reads an earlier text. */
@RestController
@RequestMapping("/api/v1/program/programs")
class ProgramApiController {

	private final Programs programs;

	ProgramApiController(Programs programs) {
		this.programs = programs;
	}

	@GetMapping
	List<ProgramSummary> list() {
		return programs.programs();
	}

	@GetMapping("/{id}")
	ProgramDocument program(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate asOf) {
		return programs.find(new ProgramId(id), asOf).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}
}
