#include "models/db/pgquery.h"

#include "models/db/threadjob.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QSet>
#include <QSqlDriver>
#include <QUuid>

#include <cctype>
#include <cmath>
#include <libpq-fe.h>
#include <vector>

namespace {

// Type OIDs of the built-in types read specially (catalog/pg_type_d.h, which only the
// server's headers carry).
enum Oid : unsigned {
    BoolOid = 16,
    ByteaOid = 17,
    Int8Oid = 20,
    Int2Oid = 21,
    Int4Oid = 23,
    Float4Oid = 700,
    Float8Oid = 701,
    DateOid = 1082,
    TimeOid = 1083,
    TimestampOid = 1114,
    TimestampTzOid = 1184,
    TimeTzOid = 1266,
    NumericOid = 1700,
};

QMetaType metaTypeOf(unsigned oid)
{
    switch (oid) {
    case BoolOid:
        return QMetaType(QMetaType::Bool);
    case Int8Oid:
        return QMetaType(QMetaType::LongLong);
    case Int2Oid:
    case Int4Oid:
        return QMetaType(QMetaType::Int);
    case NumericOid:
    case Float4Oid:
    case Float8Oid:
        return QMetaType(QMetaType::Double);
    case DateOid:
        return QMetaType(QMetaType::QDate);
    case TimeOid:
    case TimeTzOid:
        return QMetaType(QMetaType::QTime);
    case TimestampOid:
    case TimestampTzOid:
        return QMetaType(QMetaType::QDateTime);
    case ByteaOid:
        return QMetaType(QMetaType::QByteArray);
    default:
        return QMetaType(QMetaType::QString);
    }
}

// A bound value as libpq takes it: text (or raw bytes for a QByteArray), or NULL.
struct Param
{
    QByteArray bytes;
    bool null = false;
    bool binary = false;
};

// What Qt's SQL layer binds as NULL: no value, or a null string, array, date or id.
bool isNullValue(const QVariant &v)
{
    if (v.isNull())
        return true;
    switch (v.typeId()) {
    case QMetaType::QString:
        return v.toString().isNull();
    case QMetaType::QByteArray:
        return v.toByteArray().isNull();
    case QMetaType::QDateTime:
        return !v.toDateTime().isValid();
    case QMetaType::QDate:
        return !v.toDate().isValid();
    case QMetaType::QTime:
        return !v.toTime().isValid();
    case QMetaType::QUuid:
        return v.toUuid().isNull();
    default:
        return false;
    }
}

Param toParam(const QVariant &v)
{
    Param p;
    if (isNullValue(v)) {
        p.null = true;
        return p;
    }
    switch (v.typeId()) {
    case QMetaType::Bool:
        p.bytes = v.toBool() ? QByteArrayLiteral("true") : QByteArrayLiteral("false");
        break;
    case QMetaType::Int:
    case QMetaType::Short:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::Long:
    case QMetaType::LongLong:
        p.bytes = QByteArray::number(v.toLongLong());
        break;
    case QMetaType::UInt:
    case QMetaType::UShort:
    case QMetaType::UChar:
    case QMetaType::ULong:
    case QMetaType::ULongLong:
        p.bytes = QByteArray::number(v.toULongLong());
        break;
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = v.toDouble();
        if (std::isnan(d))
            p.bytes = QByteArrayLiteral("NaN");
        else if (std::isinf(d))
            p.bytes = d > 0 ? QByteArrayLiteral("Infinity") : QByteArrayLiteral("-Infinity");
        else
            p.bytes = QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        break;
    }
    case QMetaType::QDateTime:
        // UTC with its zone, as the Qt driver writes it: right for columns with and
        // without a time zone (the session's zone is UTC).
        p.bytes = v.toDateTime().toUTC().toString(Qt::ISODateWithMs).toLatin1();
        if (!p.bytes.endsWith('Z'))
            p.bytes += 'Z';
        break;
    case QMetaType::QDate:
        p.bytes = v.toDate().toString(Qt::ISODate).toLatin1();
        break;
    case QMetaType::QTime:
        p.bytes = v.toTime().toString(Qt::ISODateWithMs).toLatin1();
        break;
    case QMetaType::QByteArray:
        p.bytes = v.toByteArray();
        p.binary = true;
        break;
    case QMetaType::QUuid:
        p.bytes = v.toUuid().toByteArray(QUuid::WithoutBraces);
        break;
    default:
        p.bytes = v.toString().toUtf8();
        break;
    }
    return p;
}

