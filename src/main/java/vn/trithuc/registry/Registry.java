package vn.trithuc.registry;

import java.util.Optional;

/** What other modules may ask the registry. */
public interface Registry {

	/** People in the registry (merged records not counted). */
	long count();

	/** The display name of a person ("Nguyễn Thị Hoa"), if the person exists. */
	Optional<String> displayName(PersonId person);
}
