#include "app/cli/usagereportcommands.h"

#include "app/cli/command.h"
#include "app/cli/commandcontext.h"
#include "app/cli/commandline.h"
#include "app/cli/commandregistry.h"
#include "app/cli/jobwaiter.h"
#include "models/db/database.h"
#include "models/db/databasefileguard.h"
#include "models/reports/usagereportrepository.h"
#include "tasks/jobstore.h"
#include "tasks/reports/reporttasks.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace {


QString fromName()
{
    return u"from"_s;
}
QString toName()
{
    return u"to"_s;
}
QString outputName()
{
    return u"output"_s;
}

QList<QCommandLineOption> options()
{
    return {QCommandLineOption(fromName(), UsageReportCommands::tr("The first day of the period (YYYY-MM-DD)."), UsageReportCommands::tr("date")),
            QCommandLineOption(toName(), UsageReportCommands::tr("The last day of the period, included (YYYY-MM-DD)."),
                               UsageReportCommands::tr("date")),
            QCommandLineOption({u"o"_s, outputName()},
                               UsageReportCommands::tr("Write the report to this file: .pdf or .csv (waits for the job)."),
                               UsageReportCommands::tr("file")),
            JobWaiter::waitOption()};
}

bool writeFile(CommandContext &context, const QString &path, const QByteArray &bytes)
{
    if (const std::optional<QString> refused = DatabaseFileGuard::refusal(path)) {
        context.error(*refused);
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        context.error(UsageReportCommands::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return true;
}

int run(CommandContext &context, const QString &report)
{
    const QCommandLineParser &parser = context.parser();
    QDate days[2];
    const QString names[2] = {fromName(), toName()};
    for (int i = 0; i < 2; ++i) {
        if (!parser.isSet(names[i]))
            return context.usageError(UsageReportCommands::tr("\"%1\" needs --%2 DATE").arg(context.command().name(), names[i]));
        const QString text = parser.value(names[i]);
        days[i] = QDate::fromString(text, Qt::ISODate);
        if (!days[i].isValid())
            return context.usageError(UsageReportCommands::tr("--%1: \"%2\" is not a date (YYYY-MM-DD)").arg(names[i], text));
    }
    if (auto ok = UsageReportRepository::checkPeriod(days[0], days[1]); !ok)
        return context.usageError(ok.error().message);
    const QString path = parser.value(outputName());
    QString format = u"pdf"_s;
    if (!path.isEmpty()) {
        const QString suffix = QFileInfo(path).suffix().toLower();
        if (suffix != u"pdf" && suffix != u"csv")
            return context.usageError(
                UsageReportCommands::tr("-o %1: the file must end in .pdf or .csv").arg(QDir::toNativeSeparators(path)));
        format = suffix;
        if (const std::optional<QString> refused = DatabaseFileGuard::refusal(path)) {
            context.error(*refused);
            return CommandLine::ExitFailure;
        }
    }
    Database *db = context.openDatabase();
    if (!db)
        return CommandLine::ExitFailure;
    const Result<EnqueueResult> queued =
        JobStore(*db).enqueue(ReportTasks::request(ReportTasks::kindFor(report), days[0], days[1], format),
                              context.actor());
    if (!queued) {
        context.error(UsageReportCommands::tr("cannot queue the %1 report: %2").arg(report, queued.error().text()));
        return CommandLine::ExitFailure;
    }
    const qint64 id = queued->id;
    if (!parser.isSet(JobWaiter::waitOption()) && path.isEmpty()) {
        if (context.json())
            context.printJson(QJsonObject{{u"job_id"_s, id}});
        else
            context.out(UsageReportCommands::tr("job %1 queued (%2)").arg(id).arg(ReportTasks::kindFor(report)));
        return CommandLine::ExitSuccess;
    }
    JobWaiter::Options waitOptions;
    waitOptions.reporter = [path, format](CommandContext &c, const Job &job) {
        if (job.state != JobState::Succeeded)
            return JobWaiter::report(c, job);
        const std::optional<ReportTasks::Output> output = ReportTasks::output(job);
        if (!output) {
            c.error(UsageReportCommands::tr("job %1 finished without a report").arg(job.id));
            return int(CommandLine::ExitFailure);
        }
        qint64 size = 0;
        if (!path.isEmpty()) {
            const QByteArray &bytes = format == u"csv" ? output->csv : output->pdf;
            if (!writeFile(c, path, bytes))
                return int(CommandLine::ExitFailure);
            size = bytes.size();
        }
        const QJsonObject totals = job.result.value(u"totals"_s).toObject();
        if (c.json()) {
            QJsonObject o{{u"job_id"_s, job.id},
                          {u"kind"_s, job.kind},
                          {u"state"_s, JobStates::code(job.state)},
                          {u"report"_s, job.result.value(u"report"_s)},
                          {u"from"_s, job.result.value(u"from"_s)},
                          {u"to"_s, job.result.value(u"to"_s)},
                          {u"title"_s, output->title},
                          {u"rows"_s, job.result.value(u"rows"_s)},
                          {u"totals"_s, totals},
                          {u"pdf_size"_s, job.result.value(u"pdf_size"_s)}};
            if (!path.isEmpty()) {
                o.insert(u"file"_s, QFileInfo(path).absoluteFilePath());
                o.insert(u"format"_s, format);
                o.insert(u"size"_s, size);
            }
            c.printJson(o);
        } else {
            c.out(output->title);
            c.out(QString::fromUtf8(output->csv).trimmed().replace(u"\r\n"_s, u"\n"_s));
            if (!path.isEmpty())
                c.out(UsageReportCommands::tr("written to %1 (%2 bytes)").arg(QDir::toNativeSeparators(path)).arg(size));
        }
        return int(CommandLine::ExitSuccess);
    };
    return JobWaiter(context, *db, waitOptions).wait(id);
}

} // namespace

void UsageReportCommands::registerCommands(CommandRegistry &registry)
{
    const QString waitText =
        tr("Queues the report as a job ({\"job_id\": n} with --json). With --wait or -o: runs jobs in this "
           "process until it ends, prints the table (with --json: job_id, kind, state, report, from, to, title, "
           "rows, totals, pdf_size, and with -o file, format, size) and writes -o FILE (PDF or CSV, by its "
           "ending). Exit code 0 only if the report was made.");
    registry.add({{u"report"_s, u"occupancy"_s},
                  tr("Occupancy for a period per building and room type: residesk report occupancy --from DATE "
                     "--to DATE [-o FILE.pdf|FILE.csv] [--wait]."),
                  tr("Beds, bed-nights, bed-nights occupied (reserved, checked-in and checked-out stays) and "
                     "occupancy in percent. ") +
                      waitText,
                  options(), [](CommandContext &c) { return run(c, u"occupancy"_s); }});
    registry.add({{u"report"_s, u"maintenance"_s},
                  tr("Maintenance for a period per category and building: residesk report maintenance --from DATE "
                     "--to DATE [-o FILE.pdf|FILE.csv] [--wait]."),
                  tr("Requests reported in the period, done, open and cancelled, done on target, median hours to "
                     "completion and estimated cost. ") +
                      waitText,
                  options(), [](CommandContext &c) { return run(c, u"maintenance"_s); }});
    registry.add({{u"report"_s, u"turnaround"_s},
                  tr("Lab turnaround for a period per species and analysis: residesk report turnaround --from DATE "
                     "--to DATE [-o FILE.pdf|FILE.csv] [--wait]."),
                  tr("Hours from receipt to the first finalized report of the protocols finalized in the period: "
                     "median, mean and longest. ") +
                      waitText,
                  options(), [](CommandContext &c) { return run(c, u"turnaround"_s); }});
}