double toDouble(const char *text, bool *ok)
{
    if (qstricmp(text, "NaN") == 0)
        return qQNaN();
    if (qstricmp(text, "Infinity") == 0)
        return qInf();
    if (qstricmp(text, "-Infinity") == 0)
        return -qInf();
    return QByteArray::fromRawData(text, qstrlen(text)).toDouble(ok);
}

// A timestamp as the server writes it with DateStyle ISO: "2026-11-30 16:54:08.759+00"
// (with a zone) or without one (a TIMESTAMP column: taken as UTC, the session's zone);
// in local time, as Qt's driver gives it.
QDateTime toDateTime(const char *text)
{
    QString s = QString::fromLatin1(text);
    if (s.size() < 10)
        return {};
    const QStringView time = QStringView(s).mid(11);
    if (time.contains(u'+') || time.contains(u'-')) {
        // "+00" → "+00:00" for the ISO parser.
        const qsizetype sign = qMax(s.lastIndexOf(u'+'), s.lastIndexOf(u'-'));
        if (s.size() - sign == 3)
            s += QStringLiteral(":00");
    } else if (!time.endsWith(u'Z')) {
        s += u'Z';
    }
    return QDateTime::fromString(s, Qt::ISODateWithMs).toLocalTime();
}

// The PGconn of an open QPSQL connection; null for another driver or a closed connection.
PGconn *pgConnection(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    // Qt 6.4 names the type after the struct ("pg_conn*"), its documentation after the typedef.
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<PGconn *const *>(handle.constData());
}

} // namespace

QByteArray PgQuery::scramVerifier(const QSqlDatabase &db, const QString &user, const QString &password)
{
    PGconn *conn = pgConnection(db);
    if (!conn)
        return {};
    QByteArray pw = password.toUtf8();
    char *encrypted = PQencryptPasswordConn(conn, pw.constData(), user.toUtf8().constData(), "scram-sha-256");
    pw.fill('\0');
    if (!encrypted)
        return {};
    const QByteArray verifier(encrypted);
    PQfreemem(encrypted);
    return verifier;
}

