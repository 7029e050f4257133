#include "tasks/builtintasks.h"

#include "models/housing/demoseeder.h"
#include "models/lab/labdemoseeder.h"
#include "tasks/jobcontext.h"
#include "tasks/jobstore.h"
#include "tasks/taskregistry.h"

#include <QCoreApplication>
#include <QCoroFuture>
#include <QCryptographicHash>
#include <QFile>

using namespace Qt::StringLiterals;

// The helpers live inside BuiltinTasks so that lupdate files their tr() calls under the
// context "BuiltinTasks", the one the tr() helper below passes to translate().
namespace BuiltinTasks {
namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("BuiltinTasks", text);
}

// A message to store (a job's error or progress, a notification, a title), translated
// where it is shown; the source text is marked with QT_TRANSLATE_NOOP("BuiltinTasks", …).
StoredText msg(const char *text, int n = -1)
{
    return StoredText("BuiltinTasks", text, n);
}

QCoro::Task<JobOutcome> noop(JobContext &ctx)
{
    co_return JobOutcome::success({{u"worker"_s, ctx.owner()}});
}

// The diagnostic jobs' progress is the step count alone ("3 of 20"): every view of a
// job shows done and total, a message would only repeat them.
QCoro::Task<JobOutcome> sleepSteps(JobContext &ctx)
{
    const int steps = qMax(1, ctx.payload().value(u"steps"_s).toInt(10));
    const int ms = qMax(0, ctx.payload().value(u"ms"_s).toInt(100));
    int step = ctx.checkpoint().value(u"step"_s).toInt(0);
    ctx.setProgress(step, steps);
    while (step < steps) {
        QCoro::Task<bool> sleeping = ctx.sleep(ms); // named: GCC 12 bug 100611
        const bool slept = co_await sleeping;
        if (!slept)
            co_return JobOutcome::cancelled();
        ++step;
        if (auto saved = ctx.saveCheckpoint({{u"step"_s, step}}); !saved)
            co_return JobOutcome::failure(saved.error().message);
        ctx.setProgress(step, steps);
    }
    co_return JobOutcome::success({{u"steps"_s, steps}, {u"worker"_s, ctx.owner()}});
}

