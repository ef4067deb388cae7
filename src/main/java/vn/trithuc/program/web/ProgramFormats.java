package vn.trithuc.program.web;

import org.springframework.stereotype.Component;

import vn.trithuc.program.PartialDate;

/** Writes partial document dates as dd/MM/yyyy with an ellipsis for each unknown part: …/03/2024. */
@Component("programFormats")
class ProgramFormats {

	static final String UNKNOWN = "…";

	public String shortDate(PartialDate date) {
		var day = date.day() == null ? UNKNOWN : String.format("%02d", date.day());
		var month = date.month() == null ? UNKNOWN : String.format("%02d", date.month());
		return day + "/" + month + "/" + date.year();
	}

	/** Plain digits (no thousands separator) for message arguments such as the year. */
	public String digits(Integer number) {
		return number == null ? UNKNOWN : Integer.toString(number);
	}
}
