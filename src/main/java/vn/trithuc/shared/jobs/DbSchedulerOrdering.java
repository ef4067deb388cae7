package vn.trithuc.shared.jobs;

import org.springframework.boot.autoconfigure.AutoConfiguration;

/**
 * db-scheduler's starter orders itself after Boot 3's DataSource auto-configuration, a class Boot 4 moved:
 * with a DataSource made by Boot (external PostgreSQL) it would silently create no scheduler. This empty
 * auto-configuration puts it after Boot 4's (registered in META-INF/spring/…AutoConfiguration.imports).
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		beforeName = "com.github.kagkarlsson.scheduler.boot.autoconfigure.DbSchedulerAutoConfiguration")
public class DbSchedulerOrdering {
}
