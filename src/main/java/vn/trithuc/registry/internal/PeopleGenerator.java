package vn.trithuc.registry.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import vn.trithuc.registry.Sex;

/**
 * A deterministic generator of realistic people for demo mode and benchmarks: the same seed gives the same
 * people. Vietnamese family-name frequencies, a Central Highlands (Lâm Đồng) ethnic mix with K'Ho, Mạ, Chu-ru
 * and M'Nông names, ages 23–64, plausible degrees, fields, work histories, party membership and talent flags.
 * People work in the org units handed in (stable placeholder UUIDs when none, e.g. for benchmarks); hometowns
 * and residences are the administrative units handed in (real catalog units).
 */
public final class PeopleGenerator {

	/** A generated person: the profile data, its parts and the derived values. */
	public record Generated(UUID id, PersonData data, List<Part> parts, UUID currentOrgUnit, String personnelCategory,
			String highestDegree, boolean partyMember, boolean talent) {
	}

	private static final String[][] FAMILY = { { "Nguyễn", "380" }, { "Trần", "110" }, { "Lê", "95" }, { "Phạm", "71" },
			{ "Hoàng", "31" }, { "Huỳnh", "20" }, { "Phan", "45" }, { "Vũ", "20" }, { "Võ", "19" }, { "Đặng", "21" },
			{ "Bùi", "20" }, { "Đỗ", "14" }, { "Hồ", "13" }, { "Ngô", "13" }, { "Dương", "10" }, { "Lý", "5" },
			{ "Đinh", "6" }, { "Trương", "6" }, { "Lâm", "4" }, { "Mai", "4" }, { "Đoàn", "4" }, { "Cao", "3" },
			{ "Tạ", "2" }, { "Hà", "3" } };
	private static final String[] MIDDLE_MALE = { "Văn", "Văn", "Văn", "Đức", "Minh", "Quốc", "Hữu", "Thanh", "Công",
			"Ngọc", "Xuân", "Đình", "Quang", "Anh" };
	private static final String[] MIDDLE_FEMALE = { "Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ",
			"Phương", "Hồng", "Minh", "Bích", "Thuỳ" };
	private static final String[] GIVEN_MALE = { "An", "Anh", "Bảo", "Bình", "Cường", "Chiến", "Dũng", "Duy", "Đạt",
			"Đức", "Giang", "Hải", "Hiếu", "Hoà", "Hoàng", "Hùng", "Huy", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lộc",
			"Minh", "Nam", "Nghĩa", "Phong", "Phúc", "Quang", "Quân", "Sơn", "Tài", "Thắng", "Thành", "Thịnh", "Toàn",
			"Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ" };
	private static final String[] GIVEN_FEMALE = { "An", "Anh", "Ánh", "Châu", "Diệp", "Dung", "Giang", "Hà", "Hạnh",
			"Hằng", "Hiền", "Hoa", "Hồng", "Huệ", "Hương", "Huyền", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga",
			"Ngân", "Ngọc", "Nhung", "Oanh", "Phương", "Quỳnh", "Tâm", "Thảo", "Thu", "Thuỷ", "Trang", "Trinh", "Tuyết",
			"Vân", "Yến" };
	/** K'Ho clans; men's given names often start with K', women's with Ka (written in the middle here). */
	private static final String[] KHO_FAMILY = { "Liêng Hót", "Kơ Să", "Cil", "Đa Cát", "Kră Jăn", "Bon Jốc", "Rơ Ông",
			"Lơ Mu", "Ha" };
	private static final String[] KHO_GIVEN = { "Brồ", "Đing", "Huơng", "Hiền", "Lành", "Sang", "Then", "Brel", "Dơng",
			"Hoan", "Jơn", "Mơ", "Nhi", "Sơ", "Điểu", "Tiên" };
	private static final String[] MA_FAMILY = { "Điểu", "Điểu Thị", "Điểu K'" };
	private static final String[] MA_GIVEN = { "Lứt", "Bé", "Sa", "Rơi", "Thanh", "Hằng", "Lưới", "Mai", "Khôn" };
	private static final String[] CHURU_FAMILY = { "Ya", "Touneh", "Ma", "Bơ Nahria", "Ha Mon" };
	private static final String[] CHURU_GIVEN = { "Gới", "Ha Ra", "Tuyn", "Chiến", "Bi", "Phen", "Đam", "Thương" };
	private static final String[] MNONG_FAMILY = { "Điểu", "Thị", "Y", "H'" };
	private static final String[] MNONG_GIVEN = { "Bri", "Len", "Krông", "Mai", "Thơm", "Đăk", "Ngơn", "Bơn", "Rit" };
	/** ethnic code (1019/QĐ-TCTK) → weight per thousand, Lâm Đồng-like */
	private static final String[][] ETHNIC = { { "01", "760" }, { "15", "90" }, { "28", "30" }, { "34", "20" },
			{ "20", "30" }, { "02", "20" }, { "07", "20" }, { "03", "10" }, { "08", "10" }, { "09", "10" } };
	private static final String[][] CATEGORY = { { "PUBLIC_EMPLOYEE", "500" }, { "CIVIL_SERVANT", "230" },
			{ "CADRE", "80" }, { "ENTERPRISE", "70" }, { "PRIVATE", "40" }, { "ARMED_FORCES", "20" },
			{ "RETIRED", "50" }, { "ABROAD", "10" } };
	private static final String[][] DEGREE = { { "DAI_HOC", "690" }, { "THAC_SI", "230" }, { "TIEN_SI", "50" },
			{ "CHUYEN_KHOA_1", "20" }, { "CHUYEN_KHOA_2", "10" } };
	private static final String[] FIELDS = { "14", "14", "14", "72", "72", "62", "62", "34", "38", "48", "51", "52",
			"42", "44", "46", "22", "31", "85", "58" };
	private static final String[] INSTITUTIONS = { "Trường Đại học Đà Lạt", "Trường Đại học Tây Nguyên",
			"Trường Đại học Sư phạm TP. Hồ Chí Minh", "Trường Đại học Nông Lâm TP. Hồ Chí Minh",
			"Trường Đại học Y Dược TP. Hồ Chí Minh", "Trường Đại học Bách khoa Hà Nội", "Trường Đại học Kinh tế Quốc dân",
			"Trường Đại học Khoa học Tự nhiên, ĐHQG TP. Hồ Chí Minh", "Học viện Hành chính Quốc gia" };
	private static final String[] JOB_TITLES = { "Giáo viên", "Giảng viên", "Bác sĩ", "Điều dưỡng", "Kỹ sư nông nghiệp",
			"Chuyên viên", "Kế toán", "Cán bộ địa chính", "Kỹ sư xây dựng", "Dược sĩ", "Nghiên cứu viên", "Phó trưởng phòng",
			"Trưởng phòng", "Hiệu trưởng", "Phó giám đốc" };
	private static final String[] KEYWORDS = { "trồng cà phê", "rau hoa công nghệ cao", "năng lượng sạch",
			"giáo dục dân tộc thiểu số", "y tế cộng đồng", "lâm nghiệp bền vững", "du lịch sinh thái", "chuyển đổi số",
			"quản lý đất đai", "thủy lợi", "dược liệu", "chăn nuôi bò sữa" };

