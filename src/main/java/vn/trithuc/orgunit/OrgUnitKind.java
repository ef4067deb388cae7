package vn.trithuc.orgunit;

/** Kinds of organisation unit (GLOSSARY.md: cơ quan, đơn vị, tổ chức). Names are in the message bundles. */
public enum OrgUnitKind {
	/** cấp ủy: Tỉnh ủy, Huyện ủy, Đảng ủy xã */
	PARTY_COMMITTEE,
	/** tổ chức cơ sở đảng: đảng bộ cơ sở, chi bộ cơ sở */
	GRASSROOTS_PARTY_ORGANISATION,
	/** chi bộ */
	PARTY_CELL,
	/** ban của cấp ủy: Ban Tuyên giáo (và Dân vận), Ban Tổ chức, Văn phòng, Ủy ban Kiểm tra */
	PARTY_COMMISSION,
	/** Ủy ban nhân dân */
	PEOPLES_COMMITTEE,
	/** Văn phòng, sở, phòng, ban thuộc Ủy ban nhân dân */
	PEOPLES_COMMITTEE_DEPARTMENT,
	/** Hội đồng nhân dân */
	PEOPLES_COUNCIL,
	/** Mặt trận Tổ quốc */
	FATHERLAND_FRONT,
	/** đoàn thể: Công đoàn, Đoàn Thanh niên, Hội Phụ nữ, Hội Nông dân, Hội Cựu chiến binh */
	MASS_ORGANISATION,
	/** hội: hội trí thức, Liên hiệp các hội KH&amp;KT, hội nghề nghiệp */
	ASSOCIATION,
	/** trường học */
	SCHOOL,
	/** bệnh viện, trung tâm y tế, trạm y tế */
	HEALTH_FACILITY,
	/** doanh nghiệp */
	ENTERPRISE,
	/** khác */
	OTHER;

	public String messageKey() {
		return "orgunit.kind." + name();
	}
}
