package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.registry.internal.RegistryFixtures.hr;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.catalog.AdminUnitLevel;
import vn.trithuc.catalog.AdminUnits;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.UserScopes;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.orgunit.OrgUnitId;
import vn.trithuc.orgunit.OrgUnitKind;
import vn.trithuc.orgunit.internal.OrgUnitOperations;
import vn.trithuc.orgunit.internal.OrgUnitOperations.Decision;
import vn.trithuc.orgunit.internal.OrgUnitOperations.NewUnit;
import vn.trithuc.registry.Sex;

/**
 * Facets of issue 6 on a small tree of units and people: every count equals the same count taken by direct SQL,
 * a selected facet keeps its other values (counted without its own selection) while the other facets follow it,
 * the unit facet counts whole subtrees, code values are shown by name, and the caller's scope bounds every count.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchFacetsTest {

	@Autowired
	Profiles profiles;
	@Autowired
	PeopleSearch search;
	@Autowired
	OrgUnitOperations operations;
	@Autowired
	AdminUnits adminUnits;
	@Autowired
	RegistryCodes codes;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	UserScopes scopes;
	@Autowired
	UserAdministration administration;

	private final String tag = uniqueToken("Loc");
	private final String run = UUID.randomUUID().toString().substring(0, 8);
	private OrgUnitId root;
	private OrgUnitId school;
	private OrgUnitId department;
	private OrgUnitId hospital;
	private UUID province;
	private UUID commune1;
	private UUID commune2;
	private UUID an;
	private UUID binh;
	private UUID chi;
	private UUID dung;

	@BeforeAll
	void people() {
		root = unit("R", "Tỉnh ủy thử facet", null);
		school = unit("S", "Trường Đại học thử facet", root);
		department = unit("K", "Khoa Nông học thử facet", school);
		hospital = unit("H", "Bệnh viện thử facet", root);
		var lamDong = adminUnits.inForce(LocalDate.now(), AdminUnitLevel.PROVINCE, null).stream()
			.filter(u -> u.name().contains("Lâm Đồng")).findFirst().orElseThrow();
		province = lamDong.id().value();
		var communes = adminUnits.inForce(LocalDate.now(), AdminUnitLevel.COMMUNE, lamDong.id());
		commune1 = communes.get(0).id().value();
		commune2 = communes.get(1).id().value();

		an = person("An", Sex.MALE, 1980, "01", commune1, commune1);
		add(an, PartKind.POSITION, Map.of("orgUnit", school.value().toString(), "jobTitle", "Giảng viên", "personnelCategory", "PUBLIC_EMPLOYEE"));
		add(an, PartKind.DEGREE, Map.of("level", "THAC_SI", "fieldOfStudy", "62"));
		add(an, PartKind.ACADEMIC_TITLE, Map.of("title", "PGS"));
		binh = person("Bình", Sex.FEMALE, 1990, "15", commune2, commune1);
		add(binh, PartKind.POSITION, Map.of("orgUnit", department.value().toString(), "jobTitle", "Giảng viên", "personnelCategory", "PUBLIC_EMPLOYEE"));
		add(binh, PartKind.DEGREE, Map.of("level", "TIEN_SI", "fieldOfStudy", "72"));
		add(binh, PartKind.EXPERTISE, Map.of("field", "62", "keywords", "dược liệu"));
		add(binh, PartKind.ACADEMIC_TITLE, Map.of("title", "GS"));
		chi = person("Chi", Sex.MALE, 1960, "01", null, commune2);
		add(chi, PartKind.POSITION, Map.of("orgUnit", hospital.value().toString(), "jobTitle", "Bác sĩ", "personnelCategory", "CIVIL_SERVANT"));
		add(chi, PartKind.DEGREE, Map.of("level", "DAI_HOC", "fieldOfStudy", "14"));
		add(chi, PartKind.PARTY_MEMBERSHIP, Map.of("joinDate", "01/01/2000"));
		add(chi, PartKind.TALENT, Map.of("reason", "Giải thưởng"));
		dung = person("Dũng", Sex.MALE, 1999, "01", null, null);
		add(dung, PartKind.DEGREE, Map.of("level", "DAI_HOC", "fieldOfStudy", "14"));
	}

	private OrgUnitId unit(String code, String name, OrgUnitId parent) {
		return operations.create(NewUnit.of("F" + run + "-" + code, name, OrgUnitKind.OTHER, parent),
				LocalDate.of(2000, 1, 1), Decision.NONE);
	}

	private UUID person(String given, Sex sex, int year, String ethnic, UUID hometown, UUID residence) {
		var data = new PersonData("Lê", tag, given, null, sex, LocalDate.of(year, 6, 1), null, ethnic, null, null, null,
				hometown, residence, null, null, null);
		return ((Profiles.Created) profiles.register(data, "test")).id();
	}

	private void add(UUID id, PartKind kind, Map<String, String> attributes) {
		int version = jdbc.sql("select version from registry.person where id = :id").param("id", id).query(Integer.class).single();
		profiles.addPart(id, version, kind, kind == PartKind.POSITION ? LocalDate.of(2021, 1, 1) : null, null, attributes, "test");
	}

	private PeopleSearch.Result find(Map<String, String> filters, Caller caller) {
		return search.search(new PeopleSearch.Query(tag, filters, 0, 20), caller);
	}

	private static Map<String, Long> counts(List<PeopleSearch.FacetValue> values) {
		return values == null ? Map.of()
				: values.stream().collect(Collectors.toMap(PeopleSearch.FacetValue::value, PeopleSearch.FacetValue::count));
	}

	/** The same count by direct SQL over the tagged people. */
	private Map<String, Long> sql(String expression) {
		var out = new HashMap<String, Long>();
		jdbc.sql("select v, count(*) from (select " + expression + " as v from registry.person p"
				+ " where p.name_tokens @> cast(array[:tag] as text[])) x where v is not null group by 1").param("tag", VietnameseTextFold.of(tag))
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> out.put(rs.getString(1), rs.getLong(2)));
		return out;
	}

	@Test
	void every_facet_count_equals_the_direct_sql_count() {
		var result = find(Map.of(), hr());
		assertThat(result.total()).isEqualTo(4);
		var f = result.facets();
		assertThat(counts(f.get("sex"))).isEqualTo(sql("p.sex")).containsEntry("MALE", 3L);
		assertThat(counts(f.get("ethnicGroup"))).isEqualTo(sql("p.ethnic_group"));
		assertThat(counts(f.get("degree"))).isEqualTo(sql("p.highest_degree")).containsEntry("DAI_HOC", 2L);
		assertThat(counts(f.get("title"))).isEqualTo(sql("p.academic_title")).containsEntry("GS", 1L).containsEntry("PGS", 1L);
		assertThat(counts(f.get("category"))).isEqualTo(sql("p.personnel_category"));
		assertThat(counts(f.get("party"))).isEqualTo(sql("p.party_member::text")).containsEntry("true", 1L);
		assertThat(counts(f.get("talent"))).isEqualTo(sql("p.talent::text"));
		assertThat(counts(f.get("province"))).isEqualTo(sql("p.residence_province::text")).containsEntry(province.toString(), 3L);
		assertThat(counts(f.get("hometown"))).isEqualTo(sql("p.hometown_province::text")).containsEntry(province.toString(), 2L);
		assertThat(counts(f.get("field"))).isEqualTo(sql("unnest(p.fields)")).containsEntry("62", 2L).containsEntry("14", 2L);
		assertThat(counts(f.get("age"))).containsEntry("OVER_60", 1L).containsEntry("UNDER_30", 1L);
	}

	@Test
	void codes_and_units_are_shown_by_name() {
		var f = find(Map.of(), hr()).facets();
		assertThat(f.get("ethnicGroup")).anySatisfy(v -> {
			assertThat(v.value()).isEqualTo("15");
			assertThat(v.label()).isEqualTo(codes.name("ethnic-groups", "15")).isNotEqualTo("15");
		});
		assertThat(f.get("field")).extracting(PeopleSearch.FacetValue::label).contains("Sức khỏe", "Nông, lâm nghiệp và thủy sản");
		assertThat(f.get("title")).extracting(PeopleSearch.FacetValue::label).contains("Giáo sư", "Phó giáo sư");
		assertThat(f.get("province")).extracting(PeopleSearch.FacetValue::label).containsExactly(codes.adminUnitName(province).orElseThrow());
	}

	@Test
	void a_selected_facet_keeps_its_other_values_and_the_other_facets_follow_it() {
		var result = find(Map.of("degree", "DAI_HOC"), hr());
		assertThat(result.total()).isEqualTo(2);
		assertThat(result.rows()).extracting(PeopleSearch.Row::id).containsExactly(chi, dung); // Vietnamese order: Chi, Dũng
		assertThat(counts(result.facets().get("degree"))).containsEntry("DAI_HOC", 2L).containsEntry("THAC_SI", 1L)
			.containsEntry("TIEN_SI", 1L);
		assertThat(counts(result.facets().get("sex"))).isEqualTo(Map.of("MALE", 2L));
		// two selections: each facet's counts take the other selection into account
		var both = find(Map.of("degree", "DAI_HOC", "sex", "MALE", "talent", "true"), hr());
		assertThat(both.rows()).extracting(PeopleSearch.Row::id).containsExactly(chi);
		assertThat(counts(both.facets().get("degree"))).isEqualTo(Map.of("DAI_HOC", 1L));
		assertThat(counts(both.facets().get("talent"))).isEqualTo(Map.of("true", 1L, "false", 1L));
		// commune only within a province
		var commune = find(Map.of("province", province.toString()), hr());
		assertThat(counts(commune.facets().get("commune"))).isEqualTo(Map.of(commune1.toString(), 2L, commune2.toString(), 1L));
		assertThat(find(Map.of("province", province.toString(), "commune", commune2.toString()), hr()).rows())
			.extracting(PeopleSearch.Row::id).containsExactly(chi);
		assertThat(find(Map.of("field", "62"), hr()).rows()).extracting(PeopleSearch.Row::id).containsExactly(an, binh);
		assertThat(find(Map.of("title", "GS"), hr()).rows()).extracting(PeopleSearch.Row::id).containsExactly(binh);
	}

	@Test
	void the_unit_facet_counts_subtrees_and_filters_by_subtree() {
		var selected = find(Map.of("unit", root.value().toString()), hr());
		assertThat(selected.total()).isEqualTo(3);
		assertThat(selected.facets().get("unit")).extracting(PeopleSearch.FacetValue::label, PeopleSearch.FacetValue::count)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Trường Đại học thử facet", 2L),
					org.assertj.core.groups.Tuple.tuple("Bệnh viện thử facet", 1L));
		assertThat(find(Map.of("unit", school.value().toString()), hr()).rows()).extracting(PeopleSearch.Row::id)
			.containsExactly(an, binh);
		assertThat(find(Map.of("unit", "not-a-uuid"), hr()).total()).as("a bad value is ignored").isEqualTo(4);
	}

	@Test
	void the_unit_facet_follows_a_change_of_the_tree_at_once() {
		// a person of their own (another tag) in a new unit below the school
		var other = uniqueToken("Doi");
		var lab = unit("L", "Phòng thí nghiệm thử chuyển", school);
		var data = new PersonData("Lê", other, "Giang", null, Sex.FEMALE, LocalDate.of(1985, 6, 1), null, "01", null, null,
				null, null, null, null, null, null);
		var giang = ((Profiles.Created) profiles.register(data, "test")).id();
		add(giang, PartKind.POSITION, Map.of("orgUnit", lab.value().toString(), "jobTitle", "Kỹ sư", "personnelCategory", "PUBLIC_EMPLOYEE"));
		var query = new PeopleSearch.Query(other, Map.of("unit", root.value().toString()), 0, 20);
		assertThat(search.search(query, hr()).facets().get("unit"))
			.extracting(PeopleSearch.FacetValue::label, PeopleSearch.FacetValue::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Trường Đại học thử facet", 1L));
		// the lab moves to the hospital: the very next search counts it there
		operations.move(lab, null, hospital, LocalDate.now(), Decision.NONE);
		assertThat(search.search(query, hr()).facets().get("unit"))
			.extracting(PeopleSearch.FacetValue::label, PeopleSearch.FacetValue::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Bệnh viện thử facet", 1L));
	}

	@Test
	void a_scoped_officer_counts_only_people_in_scope_and_never_sees_party_membership() {
		var officer = vn.trithuc.TestAccounts.ready(administration, "facet.officer." + run, Role.UNIT_OFFICER);
		scopes.assign(administration.findByUsername(officer).orElseThrow().id(), school.value(), "test");
		var caller = new Caller(officer, Set.of(Role.UNIT_OFFICER));
		var result = find(Map.of(), caller);
		assertThat(result.rows()).extracting(PeopleSearch.Row::id).containsExactly(an, binh);
		assertThat(result.total()).isEqualTo(2);
		assertThat(counts(result.facets().get("sex"))).isEqualTo(Map.of("MALE", 1L, "FEMALE", 1L));
		assertThat(result.facets()).doesNotContainKey("party");
		assertThat(result.rows()).allSatisfy(r -> assertThat(r.partyMember()).isNull());
		assertThat(result.facets().get("unit")).extracting(PeopleSearch.FacetValue::label, PeopleSearch.FacetValue::count)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Trường Đại học thử facet", 2L));
		// selecting a unit outside the scope finds nobody, and asking for party members is ignored
		assertThat(find(Map.of("unit", hospital.value().toString()), caller).total()).isZero();
		assertThat(find(Map.of("party", "true"), caller).total()).isEqualTo(2);
	}

	@Test
	void a_leader_sees_the_birth_year_but_not_the_birth_date() {
		var leader = find(Map.of(), RegistryFixtures.leader()).rows();
		assertThat(leader).isNotEmpty().allSatisfy(r -> {
			assertThat(r.birthDate()).isNull();
			assertThat(r.birthYear()).isNotNull();
		});
		assertThat(find(Map.of(), hr()).rows()).allSatisfy(r -> assertThat(r.birthDate()).isNotNull());
	}

	/** The folded form of the tag as stored in name_tokens. */
	private static final class VietnameseTextFold {
		static String of(String text) {
			return NameTokens.query(text).get(0);
		}
	}
}
