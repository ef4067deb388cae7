package vn.trithuc;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/** The path patterns of the application's request mappings that answer GET (for tests that read every page). */
public final class GetRoutes {

	private GetRoutes() {
	}

	/** The GET path patterns (mappings without a method answer GET too) that {@code wanted} accepts, sorted. */
	public static Set<String> of(ApplicationContext context, Predicate<String> wanted) {
		var paths = new TreeSet<String>();
		context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()
			.forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
				var methods = info.getMethodsCondition().getMethods();
				if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
					info.getPatternValues().stream().filter(wanted).forEach(paths::add);
				}
			}));
		return paths;
	}
}
