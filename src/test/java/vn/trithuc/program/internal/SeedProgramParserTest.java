package vn.trithuc.program.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.trithuc.program.PartialDate;

/**
 * The seed program parsed from the resource copy, checked against the project's seed file itself: counts,
 * verbatim texts, the heading broken across lines, the blank number and day.
 */
class SeedProgramParserTest {

	/** The seed as handed over to the project; the resource must be an unmodified copy of it. */
	private static final Path SHARED_SEED = Path.of("../shared/seed/000_246596886bc00c1d.txt");

	private final SeedProgramParser.ParsedProgram seed = SeedProgram.parsed();

	@Test
	void the_resource_is_the_unmodified_seed_when_the_shared_seed_is_at_hand() throws IOException {
		var resource = SeedProgram.text();
		assertThat(Normalizer.isNormalized(resource, Normalizer.Form.NFC)).isTrue();
		if (Files.exists(SHARED_SEED)) {
			assertThat(resource).isEqualTo(Files.readString(SHARED_SEED, StandardCharsets.UTF_8));
		}
		else { // outside the project workspace: the resource still holds the known size of the seed
			assertThat(resource).hasSize(15954);
		}
	}

	@Test
	void sections_hold_the_counts_of_the_seed() {
		assertThat(seed.parts()).extracting(SeedProgramParser.Part::label).containsExactly("I", "II", "III", "IV");
		assertThat(counts("I")).containsExactly(3, 3);
		assertThat(counts("II")).containsExactly(4, 4, 2);
		assertThat(counts("III")).containsExactly(5, 3, 6, 4, 4);
		assertThat(counts("III").stream().mapToInt(Integer::intValue).sum()).isEqualTo(22);
		assertThat(seed.part("IV").items()).hasSize(4);
		assertThat(seed.part("IV").sections()).isEmpty();
		assertThat(seed.recipients()).hasSize(10);
	}

	@Test
	void a_heading_broken_across_lines_is_one_title() {
		assertThat(seed.part("III").sections().get(0).heading())
			.isEqualTo("Nâng cao nhận thức về vị trí, vai trò, tầm quan trọng của đội ngũ trí thức");
		assertThat(seed.part("III").sections()).extracting(SeedProgramParser.Section::heading).containsExactly(
				"Nâng cao nhận thức về vị trí, vai trò, tầm quan trọng của đội ngũ trí thức",
				"Đổi mới công tác đào tạo, bồi dưỡng, sử dụng, đãi ngộ và tôn vinh trí thức, trọng dụng nhân tài",
				"Tăng cường quản lý nhà nước, thực hiện cơ chế, chính sách đối với đội ngũ trí thức",
				"Tăng cường nguồn lực xây dựng đội ngũ trí thức chủ động, tích cực hội nhập quốc tế",
				"Phát huy vai trò, trách nhiệm của đội ngũ trí thức");
		assertThat(seed.part("I").heading()).isEqualTo("MỤC ĐÍCH, YÊU CẦU");
		assertThat(seed.part("II").sections()).extracting(SeedProgramParser.Section::heading)
			.containsExactly("Mục tiêu chung", "Mục tiêu cụ thể đến năm 2030", "Tầm nhìn đến năm 2045");
	}

