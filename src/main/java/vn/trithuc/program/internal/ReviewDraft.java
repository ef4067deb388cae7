package vn.trithuc.program.internal;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import vn.trithuc.program.Disseminations;
import vn.trithuc.program.ProgramDocument;
import vn.trithuc.program.ReviewReports.Facts;
import vn.trithuc.program.ReviewReports.TaskLine;
import vn.trithuc.program.ReviewSection;
import vn.trithuc.program.TaskGroup;
import vn.trithuc.program.UnitReports;
import vn.trithuc.shared.Formats;

/**
 * The first draft of each section of a review report, written from the accepted unit reports: figures as
 * sentences, and what the units wrote (narratives, task notes, difficulties, proposals) as "- unit: text" lines
 * for the commission to condense. Vietnamese whatever the user's language: it is an official document.
 */
final class ReviewDraft {

	private static final Formats FORMATS = new Formats();

	private ReviewDraft() {
	}

	/** What one accepted unit report says in words; task notes by task item id. */
	record UnitContent(String unitName, @Nullable String narrative, @Nullable String difficulties,
			@Nullable String proposals, Map<UUID, String> taskNotes) {
	}

	static Map<ReviewSection, String> texts(UnitReports.Period period, Facts facts, List<UnitContent> contents,
			ProgramDocument program) {
		var texts = new EnumMap<ReviewSection, String>(ReviewSection.class);
		var dates = period.dates();
		int expected = facts.units().size();
		var situation = new StringBuilder();
		situation.append("Kỳ báo cáo ").append(period.name()).append(" (số liệu từ ngày ")
			.append(FORMATS.date(dates.cutoffFrom())).append(" đến ngày ").append(FORMATS.date(dates.cutoffTo()))
			.append("): ").append(facts.submitted()).append("/").append(expected).append(" đơn vị đã gửi báo cáo (")
			.append(percent(facts.submitted(), expected)).append("), trong đó ").append(facts.onTime())
			.append(" đơn vị gửi đúng hạn; ").append(facts.accepted())
			.append(" báo cáo đã được duyệt và được tổng hợp trong báo cáo này.");
		lines(situation, contents.stream().map(c -> entry(c.unitName(), c.narrative())).toList());
		texts.put(ReviewSection.SITUATION, situation.toString());

		var coverage = facts.dissemination();
		var leadership = new StringBuilder();
		if (coverage.sessions() == 0) {
			leadership.append("Trong kỳ chưa có đơn vị nào ghi nhận hội nghị quán triệt, tuyên truyền trên hệ thống.");
		}
		else {
			leadership.append("Các cấp ủy đã tổ chức ").append(coverage.sessions())
				.append(" hội nghị, buổi quán triệt, tuyên truyền tại ").append(coverage.unitsCovered()).append("/")
				.append(coverage.units()).append(" đơn vị (").append(percent(coverage.unitsCovered(), coverage.units()))
				.append("), với ").append(FORMATS.number(coverage.participantsTotal(), 0)).append(" lượt người tham gia: ")
				.append(participants(coverage)).append(".");
		}
		texts.put(ReviewSection.LEADERSHIP, leadership.toString());

		for (var group : TaskGroup.values()) {
			var tasks = facts.tasks(group);
			int done = tasks.stream().mapToInt(TaskLine::done).sum();
			int progress = tasks.stream().mapToInt(TaskLine::inProgress).sum();
			int notStarted = tasks.stream().mapToInt(TaskLine::notStarted).sum();
			int overdue = tasks.stream().mapToInt(TaskLine::overdue).sum();
			var text = new StringBuilder();
			text.append("Nhóm nhiệm vụ gồm ").append(tasks.size()).append(" nhiệm vụ. Qua ").append(facts.accepted())
				.append(" báo cáo được duyệt: ").append(done).append(" lượt đã hoàn thành, ").append(progress)
				.append(" lượt đang thực hiện, ").append(notStarted).append(" lượt chưa thực hiện, ").append(overdue)
				.append(" lượt quá hạn.");
			var notes = new java.util.ArrayList<String>();
			for (var task : tasks) {
				for (var content : contents) {
					var note = content.taskNotes().get(task.itemId());
					if (note != null && !note.isBlank()) {
						notes.add(content.unitName() + " (nhiệm vụ " + task.label() + "): " + note.strip());
					}
				}
			}
			lines(text, notes);
			texts.put(ReviewSection.results(group), text.toString());
		}

		texts.put(ReviewSection.STRENGTHS, "Các cấp ủy, tổ chức đảng đã quan tâm lãnh đạo, chỉ đạo triển khai Chương trình; "
				+ facts.onTime() + "/" + expected + " đơn vị gửi báo cáo đúng hạn (" + percent(facts.onTime(), expected) + ").");
		var limitations = new StringBuilder("Một số đơn vị còn khó khăn, vướng mắc trong tổ chức thực hiện");
		limitations.append(expected > facts.submitted() ? "; " + (expected - facts.submitted()) + " đơn vị chưa gửi báo cáo." : ".");
		lines(limitations, contents.stream().map(c -> entry(c.unitName(), c.difficulties())).toList());
		texts.put(ReviewSection.LIMITATIONS, limitations.toString());
		texts.put(ReviewSection.CAUSES, "Nguyên nhân khách quan: (cơ quan tham mưu bổ sung).\n"
				+ "Nguyên nhân chủ quan: (cơ quan tham mưu bổ sung).");
		texts.put(ReviewSection.LESSONS, "Cấp ủy, người đứng đầu trực tiếp lãnh đạo, chỉ đạo; thường xuyên đôn đốc, "
				+ "kiểm tra, giám sát và kịp thời bổ sung, cập nhật nhiệm vụ, giải pháp phù hợp với thực tiễn.");
		var ahead = new StringBuilder("Tiếp tục thực hiện đồng bộ các nhiệm vụ, giải pháp của Chương trình; tập trung vào các nhiệm vụ chưa hoàn thành:");
		var open = facts.tasks().stream().filter(t -> t.reported() > 0 && t.done() < t.reported())
			.map(t -> "Nhiệm vụ " + t.label() + ": " + shorten(t.text())).toList();
		lines(ahead, open.isEmpty() ? facts.tasks().stream().map(t -> "Nhiệm vụ " + t.label() + ": " + shorten(t.text())).toList()
				: open);
		texts.put(ReviewSection.TASKS_AHEAD, ahead.toString());
		var proposals = new StringBuilder("Tổng hợp kiến nghị, đề xuất của các đơn vị:");
		var unitProposals = contents.stream().map(c -> entry(c.unitName(), c.proposals())).filter(e -> e != null).toList();
		if (unitProposals.isEmpty()) {
			proposals = new StringBuilder("Các đơn vị không có kiến nghị, đề xuất trong kỳ.");
		}
		lines(proposals, unitProposals);
		texts.put(ReviewSection.PROPOSALS, proposals.toString());
		return texts;
	}

