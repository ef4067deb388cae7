package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.trithuc.registry.internal.RegistryFixtures.person;
import static vn.trithuc.registry.internal.RegistryFixtures.uniqueToken;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.trithuc.IntegrationTest;
import vn.trithuc.registry.Sex;

/** People stored before the expert finder (no expertise document) get it, with their fields, at start-up. */
@IntegrationTest
class RegistrySearchBackfillTest {

	@Autowired
	Profiles profiles;
	@Autowired
	RegistrySearchBackfill backfill;
	@Autowired
	PeopleSearch search;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	SearchIndex index;

	@Test
	void a_person_without_an_expertise_document_gets_one_and_is_found_by_the_expert_finder() {
		var word = uniqueToken("chuyenmon");
		var id = ((Profiles.Created) profiles.register(person("Hồ", "Thị", uniqueToken("Cu"), Sex.FEMALE,
				LocalDate.of(1979, 9, 9)), "test")).id();
		profiles.addPart(id, 1, PartKind.EXPERTISE, null, null, Map.of("field", "72", "keywords", "Y học cổ truyền " + word), "test");
		// as if stored by an earlier version
		jdbc.sql("update registry.person set expertise = null, fields = '{}' where id = :id").param("id", id).update();
		index.refresh(java.util.List.of(id)); // the search index as a start on such a database would load it
		var query = new PeopleSearch.Query("y hoc co truyen " + word, Map.of(), 0, 20, true);
		assertThat(search.search(query, RegistryFixtures.hr()).rows()).isEmpty();

		backfill.backfill();

		assertThat(jdbc.sql("select count(*) from registry.person where expertise is null").query(Long.class).single()).isZero();
		assertThat(search.search(query, RegistryFixtures.hr()).rows()).extracting(PeopleSearch.Row::id).containsExactly(id);
		assertThat(search.search(query, RegistryFixtures.hr()).rows().get(0).fields()).containsExactly("72");
	}
}
