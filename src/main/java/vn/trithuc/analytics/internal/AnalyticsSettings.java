package vn.trithuc.analytics.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param youngAge the age up to which (inclusive) an intellectual counts as young (trí thức trẻ)
 * @param yearEndSnapshots how many past year-ends (31/12) are kept pre-aggregated besides today
 */
@ConfigurationProperties("trithuc.analytics")
public record AnalyticsSettings(Integer youngAge, Integer yearEndSnapshots) {

	public AnalyticsSettings {
		youngAge = youngAge == null ? 35 : youngAge;
		yearEndSnapshots = yearEndSnapshots == null ? 3 : yearEndSnapshots;
	}
}
