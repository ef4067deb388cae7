package vn.trithuc.registry.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param unitOfficersSeeNationalId whether unit officers see national IDs unmasked (default: masked)
 * @param demoPeople how many generated people demo mode loads
 */
@ConfigurationProperties("trithuc.registry")
public record RegistrySettings(boolean unitOfficersSeeNationalId, Integer demoPeople) {

	public RegistrySettings {
		if (demoPeople == null || demoPeople < 0) {
			demoPeople = 2000;
		}
	}
}
