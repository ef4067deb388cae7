package vn.trithuc.registry.internal;

import java.time.LocalTime;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import vn.trithuc.shared.RecurringJobs;

/** The registry's background job: the nightly refresh of derived columns (db-scheduler, once per cluster). */
@Configuration(proxyBeanMethods = false)
class RegistryJobs {

	@Bean
	RecurringTask<Void> registryDerivedRefresh(RecurringJobs jobs, DerivedFlags flags) {
		return jobs.daily("registry-derived-refresh", LocalTime.of(0, 30), () -> flags.refresh() + " people refreshed");
	}
}
