package vn.trithuc.catalog;

import java.util.List;
import java.util.Optional;

/**
 * Code lists (ethnic groups, religions, degrees, ranks, …), versioned. Lookups read the current version and
 * are cached; earlier versions stay readable.
 */
public interface CodeLists {

	/** The entry with {@code code} in the current version, active or retired. */
	Optional<CodeListEntry> find(CodeListKind kind, String code);

	/** Entries that may be chosen now, in sort order. */
	List<CodeListEntry> active(CodeListKind kind);

	/** All entries of the current version, retired ones included, in sort order. */
	List<CodeListEntry> entries(CodeListKind kind);

	/** All entries of an earlier (or the current) version; empty when there is no such version. */
	List<CodeListEntry> entries(CodeListKind kind, int version);

	int currentVersion(CodeListKind kind);

	/** The versions of a list, newest first. */
	List<CodeListVersion> versions(CodeListKind kind);
}
