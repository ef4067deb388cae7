package vn.trithuc.registry.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param unitOfficersSeeNationalId whether unit officers see national IDs unmasked (default: masked)
 * @param demoPeople how many generated people demo mode loads
 * @param publicUrl the site's address as people reach it from outside (e.g. {@code https://trithuc.example.gov.vn}),
 *        for the links mailed to them; blank: the address of the officer's own request
 */
@ConfigurationProperties("trithuc.registry")
public record RegistrySettings(boolean unitOfficersSeeNationalId, Integer demoPeople,
		@org.jspecify.annotations.Nullable String publicUrl) {

	public RegistrySettings {
		if (demoPeople == null || demoPeople < 0) {
			demoPeople = 2000;
		}
		publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
	}
}
