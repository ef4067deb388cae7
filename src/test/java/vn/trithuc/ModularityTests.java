package vn.trithuc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(TriThucApplication.class);

	@Test
	void modules_respect_their_boundaries() {
		modules.verify();
	}

	@Test
	void the_modules_of_the_architecture_exist() {
		assertThat(modules.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
			.contains("identity", "shared");
	}

	@Test
	void module_documentation_is_written() {
		new Documenter(modules).writeDocumentation();
		assertThat(new java.io.File("target/spring-modulith-docs/components.puml")).exists();
	}
}
