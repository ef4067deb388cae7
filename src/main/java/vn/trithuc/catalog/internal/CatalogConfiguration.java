package vn.trithuc.catalog.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Catalog lookups are cached in memory (reference data change rarely; every change evicts). A plain
 * ConcurrentMap cache: with several instances each keeps its own, and a change on one instance is seen by
 * the others after their next eviction — acceptable for code lists, which change a few times a year.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CatalogConfiguration {

	@Bean
	@ConditionalOnMissingBean(CacheManager.class)
	CacheManager cacheManager() {
		return new ConcurrentMapCacheManager();
	}
}
