package vn.trithuc.identity.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface UserAccounts extends ListCrudRepository<UserAccount, UUID> {

	Optional<UserAccount> findByUsername(String username);

	@Query("select id from identity.user_account where lower(email) = lower(:email) order by created_at limit 1")
	Optional<UUID> findIdByEmailIgnoreCase(String email);

	@Query("select count(*) from identity.user_account where username <> 'admin'")
	long countOtherThanInitialAdministrator();
}
