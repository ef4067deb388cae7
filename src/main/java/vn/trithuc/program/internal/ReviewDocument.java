package vn.trithuc.program.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import vn.trithuc.documents.Annex;
import vn.trithuc.documents.BarChart;
import vn.trithuc.documents.Block;
import vn.trithuc.documents.Block.Cell;
import vn.trithuc.documents.ChartImage;
import vn.trithuc.documents.Charts;
import vn.trithuc.documents.DocumentDate;
import vn.trithuc.documents.DocumentFormat;
import vn.trithuc.documents.DocumentNumber;
import vn.trithuc.documents.OfficialDocument;
import vn.trithuc.documents.Signature;
import vn.trithuc.program.DocumentKind;
import vn.trithuc.program.PeriodKind;
import vn.trithuc.program.ProgramDocument;
import vn.trithuc.program.ReviewReports.Facts;
import vn.trithuc.program.ReviewReports.IndicatorLine;
import vn.trithuc.program.ReviewReports.Review;
import vn.trithuc.program.ReviewReports.TaskLine;
import vn.trithuc.program.ReviewSection;
import vn.trithuc.program.TaskGroup;
import vn.trithuc.shared.Formats;

/**
 * A review report laid out as a party document (36-HD/VPTW) following DOMAIN.md's outline: part I situation and
 * results (characteristics; leadership and dissemination; results per task group with their task tables and the
 * indicators against targets; assessment), part II tasks ahead, part III proposals; recipients and signature;
 * annex 1 completeness of reporting, annex 2 indicators per unit. The document is in Vietnamese.
 */
final class ReviewDocument {

	private static final Formats FORMATS = new Formats();
	static final String[] TASK_GROUP_TITLES = { "Nâng cao nhận thức về vị trí, vai trò của đội ngũ trí thức",
			"Đào tạo, bồi dưỡng, sử dụng, đãi ngộ, tôn vinh trí thức, trọng dụng nhân tài",
			"Quản lý nhà nước, cơ chế, chính sách đối với đội ngũ trí thức", "Nguồn lực và hội nhập quốc tế",
			"Vai trò, trách nhiệm của đội ngũ trí thức và các hội trí thức" };
	static final String[] STATUS_SERIES = { "Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Quá hạn" };

	private ReviewDocument() {
	}

	/** "Báo cáo sơ kết: Sơ kết 2 năm — Đảng ủy xã Đam Rông 1". */
	static String title(vn.trithuc.program.UnitReports.Period period, @Nullable String scopeName) {
		return "Báo cáo " + kindWord(period.kind()) + ": " + period.name() + (scopeName == null ? "" : " — " + scopeName);
	}

	static String kindWord(PeriodKind kind) {
		return switch (kind) {
			case INTERIM_REVIEW -> "sơ kết";
			case FINAL_REVIEW -> "tổng kết";
			default -> "kết quả";
		};
	}

	static BarChart chartSpec(Facts facts) {
		var categories = new ArrayList<String>();
		var series = new ArrayList<List<Integer>>();
		for (int s = 0; s < 4; s++) {
			series.add(new ArrayList<>());
		}
		for (var group : TaskGroup.values()) {
			categories.add("Nhóm " + group.number());
			var tasks = facts.tasks(group);
			series.get(0).add(tasks.stream().mapToInt(TaskLine::done).sum());
			series.get(1).add(tasks.stream().mapToInt(TaskLine::inProgress).sum());
			series.get(2).add(tasks.stream().mapToInt(TaskLine::notStarted).sum());
			series.get(3).add(tasks.stream().mapToInt(TaskLine::overdue).sum());
		}
		var list = new ArrayList<BarChart.Series>();
		for (int s = 0; s < 4; s++) {
			list.add(new BarChart.Series(STATUS_SERIES[s], series.get(s)));
		}
		return new BarChart("Tiến độ thực hiện nhiệm vụ theo nhóm (lượt đơn vị báo cáo)", "Nhóm nhiệm vụ", "Lượt", categories,
				list);
	}

	static ChartImage chart(Facts facts) {
		return Charts.bar(chartSpec(facts), 640, 340);
	}