namespace {

// The thread's job and acting role (models/db/threadjob.h) are transaction-local
// settings (SET LOCAL), never session state: a connection that goes back to a pool
// (PgBouncer in transaction mode) or runs another job next carries nothing over. So
// each transaction a thread with such settings starts gets them first, in the same
// round trip (libpq's pipeline mode): an autocommitted statement runs after them in one
// implicit transaction; a BEGIN is followed by them.
struct ThreadSettings
{
    enum Where { None, Before, AfterBegin };
    Where where = None;
    QByteArray jobId;
    QByteArray role;
};

bool startsWithWord(const QByteArray &sql, const char *word)
{
    const QByteArray trimmed = sql.trimmed();
    const qsizetype n = qstrlen(word);
    return trimmed.size() >= n && qstrnicmp(trimmed.constData(), word, n) == 0 &&
           (trimmed.size() == n || !std::isalnum(static_cast<unsigned char>(trimmed.at(n))));
}

ThreadSettings threadSettings(PGconn *conn, const QByteArray &sql)
{
    ThreadSettings settings;
    const qint64 job = ThreadJob::current();
    const QString role = ThreadJob::role();
    if (job <= 0 && role.isEmpty())
        return settings;
    if (PQtransactionStatus(conn) != PQTRANS_IDLE)
        return settings; // the transaction got them at its BEGIN
    if (startsWithWord(sql, "BEGIN") || startsWithWord(sql, "START"))
        settings.where = ThreadSettings::AfterBegin;
    else if (startsWithWord(sql, "COMMIT") || startsWithWord(sql, "ROLLBACK") || startsWithWord(sql, "END"))
        return settings;
    else
        settings.where = ThreadSettings::Before;
    settings.jobId = job > 0 ? QByteArray::number(job) : QByteArray();
    settings.role = role.toUtf8();
    return settings;
}

// The results of one pipelined statement (its result, then a null).
PGresult *takeResult(PGconn *conn)
{
    PGresult *result = PQgetResult(conn);
    while (PGresult *more = PQgetResult(conn))
        PQclear(more);
    return result;
}

PGresult *execWithSettings(PGconn *conn, const ThreadSettings &settings, const QByteArray &sql, size_t count,
                           const char *const *data, const int *lengths, const int *formats)
{
    const char *settingsSql = "SELECT set_config('residesk.job_id', $1, true), "
                              "set_config('role', CASE WHEN $2 = '' THEN 'none' ELSE $2 END, true)";
    const char *settingsValues[2] = {settings.jobId.constData(), settings.role.constData()};
    // What an earlier query left unread (as PQexecParams would discard it).
    while (PGresult *left = PQgetResult(conn))
        PQclear(left);
    if (PQenterPipelineMode(conn) != 1) {
        // No pipeline to be had: the same in round trips of their own.
        if (settings.where == ThreadSettings::AfterBegin) {
            PGresult *begun =
                PQexecParams(conn, sql.constData(), int(count), nullptr, data, lengths, formats, 0);
            if (PQresultStatus(begun) != PGRES_COMMAND_OK)
                return begun;
            PGresult *set = PQexecParams(conn, settingsSql, 2, nullptr, settingsValues, nullptr, nullptr, 0);
            if (PQresultStatus(set) != PGRES_TUPLES_OK) {
                PQclear(begun);
                PQclear(PQexec(conn, "ROLLBACK"));
                return set;
            }
            PQclear(set);
            return begun;
        }
        PQclear(PQexec(conn, "BEGIN"));
        PGresult *set = PQexecParams(conn, settingsSql, 2, nullptr, settingsValues, nullptr, nullptr, 0);
        if (PQresultStatus(set) != PGRES_TUPLES_OK) {
            PQclear(PQexec(conn, "ROLLBACK"));
            return set;
        }
        PQclear(set);
        PGresult *result =
            PQexecParams(conn, sql.constData(), int(count), nullptr, data, lengths, formats, 0);
        const ExecStatusType status = PQresultStatus(result);
        PQclear(
            PQexec(conn, status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK ? "COMMIT" : "ROLLBACK"));
        return result;
    }
    bool sent = true;
    if (settings.where == ThreadSettings::Before)
        sent = PQsendQueryParams(conn, settingsSql, 2, nullptr, settingsValues, nullptr, nullptr, 0) == 1;
    sent =
        sent && PQsendQueryParams(conn, sql.constData(), int(count), nullptr, data, lengths, formats, 0) == 1;
    if (sent && settings.where == ThreadSettings::AfterBegin)
        sent = PQsendQueryParams(conn, settingsSql, 2, nullptr, settingsValues, nullptr, nullptr, 0) == 1;
    sent = sent && PQpipelineSync(conn) == 1;
    if (!sent) {
        PQexitPipelineMode(conn);
        return nullptr;
    }
    PGresult *first = takeResult(conn);
    PGresult *second = takeResult(conn);
    // The pipeline's end (PGRES_PIPELINE_SYNC).
    if (PGresult *sync = PQgetResult(conn))
        PQclear(sync);
    PQexitPipelineMode(conn);
    PGresult *settingsResult = settings.where == ThreadSettings::Before ? first : second;
    PGresult *statementResult = settings.where == ThreadSettings::Before ? second : first;
    const ExecStatusType settingsStatus = settingsResult ? PQresultStatus(settingsResult) : PGRES_FATAL_ERROR;
    // The settings' one row may come as a single-row result: the Qt driver's last query
    // (PQsetSingleRowMode) can leave libpq's single-row mode on for the next one.
    if (settingsStatus != PGRES_TUPLES_OK && settingsStatus != PGRES_SINGLE_TUPLE &&
        settingsStatus != PGRES_PIPELINE_ABORTED) {
        // The settings failed (the role cannot be taken): that is the statement's error,
        // and a transaction just begun is not left open.
        PQclear(statementResult);
        if (settings.where == ThreadSettings::AfterBegin)
            PQclear(PQexec(conn, "ROLLBACK"));
        return settingsResult;
    }
    PQclear(settingsResult);
    return statementResult;
}

// Statements kept prepared on this thread's connections (PgQuery::setKeepPlan), by
// name. A connection belongs to one thread. A PGconn freed and another allocated at the
// same address finds names its server does not know: "does not exist" prepares again.
struct KeptPlans
{
    QSet<QByteArray> names;
    bool unusable = false; // a pooler without prepared statements: not tried again
};
thread_local QHash<PGconn *, KeptPlans> t_keptPlans;
// More distinct statements than this on one connection run unnamed (planned each time).
constexpr qsizetype kMaxKeptPlans = 64;

QByteArray sqlState(const PGresult *result)
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    return state ? QByteArray(state) : QByteArray();
}

