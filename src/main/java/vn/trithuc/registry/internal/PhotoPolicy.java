package vn.trithuc.registry.internal;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;

/**
 * What a profile photo may be and what is stored of it. A JPEG or PNG recognised from its first bytes (as
 * {@link EvidenceFilePolicy} does), at most {@link #MAX_BYTES} and {@link #MAX_PIXELS} pixels (read from the
 * header before any pixel is decoded: a small file cannot claim a huge canvas), decodable. What is stored is a new
 * JPEG of at most {@link #WIDTH} × {@link #HEIGHT} pixels, turned upright by the camera's EXIF orientation: none
 * of the upload's metadata (camera, place where it was taken, time) survives, and a page with the photo stays small
 * on a slow connection.
 */
public final class PhotoPolicy {

	public static final int MAX_BYTES = 5 * 1024 * 1024;
	static final long MAX_PIXELS = 40_000_000L;
	static final int MAX_SIDE = 20_000;
	static final int WIDTH = 300;
	static final int HEIGHT = 400;
	private static final float QUALITY = 0.85f;

	private PhotoPolicy() {
	}

	/** A photo as stored: only {@link #normalise} makes one (no upload reaches the registry as it came). */
	public static final class Stored {
		private final byte[] jpeg;

		private Stored(byte[] jpeg) {
			this.jpeg = jpeg;
		}

		public byte[] jpeg() {
			return jpeg.clone();
		}
	}

	/**
	 * The photo to store for an upload. Seconds of CPU for a large photo: call it outside a database transaction.
	 *
	 * @throws Profiles.InvalidProfileException with field {@code photo} and a Vietnamese message key
	 */
	public static Stored normalise(byte[] upload) {
		if (upload.length == 0) {
			throw invalid("registry.photo.empty");
		}
		if (upload.length > MAX_BYTES) {
			throw invalid("registry.photo.tooLarge", vn.trithuc.shared.Formats.fileSize(MAX_BYTES));
		}
		var type = EvidenceFilePolicy.sniff(upload).filter(t -> t != EvidenceFilePolicy.Type.PDF)
			.orElseThrow(() -> invalid("registry.photo.type"));
		try (var input = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
			var readers = ImageIO.getImageReadersByMIMEType(type.contentType());
			if (input == null || !readers.hasNext()) {
				throw invalid("registry.photo.unreadable");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(input, true, false);
				long width = reader.getWidth(0);
				long height = reader.getHeight(0);
				if (width * height > MAX_PIXELS || width > MAX_SIDE || height > MAX_SIDE) {
					throw invalid("registry.photo.tooManyPixels", width, height);
				}
				int orientation = type == EvidenceFilePolicy.Type.JPEG ? orientation(upload) : 1;
				var param = reader.getDefaultReadParam();
				int step = step(width, height);
				param.setSourceSubsampling(step, step, 0, 0);
				// a truncated JPEG decodes "fine" with its missing part grey, and only a warning says so
				var warnings = new java.util.ArrayList<String>();
				reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
				var image = reader.read(0, param);
				if (!warnings.isEmpty()) {
					throw invalid("registry.photo.unreadable");
				}
				return new Stored(jpeg(upright(image, orientation)));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof Profiles.InvalidProfileException invalid) {
				throw invalid;
			}
			// truncated, corrupt, CMYK JPEG, a PNG with a broken chunk …
			throw invalid("registry.photo.unreadable");
		}
	}

	/**
	 * Every how many pixels one is decoded: the decoded image is at most about twice the stored box along its longer
	 * proportion, so a 12-megapixel phone photo, or a 20.000 × 1.000 strip, never sits whole in memory.
	 */
	static int step(long width, long height) {
		return (int) Math.max(1, Math.max(width / (2L * WIDTH), height / (2L * HEIGHT)));
	}

	/**
	 * The EXIF orientation (1–8) of a JPEG, 1 when it has none: the markers before the image data are walked for an
	 * APP1 "Exif" segment (read from the bytes: ImageIO's metadata refuses an APP1 before a JFIF APP0, which phones
	 * write).
	 */
	static int orientation(byte[] jpeg) {
		int at = 2;
		while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
			int marker = jpeg[at + 1] & 0xFF;
			int length = ((jpeg[at + 2] & 0xFF) << 8) | (jpeg[at + 3] & 0xFF);
			if (marker == 0xDA || length < 2 || at + 2 + length > jpeg.length) {
				break;
			}
			if (marker == 0xE1) {
				int orientation = exifOrientation(Arrays.copyOfRange(jpeg, at + 4, at + 2 + length));
				if (orientation != 1) {
					return orientation;
				}
			}
			at += 2 + length;
		}
		return 1;
	}

	/** Reads tag 0x0112 of IFD0 from an APP1 segment ("Exif\0\0" and a TIFF header); 1 when absent or malformed. */
	static int exifOrientation(byte[] app1) {
		if (app1.length < 14 || app1[0] != 'E' || app1[1] != 'x' || app1[2] != 'i' || app1[3] != 'f') {
			return 1;
		}
		var tiff = ByteBuffer.wrap(app1, 6, app1.length - 6).slice();
		if (tiff.get(0) == 'I' && tiff.get(1) == 'I') {
			tiff.order(ByteOrder.LITTLE_ENDIAN);
		}
		else if (tiff.get(0) != 'M' || tiff.get(1) != 'M') {
			return 1;
		}
		int ifd = tiff.getInt(4);
		if (ifd < 8 || ifd + 2 > tiff.limit()) {
			return 1;
		}
		int entries = Short.toUnsignedInt(tiff.getShort(ifd));
		for (int i = 0; i < entries; i++) {
			int at = ifd + 2 + 12 * i;
			if (at + 12 > tiff.limit()) {
				return 1;
			}
			if (Short.toUnsignedInt(tiff.getShort(at)) == 0x0112) {
				int value = Short.toUnsignedInt(tiff.getShort(at + 8));
				return value >= 1 && value <= 8 ? value : 1;
			}
		}
		return 1;
	}

	/** The image as the camera meant it to be seen (EXIF orientations 1–8: rotations and mirrors). */
	static BufferedImage upright(BufferedImage image, int orientation) {
		if (orientation <= 1 || orientation > 8) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = orientation >= 5;
		var t = new AffineTransform();
		switch (orientation) {
			case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
			case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
			case 4 -> { t.translate(0, h); t.scale(1, -1); }
			case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
			case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
			case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
			default -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
		}
		var out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
		var g = out.createGraphics();
		try {
			g.drawImage(image, t, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

	/** Scaled to fit {@link #WIDTH} × {@link #HEIGHT} (never enlarged), on white, as a JPEG without metadata. */
	static byte[] jpeg(BufferedImage image) {
		double scale = Math.min(1.0, Math.min((double) WIDTH / image.getWidth(), (double) HEIGHT / image.getHeight()));
		int w = Math.max(1, (int) Math.round(image.getWidth() * scale));
		int h = Math.max(1, (int) Math.round(image.getHeight() * scale));
		var out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		var g = out.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, w, h);
			g.drawImage(image, 0, 0, w, h, null);
		}
		finally {
			g.dispose();
		}
		var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		var bytes = new ByteArrayOutputStream();
		try (var output = ImageIO.createImageOutputStream(bytes)) {
			writer.setOutput(output);
			var param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(QUALITY);
			writer.write(null, new IIOImage(out, null, null), param);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	private static Profiles.InvalidProfileException invalid(String key, Object... arguments) {
		return new Profiles.InvalidProfileException(List.of(new Profiles.FieldError("photo", key, arguments)));
	}
}
