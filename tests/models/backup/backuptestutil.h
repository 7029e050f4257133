#pragma once

// Shared by the backup tests: realistic data (the demo seeders, a finalized and amended
// report whose PDF is stored, an e-mail with an attachment of every byte value, a
// notification for somebody else, a job) and a row-by-row dump of every table to
// compare a database with its restored copy, read independently of the backup code.
#include "models/backup/schemainspector.h"
#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/housing/demoseeder.h"
#include "models/lab/labdemoseeder.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QRegularExpression>
#include <QStringList>

namespace BackupTestUtil {

using namespace Qt::StringLiterals;

inline QByteArray everyByte()
{
    QByteArray bytes;
    for (int round = 0; round < 3; ++round)
        for (int b = 0; b < 256; ++b)
            bytes.append(char(b));
    return "%PDF-1.4\n" + bytes + "\n%%EOF\n";
}

// Fills `db` (as its administrator); empty string on success, else what failed.
inline QString seed(Database &db, const QString &otherPerson)
{
    const Actor actor{u"seeder"_s, Actor::Role::Admin};
    if (auto r = DemoSeeder(db, actor).seed({.residents = 120, .seed = 3}); !r)
        return u"housing: "_s + r.error().message;
    if (auto r = LabDemoSeeder(db, actor).seed({.protocols = 12, .seed = 3}); !r)
        return u"lab: "_s + r.error().message;
    const QString now = Dialect::now(db.config().backend);
    const QStringList steps{
        // Report 1 finalized, with its PDF; revision 2 supersedes it (a row pointing at a
        // later row of its own table).
        u"UPDATE reports SET state = 'finalized', signed_by = 'vet', signed_at = %1 WHERE id = 1"_s.arg(now),
        u"INSERT INTO reports (protocol_id, revision, findings, supersedes_id, created_by, updated_by) "
        "SELECT protocol_id, 2, 'amended', id, 'x', 'x' FROM reports WHERE id = 1"_s,
        u"UPDATE reports SET superseded_by_id = (SELECT MAX(id) FROM reports) WHERE id = 1"_s,
    };
    for (const QString &step : steps) {
        if (auto r = SqlStatement::run(db, step); !r)
            return step + u": "_s + r.error().message;
    }
    // Text that COPY's text format escapes (backslash, tab, newline, carriage return) and
    // JSON escapes (quotes, control characters), in a table restored with COPY.
    if (auto r = SqlStatement::run(
            db, u"UPDATE residents SET first_name = ? WHERE id = (SELECT MIN(id) FROM residents)"_s,
            {u"Ann\tMarie\nO'Neil \"Q\" \\N \\. back\\slash\r\u0001 \u00e9\u2713"_s});
        !r)
        return u"escapes: "_s + r.error().message;
    const QByteArray pdf = everyByte();
    if (auto r = SqlStatement::run(
            db, u"INSERT INTO report_pdfs (report_id, content, sha256, size) VALUES (1, ?, ?, ?)"_s,
            {pdf, QString(64, u'a'), qint64(pdf.size())});
        !r)
        return u"pdf: "_s + r.error().message;
    if (auto r = SqlStatement::run(
            db, u"INSERT INTO outbox_emails (to_address, subject, body_text, next_attempt_at, "
                "message_id, created_by, created_at, updated_at) "
                "VALUES ('a@example.edu', 'Report', 'Ünïcode ✓ \"quoted\" \\ back', 1, "
                "'<1@residesk.local>', 'x', 1, 1)"_s);
        !r)
        return u"outbox: "_s + r.error().message;
    if (auto r = SqlStatement::run(
            db,
            u"INSERT INTO outbox_attachments (email_id, filename, mime_type, content, size_bytes) "
            "SELECT MAX(id), 'report.pdf', 'application/pdf', ?, ? FROM outbox_emails"_s,
            {pdf, qint64(pdf.size())});
        !r)
        return u"attachment: "_s + r.error().message;
    if (auto r = SqlStatement::run(db,
                                   u"INSERT INTO notifications (username, kind, title, body, created_at) "
                                   "VALUES (?, 'attention', 'For somebody else', 'line 1\nline 2', 5)"_s,
                                   {otherPerson});
        !r)
        return u"notification: "_s + r.error().message;
    return {};
}

// Every row of every table but schema_migrations, values normalised to text: bytes as
// hex, times as UTC ISO text ("…:20.123456Z" on PostgreSQL; with `millis`, every time
// cut to milliseconds, as SQLite keeps them). `db` must see every row (PostgreSQL: a
// superuser, past row-level security).
inline QMap<QString, QList<QStringList>> dump(Database &db, bool millis, QString *error)
{
    static const QRegularExpression isoTime(u"^(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3})\\d*Z$"_s);
    QMap<QString, QList<QStringList>> out;
    const Result<QList<SchemaTable>> tables = SchemaInspector::tables(db);
    if (!tables) {
        *error = tables.error().message;
        return out;
    }
    for (const SchemaTable &t : tables.value()) {
        QStringList columns;
        for (const BackupColumn &c : t.columns) {
            const QString q = SchemaInspector::quoted(c.name);
            columns.append(
                db.isPostgreSQL() && c.type == PortableType::Timestamp
                    ? u"to_char(%1 AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"_s.arg(q)
                : db.isPostgreSQL() && c.type == PortableType::Date ? u"to_char(%1, 'YYYY-MM-DD')"_s.arg(q)
                                                                    : q);
        }
        QStringList order;
        for (const QString &k : t.primaryKey)
            order.append(SchemaInspector::quoted(k));
        SqlStatement st(
            db, u"SELECT %1 FROM %2 ORDER BY %3"_s.arg(columns.join(u", "_s), SchemaInspector::quoted(t.name),
                                                       order.isEmpty() ? u"1"_s : order.join(u", "_s)));
        if (auto r = st.exec(); !r) {
            *error = t.name + u": "_s + r.error().message;
            return out;
        }
        QList<QStringList> rows;
        while (st.next()) {
            QStringList row;
            for (int i = 0; i < t.columns.size(); ++i) {
                const QVariant v = st.value(i);
                QString text;
                if (v.isNull())
                    text = u"<null>"_s;
                else if (v.typeId() == QMetaType::QByteArray)
                    text = u"x:"_s + QString::fromLatin1(v.toByteArray().toHex());
                else if (v.typeId() == QMetaType::Bool)
                    text = v.toBool() ? u"1"_s : u"0"_s;
                else
                    text = v.toString();
                if (millis) {
                    const QRegularExpressionMatch m = isoTime.match(text);
                    if (m.hasMatch())
                        text = m.captured(1) + u'Z';
                }
                row.append(t.columns[i].name + u'=' + text);
            }
            rows.append(row);
        }
        out.insert(t.name, rows);
    }
    return out;
}

// The first difference between two dumps, or empty.
inline QString difference(const QMap<QString, QList<QStringList>> &a,
                          const QMap<QString, QList<QStringList>> &b)
{
    if (a.keys() != b.keys())
        return u"tables differ: "_s + a.keys().join(u',') + u" / "_s + b.keys().join(u',');
    for (auto it = a.cbegin(); it != a.cend(); ++it) {
        const QList<QStringList> &other = b.value(it.key());
        if (it->size() != other.size())
            return u"%1: %2 rows, %3 rows"_s.arg(it.key()).arg(it->size()).arg(other.size());
        for (qsizetype r = 0; r < it->size(); ++r) {
            if (it->at(r) != other.at(r)) {
                const QStringList &x = it->at(r);
                const QStringList &y = other.at(r);
                for (qsizetype c = 0; c < x.size(); ++c) {
                    if (c >= y.size() || x[c] != y[c])
                        return u"%1 row %2: %3 / %4"_s.arg(it.key()).arg(r).arg(
                            x[c].left(200), c < y.size() ? y[c].left(200) : QString());
                }
            }
        }
    }
    return {};
}

} // namespace BackupTestUtil
