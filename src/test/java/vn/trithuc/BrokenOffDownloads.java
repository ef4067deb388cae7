package vn.trithuc;

import java.io.IOException;

import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A client that goes away after the first bytes of a download (it has read what it wanted): every later write fails,
 * as on a closed connection. For tests that an export is recorded however it ends.
 */
public final class BrokenOffDownloads {

	private BrokenOffDownloads() {
	}

	/** MockMvc over the application (security included) whose responses break off after {@code bytes} bytes. */
	public static MockMvc after(WebApplicationContext context, int bytes) {
		return MockMvcBuilders.webAppContextSetup(context).apply(SecurityMockMvcConfigurers.springSecurity())
			.addFilters((request, response, chain) -> chain.doFilter(request, new CutOff((HttpServletResponse) response, bytes)))
			.build();
	}

	private static final class CutOff extends HttpServletResponseWrapper {

		private final int limit;
		private int written;

		CutOff(HttpServletResponse response, int limit) {
			super(response);
			this.limit = limit;
		}

		@Override
		public ServletOutputStream getOutputStream() {
			return new ServletOutputStream() {
				@Override
				public void write(int b) throws IOException {
					if (++written > limit) {
						throw new IOException("Broken pipe");
					}
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(WriteListener listener) {
				}
			};
		}
	}
}
