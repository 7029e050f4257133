#include "ui/mail/mailoutboxchannel.h"

#include "tasks/mail/outbox.h"
#include "ui/outbox/outboxstoredata.h"
#include "ui/outbox/outboxtablemodel.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {

OutboxRow toRow(const OutboxEmail &e)
{
    OutboxRow r = outboxRowBase(e);
    r.to = e.toAddress;
    r.toTip = e.toName.isEmpty() ? e.toAddress : u"%1 <%2>"_s.arg(e.toName, e.toAddress);
    r.content = e.subject;
    r.answer = e.lastError;
    return r;
}

} // namespace

OutboxChannel mailOutboxChannel()
{
    // The texts keep the contexts of the dock and the model they were written for.
    OutboxChannel c;
    c.namePrefix = u"outbox"_s;
    c.table = u"outbox_emails"_s;
    c.widths = QList<int>(OutboxTableModel::ColumnCount, -1);
    c.widths[OutboxTableModel::NameColumn] = 0; // the name is in the To column's tooltip
    c.widths[OutboxTableModel::IdColumn] = 60;
    c.widths[OutboxTableModel::ToColumn] = 220;
    c.widths[OutboxTableModel::ContentColumn] = 240;
    c.widths[OutboxTableModel::StateColumn] = 90;
    c.widths[OutboxTableModel::AttemptsColumn] = 70;
    c.widths[OutboxTableModel::ErrorColumn] = 320;

    OutboxChannel::Texts &t = c.texts;
    t.title = QCoreApplication::translate("OutboxDock", "Outbox");
    t.stateFilterName = QCoreApplication::translate("OutboxDock", "Show e-mails in state");
    t.allStates = QCoreApplication::translate("OutboxDock", "All e-mails");
    t.searchName = QCoreApplication::translate("OutboxDock", "Search the outbox");
    t.searchPlaceholder = QCoreApplication::translate("OutboxDock", "Search recipient or subject");
    t.sendNowTip = QCoreApplication::translate(
        "OutboxDock", "Send the queued e-mails now instead of at the next scheduled run");
    t.retryTip = QCoreApplication::translate("OutboxDock", "Queue the selected failed e-mail again");
    t.markSentTip = QCoreApplication::translate(
        "OutboxDock", "The selected uncertain e-mail did arrive: record it as sent");
    t.resendTip = QCoreApplication::translate(
        "OutboxDock", "The selected uncertain e-mail did not arrive: send it once more");
    t.none = QCoreApplication::translate("OutboxDock", "No e-mails");
    t.confirmMarkSent = QCoreApplication::translate(
        "OutboxDock", "Record e-mail %1 as delivered? Do this only after the recipient confirmed "
                      "that it arrived.");
    t.confirmResend = QCoreApplication::translate(
        "OutboxDock", "Send e-mail %1 once more? Its earlier attempt may have been delivered; if "
                      "it was, the recipient gets it twice (with the same Message-ID).");
    t.changeFailed = QCoreApplication::translate("OutboxDock", "E-mail %1 could not be changed.");
    t.retryFailed = QCoreApplication::translate("OutboxDock", "E-mail %1 could not be queued again.");
    t.sendNowFailed = QCoreApplication::translate("OutboxDock", "The e-mails could not be sent now.");
    t.toHeader = QCoreApplication::translate("OutboxTableModel", "To");
    t.contentHeader = QCoreApplication::translate("OutboxTableModel", "Subject");
    t.errorHeader = QCoreApplication::translate("OutboxTableModel", "Server's answer");

    setOutboxStoreData<Outbox, OutboxEmail>(c, &toRow);
    return c;
}