	private static final String[] WORK_TITLES = { "Nghiên cứu giải pháp", "Ứng dụng tiến bộ kỹ thuật trong",
			"Đánh giá thực trạng và đề xuất giải pháp phát triển", "Xây dựng mô hình" };

	private final SplittableRandom random;
	private final List<UUID> orgUnits;
	private final List<UUID> adminUnits;
	private final int thisYear;
	private final LocalDate today;
	private long serial;

	/**
	 * @param adminUnits real administrative units for hometowns and residences (may be empty)
	 * @param today the date ages and "current" are computed for
	 */
	public PeopleGenerator(long seed, List<UUID> adminUnits, LocalDate today) {
		this(seed, adminUnits, List.of(), today);
	}

	/** @param orgUnits units of the organisation tree to place people in; stable placeholder ids when empty */
	public PeopleGenerator(long seed, List<UUID> adminUnits, List<UUID> orgUnits, LocalDate today) {
		this.random = new SplittableRandom(seed);
		this.adminUnits = List.copyOf(adminUnits);
		this.thisYear = today.getYear();
		this.today = today;
		var units = new ArrayList<UUID>(orgUnits);
		for (int i = 0; orgUnits.isEmpty() && i < 184; i++) {
			units.add(UUID.nameUUIDFromBytes(("trithuc-demo-org-unit-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		}
		this.orgUnits = List.copyOf(units);
		this.serial = seed % 1000 * 1000;
	}

	/** The placeholder org units people are placed in. */
	public List<UUID> orgUnits() {
		return orgUnits;
	}

	public Generated next() {
		serial++;
		var sex = random.nextInt(100) < 52 ? Sex.FEMALE : Sex.MALE;
		var ethnic = weighted(ETHNIC);
		String family;
		String middle;
		String given;
		switch (ethnic) {
			case "15" -> {
				family = pick(KHO_FAMILY);
				middle = sex == Sex.MALE ? "K'" : "Ka";
				given = pick(KHO_GIVEN);
			}
			case "28" -> {
				family = pick(MA_FAMILY);
				middle = "";
				given = pick(MA_GIVEN);
			}
			case "34" -> {
				family = pick(CHURU_FAMILY);
				middle = "";
				given = pick(CHURU_GIVEN);
			}
			case "20" -> {
				family = sex == Sex.MALE ? "Y" : "H'";
				middle = "";
				given = pick(MNONG_GIVEN);
				if (random.nextBoolean()) {
					family = "Điểu";
					middle = sex == Sex.FEMALE ? "Thị" : "";
				}
			}
			default -> {
				family = weighted(FAMILY);
				middle = pick(sex == Sex.MALE ? MIDDLE_MALE : MIDDLE_FEMALE);
				given = pick(sex == Sex.MALE ? GIVEN_MALE : GIVEN_FEMALE);
			}
		}
		if (middle.equals("K'") && !given.isEmpty()) {
			given = "K'" + given;
			middle = "";
		}
		// ages 23–64, more in the middle
		int age = 23 + (random.nextInt(42) + random.nextInt(42)) / 2;
		int birthYear = thisYear - age;
		LocalDate birthDate = random.nextInt(100) < 90 ? LocalDate.of(birthYear, 1 + random.nextInt(12), 1 + random.nextInt(28)) : null;
		String nationalId = random.nextInt(100) < 85 ? nationalId(birthYear, sex) : null;
		var home = adminUnits.isEmpty() ? null : adminUnits.get(random.nextInt(adminUnits.size()));
		var residence = adminUnits.isEmpty() ? null : random.nextInt(100) < 60 ? home : adminUnits.get(random.nextInt(adminUnits.size()));
		var religion = random.nextInt(100) < 70 ? "00" : random.nextInt(100) < 50 ? "02" : random.nextInt(100) < 60 ? "01" : "03";
		var phone = "09" + String.format("%08d", random.nextInt(100_000_000));
		var data = new PersonData(family, middle, given, null, sex, birthDate, birthYear, ethnic, religion, nationalId, null,
				home, residence, phone, null, null);

		var parts = new ArrayList<Part>();
		// degrees: a bachelor's, sometimes more
		int graduation = birthYear + 22 + random.nextInt(3);
		var top = weighted(DEGREE);
		var field = pick(FIELDS);
		parts.add(part(PartKind.DEGREE, LocalDate.of(graduation, 7, 1), null, Map.of("level", "DAI_HOC", "fieldOfStudy", field,
				"institution", pick(INSTITUTIONS), "country", "Việt Nam", "year", Integer.toString(graduation), "mode", "Chính quy")));
		int studyYear = graduation;
		for (var level : List.of("THAC_SI", "CHUYEN_KHOA_1", "CHUYEN_KHOA_2", "TIEN_SI")) {
			if (top.equals("DAI_HOC") || rank(level) > rank(top) || (top.startsWith("CHUYEN") != level.startsWith("CHUYEN"))) {
				continue;
			}
			studyYear = Math.min(thisYear, studyYear + 2 + random.nextInt(4));
			parts.add(part(PartKind.DEGREE, LocalDate.of(studyYear, 9, 1), null, Map.of("level", level, "fieldOfStudy", field,
					"institution", pick(INSTITUTIONS), "country", random.nextInt(100) < 85 ? "Việt Nam" : "Pháp", "year",
					Integer.toString(studyYear))));
		}
		// work history: one to three positions, the last one current — for a retiree too, with the category RETIRED
		// (the unit they retired from: the unit the registry's own rule, Profiles.refreshDerived, and the statistics
		// give them); never starting after today (a position starting next month is not current yet)
		var category = age >= 61 ? "RETIRED" : weighted(CATEGORY);
		int positions = 1 + random.nextInt(3);
		LocalDate start = LocalDate.of(Math.min(thisYear, graduation + 1), 1 + random.nextInt(12), 1);
		if (start.isAfter(today)) {
			start = today.withDayOfMonth(1);
		}
		UUID unit = orgUnits.get(random.nextInt(orgUnits.size()));
		for (int p = 0; p < positions; p++) {
			boolean last = p == positions - 1;
			LocalDate end = last ? null : start.plusYears(2 + random.nextInt(8));
			if (end != null && end.getYear() >= thisYear) {
				end = null;
				last = true;
			}
			unit = orgUnits.get(random.nextInt(orgUnits.size()));
			var positionCategory = category.equals("RETIRED") && !last ? "PUBLIC_EMPLOYEE" : category;
			parts.add(part(PartKind.POSITION, start, end, Map.of("orgUnit", unit.toString(), "jobTitle", pick(JOB_TITLES),
					"personnelCategory", positionCategory)));
			if (last) {
				break;
			}
			start = end.plusDays(1);
		}
		if (random.nextInt(100) < 40) {
			parts.add(part(PartKind.POLITICAL_THEORY, LocalDate.of(Math.min(thisYear, graduation + 5), 6, 1), null,
					Map.of("level", random.nextInt(100) < 70 ? "TRUNG_CAP" : "CAO_CAP")));
		}
		parts.add(part(PartKind.FOREIGN_LANGUAGE, LocalDate.of(graduation, 6, 1), null,
				Map.of("language", random.nextInt(100) < 85 ? "Tiếng Anh" : "Tiếng Pháp", "level", "BAC_" + (2 + random.nextInt(4)))));
		var keyword = pick(KEYWORDS);
		parts.add(part(PartKind.EXPERTISE, null, null, Map.of("field", field, "keywords", keyword)));
		if (serial % 4 == 0) { // an S&T work for one in four (no random draw: the rest of the sequence stays as it was)
			parts.add(new Part(UUID.nameUUIDFromBytes(("trithuc-work-" + serial).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
					PartKind.WORK, null, null, new LinkedHashMap<>(Map.of("title", WORK_TITLES[(int) (serial % WORK_TITLES.length)]
							+ " " + keyword, "workType", "Đề tài khoa học", "year", Integer.toString(Math.min(thisYear, graduation + 6))))));
		}
		boolean party = random.nextInt(100) < 35 && age >= 25;
		if (party) {
			int join = Math.min(thisYear, birthYear + 24 + random.nextInt(Math.max(1, age - 24)));
			var joinDate = LocalDate.of(join, 1 + random.nextInt(12), 1 + random.nextInt(28));
			parts.add(part(PartKind.PARTY_MEMBERSHIP, joinDate, null, Map.of("joinDate", joinDate.toString(),
					"officialDate", joinDate.plusYears(1).toString())));
		}
		boolean talent = random.nextInt(1000) < 15;
		if (talent) {
			parts.add(part(PartKind.TALENT, LocalDate.of(Math.max(graduation, thisYear - 3), 1, 1), null,
					Map.of("reason", "Giải thưởng khoa học và công nghệ cấp tỉnh")));
		}
		return new Generated(UUID.nameUUIDFromBytes(("trithuc-person-" + serial + "-" + family + given).getBytes(
				java.nio.charset.StandardCharsets.UTF_8)), data, parts, unit, category, top, party, talent);
	}

	private Part part(PartKind kind, LocalDate from, LocalDate to, Map<String, String> attributes) {
		return new Part(new UUID(random.nextLong(), random.nextLong()), kind, from, to, new LinkedHashMap<>(attributes));
	}

	private static int rank(String level) {
		return switch (level) {
			case "THAC_SI", "CHUYEN_KHOA_1" -> 1;
			case "CHUYEN_KHOA_2", "TIEN_SI" -> 2;
			default -> 0;
		};
	}

	/** 068 (Lâm Đồng, pre-2025 code) mostly; century/sex digit and year agree with the person; unique serial. */
	private String nationalId(int birthYear, Sex sex) {
		var province = random.nextInt(100) < 80 ? "068" : random.nextInt(2) == 0 ? "067" : "060";
		long block = serial / 1_000_000;
		if (block > 0) { // beyond a million people: another province code keeps the IDs unique
			province = String.format("%03d", block);
		}
		int g = (birthYear >= 2000 ? 2 : 0) + (sex == Sex.FEMALE ? 1 : 0);
		return province + g + String.format("%02d", birthYear % 100) + String.format("%06d", serial % 1_000_000);
	}

	private String pick(String[] values) {
		return values[random.nextInt(values.length)];
	}

	private String weighted(String[][] table) {
		int total = 0;
		for (var row : table) {
			total += Integer.parseInt(row[1]);
		}
		int r = random.nextInt(total);
		for (var row : table) {
			r -= Integer.parseInt(row[1]);
			if (r < 0) {
				return row[0];
			}
		}
		return table[0][0];
	}
}
