package vn.trithuc.catalog.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code trithuc.catalog.*} settings.
 *
 * @param maxImportSize largest code-list spreadsheet accepted (code lists are small; the global multipart
 * limit is higher for other modules' imports)
 */
@ConfigurationProperties("trithuc.catalog")
public record CatalogSettings(@DefaultValue("1MB") DataSize maxImportSize) {
}