// Runs `sql` as a named prepared statement of `conn`, preparing it first when this
// connection has not; nullptr when it cannot be kept (the caller runs it unnamed).
PGresult *execKept(PGconn *conn, const QByteArray &sql, int count, const char *const *data,
                   const int *lengths, const int *formats)
{
    KeptPlans &kept = t_keptPlans[conn];
    if (kept.unusable)
        return nullptr;
    const QByteArray name =
        "residesk_" + QCryptographicHash::hash(sql, QCryptographicHash::Sha1).toHex().left(24);
    bool prepared = kept.names.contains(name);
    if (!prepared && kept.names.size() >= kMaxKeptPlans)
        return nullptr;
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!prepared) {
            PGresult *made = PQprepare(conn, name.constData(), sql.constData(), count, nullptr);
            const ExecStatusType status = PQresultStatus(made);
            // 42P05: prepared already (a pooler's server connection that has it).
            if (status != PGRES_COMMAND_OK && sqlState(made) != "42P05")
                return made; // the statement's error (syntax, types, a lost connection)
            PQclear(made);
            kept.names.insert(name);
        }
        PGresult *result = PQexecPrepared(conn, name.constData(), count, data, lengths, formats, 0);
        // 26000: the server does not know the name (a new connection at a freed one's
        // address; a pooler that handed over another server connection).
        if (sqlState(result) != "26000")
            return result;
        PQclear(result);
        kept.names.remove(name);
        prepared = false;
    }
    kept.unusable = true; // prepared and gone again at once: a pooler in transaction mode
    return nullptr;
}

} // namespace

PgQuery::PgQuery(QSqlDatabase db)
    : m_db(std::move(db))
{}

PgQuery::~PgQuery()
{
    finish();
}

bool PgQuery::canUse(const QSqlDatabase &db)
{
    return pgConnection(db) != nullptr;
}

QByteArray PgQuery::placeholdersToDollar(const QString &sql)
{
    QString out;
    out.reserve(sql.size() + 16);
    QChar quote;
    int count = 0;
    for (const QChar ch : sql) {
        if (!quote.isNull()) {
            if (ch == quote)
                quote = QChar();
            out += ch;
        } else if (ch == u'?') {
            out += u'$' + QString::number(++count);
        } else {
            if (ch == u'\'' || ch == u'"')
                quote = ch;
            out += ch;
        }
    }
    return out.toUtf8();
}

