package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.dhatim.fastexcel.Workbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import vn.trithuc.IntegrationTest;
import vn.trithuc.TestAccounts;
import vn.trithuc.identity.Role;
import vn.trithuc.identity.internal.UserAdministration;
import vn.trithuc.registry.internal.ImportProgress.Phase;

/**
 * A live apply is never reported interrupted. The apply first marks its job FAILED ("interrupted") in a transaction of
 * its own, then its own transaction locks the job row and replaces the mark when it commits; so while it runs, the job
 * row says FAILED. The job page read the job, then the state; an apply that committed between the two was rendered
 * with the job read before (FAILED) and the state read after (not working): "interrupted". Here that interleaving is
 * made deterministic with two table locks: a real apply (through the background task) is held before its first insert
 * by a lock on the people table; the job page is requested and held inside the state (after reading the job and the
 * progress row, at its look-up of the task's execution) by a lock on db-scheduler's table; the apply is released and
 * commits; then the page goes on. It must show the job applied, not interrupted.
 */
@IntegrationTest
class ImportApplyRaceTest {

	private static final String INTERRUPTED = "bị gián đoạn";

	@Autowired
	ImportJobs jobs;
	@Autowired
	SpreadsheetImport imports;
	@Autowired
	JdbcClient jdbc;
	@Autowired
	DataSource dataSource;
	@Autowired
	MockMvc mvc;
	@Autowired
	UserAdministration administration;

	@Test
	void an_apply_committing_while_the_job_page_is_read_is_shown_applied_never_interrupted() throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		var officer = TestAccounts.ready(administration, "import.race." + tag, Role.HR_OFFICER);
		var caller = Caller.of(officer, List.of(Role.HR_OFFICER.authority()));
		var job = jobs.upload("cuoc-dua.xlsx", sheet(tag), caller);
		await("the dry run", () -> jobs.state(job).phase() == Phase.CHECKED);

		var executor = Executors.newSingleThreadExecutor();
		try (var people = dataSource.getConnection(); var tasks = dataSource.getConnection()) {
			people.setAutoCommit(false);
			tasks.setAutoCommit(false);
			try (var statement = people.createStatement()) {
				statement.execute("lock table registry.person in share mode");
			}
			assertThat(jobs.apply(job, officer)).isTrue();
			await("the apply waiting on the people table", () -> waiting("relation = 'registry.person'::regclass") > 0);

			// live, holding the job row: the row says FAILED (the mark), the state says working, the page no interruption
			assertThat(imports.job(job).orElseThrow().status()).isEqualTo("FAILED");
			assertThat(jobs.state(job).working()).isTrue();
			assertThat(page(job, officer)).doesNotContain(INTERRUPTED);

			// the page, held inside the state at its look-up of the task's execution
			try (var statement = tasks.createStatement()) {
				statement.execute("lock table shared.scheduled_tasks in access exclusive mode");
			}
			Future<String> held = executor.submit(() -> page(job, officer));
			await("the job page waiting in the state", () -> activity("""
					wait_event_type = 'Lock' and query ilike 'select%scheduled_tasks%task_instance%'""") > 0);

			people.rollback(); // the apply goes on and commits
			await("the apply's commit", () -> "APPLIED".equals(imports.job(job).orElseThrow().status()));
			tasks.rollback(); // the page goes on

			assertThat(held.get(60, TimeUnit.SECONDS)).as("the job page read while the apply committed")
				.doesNotContain(INTERRUPTED).contains("Kết quả nhập", "Đã ghi các dòng");
		}
		finally {
			executor.shutdownNow();
		}
		await("the apply's task to end", () -> !jobs.state(job).working());
		assertThat(jobs.state(job).phase()).isEqualTo(Phase.DONE);
		assertThat(page(job, officer)).doesNotContain(INTERRUPTED).contains("Kết quả nhập", "Đã ghi các dòng");
	}

	private long waiting(String lock) {
		return jdbc.sql("select count(*) from pg_locks where not granted and " + lock).query(Long.class).single();
	}

	private long activity(String condition) {
		return jdbc.sql("select count(*) from pg_stat_activity where " + condition).query(Long.class).single();
	}

	private String page(UUID job, String officer) throws Exception {
		var response = mvc.perform(MockMvcRequestBuilders.get("/registry/import/" + job)
			.with(user(officer).authorities(() -> Role.HR_OFFICER.authority()))).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private static void await(String what, BooleanSupplier condition) throws InterruptedException {
		var until = Instant.now().plus(Duration.ofSeconds(90));
		while (!condition.getAsBoolean()) {
			assertThat(Instant.now()).as("waiting for " + what).isBefore(until);
			Thread.sleep(100);
		}
	}

	private static byte[] sheet(String tag) throws Exception {
		var out = new ByteArrayOutputStream();
		var workbook = new Workbook(out, "test", "1.0");
		var ws = workbook.newWorksheet("Danh sách");
		ws.value(0, 0, "Họ và tên");
		ws.value(0, 1, "Ngày sinh");
		ws.value(0, 2, "Giới tính");
		ws.value(1, 0, "Nguyễn Văn Đua " + tag);
		ws.value(1, 1, "03/04/1979");
		ws.value(1, 2, "Nam");
		workbook.finish();
		return out.toByteArray();
	}
}
