#include "tests/bench/maildraincase.h"

#include "models/core/actor.h"
#include "models/db/database.h"
#include "models/db/migrator.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "tasks/mail/outbox.h"
#include "tasks/taskcatalog.h"
#include "tasks/taskregistry.h"
#include "tests/bench/benchstats.h"
#include "tests/support/smtpsink.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace {

constexpr int kEmails = 200;
constexpr int kTimeoutMs = 600000;

bool clear(Database &db, QString *error)
{
    for (const QString &sql :
         {u"DELETE FROM outbox_emails"_s, u"DELETE FROM notifications WHERE job_id IS NOT NULL"_s,
          u"DELETE FROM jobs"_s}) {
        if (const VoidResult r = SqlStatement::run(db, sql); !r) {
            *error = r.error().message;
            return false;
        }
    }
    return true;
}

// E-mails per second, or -1 with `error`.
double runOnce(Database &db, const TaskRegistry &registry, QString *error)
{
    if (!clear(db, error))
        return -1;
    qint64 drain = 0;
    {
        Transaction tx(db);
        Outbox outbox(db);
        const QByteArray pdf = QByteArray("%PDF-1.4\n").leftJustified(100 * 1024, 'x');
        for (int i = 0; i < kEmails; ++i) {
            OutboxMessage m;
            m.toAddress = u"resident%1@example.org"_s.arg(i);
            m.toName = u"Résident %1"_s.arg(i);
            m.subject = u"Notice %1: water off on Tuesday"_s.arg(i);
            m.bodyText = u"Dear resident,\n\nthe water is off on Tuesday from 9 to 12.\n\nHousing Office\n"_s;
            if (i % 10 == 0)
                m.attachments.append({0, u"notice-%1.pdf"_s.arg(i), u"application/pdf"_s, pdf, 0});
            const Result<Outbox::Enqueued> queued = outbox.enqueue(m, Actor::systemUser());
            if (!queued) {
                *error = queued.error().text();
                return -1;
            }
            drain = queued->drainJobId;
        }
        if (const VoidResult committed = tx.commit(); !committed) {
            *error = committed.error().message;
            return -1;
        }
    }

    JobEngineOptions options;
    options.concurrency = 1;
    options.pollIntervalMs = 50;
    options.runRecurring = false;
    JobEngine engine(db, registry, options);
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(20);
    Job job;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (const Result<Job> j = JobStore(db).get(drain); j && j->isFinished()) {
            job = j.value();
            loop.quit();
        }
    });
    QTimer::singleShot(kTimeoutMs, &loop, &QEventLoop::quit);
    engine.start();
    poll.start();
    loop.exec();
    engine.stop();
    QEventLoop stopping;
    QObject::connect(&engine, &JobEngine::stopped, &stopping, &QEventLoop::quit);
    if (engine.isStarted())
        stopping.exec();
    if (job.state != JobState::Succeeded || job.result.value(u"sent"_s).toInt() != kEmails) {
        *error = u"the drain did not send every e-mail: %1 %2"_s.arg(JobStates::code(job.state), job.error);
        return -1;
    }
    return double(kEmails) * 1000.0 / double(qMax<qint64>(1, job.finishedAt - job.startedAt));
}

} // namespace

int MailDrainCase::run(const BenchOptions &options)
{
    QTemporaryDir dir;
    const QString url = options.databaseUrl.isEmpty()
                            ? u"sqlite://"_s + QDir(dir.path()).filePath(u"mail.db"_s)
                            : options.databaseUrl;
    const Result<DatabaseConfig> config = DatabaseConfig::parse(url);
    if (!config) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(config.error().message));
        return 1;
    }
    Database db(config.value());
    if (const Result<int> migrated = Migrator(db).migrate(); !migrated) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(migrated.error().message));
        return 1;
    }
    // One line per e-mail from the mail task would drown the figures.
    QLoggingCategory::setFilterRules(
        u"residesk.*.info=false\nresidesk.*.debug=false\nresidesk.*.warning=false"_s);
    SmtpSink sink;
    QString error;
    if (!sink.start(&error)) {
        std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
        return 1;
    }
    sink.exportToEnvironment();
    TaskRegistry registry;
    TaskCatalog::registerAll(registry);

    BenchStats stats{name(), u"mails/s"_s, {}};
    for (int i = -1; i < options.runs; ++i) { // run -1 is the warm-up
        const double rate = runOnce(db, registry, &error);
        if (rate < 0) {
            std::fprintf(stderr, "residesk-bench: %s\n", qPrintable(error));
            return 1;
        }
        if (!options.json)
            std::fprintf(stderr, "%s %.1f mails/s (%d e-mails)\n", i < 0 ? "warm-up:" : "run:", rate,
                         kEmails);
        if (i >= 0)
            stats.samples.append(rate);
    }
    clear(db, &error);
    stats.print(options.json);
    return 0;
}
