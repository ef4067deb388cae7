package vn.trithuc.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import vn.trithuc.IntegrationTest;
import vn.trithuc.bench.BenchReport;
import vn.trithuc.documents.Documents;

/**
 * Benchmark, not a test (the name keeps it out of `mvn verify`): a consolidated review report over 300 units with
 * accepted reports (22 tasks each, with notes, narratives, difficulties, proposals and 4 indicators) — time to
 * draft it, to assemble the document, and size and time of the DOCX and the PDF, each the median of 3 runs after a
 * warm-up; the PDF/DOCX time ratio is measured side by side. Run:
 * {@code mvn -o test -Dtest=ReviewReportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.units=300}
 */
@IntegrationTest
class ReviewReportBenchmark {

	@Autowired
	Programs programs;
	@Autowired
	UnitReports reports;
	@Autowired
	ReviewReports reviews;
	@Autowired
	Documents documents;

	@Test
	void review_report_for_300_units() {
		int units = Integer.getInteger("bench.units", 300);
		var program = programs.importSeedProgram("bench");
		var tag = UUID.randomUUID().toString().substring(0, 6);
		var today = LocalDate.now();
		var period = reports.openPeriod(program, PeriodKind.INTERIM_REVIEW, "Sơ kết benchmark " + tag,
				new UnitReports.PeriodDates(today.minusDays(5), today.minusMonths(6), today.minusDays(1), today.plusDays(10)),
				"bench");
		var ids = new ArrayList<UUID>();
		for (int i = 1; i <= units; i++) {
			ids.add(reports.addUnit(program, "Đảng ủy xã benchmark " + tag + " số " + i, null));
		}
		var tasks = programs.find(program, today).orElseThrow().items(ItemKind.TASK);
		long started = System.nanoTime();
		var lines = reports.reports(period);
		int n = 0;
		for (var line : lines) {
			if (!ids.contains(line.unitId())) {
				continue;
			}
			n++;
			var progress = new LinkedHashMap<UUID, UnitReports.TaskProgress>();
			for (int t = 0; t < tasks.size(); t++) {
				var status = TaskStatus.values()[(n + t) % 4];
				progress.put(tasks.get(t).id(), new UnitReports.TaskProgress(status, status == TaskStatus.DONE ? 100 : 40,
						t % 3 == 0 ? "Đơn vị đã triển khai nội dung " + (t + 1) + " qua sinh hoạt chi bộ." : null));
			}
			reports.save(line.id(), 0, new UnitReports.Content(
					"Đơn vị đã quán triệt Nghị quyết số 45-NQ/TW và Chương trình hành động cho " + (20 + n % 80)
							+ " cán bộ, đảng viên; xây dựng kế hoạch thực hiện phù hợp với điều kiện của địa phương.",
					n % 2 == 0 ? "Kinh phí tổ chức hội nghị, hội thảo còn hạn chế." : null,
					n % 3 == 0 ? "Đề nghị cấp trên hỗ trợ tài liệu tuyên truyền bằng tiếng dân tộc." : null, progress,
					Map.of("RND_STAFF_PER_10000", new BigDecimal(n % 12), "BASIC_SCIENCE_LEARNERS_SHARE",
							new BigDecimal(20 + n % 15), "WOMEN_MINORITY_STI_SHARE", new BigDecimal(30 + n % 10),
							"OVERSEAS_EXPERT_ENGAGEMENTS", new BigDecimal(n % 5))),
					"bench");
			reports.act(line.id(), 1, ReportAction.SUBMIT, null, "bench");
			reports.act(line.id(), 2, ReportAction.ACCEPT, null, "bench");
		}
		BenchReport.figure("review report", "prepare " + n + " accepted unit reports (save + submit + accept)",
				(System.nanoTime() - started) / 1e9, "s");
		assertThat(n).isEqualTo(units);

		var id = reviews.draft(period, null, "bench"); // warm-up
		reviews.document(id);
		var docx0 = documents.docx(reviews.document(id));
		documents.pdf(reviews.document(id));
		assertThat(docx0.length).isPositive();

		double draft = median(() -> reviews.draft(period, null, "bench"));
		double assemble = median(() -> reviews.document(id));
		var document = reviews.document(id);
		int unitsInReport = reviews.review(id).orElseThrow().facts().units().size();
		byte[][] docx = new byte[1][];
		byte[][] pdf = new byte[1][];
		double docxMs = median(() -> docx[0] = documents.docx(document));
		double pdfMs = median(() -> pdf[0] = documents.pdf(document));
		var label = unitsInReport + " units";
		BenchReport.figure("review report", "draft from accepted reports, " + label, draft, "ms");
		BenchReport.figure("review report", "assemble document (facts, annexes, chart), " + label, assemble, "ms");
		BenchReport.figure("review report", "DOCX size, " + label, docx[0].length / 1024.0, "KB");
		BenchReport.figure("review report", "DOCX generation, " + label, docxMs, "ms");
		BenchReport.figure("review report", "PDF size, " + label, pdf[0].length / 1024.0, "KB");
		BenchReport.ratio("review report", "PDF generation, " + label, pdfMs, docxMs, "ms", "DOCX generation");
		try (var read = org.apache.pdfbox.Loader.loadPDF(pdf[0])) {
			BenchReport.figure("review report", "PDF pages, " + label, read.getNumberOfPages(), "pages");
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		BenchReport.figure("review report", "machine load average while measuring (2 cores)",
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), "");
	}

	private static double median(Supplier<?> work) {
		var times = new ArrayList<Double>();
		for (int i = 0; i < 3; i++) {
			long started = System.nanoTime();
			work.get();
			times.add((System.nanoTime() - started) / 1e6);
		}
		times.sort(null);
		return times.get(1);
	}

}
