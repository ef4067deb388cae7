package vn.trithuc.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.OptimisticLockingFailureException;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.documents.Documents;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.internal.OrgUnitOperations;

/** Consolidated review reports on the real database: draft from accepted reports, versioned edits, DOCX and PDF. */
@IntegrationTest
class ReviewReportsTest {

	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	ReviewReports reviews;
	@Autowired
	Documents documents;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	UserAdministration administration;
	@LocalServerPort
	int port;

	/** A period over two fresh units of the seed program: one accepted report, one still a draft. */
	record Setting(ProgramId program, UUID period, UUID acceptedUnit, UUID draftUnit, UUID acceptedOrgUnit) {
	}

	Setting setting(String tag) {
		var program = programs.importSeedProgram("test");
		var orgA = ReportingUnitsFixtures.partyCommittee(operations, "Đảng ủy xã tổng hợp A " + tag);
		var unitA = reports.addUnit(program, "Đảng ủy xã tổng hợp A " + tag, orgA);
		var unitB = reports.addUnit(program, "Đảng ủy xã tổng hợp B " + tag,
				ReportingUnitsFixtures.partyCommittee(operations, "Đảng ủy xã tổng hợp B " + tag));
		var today = LocalDate.now();
		var period = reports.openPeriod(program, PeriodKind.INTERIM_REVIEW, "Sơ kết kiểm thử " + tag,
				new UnitReports.PeriodDates(today.minusDays(5), today.minusMonths(6), today.minusDays(1), today.plusDays(10)), "lan");
		var task = programs.find(program, today).orElseThrow().items(ItemKind.TASK).get(0);
		var reportId = reports.reports(period).stream().filter(l -> l.unitId().equals(unitA)).findFirst().orElseThrow().id();
		var report = reports.report(reportId).orElseThrow();
		reports.save(reportId, report.version(), new UnitReports.Content("Đã quán triệt Nghị quyết cho 45 đảng viên.",
				"Thiếu kinh phí tổ chức hội thảo.", "Đề nghị hỗ trợ tài liệu tuyên truyền.",
				Map.of(task.id(), new UnitReports.TaskProgress(TaskStatus.DONE, 100, "Đã tổ chức 3 hội nghị")),
				Map.of("RND_STAFF_PER_10000", new BigDecimal("4.5"))), "hai");
		reports.act(reportId, report.version() + 1, ReportAction.SUBMIT, null, "hai");
		reports.act(reportId, report.version() + 2, ReportAction.ACCEPT, null, "lan");
		return new Setting(program, period, unitA, unitB, orgA);
	}

	@Test
	void a_draft_is_assembled_from_the_accepted_reports_of_the_scope() {
		var s = setting(UUID.randomUUID().toString().substring(0, 6));
		var id = reviews.draft(s.period(), null, "lan");
		var review = reviews.review(id).orElseThrow();
		assertThat(review.facts().units()).extracting(ReviewReports.UnitLine::unitId).contains(s.acceptedUnit(), s.draftUnit());
		assertThat(review.section(ReviewSection.SITUATION).text()).contains("Đã quán triệt Nghị quyết cho 45 đảng viên.");
		assertThat(review.section(ReviewSection.RESULTS_1).text()).contains("Đã tổ chức 3 hội nghị");
		assertThat(review.section(ReviewSection.LIMITATIONS).text()).contains("Thiếu kinh phí tổ chức hội thảo.");
		assertThat(review.section(ReviewSection.PROPOSALS).text()).contains("Đề nghị hỗ trợ tài liệu tuyên truyền.");
		var task = review.facts().tasks(TaskGroup.AWARENESS).get(0);
		assertThat(task.done()).isEqualTo(1);
		assertThat(review.facts().indicatorsByUnit().get(s.acceptedUnit())).containsKey("RND_STAFF_PER_10000");
		// a draft report's typed values are left out; computed ones come from the registry whatever the report's state
		assertThat(review.facts().indicatorsByUnit().get(s.draftUnit())).doesNotContainKey("RND_STAFF_PER_10000")
			.containsEntry("DOCTORATES", BigDecimal.ZERO);

		// a scope on unit A leaves unit B out
		var scoped = reviews.review(reviews.draft(s.period(), s.acceptedOrgUnit(), "lan")).orElseThrow();
		assertThat(scoped.facts().units()).extracting(ReviewReports.UnitLine::unitId).containsExactly(s.acceptedUnit());
		assertThat(scoped.scopeName()).startsWith("Đảng ủy xã tổng hợp A");
	}

