package vn.trithuc.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.trithuc.registry.internal.EvidenceFilePolicy.Type;
import vn.trithuc.registry.internal.EvidenceFilePolicy.Upload;

class EvidenceFilePolicyTest {

	static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
	static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F' };

	@Test
	void the_type_comes_from_the_content_not_from_the_name() {
		assertThat(EvidenceFilePolicy.sniff(PDF)).contains(Type.PDF);
		assertThat(EvidenceFilePolicy.sniff(JPEG)).contains(Type.JPEG);
		assertThat(EvidenceFilePolicy.sniff("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
		assertThat(EvidenceFilePolicy.check(List.of(new Upload("anh.png", JPEG)))).extracting(a -> a.name())
			.containsExactly("anh.jpg");
	}

	@Test
	void a_file_name_loses_its_path_reserved_characters_and_gets_the_extension_of_its_type() {
		assertThat(EvidenceFilePolicy.sanitise("../../../etc/passwd", Type.PDF)).isEqualTo("passwd.pdf");
		assertThat(EvidenceFilePolicy.sanitise("..\\..\\Windows\\win.ini", Type.PNG)).isEqualTo("win.png");
		assertThat(EvidenceFilePolicy.sanitise("<script>alert(1)</script>.pdf", Type.PDF)).isEqualTo("script.pdf");
		assertThat(EvidenceFilePolicy.sanitise("bang\u0000\u0007.pdf", Type.PDF)).isEqualTo("bang.pdf");
		assertThat(EvidenceFilePolicy.sanitise("...", Type.JPEG)).isEqualTo("minh-chung.jpg");
		assertThat(EvidenceFilePolicy.sanitise(null, Type.PDF)).isEqualTo("minh-chung.pdf");
		assertThat(EvidenceFilePolicy.sanitise("Ba\u0300ng.pdf", Type.PDF)).as("NFC").isEqualTo("Bàng.pdf");
		assertThat(EvidenceFilePolicy.sanitise("a".repeat(300) + ".pdf", Type.PDF)).hasSize(EvidenceFilePolicy.MAX_NAME + 4);
	}

	@Test
	void too_many_empty_or_oversized_files_are_refused_with_a_message_key() {
		assertThatThrownBy(() -> EvidenceFilePolicy.check(Collections.nCopies(6, new Upload("a.pdf", PDF))))
			.isInstanceOfSatisfying(Profiles.InvalidProfileException.class,
					e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("registry.evidence.tooMany"));
		assertThatThrownBy(() -> EvidenceFilePolicy.check(List.of(new Upload("a.pdf", new byte[0]))))
			.isInstanceOfSatisfying(Profiles.InvalidProfileException.class,
					e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("registry.evidence.empty"));
		var big = java.util.Arrays.copyOf(PDF, EvidenceFilePolicy.MAX_BYTES + 1);
		assertThatThrownBy(() -> EvidenceFilePolicy.check(List.of(new Upload("a.pdf", big))))
			.isInstanceOfSatisfying(Profiles.InvalidProfileException.class,
					e -> assertThat(e.errors().get(0).messageKey()).isEqualTo("registry.evidence.tooLarge"));
		assertThat(EvidenceFilePolicy.check(List.of(new Upload("a.pdf", java.util.Arrays.copyOf(PDF, EvidenceFilePolicy.MAX_BYTES)))))
			.hasSize(1);
	}
}
