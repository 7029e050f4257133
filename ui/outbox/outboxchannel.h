#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "tasks/mail/outboxemail.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

class Database;
struct EnqueueResult;

// One row of an outbox as the Outbox dock shows it, whatever the channel: the channel's
// load() turns its records (OutboxEmail, SmsRecord) into these, on the read pool.
struct OutboxRow
{
    qint64 id = 0;
    OutboxState state = OutboxState::Queued;
    int version = 0;
    qint64 updatedAt = 0;
    QString to;         // the address or the number
    QString toTip;      // empty: no tooltip
    QString name;       // the recipient's name
    QString nameTip;    // empty: no tooltip
    QString content;    // the subject or the text, as the column shows it
    QString contentTip; // empty: no tooltip
    int attempts = 0;
    int maxAttempts = 0;
    QString lastError;
    QString answer;     // what the State and error columns' tooltip says (before a decision)
    QString resolution; // "marked_sent" / "resent" after a person decided
    QString resolvedBy;
    qint64 createdAt = 0;
    qint64 sentAt = 0;
};

// What the dock shows: a filter by state, a search, and at most `limit` rows.
struct OutboxQuery
{
    std::optional<OutboxState> state;
    QString search;
    int limit = 500;
};

struct OutboxPage
{
    Result<QList<OutboxRow>> rows; // newest first
    Result<QHash<OutboxState, int>> counts;
};

enum class OutboxDecision { MarkSent, Resend };

// What makes one Outbox dock the e-mail outbox (View ▸ Outbox, ui/mail/mailoutboxchannel.h)
// and another the text messages (View ▸ Text messages, ui/sms/smsoutboxchannel.h): object
// names, texts, columns, and the data work. The texts are translated when the channel is
// made (with the translator of the running application); those with %1 get the id. The
// data functions run on the executor's threads, with that thread's connection: they
// must capture nothing that the GUI thread owns.
struct OutboxChannel
{
    // Object names are this followed by "Dock", "View", "StateFilter", "Search",
    // "Counts", "SendNow", "Retry", "MarkSent", "Resend" and "FailedBox".
    QString namePrefix;
    // The table whose records-changed events reload the dock.
    QString table;
    // The QSettings key ("window/…") that keeps the person's sort ("<column> <0|1>");
    // empty: the columns do not sort, and the rows stay newest first.
    QString sortSetting;
    // The width of each column (OutboxTableModel::Column) in pixels; -1: the header's
    // default; 0 hides it (the columns are the same for every channel: a channel hides
    // those it has nothing for).
    QList<int> widths;

    struct Texts
    {
        QString title;           // the dock's title, the list's and the warnings' name
        QString stateFilterName; // accessible name of the state filter
        QString allStates;       // the filter's first item
        QString searchName;      // accessible name of the search field
        QString searchPlaceholder;
        QString sendNowTip;
        QString retryTip;
        QString markSentTip;
        QString resendTip;
        QString none;            // the counts when the outbox is empty
        QString confirmMarkSent; // %1: the id
        QString confirmResend;   // %1: the id
        QString changeFailed;    // %1: the id
        QString retryFailed;     // %1: the id
        QString sendNowFailed;
        QString toHeader;
        QString nameHeader;
        QString contentHeader;
        QString errorHeader;
    } texts;

    std::function<OutboxPage(Database &db, const OutboxQuery &query)> load;
    // A failed message queued again; an uncertain one decided (both with who and when).
    // `version` is the one the person saw: a newer one is a Conflict.
    std::function<VoidResult(Database &db, qint64 id, int version, const Actor &actor)> retry;
    std::function<VoidResult(Database &db, qint64 id, int version, OutboxDecision decision,
                             const Actor &actor)>
        decide;
    // "Send now": every queued message waiting for a retry becomes due, and a drain is
    // queued; in one transaction.
    std::function<Result<EnqueueResult>(Database &db, const Actor &actor)> drainNow;
};
