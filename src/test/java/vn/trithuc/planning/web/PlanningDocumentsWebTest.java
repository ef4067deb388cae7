package vn.trithuc.planning.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.planning.PlanningFixtures;
import vn.trithuc.planning.internal.Needs;
import vn.trithuc.planning.internal.Scope;
import vn.trithuc.registry.Sex;
import vn.trithuc.registry.internal.Profiles;

/**
 * The retirement forecast and the supply/need balance as official documents: DOCX (Times New Roman) and PDF with the
 * same table as the page and the chart, within the caller's scope only.
 */
@IntegrationTest
class PlanningDocumentsWebTest {

	@LocalServerPort
	int port;
	@Autowired
	UserAdministration administration;
	@Autowired
	UserScopes scopes;
	@Autowired
	Profiles profiles;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	Needs needs;

	@Test
	void forecast_and_balance_export_to_docx_and_pdf_in_scope_only() throws Exception {
		var school = PlanningFixtures.unit(operations, "Trường Văn Bản Dự Báo", null);
		var other = PlanningFixtures.unit(operations, "Trường Văn Bản Ngoài", null);
		// born 1/1/1966: retires 1/11/2027
		PlanningFixtures.person(profiles, "Văn Bản", Sex.MALE, LocalDate.of(1966, 1, 1), "THAC_SI", "14", school, Map.of());
		PlanningFixtures.person(profiles, "Văn Bản Hai", Sex.FEMALE, LocalDate.of(1990, 1, 1), "DAI_HOC", "14", school, Map.of());
		PlanningFixtures.person(profiles, "Văn Bản Ngoài", Sex.MALE, LocalDate.of(1966, 3, 1), "THAC_SI", "14", other, Map.of());
		int year = LocalDate.now().getYear() + 1;
		needs.save(new Needs.Line(school, "14", "DAI_HOC", year, 5, null), Scope.PROVINCE, "test");
		needs.save(new Needs.Line(other, "14", "DAI_HOC", year, 1, null), Scope.PROVINCE, "test");

		var officer = TestAccounts.ready(administration, "planning.documents.officer", Role.UNIT_OFFICER);
		scopes.assign(administration.findByUsername(officer).orElseThrow().id(), school, "test");
		var web = TestAccounts.loggedIn(port, administration, officer, Role.UNIT_OFFICER);
		assertThat(web.get("/planning/retirements?by=UNIT").body()).contains("id=\"export-pdf\"", "id=\"export-docx\"");

		var docx = text(web.getBytes("/planning/retirements.docx?by=UNIT"));
		assertThat(docx).contains("BÁO CÁO", "Dự báo số trí thức nghỉ hưu giai đoạn", "Trường Văn Bản Dự Báo", "Tổng số trí thức: 2 người",
				"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").doesNotContain("Trường Văn Bản Ngoài");
		try (var read = new XWPFDocument(new ByteArrayInputStream(web.getBytes("/planning/retirements.docx?by=UNIT")))) {
			assertThat(read.getAllPictures()).as("the chart").hasSize(1);
			assertThat(read.getParagraphs().stream().flatMap(p -> p.getRuns().stream()).map(r -> r.getFontFamily())
				.filter(f -> f != null).distinct()).containsExactly("Times New Roman");
		}
		var pdf = pdfText(web.getBytes("/planning/retirements.pdf?by=UNIT"));
		assertThat(pdf).contains("BÁO CÁO", "Trường Văn Bản Dự Báo", "Số người nghỉ hưu theo năm").doesNotContain("Trường Văn Bản Ngoài");

		var balanceDocx = text(web.getBytes("/planning/balance.docx?year=" + year));
		assertThat(balanceDocx).contains("Cân đối cung – cầu đội ngũ trí thức năm " + year, "Trường Văn Bản Dự Báo", "Thiếu")
			.doesNotContain("Trường Văn Bản Ngoài");
		var balancePdf = pdfText(web.getBytes("/planning/balance.pdf?year=" + year));
		assertThat(balancePdf).contains("Cân đối cung – cầu đội ngũ trí thức năm " + year, "Trường Văn Bản Dự Báo");

		var intellectual = TestAccounts.loggedIn(port, administration, "planning.documents.intellectual", Role.INTELLECTUAL);
		assertThat(intellectual.get("/planning/retirements.pdf").status()).isEqualTo(403);
		assertThat(intellectual.get("/planning/balance.docx").status()).isEqualTo(403);
	}

	static String text(byte[] docx) throws Exception {
		try (var read = new XWPFDocument(new ByteArrayInputStream(docx))) {
			var text = new StringBuilder();
			read.getParagraphs().forEach(p -> text.append(p.getText()).append('\n'));
			read.getTables().forEach(t -> text.append(t.getText()).append('\n'));
			return text.toString();
		}
	}

	static String pdfText(byte[] pdf) throws Exception {
		try (var read = Loader.loadPDF(pdf)) {
			// table cells wrap: words joined by single spaces
			return new PDFTextStripper().getText(read).replaceAll("\\s+", " ");
		}
	}
}
