package vn.trithuc.documents;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An official document as the party (36-HD/VPTW) and state (Decree 30/2020) formats lay it out. Built by the
 * module that owns the content (e.g. a program's review report); rendered by {@link Documents}.
 *
 * @param higherBody "ĐẢNG BỘ TỈNH LÂM ĐỒNG" (may be empty)
 * @param issuingBody "HUYỆN ỦY ĐAM RÔNG"
 * @param place "Đam Rông"
 * @param kind "BÁO CÁO", "CHƯƠNG TRÌNH HÀNH ĐỘNG"
 * @param summary the title under the kind, lines separated by '\n'
 */
public record OfficialDocument(DocumentFormat format, String higherBody, String issuingBody, DocumentNumber number,
		String place, DocumentDate date, String kind, String summary, List<Block> body, @Nullable Signature signature,
		List<String> recipients, List<Annex> annexes) {

	public OfficialDocument {
		body = List.copyOf(body);
		recipients = List.copyOf(recipients);
		annexes = List.copyOf(annexes);
	}

	/** The national title line(s) in the top right. */
	public List<String> nationalTitle() {
		return switch (format) {
			case PARTY -> List.of("ĐẢNG CỘNG SẢN VIỆT NAM");
			case STATE -> List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
		};
	}

	public String numberLine() {
		return number.text(format);
	}

	public String dateLine() {
		return date.text(place);
	}
}
