package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

/**
 * A facet's column counts a matched set as its bitmaps do: single-valued (a char per ordinal) and multi-valued (fields:
 * four values packed in a long, more beside it, a value listed twice counted once).
 */
class SearchIndexFacetTest {

	@Test
	void multi_valued_column_counts_as_the_bitmaps() {
		var facet = new SearchIndex.Facet();
		var random = new Random(7);
		var values = List.of("14", "38", "44", "58", "62", "71", "84");
		for (int o = 0; o < 200_000; o++) {
			int n = o % 1000 == 0 ? 7 : random.nextInt(4); // a few people with more than four fields
			for (int i = 0; i < n; i++) {
				var v = values.get(n == 7 ? i : random.nextInt(values.size()));
				facet.setAnother(o, facet.add(v, o));
			}
			if (o % 5000 == 1) {
				facet.setAnother(o, facet.add("14", o)); // listed twice
				facet.setAnother(o, facet.add("14", o));
			}
		}
		assertThat(facet.more).isNotEmpty();
		for (var over : List.of(sample(random, 200_000, 0.001), sample(random, 200_000, 0.3), RoaringBitmap.bitmapOf(0, 1000, 1001))) {
			var n = new long[facet.values.size()];
			facet.countInto(over, n);
			for (int v = 0; v < n.length; v++) {
				assertThat(n[v]).as(facet.values.get(v)).isEqualTo(RoaringBitmap.andCardinality(over, facet.bitmaps.get(v)));
			}
		}
	}

	@Test
	void single_valued_column_counts_as_the_bitmaps() {
		var facet = new SearchIndex.Facet();
		var random = new Random(11);
		for (int o = 0; o < 100_000; o++) {
			if (o % 9 != 0) { // some ordinals without a value
				facet.set(o, facet.add(String.valueOf(1950 + random.nextInt(60)), o));
			}
		}
		var over = sample(random, 100_000, 0.05);
		var n = new long[facet.values.size()];
		facet.countInto(over, n);
		long counted = 0;
		for (int v = 0; v < n.length; v++) {
			assertThat(n[v]).isEqualTo(RoaringBitmap.andCardinality(over, facet.bitmaps.get(v)));
			counted += n[v];
		}
		assertThat(counted).isPositive().isLessThan(over.getLongCardinality());
	}

	private static RoaringBitmap sample(Random random, int size, double share) {
		var out = new RoaringBitmap();
		for (int o = 0; o < size; o++) {
			if (random.nextDouble() < share) {
				out.add(o);
			}
		}
		return out;
	}
}
