package vn.trithuc.program.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The program module's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProgramSettings.class)
class ProgramConfiguration {
}
