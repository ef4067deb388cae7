package vn.trithuc.orgunit.internal;

import static vn.trithuc.orgunit.OrgUnitKind.FATHERLAND_FRONT;
import static vn.trithuc.orgunit.OrgUnitKind.GRASSROOTS_PARTY_ORGANISATION;
import static vn.trithuc.orgunit.OrgUnitKind.HEALTH_FACILITY;
import static vn.trithuc.orgunit.OrgUnitKind.PARTY_COMMISSION;
import static vn.trithuc.orgunit.OrgUnitKind.PARTY_COMMITTEE;
import static vn.trithuc.orgunit.OrgUnitKind.PEOPLES_COMMITTEE;
import static vn.trithuc.orgunit.OrgUnitKind.PEOPLES_COMMITTEE_DEPARTMENT;
import static vn.trithuc.orgunit.OrgUnitKind.PEOPLES_COUNCIL;
import static vn.trithuc.orgunit.OrgUnitKind.SCHOOL;
import static vn.trithuc.orgunit.OrgUnitKind.ASSOCIATION;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trithuc.catalog.AdminUnitLevel;
import vn.trithuc.catalog.AdminUnits;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.Succession.Extent;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Inheritor;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;
import vn.trithuc.shared.DemoDataContributor;

/**
 * Demo organisation tree (demo mode only): Lâm Đồng with the former Đam Rông district in detail from
 * 01/01/2020, the 2025 changes applied through the operations themselves (the propaganda commission renamed
 * and joined by the mass-mobilisation commission on 01/03/2025; on 01/07/2025 the 8 Đam Rông communes and
 * Đưng K'Nớ merged into Đam Rông 1–4, the district committee and people's committee dissolved, Đắk Nông and
 * Bình Thuận merged into Lâm Đồng), then all 124 commune-level units of the new Lâm Đồng with their party
 * and people's committees, and a sample of schools and health facilities. Decision numbers of the party
 * side are samples; the state side cites 202/2025/QH15 and 1671/NQ-UBTVQH15.
 */
@Component
class OrgUnitDemoData implements DemoDataContributor {

	private static final Logger log = LoggerFactory.getLogger(OrgUnitDemoData.class);

	static final LocalDate DATA_START = LocalDate.of(2020, 1, 1);
	static final LocalDate COMMISSIONS_MERGED = LocalDate.of(2025, 3, 1);
	static final LocalDate REORGANISED = LocalDate.of(2025, 7, 1);
	private static final LocalDate BEFORE = REORGANISED.minusDays(1);

	private static final Decision START = new Decision(null, null, "Dữ liệu mẫu: đơn vị có từ trước ngày bắt đầu dữ liệu");
	private static final Decision PARTY_2025_03 = new Decision("01-QĐ/TW (mẫu)", LocalDate.of(2025, 2, 20),
			"Dữ liệu mẫu: hợp nhất Ban Tuyên giáo và Ban Dân vận");
	private static final Decision COMMUNES_2025 = new Decision("1671/NQ-UBTVQH15", LocalDate.of(2025, 6, 16),
			"Sắp xếp đơn vị hành chính cấp xã của tỉnh Lâm Đồng năm 2025");
	private static final Decision PROVINCES_2025 = new Decision("202/2025/QH15", LocalDate.of(2025, 6, 12),
			"Sắp xếp đơn vị hành chính cấp tỉnh năm 2025");
	private static final Decision PARTY_2025_07 = new Decision("02-QĐ/TW (mẫu)", LocalDate.of(2025, 6, 30),
			"Dữ liệu mẫu: kết thúc hoạt động cấp huyện, tổ chức đảng cấp xã trực thuộc Tỉnh ủy");

	/** The old Đam Rông communes (and Đưng K'Nớ of Lạc Dương) and the new commune each went into. */
	static final Map<String, String> OLD_COMMUNES = new LinkedHashMap<>();
	static {
		OLD_COMMUNES.put("24886", "Phi Liêng|24886");
		OLD_COMMUNES.put("24889", "Đạ K'Nàng|24886");
		OLD_COMMUNES.put("24877", "Rô Men|24877");
		OLD_COMMUNES.put("24874", "Liêng Srônh|24877");
		OLD_COMMUNES.put("24875", "Đạ Rsal|24875");
		OLD_COMMUNES.put("24859", "Đạ M'Rông|24875");
		OLD_COMMUNES.put("24853", "Đạ Tông|24853");
		OLD_COMMUNES.put("24856", "Đạ Long|24853");
		OLD_COMMUNES.put("24850", "Đưng K'Nớ|24853");
	}

