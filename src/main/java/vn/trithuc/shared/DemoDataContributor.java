package vn.trithuc.shared;

/**
 * A module's part of the demo data. Demo data are loaded once, only in demo mode (embedded database, no
 * external datasource), and only when no contributor reports real data.
 */
public interface DemoDataContributor {

	/** Loading order; lower first (org tree before people, people before reports). */
	int order();

	/** True when the module already holds data a user entered: demo data are then never loaded. */
	boolean holdsRealData();

	/** Loads this module's demo data; runs in the demo-data transaction. */
	void load();
}
