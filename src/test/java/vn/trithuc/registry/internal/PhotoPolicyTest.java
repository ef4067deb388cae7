package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Real images made here, read back after {@link PhotoPolicy#normalise}: size, orientation, metadata, bad files. */
class PhotoPolicyTest {

	/** An image whose left half is red and right half blue (to see where it was turned). */
	static BufferedImage halves(int width, int height) {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(Color.RED);
		g.fillRect(0, 0, width / 2, height);
		g.setColor(Color.BLUE);
		g.fillRect(width / 2, 0, width - width / 2, height);
		g.dispose();
		return image;
	}

	static byte[] encode(BufferedImage image, String format) throws IOException {
		var out = new ByteArrayOutputStream();
		assertThat(ImageIO.write(image, format, out)).isTrue();
		return out.toByteArray();
	}

	/** A JPEG with an EXIF segment (orientation, a GPS-like marker text) spliced in after its SOI marker. */
	static byte[] withExif(byte[] jpeg, int orientation) {
		var tiff = ByteBuffer.allocate(8 + 2 + 12 + 4 + 16);
		tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8);
		tiff.putShort((short) 1);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		tiff.putInt(0);
		tiff.put("GPS 11.94N 108.4E".getBytes(StandardCharsets.US_ASCII), 0, 16);
		var payload = new ByteArrayOutputStream();
		payload.writeBytes("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
		payload.writeBytes(tiff.array());
		int length = payload.size() + 2;
		var out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(0xD8);
		out.write(0xFF);
		out.write(0xE1);
		out.write(length >> 8);
		out.write(length & 0xFF);
		out.writeBytes(payload.toByteArray());
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	static BufferedImage read(byte[] jpeg) throws IOException {
		assertThat(EvidenceFilePolicy.sniff(jpeg)).contains(EvidenceFilePolicy.Type.JPEG);
		return ImageIO.read(new ByteArrayInputStream(jpeg));
	}

	@Test
	void a_phone_photo_is_stored_as_a_small_jpeg_within_300_by_400() throws IOException {
		var stored = PhotoPolicy.normalise(encode(halves(3000, 4000), "jpg")).jpeg();
		var image = read(stored);
		assertThat(image.getWidth()).isEqualTo(300);
		assertThat(image.getHeight()).isEqualTo(400);
		assertThat(stored.length).as("a few KB for a slow connection").isLessThan(40_000);
		assertThat(new Color(image.getRGB(20, 200)).getRed()).isGreaterThan(200);
		assertThat(new Color(image.getRGB(280, 200)).getBlue()).isGreaterThan(200);
	}

	@Test
	void a_small_png_with_transparency_is_not_enlarged_and_lies_on_white() throws IOException {
		var png = new BufferedImage(120, 90, BufferedImage.TYPE_INT_ARGB);
		var stored = read(PhotoPolicy.normalise(encode(png, "png")).jpeg());
		assertThat(stored.getWidth()).isEqualTo(120);
		assertThat(stored.getHeight()).isEqualTo(90);
		assertThat(new Color(stored.getRGB(60, 45))).as("transparent becomes white, not black").satisfies(
				c -> assertThat(c.getRed() + c.getGreen() + c.getBlue()).isGreaterThan(3 * 240));
	}

	@Test
	void a_photo_taken_with_the_phone_turned_is_stored_upright_and_without_its_metadata() throws IOException {
		// the sensor's 400 × 300 picture with "turn 90° clockwise to view" (EXIF orientation 6)
		var upload = withExif(encode(halves(400, 300), "jpg"), 6);
		assertThat(new String(upload, StandardCharsets.ISO_8859_1)).contains("Exif").contains("GPS 11.94N");
		var stored = PhotoPolicy.normalise(upload).jpeg();
		var image = read(stored);
		assertThat(image.getWidth()).isEqualTo(300);
		assertThat(image.getHeight()).isEqualTo(400);
		// turned clockwise, the red left half is now on top
		assertThat(new Color(image.getRGB(150, 20)).getRed()).isGreaterThan(200);
		assertThat(new Color(image.getRGB(150, 380)).getBlue()).isGreaterThan(200);
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPS 11.94N");
	}

	@Test
	void every_exif_orientation_turns_the_same_picture_upright() throws IOException {
		// orientation 1 as the reference: what each other orientation must give back once applied
		var upright = halves(40, 20);
		for (int orientation = 2; orientation <= 8; orientation++) {
			var stored = PhotoPolicy.upright(stored(upright, orientation), orientation);
			assertThat(stored.getWidth()).as("orientation %d", orientation).isEqualTo(40);
			assertThat(stored.getHeight()).as("orientation %d", orientation).isEqualTo(20);
			for (int[] at : new int[][] { { 2, 2 }, { 37, 17 }, { 5, 15 }, { 35, 3 } }) {
				assertThat(stored.getRGB(at[0], at[1])).as("orientation %d at %d,%d", orientation, at[0], at[1])
					.isEqualTo(upright.getRGB(at[0], at[1]));
			}
		}
	}

	/** What a camera stores for a scene {@code scene} under the given EXIF orientation (the inverse transform). */
	private static BufferedImage stored(BufferedImage scene, int orientation) {
		int w = scene.getWidth();
		int h = scene.getHeight();
		boolean swap = orientation >= 5;
		var out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < w; x++) {
			for (int y = 0; y < h; y++) {
				// the stored pixel that orientation maps to (x, y) of the scene
				int[] s = switch (orientation) {
					case 2 -> new int[] { w - 1 - x, y };
					case 3 -> new int[] { w - 1 - x, h - 1 - y };
					case 4 -> new int[] { x, h - 1 - y };
					case 5 -> new int[] { y, x };
					case 6 -> new int[] { y, w - 1 - x };
					case 7 -> new int[] { h - 1 - y, w - 1 - x };
					default -> new int[] { h - 1 - y, x };
				};
				out.setRGB(s[0], s[1], scene.getRGB(x, y));
			}
		}
		return out;
	}

	@Test
	void a_long_strip_is_decoded_as_small_as_a_square_photo() {
		assertThat(PhotoPolicy.step(4000, 3000)).isEqualTo(6);
		// 20.000 × 1.000: by its width, or it would be decoded whole (80 MB of pixels) for a 300 × 15 result
		assertThat(PhotoPolicy.step(20_000, 1_000)).isEqualTo(33);
		assertThat(PhotoPolicy.step(1_000, 20_000)).isEqualTo(25);
		assertThat(PhotoPolicy.step(300, 400)).isEqualTo(1);
	}

	@Test
	void the_exif_reader_ignores_what_is_not_exif() {
		assertThat(PhotoPolicy.exifOrientation(new byte[0])).isEqualTo(1);
		assertThat(PhotoPolicy.exifOrientation("Exif\0\0XX\0*\0\0\0\b".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo(1);
		// an IFD offset past the end
		assertThat(PhotoPolicy.exifOrientation("Exif\0\0MM\0*\u007f\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)))
			.isEqualTo(1);
	}

	@Test
	void bad_files_are_refused_with_the_reason() throws IOException {
		assertRefused(new byte[0], "registry.photo.empty");
		assertRefused("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), "registry.photo.type");
		assertRefused("<html><script>alert(1)</script>".getBytes(StandardCharsets.US_ASCII), "registry.photo.type");
		var jpeg = encode(halves(800, 600), "jpg");
		assertRefused(Arrays.copyOf(jpeg, 300), "registry.photo.unreadable");
		var big = Arrays.copyOf(jpeg, PhotoPolicy.MAX_BYTES + 1);
		assertRefused(big, "registry.photo.tooLarge");
		assertRefused(pngClaiming(100_000, 100_000), "registry.photo.tooManyPixels");
		assertRefused(pngClaiming(5_000_000, 2), "registry.photo.tooManyPixels");
	}

	/** A PNG of a few dozen bytes whose header claims a canvas of width × height (a decompression bomb). */
	static byte[] pngClaiming(int width, int height) {
		var out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		var ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
			.put((byte) 0).put((byte) 0).array();
		chunk(out, "IHDR", ihdr);
		chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		var typed = new ByteArrayOutputStream();
		typed.writeBytes(type.getBytes(StandardCharsets.US_ASCII));
		typed.writeBytes(data);
		out.writeBytes(typed.toByteArray());
		var crc = new CRC32();
		crc.update(typed.toByteArray());
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static void assertRefused(byte[] upload, String key) {
		assertThatThrownBy(() -> PhotoPolicy.normalise(upload)).isInstanceOfSatisfying(
				Profiles.InvalidProfileException.class, e -> assertThat(e.errors()).singleElement()
					.satisfies(error -> assertThat(error.messageKey()).isEqualTo(key))
					.satisfies(error -> assertThat(error.field()).isEqualTo("photo")));
	}
}
