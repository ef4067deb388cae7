package vn.trithuc.identity.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import vn.trithuc.shared.RecurringJobs;

/** Identity's background jobs: once per period in the whole cluster (db-scheduler, see {@link RecurringJobs}). */
@Configuration(proxyBeanMethods = false)
class IdentityJobs {

	@Bean
	RecurringTask<Void> securityAuditPurge(RecurringJobs jobs, SecurityEvents events,
			@Value("${trithuc.identity.audit-purge-interval:6h}") Duration interval) {
		return jobs.withFixedDelay("identity-audit-purge", interval, () -> events.purgeExpired() + " removed");
	}
}
