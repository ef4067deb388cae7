package vn.trithuc.shared;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.trithuc.shared.database.ExternalDataSourceCondition;

/** Demo mode: the embedded database is in use and {@code trithuc.demo.enabled} is not false. */
@Component
public class DemoMode {

	private final boolean active;

	DemoMode(Environment environment) {
		this.active = !ExternalDataSourceCondition.externalDataSourceConfigured(environment)
				&& environment.getProperty("trithuc.demo.enabled", Boolean.class, Boolean.TRUE);
	}

	public boolean isActive() {
		return active;
	}
}
