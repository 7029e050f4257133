#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// One file attached to an outbox e-mail: sent base64-encoded with its file name and
// MIME type. `content` is held in memory (and stored as a BLOB): keep attachments to
// documents of a few megabytes, such as a report PDF.
struct OutboxAttachment
{
    qint64 id = 0;      // 0 until stored
    QString filename;   // "report-42-r2.pdf"
    QString mimeType;   // "application/pdf"; empty: application/octet-stream
    QByteArray content; // empty when read without content (Outbox::get(id, false))
    qint64 size = 0;    // bytes, also known without the content
};

// What a caller asks the outbox to send (Outbox::enqueue). A value type: build it,
// hand it over, forget it.
//
//   OutboxMessage m;
//   m.dedupeKey = u"report-finalized/%1/r%2"_s.arg(report.id).arg(report.revision);
//   m.toAddress = client.email;
//   m.toName = client.name;
//   m.subject = tr("Report %1").arg(report.number);
//   m.bodyText = tr("Please find the report attached.");
//   m.attachments.append({.filename = u"report.pdf"_s, .mimeType = u"application/pdf"_s, .content = pdf});
//   m.relatedEntity = u"report"_s;
//   m.relatedId = report.id;
struct OutboxMessage
{
    // Idempotence: a second enqueue with the same key returns the first e-mail and
    // writes nothing. Empty: no deduplication (every enqueue is a new e-mail).
    QString dedupeKey;
    QString toAddress;
    QString toName;      // optional display name ("Dr. Ana Pérez")
    QString fromAddress; // empty: the sender configured in the mail settings
    QString fromName;
    QString subject;
    QString bodyText; // plain text, UTF-8
    QList<OutboxAttachment> attachments;
    QString relatedEntity; // what the e-mail is about ("report", "resident" …), for lists
    qint64 relatedId = 0;
    int maxAttempts = 0;  // transient failures tolerated; 0: the outbox default (8)
    qint64 notBefore = 0; // ms since the epoch; 0: as soon as possible
};
