package vn.trithuc.documents;

import java.util.List;

import vn.trithuc.documents.Block.Cell;

/** The seed program's header (Huyện ủy Đam Rông) on a short interim review report with an annex and a chart. */
final class SampleDocuments {

	private SampleDocuments() {
	}

	static BarChart chart() {
		return new BarChart("Trí thức theo trình độ", "Trình độ", "Số người",
				List.of("Tiến sĩ", "Thạc sĩ", "Đại học", "Cao đẳng"),
				List.of(new BarChart.Series("Kỳ trước", List.of(3, 41, 1180, 230)),
						new BarChart.Series("Kỳ này", List.of(5, 57, 1234.5, 212))));
	}

	static Block.Table workforceTable() {
		return new Block.Table("Biểu 1. Cơ cấu đội ngũ trí thức theo trình độ",
				List.of("Trình độ", "Kỳ trước", "Kỳ này", "Tăng, giảm", "Tỷ lệ (%)", "Chỉ tiêu 2030"),
				List.of(List.of(Cell.text("Tiến sĩ"), Cell.number(3), Cell.number(5), Cell.number(2), Cell.percent(66.7),
						Cell.number(10)),
						List.of(Cell.text("Thạc sĩ"), Cell.number(41), Cell.number(57), Cell.number(16), Cell.percent(39.0),
								Cell.number(80)),
						List.of(Cell.text("Đại học"), Cell.number(1180), Cell.number(1234.5), Cell.number(54.5),
								Cell.percent(4.6), Cell.number(1500)),
						List.of(Cell.text("Tổng cộng").emphasised(), Cell.number(1224).emphasised(),
								Cell.number(1296.5).emphasised(), Cell.number(72.5).emphasised(), Cell.percent(5.9),
								Cell.number(1590).emphasised())));
	}

	static OfficialDocument report(ChartImage chart) {
		return new OfficialDocument(DocumentFormat.PARTY, "Đảng bộ tỉnh Lâm Đồng", "Huyện ủy Đam Rông",
				new DocumentNumber(12, "BC/HU"), "Đam Rông", new DocumentDate(15, 12, 2024), "Báo cáo",
				"sơ kết 01 năm thực hiện Chương trình hành động số 15-CTr/HU\nvề tiếp tục xây dựng và phát huy vai trò của đội ngũ trí thức",
				List.of(new Block.Paragraph("Thực hiện Chương trình số 77-CTr/TU, ngày 06/3/2024 của Tỉnh ủy thực hiện Nghị quyết "
						+ "số 45-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng khóa XIII; Ban Thường vụ Huyện ủy báo cáo "
						+ "kết quả sơ kết như sau:"),
						new Block.Heading(1, "I. TÌNH HÌNH VÀ KẾT QUẢ THỰC HIỆN"),
						new Block.Heading(2, "1. Công tác lãnh đạo, chỉ đạo, quán triệt"),
						new Block.Paragraph("Đã tổ chức 14 hội nghị quán triệt với 1.234 lượt cán bộ, đảng viên tham gia."),
						new Block.Bullet("Tuyên truyền, phổ biến Nghị quyết số 45-NQ/TW đến 100% chi bộ."),
						new Block.Heading(3, "a) Kết quả phát triển đội ngũ trí thức"), workforceTable(),
						new Block.Figure(chart, "Biểu đồ 1. Trí thức theo trình độ, kỳ trước và kỳ này"),
						new Block.Heading(1, "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI"),
						new Block.Paragraph("Tiếp tục đẩy mạnh công tác thu hút, trọng dụng trí thức trẻ; ưu tiên lĩnh vực "
								+ "nông nghiệp ứng dụng công nghệ cao và chuyển đổi số.")),
				new Signature("T/M Ban Thường vụ", "Phó Bí thư", "Nguyễn Văn Thành"),
				List.of("Ban Thường vụ Tỉnh ủy (b/c),", "Ban Tuyên giáo Tỉnh ủy,", "Các đồng chí Huyện ủy viên,",
						"Lưu Văn phòng Huyện ủy."),
				List.of(new Annex("PHỤ LỤC 1", "Cơ cấu đội ngũ trí thức (kèm theo Báo cáo số 12-BC/HU)",
						List.of(workforceTable()))));
	}
}
