package vn.trithuc.program.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;

import vn.trithuc.program.DocumentKind;
import vn.trithuc.program.ItemKind;
import vn.trithuc.program.PartialDate;
import vn.trithuc.program.Responsibility;

/**
 * The seed program, Chương trình hành động of Huyện ủy Đam Rông (3/2024), read from the copy of the seed
 * text in the resources, with the known facts of the higher documents of its cascade as the seed states them.
 */
final class SeedProgram {

	static final String RESOURCE = "program/seed/dam-rong-ctr-hu-2024.txt";
	static final String TARGETS = "program/seed/targets-later-documents.csv";
	static final String SEED_KEY = "dam-rong-ctr-hu-2024";

	/** The issuer's name as written in running text; the header has it in capitals. */
	static final String ISSUER_NAME = "Huyện ủy Đam Rông";

	/** The cascade, highest first: what the seed itself says of each higher document. */
	static final List<ReferenceDocument> CASCADE = List.of(
			new ReferenceDocument("45-NQ/TW", DocumentKind.RESOLUTION, "45", "NQ/TW",
					"Ban Chấp hành Trung ương Đảng khóa XIII", new PartialDate(2023, 11, 24),
					"Về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát triển đất nước nhanh và bền vững trong giai đoạn mới",
					"Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng khóa XIII"),
			new ReferenceDocument("20-KH/TW", DocumentKind.PLAN, "20", "KH/TW", "Bộ Chính trị",
					new PartialDate(2023, 11, 28),
					"về thực hiện Nghị quyết hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát triển đất nước nhanh và bền vững trong giai đoạn mới",
					"Kế hoạch số 20-KH/TW, ngày 28/11/2023 của Bộ Chính trị"),
			new ReferenceDocument("77-CTr/TU", DocumentKind.ACTION_PROGRAM, "77", "CTr/TU", "Tỉnh ủy Lâm Đồng",
					new PartialDate(2024, 3, 6),
					"thực hiện Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng khóa XIII về tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát triển đất nước nhanh và bền vững trong giai đoạn mới",
					"Chương trình số 77-CTr/TU, ngày 06/3/2024 của Tỉnh ủy"));

	/** The legal bases in the order the preamble names them. */
	static final List<String> LEGAL_BASES = List.of("77-CTr/TU", "45-NQ/TW", "20-KH/TW");

	/** The item kind of each section of the seed (part.section). */
	static final Map<String, ItemKind> SECTION_KINDS = Map.of("I.1", ItemKind.PURPOSE, "I.2", ItemKind.REQUIREMENT,
			"II.1", ItemKind.GENERAL_OBJECTIVE, "II.2", ItemKind.OBJECTIVE_2030, "II.3", ItemKind.VISION_2045);

	/**
	 * Section IV, item by item: the unit named at its start and what it is asked to do. Section III names no
	 * lead units: the grassroots organisations carry every task, the commission leads and monitors.
	 */
	static final List<UnitAssignment> ASSIGNMENTS = List.of(
			new UnitAssignment("Các tổ chức cơ sở đảng trực thuộc Huyện ủy", Responsibility.CARRIES_TASKS),
			new UnitAssignment("Ủy ban nhân dân huyện", Responsibility.CONCRETISES_POLICIES),
			new UnitAssignment("Mặt trận Tổ quốc và các đoàn thể huyện", Responsibility.SUPERVISES_AND_MOBILISES),
			new UnitAssignment("Ban Tuyên giáo Huyện ủy", Responsibility.LEADS_AND_MONITORS));

	private SeedProgram() {
	}

	static String text() {
		try (var in = new ClassPathResource(RESOURCE).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static SeedProgramParser.ParsedProgram parsed() {
		return SeedProgramParser.parse(text());
	}

	static List<TargetRow> targets() {
		try (var in = new ClassPathResource(TARGETS).getInputStream()) {
			var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1)
				.filter(l -> !l.isBlank()).toList();
			var rows = new ArrayList<TargetRow>();
			for (var line : lines) {
				var f = line.split(";", -1);
				rows.add(new TargetRow(f[0], f[1], new BigDecimal(f[2]), f[3], Integer.parseInt(f[4]), f[5], f[6],
						f[7].isBlank() ? null : java.time.LocalDate.parse(f[7]), f[8]));
			}
			return rows;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	record ReferenceDocument(String key, DocumentKind kind, String number, String suffix, String issuer,
			PartialDate issued, String title, String citation) {
	}

	record UnitAssignment(String unitName, Responsibility responsibility) {
	}

	record TargetRow(String code, String description, BigDecimal value, String unit, int year, String comparator,
			String source, java.time.LocalDate sourceDate, String status) {
	}
}
