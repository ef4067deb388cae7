package vn.trithuc.program.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The program module's settings; scheduling for the daily reminder pass. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProgramSettings.class)
@EnableScheduling
class ProgramConfiguration {
}
