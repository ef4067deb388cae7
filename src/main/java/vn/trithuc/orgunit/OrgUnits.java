package vn.trithuc.orgunit;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The organisation tree through time, for every module: units as of a date, subtrees (user scopes,
 * statistics), successors (to carry data recorded against a unit that has since changed), search.
 */
public interface OrgUnits {

	/** The unit as it was on {@code date}; empty when unknown or not in force that day. */
	Optional<OrgUnit> find(OrgUnitId id, LocalDate date);

	/** The unit with its latest attributes, whether or not it still exists. */
	Optional<OrgUnit> find(OrgUnitId id);

	/** The units of these ids that exist or existed, each with its latest attributes: one read. */
	List<OrgUnit> find(java.util.Collection<OrgUnitId> ids);

	/** The unit with this code (codes are never reused), with its latest attributes. */
	Optional<OrgUnit> findByCode(String code);

	/** Units without a parent on {@code date}, by name. */
	List<OrgUnit> roots(LocalDate date);

	/** Direct children on {@code date}, by name. */
	List<OrgUnit> children(OrgUnitId parent, LocalDate date);

	/**
	 * The units in force on {@code date} — all of them, or those among {@code among} — by name in Vietnamese order:
	 * what a form offers to choose a unit from. One read.
	 */
	List<OrgUnit> inForce(LocalDate date, java.util.@Nullable Collection<OrgUnitId> among);

	/** Units of the given ids that have children on {@code date}. */
	Set<OrgUnitId> withChildren(java.util.Collection<OrgUnitId> ids, LocalDate date);

	/** The ancestors of a unit on {@code date}, from the root down to its parent. */
	List<OrgUnit> ancestors(OrgUnitId id, LocalDate date);

	/** {@code root} and every unit below it on {@code date}; empty when {@code root} is not in force then. */
	Set<OrgUnitId> subtreeAsOf(OrgUnitId root, LocalDate date);

	/**
	 * The units in force on {@code date} that carry on {@code id}: itself while it exists, else the units its
	 * successor links lead to (transitively). Empty when the unit ended without successors.
	 */
	Set<OrgUnitId> successors(OrgUnitId id, LocalDate date);

	/** {@link #successors(OrgUnitId, LocalDate)} today: where a user scope on {@code id} points now. */
	Set<OrgUnitId> currentSuccessors(OrgUnitId id);

	/**
	 * The units a user scoped on {@code root} works in on {@code date}: the subtrees of the units carrying on
	 * {@code root} (itself while it exists, its successors after a merge, split or dissolution).
	 */
	default Set<OrgUnitId> scopeAsOf(OrgUnitId root, LocalDate date) {
		var units = new java.util.HashSet<OrgUnitId>();
		successors(root, date).forEach(unit -> units.addAll(subtreeAsOf(unit, date)));
		return units;
	}

	/**
	 * Units whose name (any version) or code contains {@code text}, without diacritics («dam rong» finds
	 * «Đam Rông»); shown as of {@code date} when in force then, else with their latest name.
	 */
	List<OrgUnit> search(String text, LocalDate date, int limit);

	/** Everything that happened to the unit. */
	Optional<OrgUnitHistory> history(OrgUnitId id);
}
