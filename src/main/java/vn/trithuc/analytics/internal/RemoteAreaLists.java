package vn.trithuc.analytics.internal;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Changes to the remote-area lists: each reclassifies everybody, so the snapshots are built again afterwards. */
@Service
public class RemoteAreaLists {

	private final RemoteAreas remoteAreas;
	private final AnalyticsUpdater updater;

	RemoteAreaLists(RemoteAreas remoteAreas, AnalyticsUpdater updater) {
		this.remoteAreas = remoteAreas;
		this.updater = updater;
	}

	public UUID add(UUID commune, LocalDate validFrom, @Nullable LocalDate validTo, String decision, String actor) {
		return updater.reclassifying(() -> remoteAreas.add(commune, validFrom, validTo, decision, actor));
	}

	/** @throws IllegalArgumentException when there is no such entry */
	public void remove(UUID id) {
		if (remoteAreas.all().stream().noneMatch(e -> e.id().equals(id)) || !updater.reclassifying(() -> remoteAreas.remove(id))) {
			throw new IllegalArgumentException("no remote-area entry " + id);
		}
	}
}
