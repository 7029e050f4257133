#include "models/db/database.h"

#include "models/core/actor.h"
#include "models/db/databasefileguard.h"
#include "models/db/threadjob.h"
#include "models/db/transaction.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

#include <sqlite3.h>

#include <memory>

Q_LOGGING_CATEGORY(lcDatabase, "residesk.db")

namespace {
QAtomicInteger<quint64> s_instances;

// SQLite's residesk_audit_person(): the one person of the embedded file, the
// operating-system account (as the application recorded it before the triggers).
void sqliteAuditPerson(sqlite3_context *context, int, sqlite3_value **)
{
    static const QByteArray person = Actor::systemUser().username.toUtf8();
    sqlite3_result_text(context, person.constData(), int(person.size()), SQLITE_STATIC);
}

// SQLite's residesk_audit_job(): the job the calling thread runs, or NULL. A
// connection is used on its own thread only, so the thread's job is the connection's.
void sqliteAuditJob(sqlite3_context *context, int, sqlite3_value **)
{
    if (ThreadJob::current() > 0)
        sqlite3_result_int64(context, ThreadJob::current());
    else
        sqlite3_result_null(context);
}
} // namespace

// Removes the thread's connection when the thread ends (QThreadStorage deletes it).
struct Database::ThreadConnection
{
    Database *owner;
    QString name;
    int generation = 0;
    // Lives in the connection's thread: a call queued to it runs on that thread (if the
    // thread runs an event loop), so another thread can ask it to close its connection.
    std::unique_ptr<QObject> inThread = std::make_unique<QObject>();
    ~ThreadConnection()
    {
        {
            QMutexLocker lock(&owner->m_mutex);
            owner->m_inThread.remove(inThread.get());
        }
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isValid())
                owner->closeOwn(db);
        }
        QSqlDatabase::removeDatabase(name);
        owner->forget(name);
    }
};