bool PgQuery::exec(const QByteArray &sql, const QVariantList &values)
{
    finish();
    m_error = QSqlError();
    PGconn *conn = pgConnection(m_db);
    if (!conn) {
        m_error = QSqlError(QStringLiteral("QPSQL: Unable to send query"),
                            QStringLiteral("The connection is not open."), QSqlError::ConnectionError);
        return false;
    }

    std::vector<Param> params;
    params.reserve(values.size());
    for (const QVariant &v : values)
        params.push_back(toParam(v));
    std::vector<const char *> data(params.size());
    std::vector<int> lengths(params.size());
    std::vector<int> formats(params.size());
    for (size_t i = 0; i < params.size(); ++i) {
        data[i] = params[i].null ? nullptr : params[i].bytes.constData();
        lengths[i] = int(params[i].bytes.size());
        formats[i] = params[i].binary ? 1 : 0;
    }
    // Types are left to the server to infer from the statement, as SQL PREPARE does.
    PGresult *result = nullptr;
    const ThreadSettings settings = threadSettings(conn, sql);
    // A plan kept on the connection only outside a transaction: a failed attempt to run
    // it (a name the server lost) must not abort the caller's transaction.
    const bool kept =
        m_keepPlan && settings.where == ThreadSettings::None && PQtransactionStatus(conn) == PQTRANS_IDLE;
    if (kept)
        result = execKept(conn, sql, int(params.size()), data.data(), lengths.data(), formats.data());
    if (result) {
        // Ran as a statement kept on the connection (or its preparation failed).
    } else if (settings.where == ThreadSettings::None) {
        result = PQexecParams(conn, sql.constData(), int(params.size()), nullptr, data.data(), lengths.data(),
                              formats.data(), 0);
    } else {
        result =
            execWithSettings(conn, settings, sql, params.size(), data.data(), lengths.data(), formats.data());
        if (!result || PQpipelineStatus(conn) != PQ_PIPELINE_OFF) {
            // The pipeline could not be sent or read back whole (the server went away):
            // a connection problem, so that this thread's connection is opened afresh.
            PQclear(result);
            QString text = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
            if (text.isEmpty())
                text = QStringLiteral("The connection to the server broke while a statement was sent.");
            m_error =
                QSqlError(QStringLiteral("QPSQL: Unable to send query"), text, QSqlError::ConnectionError);
            return false;
        }
    }
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        setError(QStringLiteral("QPSQL: Unable to create query"), result);
        PQclear(result);
        return false;
    }
    m_result = result;
    m_row = -1;
    return true;
}

void PgQuery::setError(const QString &driverText, pg_result *result)
{
    PGconn *conn = pgConnection(m_db);
    QString text = QString::fromUtf8(result ? PQresultErrorMessage(result) : "");
    if (text.isEmpty() && conn)
        text = QString::fromUtf8(PQerrorMessage(conn));
    const QString code =
        result ? QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE)) : QString();
    const bool lost = !conn || PQstatus(conn) == CONNECTION_BAD;
    m_error =
        QSqlError(driverText, text, lost ? QSqlError::ConnectionError : QSqlError::StatementError, code);
}

bool PgQuery::next()
{
    if (!m_result || m_row + 1 >= PQntuples(m_result))
        return false;
    ++m_row;
    return true;
}

QVariant PgQuery::value(int column) const
{
    if (!m_result || m_row < 0 || m_row >= PQntuples(m_result) || column < 0 || column >= PQnfields(m_result))
        return {};
    const unsigned oid = PQftype(m_result, column);
    const QMetaType type = metaTypeOf(oid);
    if (PQgetisnull(m_result, m_row, column))
        return QVariant(type, nullptr);
    const char *text = PQgetvalue(m_result, m_row, column);
    switch (type.id()) {
    case QMetaType::Bool:
        return text[0] == 't';
    case QMetaType::LongLong:
        return QByteArray::fromRawData(text, qstrlen(text)).toLongLong();
    case QMetaType::Int:
        return QByteArray::fromRawData(text, qstrlen(text)).toInt();
    case QMetaType::Double: {
        bool ok = true;
        const double d = toDouble(text, &ok);
        return ok ? QVariant(d) : QVariant();
    }
    case QMetaType::QDate:
        return QDate::fromString(QString::fromLatin1(text), Qt::ISODate);
    case QMetaType::QTime:
        return QTime::fromString(QString::fromLatin1(text), Qt::ISODateWithMs);
    case QMetaType::QDateTime:
        return toDateTime(text);
    case QMetaType::QByteArray: {
        size_t length = 0;
        unsigned char *bytes = PQunescapeBytea(reinterpret_cast<const unsigned char *>(text), &length);
        QByteArray out(reinterpret_cast<const char *>(bytes), qsizetype(length));
        PQfreemem(bytes);
        return out;
    }
    default:
        return QString::fromUtf8(text);
    }
}

int PgQuery::numRowsAffected() const
{
    if (!m_result)
        return -1;
    const char *tuples = PQcmdTuples(m_result);
    return tuples[0] ? QByteArray::fromRawData(tuples, qstrlen(tuples)).toInt() : -1;
}

int PgQuery::columnCount() const
{
    return m_result ? PQnfields(m_result) : 0;
}

