package vn.trithuc.identity.internal;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import vn.trithuc.identity.Role;

/**
 * On the very first start (no account at all) creates the administrator {@code admin} with a one-time password,
 * printed once to the console; it must be changed at first login.
 */
@Component
@Order(10)
class InitialAdministrator implements ApplicationRunner {

	static final String USERNAME = "admin";
	private static final Logger log = LoggerFactory.getLogger(InitialAdministrator.class);

	private final UserAccounts accounts;
	private final UserAdministration administration;
	private final IdentitySettings settings;

	InitialAdministrator(UserAccounts accounts, UserAdministration administration, IdentitySettings settings) {
		this.accounts = accounts;
		this.administration = administration;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (accounts.count() > 0) {
			return;
		}
		var password = StringUtils.hasText(settings.initialAdminPassword()) ? settings.initialAdminPassword()
				: OneTimePasswords.generate();
		administration.createWithPassword(USERNAME, "Quản trị hệ thống", Set.of(Role.SYSTEM_ADMINISTRATOR), password,
				true);
		if (StringUtils.hasText(settings.initialAdminPassword())) {
			log.warn("First start: administrator '{}' created with the configured one-time password", USERNAME);
		}
		else {
			System.out.printf("%n================================================================%n"
					+ " Lần khởi động đầu tiên / first start%n"
					+ " Tài khoản quản trị: %s%n Mật khẩu dùng một lần: %s%n"
					+ " (phải đổi khi đăng nhập lần đầu / must be changed at first login)%n"
					+ "================================================================%n%n", USERNAME, password);
		}
	}
}
