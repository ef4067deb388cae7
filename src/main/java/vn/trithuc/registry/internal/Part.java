package vn.trithuc.registry.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** One effective-dated part of a profile; {@code validTo} is inclusive, null = still valid. */
public record Part(UUID id, PartKind kind, @Nullable LocalDate validFrom, @Nullable LocalDate validTo,
		Map<String, String> attributes) {

	public boolean validOn(LocalDate date) {
		return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
	}

	public String attribute(String name) {
		return attributes.getOrDefault(name, "");
	}
}
