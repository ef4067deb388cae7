package vn.trithuc.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals small secrets stored in the database (the TOTP shared secrets) with AES-256-GCM, so that a copy of the
 * database or a backup alone does not let anyone generate second-factor codes. The key is
 * {@code trithuc.identity.secret-key} (base64 of 32 bytes, e.g. from the environment) or, when that is empty, the
 * file {@code trithuc.identity.secret-key-file} (created with owner-only permissions on the first start). Every
 * instance sharing one database needs the same key; keep it apart from database backups.
 */
@Component
class SecretBox {

	private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
	static final String PREFIX = "v1:";
	private static final int IV_BYTES = 12;
	private static final int TAG_BITS = 128;
	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	SecretBox(@Value("${trithuc.identity.secret-key:}") String configured,
			@Value("${trithuc.identity.secret-key-file:data/secret.key}") Path file) {
		this.key = new SecretKeySpec(configured.isBlank() ? keyFromFile(file) : decode(configured, "trithuc.identity.secret-key"),
				"AES");
	}

	/** @return {@code v1:} + base64(iv ‖ ciphertext ‖ tag); null stays null */
	String seal(String plain) {
		if (plain == null) {
			return null;
		}
		try {
			var iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
			var sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			var out = new byte[IV_BYTES + sealed.length];
			System.arraycopy(iv, 0, out, 0, IV_BYTES);
			System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("AES-GCM is not available", e);
		}
	}

	/** Opens a sealed value; a value stored before sealing existed (no prefix) is returned as it is. */
	String open(String stored) {
		if (stored == null || !isSealed(stored)) {
			return stored;
		}
		try {
			var bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			var cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
			return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalStateException("A sealed secret cannot be opened: trithuc.identity.secret-key (or the key "
					+ "file) is not the one it was sealed with", e);
		}
	}

	static boolean isSealed(String stored) {
		return stored.startsWith(PREFIX);
	}

	private static byte[] keyFromFile(Path file) {
		try {
			if (!Files.exists(file)) {
				var fresh = new byte[32];
				RANDOM.nextBytes(fresh);
				Files.createDirectories(file.toAbsolutePath().getParent());
				try {
					Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII,
							java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
					try {
						Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
					}
					catch (UnsupportedOperationException e) {
						// not a POSIX file system: the directory's permissions protect it
					}
					log.warn("Created the secret key file {} for sealing second-factor secrets. Keep it apart from "
							+ "database backups and give every instance sharing the database the same key.",
							file.toAbsolutePath());
				}
				catch (FileAlreadyExistsException e) {
					// another instance created it a moment ago
				}
			}
			return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read or create the secret key file " + file.toAbsolutePath(), e);
		}
	}

	private static byte[] decode(String base64, String source) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException(source + " is not base64", e);
		}
		if (bytes.length != 32) {
			throw new IllegalStateException(source + " must hold 32 bytes (base64 of 256 bits), not " + bytes.length);
		}
		return bytes;
	}
}