	/** The school of JOURNEYS.md's Thầy Hải (unit officer) and Cô Hương (teacher). */
	static final String DEMO_SCHOOL = "TH-RM";

	private final OrgUnitOperations operations;
	private final JdbcClient jdbc;
	private final AdminUnits adminUnits;
	private final UserScopes scopes;

	OrgUnitDemoData(OrgUnitOperations operations, JdbcClient jdbc, AdminUnits adminUnits, UserScopes scopes) {
		this.operations = operations;
		this.jdbc = jdbc;
		this.adminUnits = adminUnits;
		this.scopes = scopes;
	}

	@Override
	public int order() {
		return 10;
	}

	@Override
	public boolean holdsRealData() {
		return jdbc.sql("select exists (select 1 from orgunit.org_unit)").query(Boolean.class).single();
	}

	@Override
	public void load() {
		long started = System.nanoTime();
		var ids = new LinkedHashMap<String, OrgUnitId>();
		var before = new Batch(ids);

		// the provinces, both sides
		var lamDong = adminUnit("68", AdminUnitLevel.PROVINCE, BEFORE);
		before.add("TU68", "Tỉnh ủy Lâm Đồng", PARTY_COMMITTEE, null, lamDong);
		before.add("TU67", "Tỉnh ủy Đắk Nông", PARTY_COMMITTEE, null, adminUnit("67", AdminUnitLevel.PROVINCE, BEFORE));
		before.add("TU60", "Tỉnh ủy Bình Thuận", PARTY_COMMITTEE, null, adminUnit("60", AdminUnitLevel.PROVINCE, BEFORE));
		before.add("UBND68", "Ủy ban nhân dân tỉnh Lâm Đồng", PEOPLES_COMMITTEE, null, lamDong);
		before.add("UBND67", "Ủy ban nhân dân tỉnh Đắk Nông", PEOPLES_COMMITTEE, null, adminUnit("67", AdminUnitLevel.PROVINCE, BEFORE));
		before.add("UBND60", "Ủy ban nhân dân tỉnh Bình Thuận", PEOPLES_COMMITTEE, null, adminUnit("60", AdminUnitLevel.PROVINCE, BEFORE));
		before.add("HDND68", "Hội đồng nhân dân tỉnh Lâm Đồng", PEOPLES_COUNCIL, null, lamDong);
		before.add("MTTQ68", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lâm Đồng", FATHERLAND_FRONT, null, lamDong);
		before.add("LHH68", "Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh Lâm Đồng", ASSOCIATION, null, lamDong);
		// provincial party commissions
		before.add("VPTU68", "Văn phòng Tỉnh ủy Lâm Đồng", PARTY_COMMISSION, "TU68", null);
		before.add("BTCTU68", "Ban Tổ chức Tỉnh ủy Lâm Đồng", PARTY_COMMISSION, "TU68", null);
		before.add("UBKTTU68", "Ủy ban Kiểm tra Tỉnh ủy Lâm Đồng", PARTY_COMMISSION, "TU68", null);
		before.add("BTGTU68", "Ban Tuyên giáo Tỉnh ủy Lâm Đồng", PARTY_COMMISSION, "TU68", null);
		before.add("BDVTU68", "Ban Dân vận Tỉnh ủy Lâm Đồng", PARTY_COMMISSION, "TU68", null);
		before.add("BNCTU68", "Ban Nội chính Tỉnh ủy Lâm Đồng", PARTY_COMMISSION, "TU68", null);
		// provincial departments
		before.add("VPUB68", "Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng", PEOPLES_COMMITTEE_DEPARTMENT, "UBND68", null);
		before.add("SNV68", "Sở Nội vụ tỉnh Lâm Đồng", PEOPLES_COMMITTEE_DEPARTMENT, "UBND68", null);
		before.add("SGD68", "Sở Giáo dục và Đào tạo tỉnh Lâm Đồng", PEOPLES_COMMITTEE_DEPARTMENT, "UBND68", null);
		before.add("SYT68", "Sở Y tế tỉnh Lâm Đồng", PEOPLES_COMMITTEE_DEPARTMENT, "UBND68", null);
		before.add("SKHCN68", "Sở Khoa học và Công nghệ tỉnh Lâm Đồng", PEOPLES_COMMITTEE_DEPARTMENT, "UBND68", null);
		before.add("STC68", "Sở Tài chính tỉnh Lâm Đồng", PEOPLES_COMMITTEE_DEPARTMENT, "UBND68", null);
		before.add("STP68", "Sở Tư pháp tỉnh Lâm Đồng", PEOPLES_COMMITTEE_DEPARTMENT, "UBND68", null);
		before.add("SVHTTDL68", "Sở Văn hóa, Thể thao và Du lịch tỉnh Lâm Đồng", PEOPLES_COMMITTEE_DEPARTMENT, "UBND68", null);
		before.add("BVDK68", "Bệnh viện Đa khoa tỉnh Lâm Đồng", HEALTH_FACILITY, "SYT68", null);
		before.add("THPT-TLDL", "Trường THPT Chuyên Thăng Long – Đà Lạt", SCHOOL, "SGD68", null);
		before.add("THPT-BTX", "Trường THPT Bùi Thị Xuân", SCHOOL, "SGD68", null);
		before.add("THPT-DR", "Trường THPT Đam Rông", SCHOOL, "SGD68", null);

		// the former Đam Rông district in detail
		var damRong = adminUnit("674", AdminUnitLevel.DISTRICT, BEFORE);
		before.add("HU674", "Huyện ủy Đam Rông", PARTY_COMMITTEE, "TU68", damRong);
		before.add("VPHU674", "Văn phòng Huyện ủy Đam Rông", PARTY_COMMISSION, "HU674", null);
		before.add("BTCHU674", "Ban Tổ chức Huyện ủy Đam Rông", PARTY_COMMISSION, "HU674", null);
		before.add("BTGHU674", "Ban Tuyên giáo Huyện ủy Đam Rông", PARTY_COMMISSION, "HU674", null);
		before.add("BDVHU674", "Ban Dân vận Huyện ủy Đam Rông", PARTY_COMMISSION, "HU674", null);
		before.add("UBKTHU674", "Ủy ban Kiểm tra Huyện ủy Đam Rông", PARTY_COMMISSION, "HU674", null);
		before.add("DBCQ674", "Đảng bộ Cơ quan Chính quyền huyện Đam Rông", GRASSROOTS_PARTY_ORGANISATION, "HU674", null);
		before.add("CBDDT674", "Chi bộ Cơ quan Đảng – Đoàn thể huyện Đam Rông", GRASSROOTS_PARTY_ORGANISATION, "HU674", null);
		before.add("CBTTYT674", "Chi bộ Trung tâm Y tế huyện Đam Rông", GRASSROOTS_PARTY_ORGANISATION, "HU674", null);
		before.add("CBTHPT674", "Chi bộ Trường THPT Đam Rông", GRASSROOTS_PARTY_ORGANISATION, "HU674", null);
		before.add("HU675", "Huyện ủy Lạc Dương", PARTY_COMMITTEE, "TU68", adminUnit("675", AdminUnitLevel.DISTRICT, BEFORE));
		before.add("UBND674", "Ủy ban nhân dân huyện Đam Rông", PEOPLES_COMMITTEE, "UBND68", damRong);
		before.add("UBND675", "Ủy ban nhân dân huyện Lạc Dương", PEOPLES_COMMITTEE, "UBND68",
				adminUnit("675", AdminUnitLevel.DISTRICT, BEFORE));
		before.add("VPUB674", "Văn phòng HĐND và UBND huyện Đam Rông", PEOPLES_COMMITTEE_DEPARTMENT, "UBND674", null);
		before.add("PNV674", "Phòng Nội vụ huyện Đam Rông", PEOPLES_COMMITTEE_DEPARTMENT, "UBND674", null);
		before.add("PGD674", "Phòng Giáo dục và Đào tạo huyện Đam Rông", PEOPLES_COMMITTEE_DEPARTMENT, "UBND674", null);
		before.add("PTCKH674", "Phòng Tài chính – Kế hoạch huyện Đam Rông", PEOPLES_COMMITTEE_DEPARTMENT, "UBND674", null);
		before.add("PYT674", "Phòng Y tế huyện Đam Rông", PEOPLES_COMMITTEE_DEPARTMENT, "UBND674", null);
		before.add("PVHTT674", "Phòng Văn hóa và Thông tin huyện Đam Rông", PEOPLES_COMMITTEE_DEPARTMENT, "UBND674", null);
		before.add("MTTQ674", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Đam Rông", FATHERLAND_FRONT, "MTTQ68", damRong);
		before.add("TTYT674", "Trung tâm Y tế huyện Đam Rông", HEALTH_FACILITY, "SYT68", damRong);
		before.add("MN-PL", "Trường Mầm non Phi Liêng", SCHOOL, "PGD674", null);
		before.add("TH-RM", "Trường Tiểu học Rô Men", SCHOOL, "PGD674", null);
		before.add("THCS-LS", "Trường THCS Liêng Srônh", SCHOOL, "PGD674", null);
		before.add("THCS-DRS", "Trường THCS Đạ Rsal", SCHOOL, "PGD674", null);
		before.add("TH-DT", "Trường Tiểu học Đạ Tông", SCHOOL, "PGD674", null);
		for (var commune : OLD_COMMUNES.entrySet()) {
			var name = commune.getValue().split("\\|")[0];
			var district = commune.getKey().equals("24850") ? "675" : "674";
			var admin = adminUnit(commune.getKey(), AdminUnitLevel.COMMUNE, BEFORE);
			before.add("DU-" + commune.getKey(), "Đảng ủy xã " + name, PARTY_COMMITTEE, "HU" + district, admin);
			before.add("UBND-" + commune.getKey(), "Ủy ban nhân dân xã " + name, PEOPLES_COMMITTEE, "UBND" + district, admin);
		}
		before.create(operations, DATA_START, START);

		// 01/03/2025: the propaganda and mass-mobilisation commissions become one, at both levels
		for (var level : List.of("TU68", "HU674")) {
			var place = level.equals("TU68") ? "Tỉnh ủy Lâm Đồng" : "Huyện ủy Đam Rông";
			operations.rename(ids.get("BTG" + level), null, "Ban Tuyên giáo và Dân vận " + place, null, COMMISSIONS_MERGED,
					PARTY_2025_03);
			operations.merge(List.of(ids.get("BDV" + level)), ids.get("BTG" + level), null, COMMISSIONS_MERGED, PARTY_2025_03);
		}

		// 01/07/2025: the commune-level units of the new Lâm Đồng; Đam Rông 1–4 come from merges below
		var communes = communes2025();
		var after = new Batch(ids);
		for (var commune : communes) {
			if (!isDamRong(commune.code())) {
				var admin = adminUnit(commune.code(), AdminUnitLevel.COMMUNE, REORGANISED);
				after.add("DU-2025-" + commune.code(), "Đảng ủy " + lowerFirst(commune.name()), PARTY_COMMITTEE, "TU68", admin);
				after.add("UBND-2025-" + commune.code(), "Ủy ban nhân dân " + lowerFirst(commune.name()), PEOPLES_COMMITTEE,
						"UBND68", admin);
			}
		}
		after.create(operations, REORGANISED, COMMUNES_2025);
		for (var commune : communes) {
			if (isDamRong(commune.code())) {
				var admin = adminUnit(commune.code(), AdminUnitLevel.COMMUNE, REORGANISED);
				var party = OLD_COMMUNES.entrySet().stream().filter(e -> e.getValue().endsWith("|" + commune.code()))
					.map(e -> ids.get("DU-" + e.getKey())).toList();
				var people = OLD_COMMUNES.entrySet().stream().filter(e -> e.getValue().endsWith("|" + commune.code()))
					.map(e -> ids.get("UBND-" + e.getKey())).toList();
				ids.put("DU-2025-" + commune.code(), operations.merge(party, null,
						NewUnit.of("DU-2025-" + commune.code(), "Đảng ủy " + lowerFirst(commune.name()), PARTY_COMMITTEE,
								ids.get("TU68")).withAdminUnit(admin), REORGANISED, COMMUNES_2025));
				ids.put("UBND-2025-" + commune.code(), operations.merge(people, null,
						NewUnit.of("UBND-2025-" + commune.code(), "Ủy ban nhân dân " + lowerFirst(commune.name()),
								PEOPLES_COMMITTEE, ids.get("UBND68")).withAdminUnit(admin), REORGANISED, COMMUNES_2025));
			}
		}
		// schools and party cells go to the communes; the district's offices and committees end
		move(ids, "MN-PL", "UBND-2025-24886");
		move(ids, "TH-RM", "UBND-2025-24877");
		move(ids, "THCS-LS", "UBND-2025-24877");
		move(ids, "THCS-DRS", "UBND-2025-24875");
		move(ids, "TH-DT", "UBND-2025-24853");
		move(ids, "CBTHPT674", "DU-2025-24877");
		move(ids, "CBTTYT674", "DU-2025-24877");
		dissolve(ids, "VPUB674", "VPUB68", null);
		dissolve(ids, "PNV674", "SNV68", null);
		dissolve(ids, "PGD674", "SGD68", null);
		dissolve(ids, "PTCKH674", "STC68", null);
		dissolve(ids, "PYT674", "SYT68", null);
		dissolve(ids, "PVHTT674", "SVHTTDL68", null);
		var newCommittees = List.of("24886", "24877", "24875", "24853");
		operations.dissolve(ids.get("UBND674"), null, newCommittees.stream()
			.map(code -> new Inheritor(ids.get("UBND-2025-" + code), Extent.PARTIAL, true, "quản lý nhà nước trên địa bàn"))
			.toList(), null, REORGANISED, COMMUNES_2025);
		operations.dissolve(ids.get("UBND675"), null,
				List.of(new Inheritor(ids.get("UBND68"), Extent.PARTIAL, true, null)), null, REORGANISED, COMMUNES_2025);
		dissolve(ids, "MTTQ674", "MTTQ68", null);
		dissolve(ids, "VPHU674", "VPTU68", null);
		dissolve(ids, "BTCHU674", "BTCTU68", null);
		dissolve(ids, "UBKTHU674", "UBKTTU68", null);
		dissolve(ids, "BTGHU674", "BTGTU68", "các chương trình hành động, báo cáo định kỳ");
		dissolve(ids, "DBCQ674", "DU-2025-24877", null);
		dissolve(ids, "CBDDT674", "DU-2025-24877", null);
		var inheritors = new ArrayList<Inheritor>();
		inheritors.add(new Inheritor(ids.get("BTGTU68"), Extent.PARTIAL, false,
				"các chương trình hành động (theo dõi, tổng hợp báo cáo)"));
		newCommittees.forEach(code -> inheritors.add(new Inheritor(ids.get("DU-2025-" + code), Extent.PARTIAL, true,
				"lãnh đạo thực hiện trên địa bàn")));
		operations.dissolve(ids.get("HU674"), null, inheritors, null, REORGANISED, PARTY_2025_07);
		operations.dissolve(ids.get("HU675"), null,
				List.of(new Inheritor(ids.get("TU68"), Extent.PARTIAL, true, null)), null, REORGANISED, PARTY_2025_07);
		operations.merge(List.of(ids.get("TU67"), ids.get("TU60")), ids.get("TU68"), null, REORGANISED, PARTY_2025_07);
		operations.merge(List.of(ids.get("UBND67"), ids.get("UBND60")), ids.get("UBND68"), null, REORGANISED, PROVINCES_2025);

		// a sample of schools and health facilities of the new province
		var sample = new Batch(ids);
		sample.add("THPT-CBL", "Trường THPT Chuyên Bảo Lộc", SCHOOL, "SGD68", null);
		sample.add("THPT-NCT", "Trường THPT Chuyên Nguyễn Chí Thanh", SCHOOL, "SGD68", null);
		sample.add("THPT-THD", "Trường THPT Chuyên Trần Hưng Đạo", SCHOOL, "SGD68", null);
		for (var commune : communes.subList(0, 12)) {
			sample.add("TYT-" + commune.code(), "Trạm Y tế " + lowerFirst(commune.name()), HEALTH_FACILITY,
					"UBND-2025-" + commune.code(), null);
		}
		for (var code : newCommittees) {
			sample.add("TYT-" + code, "Trạm Y tế xã Đam Rông " + (newCommittees.indexOf(code) + 1), HEALTH_FACILITY,
					"UBND-2025-" + code, null);
		}
		sample.create(operations, REORGANISED, new Decision(null, null, "Dữ liệu mẫu: đưa vào danh mục"));
		log.info("Demo organisation tree: {} units loaded in {} ms", ids.size(), (System.nanoTime() - started) / 1_000_000);
		// the unit officer of JOURNEYS.md works in his school and sees nobody else (the account is the identity demo's)
		var school = ids.get(DEMO_SCHOOL);
		scopes.userNamed("hai.hieutruong").ifPresent(
				user -> scopes.assign(user.id(), school.value(), "Dữ liệu mẫu: Trường Tiểu học Rô Men"));
	}

	private static boolean isDamRong(String code) {
		return List.of("24886", "24877", "24875", "24853").contains(code);
	}

	private void move(Map<String, OrgUnitId> ids, String unit, String parent) {
		operations.move(ids.get(unit), null, ids.get(parent), REORGANISED, COMMUNES_2025);
	}

	private void dissolve(Map<String, OrgUnitId> ids, String unit, String inheritor, @Nullable String matter) {
		operations.dissolve(ids.get(unit), null, List.of(new Inheritor(ids.get(inheritor), Extent.PARTIAL, true, matter)),
				null, REORGANISED, PARTY_2025_07);
	}

	private @Nullable UUID adminUnit(String code, AdminUnitLevel level, LocalDate date) {
		return adminUnits.findByCode(code, level, date).map(unit -> unit.id().value()).orElse(null);
	}

	static String lowerFirst(String name) {
		return name.substring(0, 1).toLowerCase(Locale.forLanguageTag("vi")) + name.substring(1);
	}

	record Commune(String code, String name) {
	}

	/** The 124 commune-level units of Lâm Đồng since 01/07/2025, from the catalog's data file. */
	static List<Commune> communes2025() {
		var communes = new ArrayList<Commune>();
		try (var reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("catalog/admin-units/communes-2025.csv").getInputStream(), StandardCharsets.UTF_8))) {
			reader.readLine();
			String line;
			while ((line = reader.readLine()) != null) {
				var cells = line.split(",");
				if (cells.length >= 4 && cells[3].equals("68")) {
					communes.add(new Commune(cells[0], cells[1]));
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return communes;
	}

	/** Units to create in one batch, parents named by code. */
	private static final class Batch {
		private final Map<String, OrgUnitId> ids;
		private final List<String> codes = new ArrayList<>();
		private final List<String[]> rows = new ArrayList<>();
		private final List<OrgUnitKind> kinds = new ArrayList<>();
		private final List<@Nullable UUID> admins = new ArrayList<>();

		Batch(Map<String, OrgUnitId> ids) {
			this.ids = ids;
		}

		void add(String code, String name, OrgUnitKind kind, @Nullable String parent, @Nullable UUID adminUnit) {
			codes.add(code);
			rows.add(new String[] { name, parent });
			kinds.add(kind);
			admins.add(adminUnit);
		}

		void create(OrgUnitOperations operations, LocalDate date, Decision decision) {
			// ids are known only after creation: create level by level so that parents exist
			var pending = new ArrayList<Integer>();
			for (int i = 0; i < codes.size(); i++) {
				pending.add(i);
			}
			while (!pending.isEmpty()) {
				var ready = pending.stream().filter(i -> rows.get(i)[1] == null || ids.containsKey(rows.get(i)[1])).toList();
				if (ready.isEmpty()) {
					throw new IllegalStateException("demo data: unknown parent among " + pending.stream().map(codes::get).toList());
				}
				var units = ready.stream().map(i -> new NewUnit(codes.get(i), rows.get(i)[0], null, kinds.get(i),
						rows.get(i)[1] == null ? null : ids.get(rows.get(i)[1]), admins.get(i), null, null, null, null, null))
					.toList();
				var created = operations.createAll(units, date, decision);
				for (int k = 0; k < ready.size(); k++) {
					ids.put(codes.get(ready.get(k)), created.get(k));
				}
				pending.removeAll(ready);
			}
		}
	}
}
