package vn.trithuc.catalog.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.trithuc.catalog.CodeListEntry;
import vn.trithuc.catalog.CodeListKind;
import vn.trithuc.catalog.CodeListVersion;
import vn.trithuc.catalog.CodeLists;

/** Code-list lookups, cached per list; {@link CodeListAdministration} evicts on every change. */
@Service
@Transactional(readOnly = true)
class JdbcCodeLists implements CodeLists {

	static final String CACHE = "catalog.code-list";

	private final CodeListStore store;

	JdbcCodeLists(CodeListStore store) {
		this.store = store;
	}

	@Override
	@Cacheable(cacheNames = CACHE, key = "'find:' + #kind + ':' + #code")
	public Optional<CodeListEntry> find(CodeListKind kind, String code) {
		return entries(kind).stream().filter(e -> e.code().equals(code)).findFirst();
	}

	@Override
	@Cacheable(cacheNames = CACHE, key = "'active:' + #kind")
	public List<CodeListEntry> active(CodeListKind kind) {
		return entries(kind).stream().filter(CodeListEntry::active).toList();
	}

	@Override
	@Cacheable(cacheNames = CACHE, key = "'entries:' + #kind")
	public List<CodeListEntry> entries(CodeListKind kind) {
		return List.copyOf(store.entries(kind, store.currentVersion(kind)));
	}

	@Override
	public List<CodeListEntry> entries(CodeListKind kind, int version) {
		return store.entries(kind, version);
	}

	@Override
	public int currentVersion(CodeListKind kind) {
		return store.currentVersion(kind);
	}

	@Override
	public List<CodeListVersion> versions(CodeListKind kind) {
		return store.versions(kind);
	}
}
