package vn.trithuc.catalog.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
// outside the transaction advice: an eviction happens after the commit, so no reader re-caches the old version
@EnableCaching(order = org.springframework.core.Ordered.LOWEST_PRECEDENCE - 1)
@EnableConfigurationProperties(CatalogSettings.class)
class CatalogConfiguration {

	@Bean
	@ConditionalOnMissingBean(CacheManager.class)
	CacheManager cacheManager() {
		return new ConcurrentMapCacheManager();
	}
}
