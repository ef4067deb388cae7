package vn.trithuc.analytics.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param youngAge the age up to which (inclusive) an intellectual counts as young (trí thức trẻ)
 * @param yearEndSnapshots how many past year-ends (31/12) are kept pre-aggregated besides today
 * @param issuingBody the body named at the top of exported standard tables (PDF, DOCX)
 * @param place the place named in their date line
 */
@ConfigurationProperties("trithuc.analytics")
public record AnalyticsSettings(Integer youngAge, Integer yearEndSnapshots, String issuingBody, String place) {

	public AnalyticsSettings {
		youngAge = youngAge == null ? 35 : youngAge;
		yearEndSnapshots = yearEndSnapshots == null ? 3 : yearEndSnapshots;
		issuingBody = issuingBody == null || issuingBody.isBlank() ? "Ủy ban nhân dân tỉnh Lâm Đồng" : issuingBody;
		place = place == null || place.isBlank() ? "Lâm Đồng" : place;
	}
}
