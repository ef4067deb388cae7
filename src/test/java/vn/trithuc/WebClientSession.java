package vn.trithuc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A real HTTP client against the running test server, keeping cookies like a browser and asking for gzip,
 * so that tests see exactly what goes over the wire (headers, sizes, error pages).
 */
public final class WebClientSession {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final String base;
	private final HttpClient client;
	private final CookieManager cookies = new CookieManager();

	public WebClientSession(int port) {
		this.base = "http://localhost:" + port;
		// HTTP/1.1 with keep-alive, as browsers speak to the server (no h2c upgrade attempts on plain HTTP)
		this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER).build();
	}

	/** The value of a cookie the server set, or null. */
	public String cookie(String name) {
		return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
			.map(java.net.HttpCookie::getValue).findFirst().orElse(null);
	}

	public Response get(String path, String... headers) {
		var builder = HttpRequest.newBuilder(URI.create(base + path)).GET().header("Accept-Encoding", "gzip")
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		for (int i = 0; i < headers.length; i += 2) {
			builder.setHeader(headers[i], headers[i + 1]);
		}
		return send(builder.build());
	}

	/** Any method with headers and a text body (empty for none), for error and protocol tests. */
	public Response send(String method, String path, Map<String, String> headers, String body) {
		var builder = HttpRequest.newBuilder(URI.create(base + path))
			.method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
		headers.forEach(builder::setHeader);
		return send(builder.build());
	}

	public Response send(String method, String path, Map<String, String> headers) {
		return send(method, path, headers, "");
	}

	public Response postForm(String path, Map<String, String> fields) {
		var body = fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept-Encoding", "gzip")
			.POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	/**
	 * Uploads a file the way the page's upload form does: the CSRF token is the form's hidden {@code _csrf} field,
	 * sent as a part of the multipart body before the file (never in the URL, where it would leak into logs,
	 * history and Referer); {@code RefusedUploadFilter} parses the body before the CSRF check reads it.
	 */
	public Response upload(String formPath, String fileName, byte[] content) {
		var form = get(formPath);
		var token = CSRF_INPUT.matcher(form.body());
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token in the upload form of " + formPath);
		}
		return postMultipart(formPath, Map.of("_csrf", token.group(1)), java.util.List.of(new FilePart("file", fileName,
				content)));
	}

	/** A file part of a multipart form. */
	public record FilePart(String field, String fileName, byte[] content) {
	}

	/** Posts a multipart form with fields (the CSRF token as the field {@code _csrf}, like the page's form) and files. */
	public Response postMultipart(String path, Map<String, String> fields, java.util.List<FilePart> files) {
		var boundary = "----trithuc" + System.nanoTime();
		var body = new java.io.ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		for (var file : files) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
					+ "\"; filename=\"" + file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(file.content());
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
	}

	/** The body of a GET as bytes (downloads such as .xlsx), uncompressed; throws unless the status is 200. */
	public byte[] getBytes(String path) {
		try {
			var response = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("GET " + path + ": " + response.statusCode());
			}
			return response.body();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Logs in through the real login form (with its CSRF token). @return the response to the login POST */
	public Response login(String username, String password) {
		var form = get("/login");
		var fields = new LinkedHashMap<String, String>();
		fields.put("username", username);
		fields.put("password", password);
		fields.put("_csrf", csrfToken(form.body()));
		return postForm("/login", fields);
	}

	public static String csrfToken(String html) {
		var matcher = CSRF_INPUT.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("no CSRF token in page");
		}
		return matcher.group(1);
	}

	private Response send(HttpRequest request) {
		try {
			var response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			var raw = response.body();
			var gzipped = response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent();
			var text = gzipped ? new String(new GZIPInputStream(new ByteArrayInputStream(raw)).readAllBytes(),
					StandardCharsets.UTF_8) : new String(raw, StandardCharsets.UTF_8);
			return new Response(response.statusCode(), response.headers().map(), text, raw.length);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** @param transferred bytes on the wire (compressed when the server compressed) */
	public record Response(int status, Map<String, java.util.List<String>> headers, String body, int transferred) {

		public String header(String name) {
			return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0)).findFirst().orElse(null);
		}
	}
}
