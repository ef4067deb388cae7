package vn.trithuc.shared.database;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when an external PostgreSQL is configured through the standard {@code spring.datasource.url}. */
public final class ExternalDataSourceCondition implements Condition {

	public static boolean externalDataSourceConfigured(org.springframework.core.env.Environment environment) {
		return StringUtils.hasText(environment.getProperty("spring.datasource.url"));
	}

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return externalDataSourceConfigured(context.getEnvironment());
	}

	/** The opposite: no external datasource, so the embedded one is started. */
	public static final class Embedded implements Condition {
		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !externalDataSourceConfigured(context.getEnvironment());
		}
	}
}
