package vn.trithuc.documents;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** An annex on its own page: "PHỤ LỤC 1" style title, an optional subtitle (e.g. the period), then blocks (mostly tables). */
public record Annex(String title, @Nullable String subtitle, List<Block> content) {

	public Annex {
		content = List.copyOf(content);
	}
}