void PgQuery::finish()
{
    if (m_result)
        PQclear(m_result);
    m_result = nullptr;
    m_row = -1;
}

PgCopyIn::PgCopyIn(QSqlDatabase db)
    : m_db(std::move(db))
{}

PgCopyIn::~PgCopyIn()
{
    if (!m_active)
        return;
    if (PGconn *conn = pgConnection(m_db)) {
        PQputCopyEnd(conn, "the copy was abandoned");
        while (PGresult *left = PQgetResult(conn))
            PQclear(left);
    }
}

void PgCopyIn::fail(const QString &driverText, pg_result *result)
{
    PGconn *conn = pgConnection(m_db);
    QString text = QString::fromUtf8(result ? PQresultErrorMessage(result) : "");
    if (text.isEmpty() && conn)
        text = QString::fromUtf8(PQerrorMessage(conn));
    const QString code =
        result ? QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE)) : QString();
    const bool lost = !conn || PQstatus(conn) == CONNECTION_BAD;
    m_error = QSqlError(driverText, text.trimmed(),
                        lost ? QSqlError::ConnectionError : QSqlError::StatementError, code);
}

bool PgCopyIn::start(const QByteArray &sql)
{
    m_error = QSqlError();
    m_rows = 0;
    PGconn *conn = pgConnection(m_db);
    if (!conn) {
        m_error = QSqlError(QStringLiteral("QPSQL: Unable to send query"),
                            QStringLiteral("The connection is not open."), QSqlError::ConnectionError);
        return false;
    }
    if (m_active || PQtransactionStatus(conn) != PQTRANS_INTRANS) {
        m_error = QSqlError(QStringLiteral("QPSQL: Unable to copy"),
                            QStringLiteral("COPY runs only inside an open transaction, one at a time."),
                            QSqlError::StatementError);
        return false;
    }
    while (PGresult *left = PQgetResult(conn))
        PQclear(left);
    PGresult *result = PQexec(conn, sql.constData());
    if (PQresultStatus(result) != PGRES_COPY_IN) {
        fail(QStringLiteral("QPSQL: Unable to copy"), result);
        PQclear(result);
        while (PGresult *left = PQgetResult(conn))
            PQclear(left);
        return false;
    }
    PQclear(result);
    m_active = true;
    return true;
}

bool PgCopyIn::put(const QByteArray &data)
{
    PGconn *conn = m_active ? pgConnection(m_db) : nullptr;
    if (!conn) {
        m_error = QSqlError(QStringLiteral("QPSQL: Unable to copy"),
                            QStringLiteral("No copy is under way on an open connection."),
                            QSqlError::ConnectionError);
        return false;
    }
    if (data.isEmpty())
        return true;
    if (PQputCopyData(conn, data.constData(), int(data.size())) == 1)
        return true;
    // The server refused the copy already (its error is waiting), or the connection broke.
    m_active = false;
    PGresult *result = PQgetResult(conn);
    fail(QStringLiteral("QPSQL: Unable to copy"), result);
    PQclear(result);
    while (PGresult *left = PQgetResult(conn))
        PQclear(left);
    return false;
}

bool PgCopyIn::finish()
{
    PGconn *conn = m_active ? pgConnection(m_db) : nullptr;
    if (!conn) {
        m_error = QSqlError(QStringLiteral("QPSQL: Unable to copy"),
                            QStringLiteral("No copy is under way on an open connection."),
                            QSqlError::ConnectionError);
        return false;
    }
    m_active = false;
    if (PQputCopyEnd(conn, nullptr) != 1) {
        fail(QStringLiteral("QPSQL: Unable to copy"), nullptr);
        while (PGresult *left = PQgetResult(conn))
            PQclear(left);
        return false;
    }
    PGresult *result = PQgetResult(conn);
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    if (ok) {
        const char *tuples = PQcmdTuples(result);
        m_rows = tuples[0] ? QByteArray::fromRawData(tuples, qstrlen(tuples)).toLongLong() : 0;
    } else {
        fail(QStringLiteral("QPSQL: Unable to copy"), result);
    }
    PQclear(result);
    while (PGresult *left = PQgetResult(conn))
        PQclear(left);
    return ok;
}
