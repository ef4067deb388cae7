package vn.trithuc.planning.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuingBody the body named at the top of exported forecasts and balances (PDF, DOCX)
 * @param place the place named in their date line
 */
@ConfigurationProperties("trithuc.planning")
public record PlanningSettings(@Nullable String issuingBody, @Nullable String place) {

	public PlanningSettings {
		issuingBody = issuingBody == null || issuingBody.isBlank() ? "Ủy ban nhân dân tỉnh Lâm Đồng" : issuingBody;
		place = place == null || place.isBlank() ? "Lâm Đồng" : place;
	}
}
