#include "models/db/database.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>

Q_LOGGING_CATEGORY(lcDatabase, "residesk.db")

namespace {
QAtomicInteger<quint64> s_instances;
}

// Removes the thread's connection when the thread ends (QThreadStorage deletes it).
struct Database::ThreadConnection
{
    Database *owner;
    QString name;
    int generation = 0;
    ~ThreadConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            if (db.isValid())
                db.close();
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
{}

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

Result<QSqlDatabase> Database::connection()
{
    const QString name = threadConnectionName();
    QSqlDatabase db = QSqlDatabase::database(name, false);
    const int generation = m_generation.loadAcquire();
    if (db.isValid() && db.isOpen()) {
        if (m_local.hasLocalData() && m_local.localData()->generation == generation)
            return db;
        db.close();
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
        m_local.setLocalData(new ThreadConnection{this, name});
    }

    if (m_config.isPostgreSQL()) {
        db.setHostName(m_config.host);
        db.setPort(m_config.port);
        db.setUserName(m_config.user);
        db.setPassword(m_config.password);
        db.setDatabaseName(m_config.databaseName);
        QString options = QStringLiteral("connect_timeout=%1").arg(m_config.connectTimeoutSeconds);
        if (!m_config.sslMode.isEmpty())
            options += QStringLiteral(";sslmode=") + m_config.sslMode;
        db.setConnectOptions(options);
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

    if (m_local.hasLocalData())
        m_local.localData()->generation = generation;

    QSqlQuery setup(db);
    const QStringList statements =
        m_config.isPostgreSQL()
            ? QStringList{QStringLiteral("SET TIME ZONE 'UTC'"),
                          QStringLiteral("SET client_min_messages TO warning")}
            : QStringList{QStringLiteral("PRAGMA foreign_keys = ON"),
                          QStringLiteral("PRAGMA journal_mode = WAL"),
                          QStringLiteral("PRAGMA synchronous = NORMAL"),
                          // Statement journals and sorts stay in memory instead of temporary files
                          // (a multi-row insert otherwise writes every page twice).
                          QStringLiteral("PRAGMA temp_store = MEMORY")};
    for (const QString &statement : statements) {
        if (!setup.exec(statement)) {
            const QSqlError error = setup.lastError();
            db.close();
            return DbError(DbError::Code::ConnectionFailed,
                           tr("Cannot prepare the database connection: %1").arg(error.text()), statement);
        }
    }
    return db;
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
        db.close();
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