	static OfficialDocument of(Review review, ProgramDocument program, ChartImage chart, LocalDate today) {
		var s = program.summary();
		var period = review.period();
		var body = new ArrayList<Block>();
		var resolution = program.cascade().stream().filter(c -> c.kind() == DocumentKind.RESOLUTION).findFirst();
		body.add(new Block.Paragraph("Thực hiện Chương trình hành động " + programReference(program)
				+ resolution.map(r -> " thực hiện Nghị quyết số " + r.fullNumber()).orElse("") + ", Ban Thường vụ báo cáo "
				+ kindWord(period.kind()) + " kỳ " + period.name() + (review.scopeName() == null ? "" : " tại " + review.scopeName())
				+ " như sau:"));
		body.add(new Block.Heading(1, "Phần I"));
		body.add(new Block.Heading(1, "TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN"));
		body.add(new Block.Heading(2, "1. Đặc điểm tình hình"));
		text(body, review.section(ReviewSection.SITUATION).text());
		body.add(new Block.Heading(2, "2. Công tác lãnh đạo, chỉ đạo, quán triệt, tuyên truyền"));
		text(body, review.section(ReviewSection.LEADERSHIP).text());
		body.add(new Block.Heading(2, "3. Kết quả thực hiện các nhiệm vụ, giải pháp"));
		char letter = 'a';
		for (var group : TaskGroup.values()) {
			body.add(new Block.Heading(3, letter++ + ") " + TASK_GROUP_TITLES[group.number() - 1]));
			text(body, review.section(ReviewSection.results(group)).text());
			body.add(taskTable(review.facts(), group));
		}
		body.add(new Block.Figure(chart, "Biểu đồ 1. Tiến độ thực hiện nhiệm vụ theo nhóm"));
		body.add(new Block.Heading(3, letter + ") Kết quả thực hiện các chỉ tiêu"));
		body.add(indicatorTable(review.facts()));
		body.add(new Block.Heading(2, "4. Đánh giá chung"));
		body.add(new Block.Heading(3, "a) Ưu điểm"));
		text(body, review.section(ReviewSection.STRENGTHS).text());
		body.add(new Block.Heading(3, "b) Hạn chế"));
		text(body, review.section(ReviewSection.LIMITATIONS).text());
		body.add(new Block.Heading(3, "c) Nguyên nhân"));
		text(body, review.section(ReviewSection.CAUSES).text());
		body.add(new Block.Heading(3, "d) Bài học kinh nghiệm"));
		text(body, review.section(ReviewSection.LESSONS).text());
		body.add(new Block.Heading(1, "Phần II"));
		body.add(new Block.Heading(1, "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"));
		text(body, review.section(ReviewSection.TASKS_AHEAD).text());
		body.add(new Block.Heading(1, "Phần III"));
		body.add(new Block.Heading(1, "KIẾN NGHỊ, ĐỀ XUẤT"));
		text(body, review.section(ReviewSection.PROPOSALS).text());

		var symbol = "BC/" + suffixAfterSlash(s.numberSuffix());
		var number = DocumentNumber.unknown(symbol);
		var summary = kindWord(period.kind()) + " thực hiện Chương trình hành động " + programReference(program) + "\n"
				+ period.name();
		var annexes = List.of(
				new Annex("PHỤ LỤC 1", "Tình hình gửi báo cáo của các đơn vị, kỳ " + period.name() + " (kèm theo Báo cáo "
						+ number.text(DocumentFormat.PARTY).replace("Số", "số") + ")", List.of(completenessTable(review.facts()))),
				new Annex("PHỤ LỤC 2", "Chỉ số của các đơn vị, kỳ " + period.name(), List.of(unitIndicatorTable(review))));
		return new OfficialDocument(DocumentFormat.PARTY, orEmpty(program.higherIssuerHeading()),
				program.issuerHeading() == null ? s.issuerName() : program.issuerHeading(), number,
				program.place() == null ? s.issuerName() : program.place(), new DocumentDate(null, today.getMonthValue(), today.getYear()),
				"Báo cáo", summary, body, new Signature("T/M Ban Thường vụ", "Phó Bí thư", ""),
				List.of("Cấp ủy cấp trên (b/c),", "Ban Tuyên giáo và Dân vận,", "Các tổ chức cơ sở đảng,", "Lưu Văn phòng."),
				annexes);
	}

	private static String programReference(ProgramDocument program) {
		var s = program.summary();
		if (s.numberKnown()) {
			return "số " + s.fullNumber();
		}
		var issued = s.issued();
		var when = issued.dayKnown() ? "ngày " + issued.day() + "/" + issued.month() + "/" + issued.year()
				: issued.monthKnown() ? "tháng " + issued.month() + "/" + issued.year() : "năm " + issued.year();
		return when + " của " + s.issuerName();
	}

	private static String suffixAfterSlash(@Nullable String suffix) {
		if (suffix == null || !suffix.contains("/")) {
			return "HU";
		}
		return suffix.substring(suffix.indexOf('/') + 1).strip();
	}

	/** Paragraphs and "- " bullets of an edited text; blank lines only separate. */
	static void text(List<Block> body, String text) {
		for (var line : text.split("\\R")) {
			var l = line.strip();
			if (l.isEmpty()) {
				continue;
			}
			if (l.startsWith("- ") || l.startsWith("+ ")) {
				body.add(new Block.Bullet(l.substring(2).strip()));
			}
			else {
				body.add(new Block.Paragraph(l));
			}
		}
	}

