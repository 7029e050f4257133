#include "models/db/pgsignin.h"

#include <QCoroFuture>
#include <QDeadlineTimer>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QtConcurrent>

#include <libpq-fe.h>
#include <poll.h>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono_literals;

Q_LOGGING_CATEGORY(lcSignIn, "residesk.signin")

namespace {

struct PgConnDeleter
{
    void operator()(PGconn *conn) const { PQfinish(conn); }
};
using PgConnPtr = std::unique_ptr<PGconn, PgConnDeleter>;

// A SQLSTATE in libpq's verbose text ("…failed: FATAL:  28P01: password…"): five
// capitals or digits, at least one a digit (which tells it from the severity), then ':'.
const QRegularExpression &sqlStatePattern()
{
    static const QRegularExpression code(u"\\b(?=[A-Z]*[0-9])([0-9A-Z]{5}):\\s+"_s);
    return code;
}

// The SQLSTATE of the server's error; empty for errors libpq found itself (no such
// host, TLS refused, no password given).
QString sqlState(const QString &verboseText)
{
    const QRegularExpressionMatch match = sqlStatePattern().match(verboseText);
    return match.hasMatch() ? match.captured(1) : QString();
}

// libpq's text as people read it: without the SQLSTATE and LOCATION lines the verbose
// mode adds, on one line.
QString readable(const QString &verboseText)
{
    QStringList lines;
    for (const QString &line : verboseText.split(u'\n', Qt::SkipEmptyParts)) {
        if (line.trimmed().startsWith(u"LOCATION:"_s))
            continue;
        lines << line.trimmed();
    }
    QString text = lines.join(u' ').simplified();
    const QRegularExpressionMatch match = sqlStatePattern().match(text);
    if (match.hasMatch())
        text.remove(match.capturedStart(), match.capturedLength());
    return text;
}

} // namespace

QString PgSignIn::effectiveUser(const DatabaseConfig &config)
{
    if (!config.user.isEmpty())
        return config.user;
    QString user;
    if (PQconninfoOption *defaults = PQconndefaults()) {
        for (PQconninfoOption *option = defaults; option->keyword; ++option) {
            if (qstrcmp(option->keyword, "user") == 0 && option->val)
                user = QString::fromLocal8Bit(option->val);
        }
        PQconninfoFree(defaults);
    }
    return user;
}

QString PgSignIn::keychainKey(const DatabaseConfig &config)
{
    return u"postgresql:%1@%2:%3/%4"_s.arg(effectiveUser(config), config.host.toLower())
        .arg(config.port)
        .arg(config.databaseName);
}