	private static @Nullable String entry(String unit, @Nullable String text) {
		return text == null || text.isBlank() ? null : unit + ": " + text.strip().replaceAll("\\s*\\R\\s*", " ");
	}

	private static void lines(StringBuilder text, List<? extends @Nullable String> lines) {
		for (var line : lines) {
			if (line != null) {
				text.append("\n- ").append(line);
			}
		}
	}

	private static String percent(long part, long whole) {
		return FORMATS.percent(whole == 0 ? 0 : (double) part / whole);
	}

	private static String participants(Disseminations.Coverage coverage) {
		var names = Map.of(Disseminations.ParticipantGroup.PARTY_MEMBERS, "cán bộ, đảng viên",
				Disseminations.ParticipantGroup.CIVIL_SERVANTS, "công chức, viên chức",
				Disseminations.ParticipantGroup.INTELLECTUALS, "trí thức", Disseminations.ParticipantGroup.PEOPLE,
				"quần chúng Nhân dân");
		var parts = new java.util.ArrayList<String>();
		for (var group : Disseminations.ParticipantGroup.values()) {
			parts.add(names.get(group) + " " + FORMATS.number(coverage.participants().getOrDefault(group, 0), 0));
		}
		return String.join(", ", parts);
	}

	static String shorten(String text) {
		var firstLine = text.strip().lines().findFirst().orElse("");
		return firstLine.length() <= 160 ? firstLine : firstLine.substring(0, firstLine.lastIndexOf(' ', 157)) + "…";
	}
}
