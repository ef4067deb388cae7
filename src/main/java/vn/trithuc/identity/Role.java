package vn.trithuc.identity;

/** The roles of TriThức (ARCHITECTURE.md, Security). Anonymous visitors see published pages only. */
public enum Role {
	/** quản trị hệ thống */
	SYSTEM_ADMINISTRATOR,
	/** cán bộ Ban Tuyên giáo (và Dân vận): follows the action program */
	PROGRAM_MANAGER,
	/** cán bộ Sở Nội vụ / phòng Nội vụ: the registry and personnel statistics */
	HR_OFFICER,
	/** cán bộ của một đơn vị, scoped to its org subtree */
	UNIT_OFFICER,
	/** lãnh đạo: read-only dashboards */
	LEADER,
	/** trí thức: own profile only */
	INTELLECTUAL;

	/** The Spring Security authority, e.g. {@code ROLE_HR_OFFICER}. */
	public String authority() {
		return "ROLE_" + name();
	}

	/** Message key of the Vietnamese name. */
	public String messageKey() {
		return "role." + name();
	}
}