PgSignIn::Outcome PgSignIn::attempt(const DatabaseConfig &config)
{
    Outcome outcome;
    const QString user = effectiveUser(config);
    const QString server = config.serverName();

    const QList<std::pair<QByteArray, QByteArray>> parameters = config.libpqParameters();
    std::vector<const char *> keywords;
    std::vector<const char *> values;
    for (const auto &[key, value] : parameters) {
        keywords.push_back(key.constData());
        values.push_back(value.constData());
    }
    keywords.push_back(nullptr);
    values.push_back(nullptr);

    // Asynchronous connect, so that the error verbosity (with the SQLSTATE, which tells
    // a refused password from everything else in any language) is set before the
    // server answers.
    PgConnPtr conn(PQconnectStartParams(keywords.data(), values.data(), 0));
    if (!conn) {
        outcome.message = tr("Cannot connect to %1: out of memory.").arg(server);
        return outcome;
    }
    PQsetErrorVerbosity(conn.get(), PQERRORS_VERBOSE);
    QDeadlineTimer deadline(std::chrono::seconds(qMax(1, config.connectTimeoutSeconds)));
    PostgresPollingStatusType status =
        PQstatus(conn.get()) == CONNECTION_BAD ? PGRES_POLLING_FAILED : PGRES_POLLING_WRITING;
    bool timedOut = false;
    while (status != PGRES_POLLING_OK && status != PGRES_POLLING_FAILED) {
        pollfd fd{PQsocket(conn.get()), short(status == PGRES_POLLING_READING ? POLLIN : POLLOUT), 0};
        const int ready = ::poll(&fd, 1, int(qMax<qint64>(0, deadline.remainingTime())));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready == 0) {
            timedOut = true;
            break;
        }
        status = PQconnectPoll(conn.get());
    }

    if (timedOut) {
        outcome.message =
            tr("The server %1 did not answer within %n second(s).", nullptr, config.connectTimeoutSeconds)
                .arg(server);
        outcome.detail = u"connect timeout"_s;
        return outcome;
    }

    if (status == PGRES_POLLING_FAILED || PQstatus(conn.get()) != CONNECTION_OK) {
        const QString verbose = QString::fromLocal8Bit(PQerrorMessage(conn.get()));
        const QString state = sqlState(verbose);
        outcome.detail = readable(verbose);
        if (PQconnectionNeedsPassword(conn.get())) {
            outcome.result = Result::PasswordNeeded;
            outcome.message = tr("The server %1 wants a password for %2.").arg(server, user);
        } else if (state == u"28P01"_s) {
            outcome.result = Result::WrongPassword;
            outcome.message = tr("The password for %1 was not accepted by %2.").arg(user, server);
        } else if (state == u"28000"_s) {
            outcome.message =
                tr("The server %1 does not let %2 sign in: %3").arg(server, user, outcome.detail);
        } else if (state == u"3D000"_s) {
            outcome.message = tr("The server %1 has no database %2.").arg(server, config.databaseName);
        } else if (verbose.contains(u"server does not support SSL"_s)) {
            outcome.message = tr("The server %1 does not offer TLS (SSL), but sslmode=%2 requires it.")
                                  .arg(server, config.sslMode);
        } else {
            outcome.message = tr("Cannot connect to %1 as %2: %3").arg(server, user, outcome.detail);
        }
        qCInfo(lcSignIn) << "sign-in to" << config.displayUrl() << "as" << user << "failed:" << state
                         << outcome.detail;
        return outcome;
    }

    // Who this is, as the server authenticated it.
    PGresult *result = PQexec(conn.get(), "SELECT session_user");
    if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1) {
        outcome.result = Result::SignedIn;
        outcome.sessionUser = QString::fromUtf8(PQgetvalue(result, 0, 0));
        outcome.message = tr("Signed in to %1 as %2.").arg(server, outcome.sessionUser);
    } else {
        outcome.detail = readable(QString::fromLocal8Bit(PQerrorMessage(conn.get())));
        outcome.message = tr("Cannot connect to %1 as %2: %3").arg(server, user, outcome.detail);
    }
    PQclear(result);
    return outcome;
}

QCoro::Task<PgSignIn::Outcome> PgSignIn::attemptAsync(DatabaseConfig config)
{
    auto future = QtConcurrent::run([config = std::move(config)] { return attempt(config); });
    co_return co_await future;
}

QCoro::Task<Keychain::Secret> PgSignIn::rememberedPassword(DatabaseConfig config,
                                                           std::chrono::milliseconds timeout)
{
    co_return co_await Keychain::read(keychainKey(config), timeout);
}

QCoro::Task<QString> PgSignIn::remember(DatabaseConfig config, QString password)
{
    co_return co_await Keychain::store(keychainKey(config), std::move(password));
}

QCoro::Task<QString> PgSignIn::forget(DatabaseConfig config)
{
    co_return co_await Keychain::remove(keychainKey(config));
}

DatabaseConfig PgSignIn::withRememberedPassword(DatabaseConfig config)
{
    if (!config.isPostgreSQL() || !config.password.isEmpty())
        return config;
    // A short wait: a worker on a server usually has no keychain at all (that fails at
    // once); one that hangs must not hold up a command for long.
    const Keychain::Secret secret = QCoro::waitFor(rememberedPassword(config, 5s));
    if (secret.error.isEmpty()) {
        config.password = secret.value;
    } else if (!secret.notFound) {
        qCInfo(lcSignIn) << "no password from the system keychain:" << secret.error;
    }
    return config;
}
