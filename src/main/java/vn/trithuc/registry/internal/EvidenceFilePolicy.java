package vn.trithuc.registry.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import vn.trithuc.shared.VietnameseText;

/**
 * What an evidence file attached to a change request may be: PDF, JPEG or PNG recognised from the first bytes
 * (the name and the browser's content type are not trusted), at most {@link #MAX_BYTES} each and
 * {@link #MAX_FILES} per request. The stored name keeps only the last path segment, without control or reserved
 * characters, and ends with the extension of the recognised type.
 */
public final class EvidenceFilePolicy {

	public static final int MAX_BYTES = 5 * 1024 * 1024;
	public static final int MAX_FILES = 5;
	static final int MAX_NAME = 120;

	public enum Type {
		PDF("application/pdf", ".pdf", new byte[] { '%', 'P', 'D', 'F', '-' }),
		JPEG("image/jpeg", ".jpg", new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }),
		PNG("image/png", ".png", new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });

		private final String contentType;
		private final String extension;
		private final byte[] magic;

		Type(String contentType, String extension, byte[] magic) {
			this.contentType = contentType;
			this.extension = extension;
			this.magic = magic;
		}

		public String contentType() {
			return contentType;
		}
	}

	/** An accepted file: its sanitised name and sniffed type. */
	public record Accepted(String name, Type type, byte[] content) {
	}

	private EvidenceFilePolicy() {
	}

	/** The type recognised from the content, if it is one of the accepted ones. */
	public static Optional<Type> sniff(byte[] content) {
		return Arrays.stream(Type.values()).filter(t -> content.length >= t.magic.length
				&& Arrays.equals(Arrays.copyOf(content, t.magic.length), t.magic)).findFirst();
	}

	/**
	 * Checks the files of one request; the first problem refuses all of them (nothing half-stored).
	 *
	 * @throws Profiles.InvalidProfileException with field {@code evidence} and a Vietnamese message key
	 */
	public static List<Accepted> check(List<Upload> uploads) {
		if (uploads.size() > MAX_FILES) {
			throw invalid("registry.evidence.tooMany", MAX_FILES);
		}
		return uploads.stream().map(u -> {
			var shown = displayName(u.originalName());
			if (u.content().length == 0) {
				throw invalid("registry.evidence.empty", shown);
			}
			if (u.content().length > MAX_BYTES) {
				throw invalid("registry.evidence.tooLarge", shown, vn.trithuc.shared.Formats.fileSize(MAX_BYTES));
			}
			var type = sniff(u.content()).orElseThrow(() -> invalid("registry.evidence.type", shown));
			return new Accepted(sanitise(u.originalName(), type), type, u.content());
		}).toList();
	}

	/** One uploaded file as received. */
	public record Upload(@Nullable String originalName, byte[] content) {
	}

	/** The last path segment, NFC, without control and reserved characters, with the extension of {@code type}. */
	public static String sanitise(@Nullable String original, Type type) {
		var base = displayName(original);
		var dot = base.lastIndexOf('.');
		if (dot > 0) {
			base = base.substring(0, dot);
		}
		base = base.replaceAll("^[.\\s]+", "").strip();
		if (base.isEmpty()) {
			base = "minh-chung";
		}
		if (base.length() > MAX_NAME) {
			base = base.substring(0, MAX_NAME);
		}
		return base + type.extension;
	}

	private static String displayName(@Nullable String original) {
		var name = original == null ? "" : VietnameseText.nfc(original);
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		return name.replaceAll("[\\p{Cntrl}<>:\"|?*]", "").replace("..", ".").strip();
	}

	private static Profiles.InvalidProfileException invalid(String key, Object... arguments) {
		return new Profiles.InvalidProfileException(List.of(new Profiles.FieldError("evidence", key, arguments)));
	}
}
