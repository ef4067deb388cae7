package vn.trithuc.documents;

/** Which rules lay out the header: party documents (Guide 36-HD/VPTW) or state documents (Decree 30/2020). */
public enum DocumentFormat {
	/** "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-BC/HU" (no colon, hyphen), "*" under the issuing body. */
	PARTY,
	/** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc", "Số: 12/BC-UBND". */
	STATE
}
