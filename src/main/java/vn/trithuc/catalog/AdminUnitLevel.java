package vn.trithuc.catalog;

/** Levels of administrative units. Since 1/7/2025 only province and commune; district is legacy. */
public enum AdminUnitLevel {
	/** tỉnh, thành phố trực thuộc trung ương */
	PROVINCE,
	/** huyện, quận, thị xã, thành phố thuộc tỉnh — abolished on 1/7/2025 */
	DISTRICT,
	/** xã, phường, thị trấn (before 1/7/2025), đặc khu (since) */
	COMMUNE;

	public String messageKey() {
		return "catalog.level." + name();
	}
}
