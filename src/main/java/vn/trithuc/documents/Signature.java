package vn.trithuc.documents;

import org.jspecify.annotations.Nullable;

/**
 * The signature block: "T/M BAN THƯỜNG VỤ" (on behalf of, may be absent), the signer's title ("PHÓ BÍ THƯ",
 * "KT. CHỦ TỊCH"), then after room for the signature and seal, the signer's name.
 */
public record Signature(@Nullable String onBehalfOf, String title, String name) {
}
