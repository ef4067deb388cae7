package vn.trithuc.program.internal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.trithuc.identity.Role;
import vn.trithuc.program.NoticeKind;
import vn.trithuc.program.UnitReportStatusChanged;

/**
 * Tells the unit's officers when the commission returns or accepts their report. Runs in the workflow step's
 * own transaction, so a step and its notices are stored together or not at all.
 */
@Component
class ReportNotices {

	private final JdbcNotices notices;
	private final NoticeRecipients recipients;

	ReportNotices(JdbcNotices notices, NoticeRecipients recipients) {
		this.notices = notices;
		this.recipients = recipients;
	}

	@EventListener
	void on(UnitReportStatusChanged changed) {
		var kind = switch (changed.action()) {
			case RETURN -> NoticeKind.RETURNED;
			case ACCEPT -> NoticeKind.ACCEPTED;
			case SUBMIT, REOPEN -> null;
		};
		if (kind == null) {
			return;
		}
		notices.post(recipients.covering(changed.orgUnitId(), Role.UNIT_OFFICER), kind, changed.reportId(),
				"report:" + changed.reportId() + ":" + changed.action() + ":" + changed.at().toEpochMilli());
	}
}