Database::Database(DatabaseConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_instance(s_instances.fetchAndAddRelaxed(1) + 1)
    , m_origin(QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    // From now on nothing else in this process may open the file (before any
    // connection: a command may name its output file before it reads anything).
    if (!m_config.isPostgreSQL())
        DatabaseFileGuard::protect(m_config.path);
}

Database::~Database()
{
    // The creating thread's connection goes now; so do those of threads that outlived
    // their pools' work (their QThreadStorage entries would otherwise point here).
    if (m_local.hasLocalData())
        m_local.setLocalData(nullptr);
    QMutexLocker lock(&m_mutex);
    const QSet<QString> names = std::exchange(m_names, {});
    lock.unlock();
    for (const QString &name : names)
        QSqlDatabase::removeDatabase(name);
}

QString Database::threadConnectionName() const
{
    return QStringLiteral("residesk-%1-%2")
        .arg(m_instance)
        .arg(reinterpret_cast<quintptr>(QThread::currentThread()), 0, 16);
}

void Database::forget(const QString &name)
{
    QMutexLocker lock(&m_mutex);
    m_names.remove(name);
}

void Database::closeOwn(QSqlDatabase &db)
{
    if (!db.isOpen())
        return;
    if (!m_config.isPostgreSQL() && isRejoining()) {
        // This process lost its locks on the file, so SQLite may wrongly believe it is
        // the file's last user: it would then copy its (possibly deleted, possibly
        // stale) write-ahead log into the database and delete the log by name, maybe
        // another process's live one. Closing must leave both alone.
        const QVariant handle = db.driver()->handle();
        if (handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0) {
            if (sqlite3 *connection = *static_cast<sqlite3 *const *>(handle.constData()))
                sqlite3_db_config(connection, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
        }
    }
    db.close();
    m_openConnections.deref();
}

Result<QSqlDatabase> Database::connection()
{
    const QString name = threadConnectionName();
    QSqlDatabase db = QSqlDatabase::database(name, false);
    const int generation = m_generation.loadAcquire();

    // Repairing a lost hold on the SQLite file: SQLite takes its locks again only when
    // the process has no connection to the file left, so every thread lets go of its
    // own and none reopens until all have (or the wait is over).
    if (const qint64 until = m_rejoinUntil.loadAcquire(); until != 0) {
        if (db.isValid())
            closeOwn(db);
        if (m_openConnections.loadAcquire() > 0 && QDateTime::currentMSecsSinceEpoch() < until)
            return DbError(DbError::Code::ConnectionLost,
                           tr("Reconnecting to the database file %1: waiting for its other connections in "
                              "this process to close.")
                               .arg(m_config.displayUrl()));
        m_rejoinUntil.testAndSetOrdered(until, 0);
    }

    if (db.isValid() && db.isOpen()) {
        if (m_local.hasLocalData() && m_local.localData()->generation == generation)
            return db;
        closeOwn(db);
    }

    if (!db.isValid()) {
        db = QSqlDatabase::addDatabase(
            m_config.isPostgreSQL() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), name);
        if (!db.isValid())
            return DbError(
                DbError::Code::ConnectionFailed,
                tr("The Qt SQL driver for %1 is not installed.")
                    .arg(m_config.isPostgreSQL() ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite")));
        {
            QMutexLocker lock(&m_mutex);
            m_names.insert(name);
        }
        auto *own = new ThreadConnection{this, name};
        {
            QMutexLocker lock(&m_mutex);
            m_inThread.insert(own->inThread.get());
        }
        m_local.setLocalData(own);
    }

    if (m_config.isPostgreSQL()) {
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
        db.setDatabaseName(m_config.databaseName);
        db.setConnectOptions(m_config.qpsqlConnectOptions());
    } else {
        const QFileInfo file(m_config.path);
        if (!QDir().mkpath(file.absolutePath()))
            return DbError(DbError::Code::ConnectionFailed,
                           tr("Cannot create the folder %1 for the database file.").arg(file.absolutePath()));
        db.setDatabaseName(m_config.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }

    if (!db.open()) {
        const QSqlError error = db.lastError();
        qCWarning(lcDatabase) << "cannot open" << m_config.displayUrl() << error.nativeErrorCode()
                              << error.text();
        return DbError(
            DbError::Code::ConnectionFailed,
            tr("Cannot connect to the database %1: %2").arg(m_config.displayUrl(), error.text().trimmed()),
            error.text());
    }
    m_openConnections.ref();

    if (m_local.hasLocalData())
        m_local.localData()->generation = generation;

    if (m_config.isPostgreSQL()) {
        QSqlQuery setup(db);
        for (const QString &statement :
             {QStringLiteral("SET TIME ZONE 'UTC'"), QStringLiteral("SET client_min_messages TO warning")}) {
            if (!setup.exec(statement)) {
                const QSqlError error = setup.lastError();
                closeOwn(db);
                return DbError(DbError::Code::ConnectionFailed,
                               tr("Cannot prepare the database connection: %1").arg(error.text()), statement);
            }
        }
        // Who this is, as the server authenticated it: never a name the client claims.
        if (!setup.exec(QStringLiteral("SELECT session_user")) || !setup.next()) {
            const QSqlError error = setup.lastError();
            closeOwn(db);
            return DbError(DbError::Code::ConnectionFailed,
                           tr("Cannot prepare the database connection: %1").arg(error.text()),
                           QStringLiteral("SELECT session_user"));
        }
        const QString user = setup.value(0).toString();
        setup.finish();
        QMutexLocker lock(&m_mutex);
        m_sessionUser = user;
        return db;
    }
    if (const VoidResult ready = setUpSqlite(db); !ready) {
        closeOwn(db);
        return ready.error();
    }
    return db;
}

VoidResult Database::setUpSqlite(QSqlDatabase &db)
{
    QSqlQuery setup(db);
    const QStringList statements{QStringLiteral("PRAGMA foreign_keys = ON"),
                                 QStringLiteral("PRAGMA journal_mode = WAL"),
                                 QStringLiteral("PRAGMA synchronous = NORMAL"),
                                 // Statement journals and sorts stay in memory instead of temporary
                                 // files (a multi-row insert otherwise writes every page twice).
                                 QStringLiteral("PRAGMA temp_store = MEMORY")};
    bool wal = false;
    for (const QString &statement : statements) {
        if (!setup.exec(statement)) {
            const QSqlError error = setup.lastError();
            return DbError(DbError::Code::ConnectionFailed,
                           tr("Cannot prepare the database connection: %1").arg(error.text()), statement);
        }
        if (statement.contains(QLatin1String("journal_mode")) && setup.next())
            wal = setup.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) == 0;
    }
    // The audit triggers' functions (0012_audit.sqlite.sql).
    const QVariant handle = db.driver()->handle();
    sqlite3 *connection = handle.isValid() && qstrcmp(handle.typeName(), "sqlite3*") == 0
                              ? *static_cast<sqlite3 *const *>(handle.constData())
                              : nullptr;
    if (!connection ||
        sqlite3_create_function_v2(connection, "residesk_audit_person", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                   nullptr, sqliteAuditPerson, nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_create_function_v2(connection, "residesk_audit_job", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                   nullptr, sqliteAuditJob, nullptr, nullptr, nullptr) != SQLITE_OK)
        return DbError(DbError::Code::ConnectionFailed,
                       tr("Cannot prepare the database connection: %1")
                           .arg(connection ? QString::fromUtf8(sqlite3_errmsg(connection))
                                           : QStringLiteral("no SQLite handle")));
    if (m_holdCheck.loadAcquire() != int(HoldCheck::Uncalibrated))
        return {};
    // The first connection finds out whether this system shows the locks SQLite holds:
    // now, before anything else in the process could have touched the file, they must
    // be there (reading the schema maps the shared memory and takes its lock).
    HoldCheck check = HoldCheck::Off;
    if (wal && setup.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
        setup.finish();
        const DatabaseFileGuard::Hold hold = DatabaseFileGuard::hold(m_config.path);
        if (hold == DatabaseFileGuard::Hold::Held)
            check = HoldCheck::On;
        else
            qCWarning(lcDatabase) << "cannot see SQLite's locks on" << m_config.path
                                  << "here; writes are not checked for a lost hold";
    }
    m_holdCheck.testAndSetOrdered(int(HoldCheck::Uncalibrated), int(check));
    return {};
}

VoidResult Database::verifyHold()
{
    if (m_config.isPostgreSQL() || m_holdCheck.loadAcquire() != int(HoldCheck::On))
        return {};
    const DatabaseFileGuard::Hold hold = DatabaseFileGuard::hold(m_config.path);
    if (hold == DatabaseFileGuard::Hold::Held || hold == DatabaseFileGuard::Hold::Unknown)
        return {};
    const QString file = QDir::toNativeSeparators(m_config.path);
    const DbError error(
        DbError::Code::ConnectionLost,
        hold == DatabaseFileGuard::Hold::LocksLost
            ? tr("Residesk lost its lock on the database file %1: something in this process opened the file "
                 "outside SQLite. Nothing was written; Residesk reconnects to the file.")
                  .arg(file)
            : tr("The write-ahead log of the database file %1 was deleted while Residesk was using it. "
                 "Nothing "
                 "was written; Residesk reconnects to the file.")
                  .arg(file),
        hold == DatabaseFileGuard::Hold::LocksLost
            ? QStringLiteral("SQLite locks lost on %1").arg(m_config.path)
            : QStringLiteral("WAL deleted under %1").arg(m_config.path));
    qCCritical(lcDatabase) << error.detail;
    m_rejoinUntil.storeRelease(QDateTime::currentMSecsSinceEpoch() + kRejoinMs);
    noteError(error);
    // Threads with an event loop (job runners, the event reader) close theirs now
    // rather than at their next use, which may be a long time away; pool threads close
    // theirs at their next use (DbExecutor visits its own at once).
    QMutexLocker lock(&m_mutex);
    for (QObject *inThread : std::as_const(m_inThread))
        QMetaObject::invokeMethod(
            inThread, [this] { closeThreadConnection(); }, Qt::QueuedConnection);
    return error;
}

bool Database::isRejoining() const
{
    return m_rejoinUntil.loadAcquire() != 0;
}

void Database::emitLocalEvent(const QJsonObject &event)
{
    if (!Transaction::deferEvent(*this, event))
        Q_EMIT localEvent(event);
}

QString Database::sessionUser() const
{
    QMutexLocker lock(&m_mutex);
    return m_sessionUser;
}

VoidResult Database::open()
{
    Result<QSqlDatabase> db = connection();
    if (!db)
        return db.error();
    return {};
}

void Database::closeThreadConnection()
{
    QSqlDatabase db = QSqlDatabase::database(threadConnectionName(), false);
    if (db.isValid())
        closeOwn(db);
}

VoidResult Database::ping()
{
    closeThreadConnection();
    Result<QSqlDatabase> db = connection();
    if (!db)
        return db.error();
    QSqlQuery query(db.value());
    if (!query.exec(QStringLiteral("SELECT 1")) || !query.next()) {
        const DbError error =
            DbError::fromSql(query.lastError(), QStringLiteral("SELECT 1"), m_config.backend);
        closeThreadConnection();
        return error;
    }
    return {};
}

void Database::noteError(const DbError &error)
{
    if (!error.isConnectionProblem())
        return;
    qCWarning(lcDatabase) << "connection problem:" << error.detail;
    m_generation.fetchAndAddOrdered(1);
    closeThreadConnection();
    Q_EMIT connectionLost(error.message);
}
