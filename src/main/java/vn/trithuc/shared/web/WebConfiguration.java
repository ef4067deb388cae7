package vn.trithuc.shared.web;

import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Vietnamese always by default ({@code ?lang=en} switches to English for the session's cookie); htmx fragments and
 * the page shell's model for rendered views.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

	private final HtmxFragments htmxFragments;
	private final PageShell pageShell;

	WebConfiguration(HtmxFragments htmxFragments, PageShell pageShell) {
		this.htmxFragments = htmxFragments;
		this.pageShell = pageShell;
	}

	@Bean
	LocaleResolver localeResolver() {
		var resolver = new CookieLocaleResolver("TRITHUC_LANG");
		resolver.setDefaultLocale(VIETNAMESE);
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		var localeChange = new LocaleChangeInterceptor();
		localeChange.setParamName("lang");
		registry.addInterceptor(localeChange);
		registry.addInterceptor(htmxFragments);
		registry.addInterceptor(pageShell);
	}
}
