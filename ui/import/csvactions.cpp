#include "ui/import/csvactions.h"

#include "models/db/databasefileguard.h"
#include "models/db/dbexecutor.h"
#include "tasks/jobengine.h"
#include "ui/import/residentimportdialog.h"
#include "ui/widgets/filedialogs.h"

#include <QAction>
#include <QCoroFuture>
#include <QDir>
#include <QMenu>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace {
// (rows, error); the error is empty on success.
struct ExportOutcome
{
    qint64 rows = 0;
    QString error;
};
} // namespace

CsvActions::CsvActions(DbExecutor &executor, JobEngine *engine, Actor actor, QWidget *window)
    : QObject(window)
    , m_executor(executor)
    , m_engine(engine)
    , m_actor(std::move(actor))
    , m_window(window)
{}

void CsvActions::addTo(QMenu *menu)
{
    QAction *import = menu->addAction(tr("&Import residents…"), this, [this] {
        const QString path =
            FileDialogs::getOpenFileName(m_window, tr("Import residents"),
                                         QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                         tr("CSV files (*.csv *.txt);;All files (*)"));
        if (!path.isEmpty())
            openImport(path);
    });
    import->setObjectName(u"actionImportResidents"_s);
    QAction *residents = menu->addAction(tr("Export &residents…"), this,
                                         [this] { chooseExportFile(CsvExporter::Table::Residents); });
    residents->setObjectName(u"actionExportResidents"_s);
    QAction *rooms =
        menu->addAction(tr("Export r&ooms…"), this, [this] { chooseExportFile(CsvExporter::Table::Rooms); });
    rooms->setObjectName(u"actionExportRooms"_s);
    QAction *protocols = menu->addAction(tr("Export &protocols…"), this,
                                         [this] { chooseExportFile(CsvExporter::Table::Protocols); });
    protocols->setObjectName(u"actionExportProtocols"_s);
    m_housingActions = {import, residents, rooms};
    m_protocolsAction = protocols;
}

void CsvActions::setRights(bool housing, bool lab)
{
    for (QAction *action : std::as_const(m_housingActions))
        action->setVisible(housing);
    if (m_protocolsAction)
        m_protocolsAction->setVisible(lab);
}

ResidentImportDialog *CsvActions::openImport(const QString &path)
{
    auto *dialog = new ResidentImportDialog(m_executor, m_engine, m_actor, path, m_window);
    connect(dialog, &ResidentImportDialog::jobQueued, this, &CsvActions::jobQueued);
    dialog->open();
    return dialog;
}

void CsvActions::chooseExportFile(CsvExporter::Table table)
{
    const bool residents = table == CsvExporter::Table::Residents;
    const bool protocols = table == CsvExporter::Table::Protocols;
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(residents   ? u"residents.csv"_s
                                            : protocols ? u"protocols.csv"_s
                                                        : u"rooms.csv"_s);
    const QString path = FileDialogs::getSaveFileName(m_window,
                                                      residents   ? tr("Export residents")
                                                      : protocols ? tr("Export protocols")
                                                                  : tr("Export rooms"),
                                                      suggested, tr("CSV files (*.csv)"));
    if (!path.isEmpty())
        exportTo(table, path);
}

QCoro::Task<> CsvActions::exportTo(CsvExporter::Table table, QString path)
{
    QPointer<CsvActions> self(this);
    const bool residents = table == CsvExporter::Table::Residents;
    const bool protocols = table == CsvExporter::Table::Protocols;
    Q_EMIT message(residents   ? tr("Exporting residents to %1…").arg(QDir::toNativeSeparators(path))
                   : protocols ? tr("Exporting protocols to %1…").arg(QDir::toNativeSeparators(path))
                               : tr("Exporting rooms to %1…").arg(QDir::toNativeSeparators(path)));
    auto future = m_executor.read([table, path, actor = m_actor](Database &db) {
        ExportOutcome outcome;
        if (const std::optional<QString> refused = DatabaseFileGuard::refusal(path)) {
            outcome.error = *refused;
            return outcome;
        }
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            outcome.error = file.errorString();
            return outcome;
        }
        const Result<qint64> rows = CsvExporter(db, actor).exportTable(table, file);
        if (!rows) {
            file.cancelWriting();
            outcome.error = rows.error().message;
            return outcome;
        }
        if (!file.commit()) {
            outcome.error = file.errorString();
            return outcome;
        }
        outcome.rows = rows.value();
        return outcome;
    });
    const ExportOutcome outcome = co_await future;
    if (!self)
        co_return;
    const QString where = QDir::toNativeSeparators(path);
    if (!outcome.error.isEmpty())
        Q_EMIT message(tr("The export to %1 failed: %2").arg(where, outcome.error));
    else if (residents)
        Q_EMIT message(tr("Exported %L1 residents to %2.").arg(outcome.rows).arg(where));
    else if (protocols)
        Q_EMIT message(tr("Exported %L1 protocols to %2.").arg(outcome.rows).arg(where));
    else
        Q_EMIT message(tr("Exported %L1 rooms to %2.").arg(outcome.rows).arg(where));
    Q_EMIT exportFinished(outcome.error.isEmpty());
}
