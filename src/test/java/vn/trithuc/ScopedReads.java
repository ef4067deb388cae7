package vn.trithuc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import vn.trithuc.identity.Role;

/**
 * Reading pages and exports as a scoped user, for the tests that check a module's scope rule route by route: the
 * request, and the text a person reads in the answer (the page, or the words of an .xlsx, DOCX or PDF).
 */
public final class ScopedReads {

	private ScopedReads() {
	}

	/** GET {@code path} with these parameters as {@code username} holding {@code role}. */
	public static MvcResult get(MockMvc mvc, String path, Map<String, String> parameters, String username, Role role)
			throws Exception {
		var request = MockMvcRequestBuilders.get(path).with(user(username).authorities(() -> role.authority()));
		parameters.forEach(request::param);
		return mvc.perform(request).andReturn();
	}

	/**
	 * One dynamic test per path and reader: the answer is refused by role (403), or it is a page or export (200, 302)
	 * in which none of {@code foreign} appears.
	 */
	public static Stream<DynamicTest> nothingOf(MockMvc mvc, List<String> paths,
			Function<String, Map<String, String>> parameters, Map<String, Role> readers, String... foreign) {
		return paths.stream().flatMap(path -> readers.entrySet().stream().map(reader -> DynamicTest.dynamicTest(
				path + " as " + reader.getKey(), () -> {
					var result = get(mvc, path, parameters.apply(path), reader.getKey(), reader.getValue());
					int status = result.getResponse().getStatus();
					if (status == 403) {
						// a route the role may not use at all (the access harness checks which)
						return;
					}
					assertThat(status).as("%s as %s", path, reader.getKey()).isIn(200, 302);
					assertThat(text(result)).as("%s as %s", path, reader.getKey()).doesNotContain(foreign);
				})));
	}

	/** The body of a 200 answer. */
	public static byte[] bytes(MvcResult result) {
		assertThat(result.getResponse().getStatus()).isEqualTo(200);
		return result.getResponse().getContentAsByteArray();
	}

	/** The cells of the first sheet, as text. */
	public static List<List<String>> xlsxRows(byte[] xlsx) throws Exception {
		var rows = new ArrayList<List<String>>();
		try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			workbook.getFirstSheet().openStream().forEach(r -> {
				var cells = new ArrayList<String>();
				for (int c = 0; c < r.getCellCount(); c++) {
					cells.add(r.getCellText(c));
				}
				rows.add(cells);
			});
		}
		return rows;
	}

	/** The text a person reads in the answer: the page, or the words of the spreadsheet, DOCX or PDF. */
	public static String text(MvcResult result) throws Exception {
		var response = result.getResponse();
		var type = response.getContentType() == null ? "" : response.getContentType();
		byte[] body = response.getContentAsByteArray();
		if (type.contains("spreadsheetml")) {
			return String.join("\n", xlsxRows(body).stream().map(r -> String.join(" | ", r)).toList());
		}
		if (type.contains("wordprocessingml")) {
			try (var read = new XWPFDocument(new ByteArrayInputStream(body))) {
				var text = new StringBuilder();
				read.getParagraphs().forEach(p -> text.append(p.getText()).append('\n'));
				read.getTables().forEach(t -> text.append(t.getText()).append('\n'));
				return text.toString();
			}
		}
		if (type.contains("pdf")) {
			try (var read = Loader.loadPDF(body)) {
				return new PDFTextStripper().getText(read).replaceAll("\\s+", " ");
			}
		}
		return new String(body, StandardCharsets.UTF_8);
	}
}
