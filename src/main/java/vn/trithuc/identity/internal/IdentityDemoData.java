package vn.trithuc.identity.internal;

import java.util.Set;

import org.springframework.stereotype.Component;

import vn.trithuc.identity.Role;
import vn.trithuc.shared.DemoDataContributor;

/**
 * Demo accounts, one per role, named after the people of JOURNEYS.md. They share one random password that
 * is printed once when the demo data are loaded.
 */
@Component
class IdentityDemoData implements DemoDataContributor {

	private final UserAccounts accounts;
	private final UserAdministration administration;

	IdentityDemoData(UserAccounts accounts, UserAdministration administration) {
		this.accounts = accounts;
		this.administration = administration;
	}

	@Override
	public int order() {
		return 0;
	}

	@Override
	public boolean holdsRealData() {
		return accounts.countOtherThanInitialAdministrator() > 0;
	}

	@Override
	public void load() {
		var password = OneTimePasswords.generate();
		administration.createWithPassword("lan.tuyengiao", "Nguyễn Thị Lan", Set.of(Role.PROGRAM_MANAGER), password, false);
		administration.createWithPassword("tuan.noivu", "Trần Minh Tuấn", Set.of(Role.HR_OFFICER), password, false);
		administration.createWithPassword("hai.hieutruong", "Lê Văn Hải", Set.of(Role.UNIT_OFFICER), password, false);
		administration.createWithPassword("huong.giaovien", "Liêng Hót Ka Hương", Set.of(Role.INTELLECTUAL), password, false);
		administration.createWithPassword("bithu", "Đặng Quốc Bình", Set.of(Role.LEADER), password, false);
		System.out.printf("%n Dữ liệu mẫu / demo accounts: lan.tuyengiao, tuan.noivu, hai.hieutruong, huong.giaovien,"
				+ " bithu — mật khẩu chung / shared password: %s%n%n", password);
	}
}
