#pragma once

#include "tasks/mail/outboxmessage.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// The states of an outbox e-mail (see tasks/mail/outbox.h for the protocol):
//   queued → sending → sent
//                    → queued (transient failure, attempts left) | failed
//                    → uncertain (the attempt's outcome is unknown: never re-sent
//                      automatically; a person marks it sent or sends it again)
enum class OutboxState { Queued, Sending, Sent, Failed, Uncertain };

namespace OutboxStates {
// Stable lower-case codes stored in the database and printed by the command line.
QString code(OutboxState state);
std::optional<OutboxState> fromCode(const QString &code);
// Translated, for people.
QString label(OutboxState state);
QList<OutboxState> all();
QString codeList(); // "queued, sending, sent, failed, uncertain"
} // namespace OutboxStates

// One row of outbox_emails, as the store reads it. Times are ms since the epoch (UTC).
struct OutboxEmail
{
    qint64 id = 0;
    QString dedupeKey;
    QString toAddress;
    QString toName;
    QString fromAddress; // empty: the configured sender
    QString fromName;
    QString subject;
    QString bodyText;
    OutboxState state = OutboxState::Queued;
    int attempts = 0;
    int maxAttempts = 8;
    qint64 nextAttemptAt = 0;
    QString lastError;   // the last failure, with the server's reply
    QString serverReply; // the reply that accepted the message
    QString messageId;   // "<uuid@residesk.local>", stable across attempts
    QString claimOwner;
    QString sendingOwner;
    qint64 sendingJobId = 0;
    qint64 sendingStartedAt = 0;
    qint64 sentAt = 0;
    QString resolution; // "marked_sent" / "resent" after a person decided
    QString resolvedBy;
    qint64 resolvedAt = 0;
    QString relatedEntity;
    qint64 relatedId = 0;
    QString createdBy;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    int version = 0;
    int attachmentCount = 0;
    QList<OutboxAttachment> attachments; // filled by Outbox::get()

    // The command line's JSON: id, to, to_name, subject, state, attempts, max_attempts,
    // error (the server's reply to the last failure), reply, message_id, dedupe_key,
    // related_entity, related_id, resolution, resolved_by, attachments (count),
    // created_by, created_at, sent_at, next_attempt_at, resolved_at (ISO 8601 UTC or
    // null), version.
    QJsonObject toJson() const;
};
Q_DECLARE_METATYPE(OutboxEmail)