	@Test
	void every_item_is_verbatim_a_line_of_the_seed_in_order() {
		var seedLines = SeedProgram.text().lines().map(String::strip).toList();
		var dashLines = seedLines.stream().filter(l -> l.startsWith("- ")).map(l -> l.substring(2).strip()).toList();
		var parsed = new ArrayList<String>();
		seed.parts().forEach(p -> p.sections().forEach(s -> parsed.addAll(s.items())));
		parsed.addAll(seed.recipients());
		assertThat(dashLines).hasSize(48);
		assertThat(parsed).containsExactlyElementsOf(dashLines);
		var numbered = Pattern.compile("^[1-4]\\. (Các tổ chức|Ủy ban|Mặt trận|Ban Tuyên giáo).*");
		var assignmentLines = seedLines.stream().filter(l -> numbered.matcher(l).matches()).map(l -> l.substring(3))
			.toList();
		assertThat(seed.part("IV").items()).extracting(SeedProgramParser.NumberedItem::text)
			.containsExactlyElementsOf(assignmentLines);
		assertThat(parsed).allMatch(text -> Normalizer.isNormalized(text, Normalizer.Form.NFC));
		assertThat(seed.part("I").sections().get(0).items().get(2)).isEqualTo(
				"Xác định các mục tiêu, nhiệm vụ và giải pháp chủ yếu để triển khai thực hiện hiệu quả Nghị quyết, phù hợp với điều kiện thực tế của địa phương.");
		assertThat(seed.recipients()).first().isEqualTo("Thường trực Tỉnh ủy,");
		assertThat(seed.recipients()).last().isEqualTo("Lưu Văn phòng Huyện ủy.");
	}

	@Test
	void the_header_keeps_what_the_document_leaves_blank_as_unknown() {
		assertThat(seed.higherIssuerHeading()).isEqualTo("ĐẢNG BỘ TỈNH LÂM ĐỒNG");
		assertThat(seed.issuerHeading()).isEqualTo("HUYỆN ỦY ĐAM RÔNG");
		assertThat(seed.number()).isNull();
		assertThat(seed.numberSuffix()).isEqualTo("CTr/HU");
		assertThat(seed.place()).isEqualTo("Đam Rông");
		assertThat(seed.issued()).isEqualTo(new PartialDate(2024, 3, null));
		assertThat(seed.issued().dayKnown()).isFalse();
		assertThat(seed.kindHeading()).isEqualTo("CHƯƠNG TRÌNH HÀNH ĐỘNG");
		assertThat(seed.title()).isEqualTo("Thực hiện Chương trình số 77-CTr/TU, ngày 06/3/2024 của Tỉnh ủy thực hiện "
				+ "Nghị quyết số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng (Khóa XIII) “Về tiếp tục "
				+ "xây dựng và phát huy vai trò của đội ngũ trí thức đáp ứng yêu cầu phát triển đất nước nhanh và bền "
				+ "vững trong giai đoạn mới” trên địa bàn huyện Đam Rông");
		assertThat(seed.preamble()).startsWith("Thực hiện Chương trình số 77-CTr/TU").endsWith("như sau:");
	}

	@Test
	void a_document_with_a_known_number_and_day_is_read_as_such() {
		var text = SeedProgram.text().replace("Số          - CTr/HU", "Số 12-CTr/HU")
			.replace("ngày      tháng 3 năm 2024", "ngày 15 tháng 3 năm 2024");
		var parsed = SeedProgramParser.parse(text);
		assertThat(parsed.number()).isEqualTo("12");
		assertThat(parsed.issued()).isEqualTo(new PartialDate(2024, 3, 15));
	}

	@Test
	void the_objectives_state_no_numeric_targets() {
		var digits = Pattern.compile("\\d");
		var objectives = new ArrayList<String>();
		seed.part("II").sections().forEach(s -> objectives.addAll(s.items()));
		assertThat(objectives).hasSize(10).noneMatch(text -> digits.matcher(text).find());
		// the only numbers in the targets' sections are the horizon years of the headings
		assertThat(seed.part("II").sections()).extracting(SeedProgramParser.Section::heading)
			.filteredOn(h -> digits.matcher(h).find()).hasSize(2);
	}

	@Test
	void the_legal_bases_are_cited_in_the_preamble_as_written() {
		for (var reference : SeedProgram.CASCADE) {
			assertThat(seed.preamble()).contains(reference.citation());
		}
		assertThat(SeedProgram.LEGAL_BASES).containsExactly("77-CTr/TU", "45-NQ/TW", "20-KH/TW");
	}

	private List<Integer> counts(String part) {
		return seed.part(part).sections().stream().map(s -> s.items().size()).toList();
	}
}
