package vn.trithuc;

import java.time.Duration;

/** Waits over HTTP, as the job page's htmx polling does, until an import job's background work has ended. */
public final class ImportJobWait {

	private ImportJobWait() {
	}

	/** Polls {@code /registry/import/{job}/progress} until it answers that the work has ended (HX-Refresh). */
	public static void done(WebClientSession web, String job, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			var progress = web.get("/registry/import/" + job + "/progress", "HX-Request", "true");
			if (progress.status() != 200) {
				throw new AssertionError("progress of import job " + job + " answered " + progress.status());
			}
			if ("true".equals(progress.header("HX-Refresh"))) {
				return;
			}
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
		throw new AssertionError("import job " + job + " still working after " + timeout);
	}

	public static void done(WebClientSession web, String job) {
		done(web, job, Duration.ofSeconds(60));
	}
}