	@Test
	void each_save_of_a_section_is_a_revision_and_a_stale_one_is_refused() {
		var s = setting(UUID.randomUUID().toString().substring(0, 6));
		var id = reviews.draft(s.period(), null, "lan");
		var draft = reviews.review(id).orElseThrow().section(ReviewSection.STRENGTHS);
		assertThat(draft.revision()).isEqualTo(1);
		reviews.edit(id, ReviewSection.STRENGTHS, 1, "Ưu điểm nổi bật: 100% chi bộ đã quán triệt.", "lan");
		assertThat(reviews.review(id).orElseThrow().section(ReviewSection.STRENGTHS).text())
			.isEqualTo("Ưu điểm nổi bật: 100% chi bộ đã quán triệt.");
		assertThatThrownBy(() -> reviews.edit(id, ReviewSection.STRENGTHS, 1, "bản cũ", "tuan"))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThatThrownBy(() -> reviews.edit(id, ReviewSection.STRENGTHS, 2, "  ", "tuan"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(reviews.history(id, ReviewSection.STRENGTHS)).extracting(ReviewReports.SectionText::text)
			.containsExactly(draft.text(), "Ưu điểm nổi bật: 100% chi bộ đã quán triệt.");
	}

	@Test
	void the_docx_names_times_new_roman_and_the_pdf_has_the_party_header() throws Exception {
		var s = setting(UUID.randomUUID().toString().substring(0, 6));
		var id = reviews.draft(s.period(), null, "lan");
		reviews.edit(id, ReviewSection.LESSONS, 1, "Bài học: người đứng đầu phải trực tiếp chỉ đạo.", "lan");
		var document = reviews.document(id);
		try (var docx = new XWPFDocument(new ByteArrayInputStream(documents.docx(document)))) {
			var text = new StringBuilder();
			docx.getParagraphs().forEach(p -> text.append(p.getText()).append('\n'));
			docx.getTables().forEach(t -> text.append(t.getText()).append('\n'));
			assertThat(text).contains("Bài học: người đứng đầu phải trực tiếp chỉ đạo.", "TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN",
					"PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "KIẾN NGHỊ, ĐỀ XUẤT", "PHỤ LỤC 1", "PHỤ LỤC 2",
					"HUYỆN ỦY ĐAM RÔNG", "ĐẢNG CỘNG SẢN VIỆT NAM", "-BC/HU");
			assertThat(docx.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).filter(r -> r.getText(0) != null)
				.map(r -> r.getFontFamily()).distinct()).containsExactly("Times New Roman");
			assertThat(docx.getAllPictures()).hasSize(1);
		}
		try (var pdf = Loader.loadPDF(documents.pdf(document))) {
			var first = new PDFTextStripper();
			first.setEndPage(1);
			var lines = first.getText(pdf).lines().map(String::strip).toList();
			assertThat(lines).anySatisfy(l -> assertThat(l).contains("ĐẢNG BỘ TỈNH LÂM ĐỒNG"))
				.anySatisfy(l -> assertThat(l).contains("HUYỆN ỦY ĐAM RÔNG"))
				.anySatisfy(l -> assertThat(l).contains("ĐẢNG CỘNG SẢN VIỆT NAM"))
				.anySatisfy(l -> assertThat(l).contains("-BC/HU")).contains("BÁO CÁO");
			assertThat(new PDFTextStripper().getText(pdf)).contains("Bài học: người đứng đầu phải trực tiếp chỉ đạo.",
					"Tiến độ thực hiện nhiệm vụ theo nhóm");
		}
	}

	@Test
	void the_annex_of_indicators_names_each_indicator_in_vietnamese_on_the_page_and_in_the_docx() throws Exception {
		var s = setting(UUID.randomUUID().toString().substring(0, 6));
		var id = reviews.draft(s.period(), null, "lan");
		var heading = "Nhân lực nghiên cứu và phát triển toàn thời gian trên 10.000 dân (người/10.000 dân)";
		try (var docx = new XWPFDocument(new ByteArrayInputStream(documents.docx(reviews.document(id))))) {
			var annex = docx.getTables().get(docx.getTables().size() - 1);
			var header = annex.getRow(0).getTableCells().stream().map(c -> c.getText()).toList();
			assertThat(header).contains("Đơn vị", heading, "Số trí thức trẻ (người)").noneMatch(h -> h.contains("_"));
		}
		var lan = TestAccounts.loggedIn(port, administration, "review.annex.lan", Role.PROGRAM_MANAGER);
		var page = lan.get("/program/reviews/" + id).body();
		var annex = page.substring(page.indexOf("review-unit-indicators"));
		assertThat(annex).contains(">" + heading + "<").doesNotContain("RND_STAFF_PER_10000", "YOUNG_INTELLECTUALS");
	}
}
