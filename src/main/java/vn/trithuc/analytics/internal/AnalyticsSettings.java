package vn.trithuc.analytics.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param youngAge the age up to which (inclusive) an intellectual counts as young (trí thức trẻ)
 * @param yearEndSnapshots how many past year-ends (31/12) are kept pre-aggregated besides today
 * @param issuingBody the body named at the top of exported standard tables (PDF, DOCX)
 * @param place the place named in their date line
 * @param legacyBoundaries the date whose administrative boundaries the "former boundaries" choice shows (the last day
 *        before the 2025 reorganisation)
 */
@ConfigurationProperties("trithuc.analytics")
public record AnalyticsSettings(Integer youngAge, Integer yearEndSnapshots, String issuingBody, String place,
		java.time.LocalDate legacyBoundaries) {

	public AnalyticsSettings {
		youngAge = youngAge == null ? 35 : youngAge;
		yearEndSnapshots = yearEndSnapshots == null ? 3 : yearEndSnapshots;
		issuingBody = issuingBody == null || issuingBody.isBlank() ? "Ủy ban nhân dân tỉnh Lâm Đồng" : issuingBody;
		place = place == null || place.isBlank() ? "Lâm Đồng" : place;
		legacyBoundaries = legacyBoundaries == null ? java.time.LocalDate.of(2025, 6, 30) : legacyBoundaries;
	}
}
