package vn.trithuc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

import vn.trithuc.shared.DatabaseMaintenance;

@Modulithic(sharedModules = "shared")
@SpringBootApplication
@ConfigurationPropertiesScan
public class TriThucApplication {

	public static void main(String[] args) {
		if (args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"))) {
			System.exit(DatabaseMaintenance.run(args));
		}
		SpringApplication.run(TriThucApplication.class, args);
	}
}