	static Block.Table taskTable(Facts facts, TaskGroup group) {
		var rows = new ArrayList<List<Cell>>();
		for (var task : facts.tasks(group)) {
			rows.add(List.of(Cell.text(task.label() + ". " + ReviewDraft.shorten(task.text())), Cell.number(task.done(), 0),
					Cell.number(task.inProgress(), 0), Cell.number(task.notStarted(), 0), Cell.number(task.overdue(), 0),
					task.averageProgress() == null ? Cell.text("") : Cell.percent(task.averageProgress())));
		}
		return new Block.Table(null, List.of("Nhiệm vụ", "Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Quá hạn",
				"Tiến độ bình quân"), rows);
	}

	static Block.Table indicatorTable(Facts facts) {
		var rows = new ArrayList<List<Cell>>();
		for (var line : facts.indicators()) {
			rows.add(List.of(Cell.text(line.label()),
					Cell.number(line.previous(), 2), Cell.number(line.current(), 2), Cell.number(line.change(), 2),
					line.shareOfTarget() == null ? Cell.text("") : Cell.percent(line.shareOfTarget()), Cell.text(target(line))));
		}
		return new Block.Table("Biểu 1. Kết quả thực hiện các chỉ tiêu",
				List.of("Chỉ số", "Kỳ trước", "Kỳ này", "Tăng, giảm", "Tỷ lệ đạt (%)", "Chỉ tiêu (nguồn)"), rows);
	}

	static String target(IndicatorLine line) {
		if (line.target() == null) {
			return "";
		}
		var comparator = switch (line.comparator() == null ? "=" : line.comparator()) {
			case ">=" -> "≥ ";
			case "<=" -> "≤ ";
			default -> "";
		};
		return comparator + FORMATS.number(line.target(), 2) + (line.targetYear() == null ? "" : " (" + line.targetYear() + ")")
				+ (line.targetSource() == null ? "" : ", " + line.targetSource());
	}

	static Block.Table completenessTable(Facts facts) {
		var rows = new ArrayList<List<Cell>>();
		int i = 0;
		for (var unit : facts.units()) {
			rows.add(List.of(Cell.number(++i, 0), Cell.text(unit.unitName()), Cell.text(STATUS.get(unit.status().name())),
					Cell.text(unit.firstSubmittedAt() == null ? "" : FORMATS.dateTime(unit.firstSubmittedAt())),
					Cell.text(TIMELINESS.get(unit.timeliness().name()))));
		}
		int expected = facts.units().size();
		rows.add(List.of(Cell.text(""), Cell.text("Tổng cộng").emphasised(),
				Cell.text(facts.accepted() + " đã duyệt").emphasised(),
				Cell.text(facts.submitted() + "/" + expected + " đã gửi").emphasised(),
				Cell.text(facts.onTime() + " đúng hạn (" + FORMATS.percent(expected == 0 ? 0 : (double) facts.onTime() / expected)
						+ ")").emphasised()));
		return new Block.Table(null, List.of("STT", "Đơn vị", "Trạng thái", "Gửi lần đầu", "Thời hạn"), rows);
	}

	static Block.Table unitIndicatorTable(Review review) {
		var facts = review.facts();
		var header = new ArrayList<String>();
		header.add("Đơn vị");
		facts.indicators().forEach(l -> header.add(l.label()));
		var rows = new ArrayList<List<Cell>>();
		for (var unit : facts.units()) {
			var values = facts.indicatorsByUnit().getOrDefault(unit.unitId(), java.util.Map.of());
			var row = new ArrayList<Cell>();
			row.add(Cell.text(unit.unitName()));
			facts.indicators().forEach(l -> row.add(Cell.number(values.get(l.code()), 2)));
			rows.add(row);
		}
		var total = new ArrayList<Cell>();
		total.add(Cell.text("Toàn bộ").emphasised());
		facts.indicators().forEach(l -> total.add(Cell.number(l.current(), 2).emphasised()));
		rows.add(total);
		return new Block.Table(null, header, rows);
	}

	private static String orEmpty(@Nullable String text) {
		return text == null ? "" : text;
	}

	static final java.util.Map<String, String> STATUS = java.util.Map.of("DRAFT", "Nháp", "SUBMITTED", "Đã gửi", "RETURNED",
			"Bị trả lại", "RESUBMITTED", "Đã gửi lại", "ACCEPTED", "Đã duyệt");
	static final java.util.Map<String, String> TIMELINESS = java.util.Map.of("ON_TIME", "Đúng hạn", "LATE", "Muộn hạn",
			"NOT_DUE", "Chưa đến hạn", "MISSING", "Chưa gửi (quá hạn)");

}
