package vn.trithuc.program.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import vn.trithuc.program.PartialDate;
import vn.trithuc.shared.VietnameseText;

/**
 * Reads an action program typed in the party document layout (36-HD/VPTW) as plain text: the header block
 * (higher body, issuing body, "*", number line, ĐẢNG CỘNG SẢN VIỆT NAM, place and date), the document kind,
 * the title up to the "-----" rule, the preamble, parts I–IV with numbered sections and "- " items, and the
 * recipients after "Nơi nhận:". A line that is neither a heading nor an item continues the element before
 * it, so headings broken across lines (đội ngũ trí / thức) come out whole. Texts are kept verbatim (NFC,
 * surrounding spaces removed); blank parts of the number and date stay unknown.
 */
final class SeedProgramParser {

	private static final Pattern PART = Pattern.compile("^(I|II|III|IV|V|VI)\\.\\s+(.+)$");
	private static final Pattern NUMBERED = Pattern.compile("^(\\d{1,2})\\.\\s+(.+)$");
	private static final Pattern NUMBER_LINE = Pattern.compile("^Số\\s*(\\d*)\\s*-\\s*(\\S+)$");
	private static final Pattern DATE_LINE = Pattern
		.compile("^(.+?),\\s*ngày\\s*(\\d{0,2})\\s*tháng\\s*(\\d{0,2})\\s*năm\\s*(\\d{4})$");
	private static final String RULE = "-----";
	private static final String RECIPIENTS = "Nơi nhận:";
	private static final String PARTY_LINE = "ĐẢNG CỘNG SẢN VIỆT NAM";

	private SeedProgramParser() {
	}

	static ParsedProgram parse(String source) {
		var lines = VietnameseText.nfc(source.replace("\r\n", "\n").replace('\r', '\n')).lines()
			.map(String::strip).toList();
		int i = 0;
		var header = new ArrayList<String>();
		while (i < lines.size() && header.size() < 7) {
			if (!lines.get(i).isEmpty()) {
				header.add(lines.get(i));
			}
			i++;
		}
		if (header.size() < 7 || !"*".equals(header.get(2)) || !PARTY_LINE.equals(header.get(4))) {
			throw new IllegalArgumentException("not a party document header: " + header);
		}
		var number = match(NUMBER_LINE, header.get(3));
		var date = match(DATE_LINE, header.get(5));
		var kindHeading = header.get(6);

		var title = new StringBuilder();
		while (i < lines.size() && !lines.get(i).equals(RULE)) {
			append(title, lines.get(i++));
		}
		i++; // the rule
		var preamble = new StringBuilder();
		while (i < lines.size() && !PART.matcher(lines.get(i)).matches()) {
			append(preamble, lines.get(i++));
		}

		var parts = new ArrayList<MutablePart>();
		var recipients = new ArrayList<StringBuilder>();
		MutablePart part = null;
		MutableSection section = null;
		StringBuilder current = null; // the element a continuation line belongs to
		boolean inRecipients = false;
		for (; i < lines.size(); i++) {
			var line = lines.get(i);
			if (line.isEmpty()) {
				continue;
			}
			if (line.equals(RECIPIENTS)) {
				inRecipients = true;
				current = null;
				continue;
			}
			if (inRecipients) {
				if (line.startsWith("- ")) {
					current = new StringBuilder(line.substring(2).strip());
					recipients.add(current);
				}
				else if (current != null) {
					append(current, line);
				}
				continue;
			}
			var partMatch = PART.matcher(line);
			if (partMatch.matches()) {
				part = new MutablePart(partMatch.group(1), new StringBuilder(partMatch.group(2).strip()));
				parts.add(part);
				section = null;
				current = part.heading;
				continue;
			}
			if (part == null) {
				throw new IllegalArgumentException("text before part I: " + line);
			}
			var numbered = NUMBERED.matcher(line);
			if (numbered.matches() && !part.numberedItems()) {
				section = new MutableSection(numbered.group(1), new StringBuilder(numbered.group(2).strip()));
				part.sections.add(section);
				current = section.heading;
				continue;
			}
			if (numbered.matches()) { // part IV: numbered paragraphs are the items
				current = new StringBuilder(numbered.group(2).strip());
				part.items.add(new MutableItem(numbered.group(1), current));
				continue;
			}
			if (line.startsWith("- ")) {
				if (section == null) {
					throw new IllegalArgumentException("item outside a section: " + line);
				}
				current = new StringBuilder(line.substring(2).strip());
				section.items.add(current);
				continue;
			}
			if (current == null) {
				throw new IllegalArgumentException("stray line: " + line);
			}
			append(current, line);
		}

		return new ParsedProgram(header.get(0), header.get(1), header.get(3), emptyToNull(number.group(1)),
				number.group(2), date.group(1).strip(),
				new PartialDate(Integer.parseInt(date.group(4)), intOrNull(date.group(3)), intOrNull(date.group(2))),
				kindHeading, title.toString(), preamble.toString(),
				parts.stream().map(MutablePart::freeze).toList(),
				recipients.stream().map(StringBuilder::toString).toList());
	}

	private static Matcher match(Pattern pattern, String line) {
		var matcher = pattern.matcher(line);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("unexpected header line: " + line);
		}
		return matcher;
	}

	/** Joins a wrapped line to its element with one space. */
	private static void append(StringBuilder text, String line) {
		if (line.isEmpty()) {
			return;
		}
		if (!text.isEmpty()) {
			text.append(' ');
		}
		text.append(line);
	}

	private static @Nullable String emptyToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

	private static @Nullable Integer intOrNull(String text) {
		return text == null || text.isBlank() ? null : Integer.valueOf(text);
	}

	/** The parsed document. */
	record ParsedProgram(String higherIssuerHeading, String issuerHeading, String numberLine, @Nullable String number,
			String numberSuffix, String place, PartialDate issued, String kindHeading, String title, String preamble,
			List<Part> parts, List<String> recipients) {

		Part part(String label) {
			return parts.stream().filter(p -> p.label().equals(label)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("no part " + label));
		}
	}

	/** A part (I, II, …): either numbered sections with "- " items, or (IV) numbered items. */
	record Part(String label, String heading, List<Section> sections, List<NumberedItem> items) {
	}

	record Section(String label, String heading, List<String> items) {
	}

	record NumberedItem(String label, String text) {
	}

	private static final class MutablePart {
		final String label;
		final StringBuilder heading;
		final List<MutableSection> sections = new ArrayList<>();
		final List<MutableItem> items = new ArrayList<>();

		MutablePart(String label, StringBuilder heading) {
			this.label = label;
			this.heading = heading;
		}

		/** "Tổ chức thực hiện": its numbered paragraphs are assignments, not section headings. */
		boolean numberedItems() {
			return heading.toString().startsWith("TỔ CHỨC THỰC HIỆN");
		}

		Part freeze() {
			return new Part(label, heading.toString(),
					sections.stream().map(s -> new Section(s.label, s.heading.toString(),
							s.items.stream().map(StringBuilder::toString).toList())).toList(),
					items.stream().map(it -> new NumberedItem(it.label, it.text.toString())).toList());
		}
	}

	private record MutableSection(String label, StringBuilder heading, List<StringBuilder> items) {
		MutableSection(String label, StringBuilder heading) {
			this(label, heading, new ArrayList<>());
		}
	}

	private record MutableItem(String label, StringBuilder text) {
	}
}