// One unit of CPU work: `work` rounds of SHA-256 over a 1 KiB buffer.
QByteArray burn(QByteArray seed, int work)
{
    QByteArray data = seed.leftJustified(1024, 'x');
    for (int i = 0; i < work; ++i)
        data.replace(0, 32, QCryptographicHash::hash(data, QCryptographicHash::Sha256));
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QCoro::Task<JobOutcome> cpuSteps(JobContext &ctx)
{
    const int steps = qMax(1, ctx.payload().value(u"steps"_s).toInt(10));
    const int work = qMax(1, ctx.payload().value(u"work"_s).toInt(2000));
    QByteArray digest = ctx.checkpoint().value(u"digest"_s).toString().toLatin1();
    int step = ctx.checkpoint().value(u"step"_s).toInt(0);
    ctx.setProgress(step, steps);
    while (step < steps) {
        if (ctx.isCancelled())
            co_return JobOutcome::cancelled();
        auto future = ctx.runCpu([digest, work] { return burn(digest, work); });
        const QByteArray next = co_await future;
        digest = next;
        ++step;
        if (auto saved = ctx.saveCheckpoint({{u"step"_s, step}, {u"digest"_s, QString::fromLatin1(digest)}});
            !saved)
            co_return JobOutcome::failure(saved.error().message);
        ctx.setProgress(step, steps);
    }
    co_return JobOutcome::success({{u"digest"_s, QString::fromLatin1(digest)}});
}

QCoro::Task<JobOutcome> fail(JobContext &ctx)
{
    const QString message =
        ctx.payload().value(u"message"_s).toString(tr("The diagnostic job failed on purpose."));
    co_return JobOutcome::failure(message, ctx.payload().value(u"retryable"_s).toBool(false));
}

QCoro::Task<JobOutcome> seedDemo(JobContext &ctx)
{
    // DemoSeeder and LabDemoSeeder are idempotent (they add only the rows that are
    // missing, by stable keys), so a resumed or retried job never creates a row twice;
    // chunks keep each transaction short and let a cancel or a lost lease stop between
    // them. Housing data when "residents" is given or "protocols" is not (as
    // `residesk seed-demo`).
    const QJsonObject &payload = ctx.payload();
    const bool housing = payload.contains(u"residents"_s) || !payload.contains(u"protocols"_s);
    const int total = housing ? qMax(0, payload.value(u"residents"_s).toInt(300)) : 0;
    const int protocols = qMax(0, payload.value(u"protocols"_s).toInt(0));
    const quint32 seed = quint32(payload.value(u"seed"_s).toInteger(1));
    const int chunk = qMax(1, payload.value(u"chunk"_s).toInt(1000));
    int done = ctx.checkpoint().value(u"residents"_s).toInt(0);
    int created = ctx.checkpoint().value(u"created"_s).toInt(0);
    int protocolsDone = ctx.checkpoint().value(u"protocols"_s).toInt(0);
    int protocolsCreated = ctx.checkpoint().value(u"protocols_created"_s).toInt(0);
    // Diagnostics: stop before the chunk that starts at resident "hold_at", with
    // everything before it checkpointed, until the file "hold_file" exists.
    const int holdAt = payload.value(u"hold_at"_s).toInt(-1);
    const QString holdFile = payload.value(u"hold_file"_s).toString();
    const auto checkpoint = [&] {
        return QJsonObject{{u"residents"_s, done},
                           {u"created"_s, created},
                           {u"protocols"_s, protocolsDone},
                           {u"protocols_created"_s, protocolsCreated}};
    };
    if (housing) {
        ctx.setProgress(done, total, msg(QT_TRANSLATE_NOOP("BuiltinTasks", "residents")));
        DemoSeeder seeder(ctx.database(), ctx.actor());
        // A resumed job whose last chunk was checkpointed has nothing left to seed.
        bool first = done == 0;
        while (first || done < total) {
            first = false;
            if (ctx.isCancelled())
                co_return JobOutcome::cancelled();
            while (done == holdAt && !holdFile.isEmpty() && !QFile::exists(holdFile)) {
                QCoro::Task<bool> waiting = ctx.sleep(20); // named: GCC 12 bug 100611
                if (!co_await waiting)
                    co_return JobOutcome::cancelled();
            }
            const int upTo = qMin(total, done + chunk);
            DemoSeeder::Options options;
            options.residents = upTo;
            options.firstResident = done;
            options.stays = upTo >= total;
            options.seed = seed;
            const Result<DemoSeeder::Summary> seeded = seeder.seed(options);
            if (!seeded)
                co_return JobOutcome::failure(seeded.error().message);
            created += seeded->residents;
            done = upTo;
            if (auto saved = ctx.saveCheckpoint(checkpoint()); !saved)
                co_return JobOutcome::failure(saved.error().message);
            ctx.setProgress(done, total, msg(QT_TRANSLATE_NOOP("BuiltinTasks", "residents")));
        }
    }
    // Lab protocols: chunks of a tenth of the residents' chunk (each protocol brings
    // about 170 rows with it).
    const int protocolChunk = qMax(1, chunk / 10);
    LabDemoSeeder labSeeder(ctx.database(), ctx.actor());
    while (protocolsDone < protocols) {
        if (ctx.isCancelled())
            co_return JobOutcome::cancelled();
        const int upTo = qMin(protocols, protocolsDone + protocolChunk);
        LabDemoSeeder::Options options;
        options.protocols = upTo;
        options.firstProtocol = protocolsDone;
        options.seed = seed;
        const Result<LabDemoSeeder::Summary> seeded = labSeeder.seed(options);
        if (!seeded)
            co_return JobOutcome::failure(seeded.error().message);
        protocolsCreated += seeded->protocols;
        protocolsDone = upTo;
        if (auto saved = ctx.saveCheckpoint(checkpoint()); !saved)
            co_return JobOutcome::failure(saved.error().message);
        ctx.setProgress(protocolsDone, protocols, msg(QT_TRANSLATE_NOOP("BuiltinTasks", "protocols")));
    }
    co_return JobOutcome::success({{u"residents"_s, total},
                                   {u"created"_s, created},
                                   {u"protocols"_s, protocols},
                                   {u"protocols_created"_s, protocolsCreated}});
}

QCoro::Task<JobOutcome> prune(JobContext &ctx)
{
    const int days = qMax(1, ctx.payload().value(u"days"_s).toInt(30));
    const qint64 before = ctx.clock().nowMs() - qint64(days) * 24 * 3600 * 1000;
    const Result<int> deleted = JobStore(ctx.database(), ctx.clock()).prune(before);
    if (!deleted)
        co_return JobOutcome::failure(deleted.error().message);
    co_return JobOutcome::success({{u"deleted"_s, deleted.value()}, {u"days"_s, days}});
}

} // namespace

void registerAll(TaskRegistry &registry)
{
    registry.add({u"diag.noop"_s, msg(QT_TRANSLATE_NOOP("BuiltinTasks", "Diagnostic: no-op")), 0, 3, &noop});
    registry.add(
        {u"diag.sleep"_s, msg(QT_TRANSLATE_NOOP("BuiltinTasks", "Diagnostic: wait")), 0, 3, &sleepSteps});
    registry.add(
        {u"diag.cpu"_s, msg(QT_TRANSLATE_NOOP("BuiltinTasks", "Diagnostic: CPU work")), 0, 3, &cpuSteps});
    registry.add(
        {u"diag.fail"_s, msg(QT_TRANSLATE_NOOP("BuiltinTasks", "Diagnostic: failure")), 0, 3, &fail});
    registry.add(
        {u"demo.seed"_s, msg(QT_TRANSLATE_NOOP("BuiltinTasks", "Create demo data")), 1, 3, &seedDemo});
    registry.add(
        {u"jobs.prune"_s, msg(QT_TRANSLATE_NOOP("BuiltinTasks", "Prune job history")), 1, 3, &prune});
}

QList<RecurringJob> defaultRecurring()
{
    RecurringJob pruneHistory;
    pruneHistory.name = u"jobs.prune"_s;
    pruneHistory.kind = u"jobs.prune"_s;
    pruneHistory.payload = {{u"days"_s, 30}};
    pruneHistory.schedule = u"17 3 * * *"_s; // daily, at a quiet time
    return {pruneHistory};
}

} // namespace BuiltinTasks
