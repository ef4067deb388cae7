package vn.trithuc.program.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.trithuc.program.Programs;
import vn.trithuc.shared.DemoDataContributor;

/** Demo mode: the seed program with its cascade, reporting units, periods and reports. */
@Component
class ProgramDemoData implements DemoDataContributor {

	private final Programs programs;
	private final JdbcClient jdbc;

	ProgramDemoData(Programs programs, JdbcClient jdbc) {
		this.programs = programs;
		this.jdbc = jdbc;
	}

	@Override
	public int order() {
		return 50;
	}

	@Override
	public boolean holdsRealData() {
		return jdbc.sql("select count(*) from program.action_program where seed_key is null").query(Long.class).single() > 0;
	}

	@Override
	public void load() {
		programs.importSeedProgram("demo");
	}
}
