#include "tasks/reports/reporttasks.h"

#include "models/reports/usagereportrepository.h"
#include "models/reports/usagereports.h"
#include "tasks/jobcontext.h"
#include "tasks/pdf/pdfrenderer.h"
#include "tasks/taskregistry.h"

#include <QCoreApplication>
#include <QCoroFuture>

using namespace Qt::StringLiterals;

namespace ReportTasks {
namespace {

// A message to store (a job's error or progress, a notification, a title), translated
// where it is shown; the source text is marked with QT_TRANSLATE_NOOP("ReportTasks", …).
StoredText msg(const char *text, int n = -1)
{
    return StoredText("ReportTasks", text, n);
}

constexpr int kSteps = 4;

struct Made
{
    ReportTable table;
    QByteArray csv;
};

QCoro::Task<JobOutcome> run(JobContext &ctx, QString report)
{
    const QDate from = QDate::fromString(ctx.payload().value(u"from"_s).toString(), Qt::ISODate);
    const QDate to = QDate::fromString(ctx.payload().value(u"to"_s).toString(), Qt::ISODate);
    if (auto ok = UsageReportRepository::checkPeriod(from, to); !ok)
        co_return JobOutcome::failure(ok.error().message, false);
    QString format = ctx.payload().value(u"format"_s).toString(u"pdf"_s);
    if (format != u"csv")
        format = u"pdf"_s;

    ctx.setProgress(0, kSteps, msg(QT_TRANSLATE_NOOP("ReportTasks", "reading")));
    UsageReportRepository repo(ctx.database(), ctx.actor());
    std::function<Made()> compute;
    if (report == u"occupancy") {
        const auto rooms = repo.rooms();
        if (!rooms)
            co_return JobOutcome::failure(rooms.error().text(), rooms.error().isConnectionProblem());
        const auto stays = repo.stays(from, to);
        if (!stays)
            co_return JobOutcome::failure(stays.error().text(), stays.error().isConnectionProblem());
        compute = [from, to, rooms = rooms.value(), stays = stays.value()] {
            Made m{UsageReports::occupancyTable(UsageReports::occupancy(from, to, rooms, stays)), {}};
            m.csv = m.table.toCsv();
            return m;
        };
    } else if (report == u"maintenance") {
        const auto items = repo.maintenanceItems(from, to);
        if (!items)
            co_return JobOutcome::failure(items.error().text(), items.error().isConnectionProblem());
        compute = [from, to, items = items.value()] {
            Made m{UsageReports::maintenanceTable(UsageReports::maintenance(from, to, items)), {}};
            m.csv = m.table.toCsv();
            return m;
        };
    } else {
        const auto items = repo.turnaroundItems(from, to);
        if (!items)
            co_return JobOutcome::failure(items.error().text(), items.error().isConnectionProblem());
        compute = [from, to, items = items.value()] {
            Made m{UsageReports::turnaroundTable(UsageReports::turnaround(from, to, items)), {}};
            m.csv = m.table.toCsv();
            return m;
        };
    }
    if (ctx.isCancelled())
        co_return JobOutcome::cancelled();

    ctx.setProgress(1, kSteps, msg(QT_TRANSLATE_NOOP("ReportTasks", "computing")));
    auto computing = ctx.runCpu(std::move(compute));
    const Made made = co_await computing;
    if (ctx.isCancelled())
        co_return JobOutcome::cancelled();

    ctx.setProgress(2, kSteps, msg(QT_TRANSLATE_NOOP("ReportTasks", "PDF")));
    auto rendering = ctx.runCpu([table = made.table] { return PdfRenderer::renderTable(table); });
    const QByteArray pdf = co_await rendering;
    if (pdf.isEmpty())
        co_return JobOutcome::failure(
            msg(QT_TRANSLATE_NOOP("ReportTasks", "The PDF could not be made: no usable font.")), false);
    if (ctx.isCancelled())
        co_return JobOutcome::cancelled();

    ctx.setProgress(3, kSteps, msg(QT_TRANSLATE_NOOP("ReportTasks", "CSV")));
    QJsonObject totals;
    for (qsizetype i = 0; i < made.table.columns.size() && i < made.table.csvTotals.size(); ++i)
        totals.insert(made.table.columns.at(i), made.table.csvTotals.at(i));
    const StoredText ready = msg(QT_TRANSLATE_NOOP("ReportTasks", "%1 is ready")).arg(made.table.title);
    // What the notification says under its title: a sentence, not the result's fields.
    StoredText summary =
        msg(QT_TRANSLATE_N_NOOP("ReportTasks", "%Ln row(s), from %1 to %2"), int(made.table.rows.size()));
    summary.arg(from.toString(Qt::ISODate)).arg(to.toString(Qt::ISODate));
    QJsonObject result{
        {u"report"_s, report},
        {u"from"_s, from.toString(Qt::ISODate)},
        {u"to"_s, to.toString(Qt::ISODate)},
        {u"format"_s, format},
        {u"title"_s, made.table.title},
        {u"rows"_s, made.table.rows.size()},
        {u"totals"_s, totals},
        {u"pdf"_s, QString::fromLatin1(pdf.toBase64())},
        {u"pdf_size"_s, pdf.size()},
        {u"csv"_s, QString::fromUtf8(made.csv)},
        {u"notify_title"_s, ready.toString()},
        {u"notify_title_msg"_s, ready.toJsonObject()},
        {u"summary"_s, summary.toString()},
        {u"summary_msg"_s, summary.toJsonObject()},
        {u"notify_link"_s, u"usage-report:%1"_s.arg(ctx.id())},
    };
    ctx.setProgress(kSteps, kSteps);
    co_return JobOutcome::success(result);
}

} // namespace

void registerAll(TaskRegistry &registry)
{
    registry.add({QString::fromLatin1(kOccupancy), msg(QT_TRANSLATE_NOOP("ReportTasks", "Occupancy report")),
                  2, 2, [](JobContext &ctx) {
                      return run(ctx, u"occupancy"_s);
                  }});
    registry.add({QString::fromLatin1(kMaintenance),
                  msg(QT_TRANSLATE_NOOP("ReportTasks", "Maintenance report")), 2, 2, [](JobContext &ctx) {
                      return run(ctx, u"maintenance"_s);
                  }});
    registry.add({QString::fromLatin1(kTurnaround),
                  msg(QT_TRANSLATE_NOOP("ReportTasks", "Lab turnaround report")), 2, 2, [](JobContext &ctx) {
                      return run(ctx, u"turnaround"_s);
                  }});
}

QString kindFor(const QString &report)
{
    if (report == u"occupancy")
        return QString::fromLatin1(kOccupancy);
    if (report == u"maintenance")
        return QString::fromLatin1(kMaintenance);
    if (report == u"turnaround")
        return QString::fromLatin1(kTurnaround);
    return {};
}

bool isReportKind(const QString &kind)
{
    return kind == QLatin1String(kOccupancy) || kind == QLatin1String(kMaintenance) ||
           kind == QLatin1String(kTurnaround);
}

JobRequest request(const QString &kind, const QDate &from, const QDate &to, const QString &format)
{
    JobRequest r;
    r.kind = kind;
    r.payload = {
        {u"from"_s, from.toString(Qt::ISODate)}, {u"to"_s, to.toString(Qt::ISODate)}, {u"format"_s, format}};
    r.notifyCreator = true;
    return r;
}

std::optional<Output> output(const Job &job)
{
    if (!isReportKind(job.kind) || job.state != JobState::Succeeded)
        return std::nullopt;
    Output o;
    o.title = job.result.value(u"title"_s).toString();
    o.format = job.result.value(u"format"_s).toString(u"pdf"_s);
    o.pdf = QByteArray::fromBase64(job.result.value(u"pdf"_s).toString().toLatin1());
    o.csv = job.result.value(u"csv"_s).toString().toUtf8();
    if (o.pdf.isEmpty() && o.csv.isEmpty())
        return std::nullopt;
    return o;
}

qint64 jobIdFromLink(const QString &link)
{
    if (!link.startsWith(u"usage-report:"))
        return 0;
    return link.mid(13).toLongLong();
}

} // namespace ReportTasks
