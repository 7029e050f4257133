#include "ui/sms/smsoutboxchannel.h"

#include "tasks/sms/smsoutbox.h"
#include "ui/outbox/outboxstoredata.h"
#include "ui/outbox/outboxtablemodel.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

OutboxRow toRow(const SmsRecord &m)
{
    OutboxRow r = outboxRowBase(m);
    r.to = m.toNumber;
    if (m.relatedEntity == u"resident"_s && m.relatedId > 0)
        r.nameTip = QCoreApplication::translate("SmsOutboxTableModel", "Resident %1").arg(m.relatedId);
    r.content = m.text.simplified();
    r.contentTip = m.text;
    r.answer = m.state == OutboxState::Sent ? m.gatewayReply : m.lastError;
    return r;
}

} // namespace

OutboxChannel smsOutboxChannel()
{
    // The texts keep the contexts of the dock and the model they were written for.
    OutboxChannel c;
    c.namePrefix = u"smsOutbox"_s;
    c.table = u"sms_outbox"_s;
    c.sortSetting = u"window/smsOutboxSort"_s;
    c.widths = QList<int>(OutboxTableModel::ColumnCount, -1);
    c.widths[OutboxTableModel::IdColumn] = 60;
    c.widths[OutboxTableModel::ToColumn] = 130;
    c.widths[OutboxTableModel::NameColumn] = 160;
    c.widths[OutboxTableModel::ContentColumn] = 240;
    c.widths[OutboxTableModel::StateColumn] = 90;
    c.widths[OutboxTableModel::AttemptsColumn] = 70;
    c.widths[OutboxTableModel::ErrorColumn] = 280;

    OutboxChannel::Texts &t = c.texts;
    t.title = QCoreApplication::translate("SmsOutboxDock", "Text messages");
    t.stateFilterName = QCoreApplication::translate("SmsOutboxDock", "Show text messages in state");
    t.allStates = QCoreApplication::translate("SmsOutboxDock", "All text messages");
    t.searchName = QCoreApplication::translate("SmsOutboxDock", "Search the text messages");
    t.searchPlaceholder = QCoreApplication::translate("SmsOutboxDock", "Search number, name or text");
    t.sendNowTip = QCoreApplication::translate(
        "SmsOutboxDock", "Send the queued text messages now instead of at the next scheduled run");
    t.retryTip = QCoreApplication::translate("SmsOutboxDock", "Queue the selected failed text message again");
    t.markSentTip = QCoreApplication::translate(
        "SmsOutboxDock", "The selected uncertain text message did arrive: record it as sent");
    t.resendTip = QCoreApplication::translate(
        "SmsOutboxDock", "The selected uncertain text message did not arrive: send it once more");
    t.none = QCoreApplication::translate("SmsOutboxDock", "No text messages");
    t.confirmMarkSent = QCoreApplication::translate(
        "SmsOutboxDock", "Record text message %1 as delivered? Do this only after the recipient "
                         "confirmed that it arrived.");
    t.confirmResend = QCoreApplication::translate(
        "SmsOutboxDock", "Send text message %1 once more? Its earlier attempt may have been "
                         "delivered; if it was, the recipient gets it twice.");
    t.changeFailed = QCoreApplication::translate("SmsOutboxDock", "Text message %1 could not be changed.");
    t.retryFailed =
        QCoreApplication::translate("SmsOutboxDock", "Text message %1 could not be queued again.");
    t.sendNowFailed =
        QCoreApplication::translate("SmsOutboxDock", "The text messages could not be sent now.");
    t.toHeader = QCoreApplication::translate("SmsOutboxTableModel", "Number");
    t.nameHeader = QCoreApplication::translate("SmsOutboxTableModel", "Resident");
    t.contentHeader = QCoreApplication::translate("SmsOutboxTableModel", "Text");
    t.errorHeader = QCoreApplication::translate("SmsOutboxTableModel", "Last error");

    setOutboxStoreData<SmsOutbox, SmsRecord>(c, &toRow);
    return c;
}
