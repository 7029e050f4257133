#include "ui/import/residentimportdialog.h"

#include "models/db/databasefileguard.h"
#include "models/db/dbexecutor.h"
#include "models/io/csvpreview.h"
#include "models/io/csvwriter.h"
#include "models/io/residentimporter.h"
#include "tasks/import/importrejectionstore.h"
#include "tasks/import/importtasks.h"
#include "tasks/jobengine.h"
#include "tasks/jobstore.h"
#include "ui/widgets/filedialogs.h"

#include <QComboBox>
#include <QCoroFuture>
#include <QCoroTimer>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <chrono>

using namespace Qt::StringLiterals;

namespace {

constexpr int kPreviewRows = 20;

struct DryRunOutcome
{
    bool ok = false;
    QString failure;
    ResidentImporter::Counts counts;
    QList<ImportRejection> rejected; // the first kMaxShown
};

QString fieldLabel(const QString &key)
{
    if (key == u"student_id"_s)
        return ResidentImportDialog::tr("Student ID");
    if (key == u"first_name"_s)
        return ResidentImportDialog::tr("First name");
    if (key == u"last_name"_s)
        return ResidentImportDialog::tr("Last name");
    if (key == u"email"_s)
        return ResidentImportDialog::tr("E-mail");
    if (key == u"phone"_s)
        return ResidentImportDialog::tr("Phone");
    if (key == u"contact_by"_s)
        return ResidentImportDialog::tr("Messages by");
    if (key == u"language"_s)
        return ResidentImportDialog::tr("Language");
    return ResidentImportDialog::tr("Status");
}

} // namespace

ResidentImportDialog::ResidentImportDialog(DbExecutor &executor, JobEngine *engine, Actor actor, QString path,
                                           QWidget *parent)
    : QDialog(parent)
    , m_executor(executor)
    , m_engine(engine)
    , m_actor(std::move(actor))
    , m_path(std::move(path))
{
    setObjectName(u"residentImportDialog"_s);
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(tr("Import residents"));
    resize(900, 680);

    auto *layout = new QVBoxLayout(this);
    m_fileLabel = new QLabel(tr("Reading %1…").arg(QFileInfo(m_path).fileName()), this);
    m_fileLabel->setObjectName(u"fileLabel"_s);
    m_fileLabel->setWordWrap(true);
    layout->addWidget(m_fileLabel);

    m_preview = new QTableWidget(this);
    m_preview->setObjectName(u"previewTable"_s);
    m_preview->setAccessibleName(tr("Preview of the file"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->verticalHeader()->setDefaultSectionSize(22);
    layout->addWidget(m_preview, 2);

    auto *mappingBox = new QGroupBox(tr("Columns"), this);
    auto *form = new QFormLayout(mappingBox);
    for (const QString &key : ResidentImporter::fieldKeys()) {
        auto *combo = new QComboBox(mappingBox);
        combo->setObjectName(u"mapping_"_s + key);
        combo->setEnabled(false);
        const bool required = ResidentImporter::requiredFieldKeys().contains(key);
        form->addRow(required ? tr("%1 (required):").arg(fieldLabel(key)) : tr("%1:").arg(fieldLabel(key)),
                     combo);
        m_combos.insert(key, combo);
    }
    layout->addWidget(mappingBox);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"summaryLabel"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    m_rejectedTable = new QTableWidget(0, 2, this);
    m_rejectedTable->setObjectName(u"rejectedTable"_s);
    m_rejectedTable->setHorizontalHeaderLabels({tr("Line"), tr("Why it was rejected")});
    m_rejectedTable->horizontalHeader()->setStretchLastSection(true);
    m_rejectedTable->verticalHeader()->hide();
    m_rejectedTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_rejectedTable->hide();
    layout->addWidget(m_rejectedTable, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_saveButton = buttons->addButton(tr("&Save rejected rows…"), QDialogButtonBox::ActionRole);
    m_saveButton->setObjectName(u"saveRejectedButton"_s);
    m_saveButton->setEnabled(false);
    m_dryRunButton = buttons->addButton(tr("&Check"), QDialogButtonBox::ActionRole);
    m_dryRunButton->setObjectName(u"dryRunButton"_s);
    m_dryRunButton->setToolTip(
        tr("A dry run: what the import would create, update and reject, writing nothing."));
    m_importButton = buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(u"importButton"_s);
    m_dryRunButton->setEnabled(false);
    m_importButton->setEnabled(false);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_dryRunButton, &QPushButton::clicked, this, [this] { runDryRun(); });
    connect(m_importButton, &QPushButton::clicked, this, [this] { startImport(); });
    connect(m_saveButton, &QPushButton::clicked, this, [this] {
        const QString path = FileDialogs::getSaveFileName(
            this, tr("Save rejected rows"),
            QFileInfo(m_path).dir().filePath(QFileInfo(m_path).completeBaseName() + tr("-rejected.csv")),
            tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            saveRejectedTo(path);
    });

    loadPreview();
}

ResidentImportDialog::~ResidentImportDialog() = default;

QHash<QString, QString> ResidentImportDialog::mapping() const
{
    QHash<QString, QString> mapping;
    QSet<QString> chosen;
    for (auto it = m_combos.cbegin(); it != m_combos.cend(); ++it) {
        const QString column = it.value()->currentData().toString();
        if (!column.isEmpty()) {
            mapping.insert(column, it.key());
            chosen.insert(column.toLower());
        }
    }
    // A field set to "not in the file" must not fall back to a column of its name.
    for (auto it = m_combos.cbegin(); it != m_combos.cend(); ++it) {
        if (!it.value()->currentData().toString().isEmpty())
            continue;
        for (const QString &column : m_header) {
            if (column.compare(it.key(), Qt::CaseInsensitive) == 0 && !chosen.contains(column.toLower()))
                mapping.insert(column, QString());
        }
    }
    return mapping;
}

void ResidentImportDialog::setBusy(bool busy)
{
    const bool ready = !m_header.isEmpty();
    m_dryRunButton->setEnabled(!busy && ready && m_jobId == 0);
    m_importButton->setEnabled(!busy && ready && m_jobId == 0);
    for (QComboBox *combo : std::as_const(m_combos))
        combo->setEnabled(!busy && ready && m_jobId == 0);
    if (busy)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void ResidentImportDialog::fail(const QString &message)
{
    m_summary->setText(u"<b>%1</b> %2"_s.arg(tr("Cannot import:").toHtmlEscaped(), message.toHtmlEscaped()));
}

QCoro::Task<> ResidentImportDialog::loadPreview()
{
    QPointer<ResidentImportDialog> self(this);
    auto future = QtConcurrent::run([path = m_path] { return CsvPreview::load(path, kPreviewRows); });
    const CsvPreview preview = co_await future;
    if (!self)
        co_return;
    m_header = preview.header;
    m_fileLabel->setText(tr("%1 — the first rows; map the columns to the fields, check, then import.")
                             .arg(QDir::toNativeSeparators(m_path)));
    m_preview->setColumnCount(int(preview.header.size()));
    m_preview->setHorizontalHeaderLabels(preview.header);
    m_preview->setRowCount(int(preview.rows.size()));
    QStringList lineLabels;
    for (int r = 0; r < preview.rows.size(); ++r) {
        lineLabels.append(QString::number(preview.lines.at(r)));
        for (int c = 0; c < preview.rows.at(r).size() && c < preview.header.size(); ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(preview.rows.at(r).at(c)));
    }
    m_preview->setVerticalHeaderLabels(lineLabels);
    m_preview->resizeColumnsToContents();

    for (auto it = m_combos.cbegin(); it != m_combos.cend(); ++it) {
        QComboBox *combo = it.value();
        combo->clear();
        combo->addItem(tr("(not in the file)"), QString());
        int match = 0;
        for (int c = 0; c < m_header.size(); ++c) {
            combo->addItem(m_header.at(c), m_header.at(c));
            if (match == 0 && m_header.at(c).compare(it.key(), Qt::CaseInsensitive) == 0)
                match = c + 1;
        }
        combo->setCurrentIndex(match);
    }
    if (!preview.ok())
        fail(preview.error);
    setBusy(false);
    Q_EMIT previewLoaded();
}

QCoro::Task<> ResidentImportDialog::runDryRun()
{
    QPointer<ResidentImportDialog> self(this);
    setBusy(true);
    m_summary->setText(tr("Checking the file…"));
    ResidentImporter::Options options;
    options.dryRun = true;
    options.mapping = mapping();
    auto future = m_executor.read([path = m_path, options, actor = m_actor](Database &db) {
        DryRunOutcome outcome;
        ResidentImporter importer(db, actor, path, options);
        if (!importer.open()) {
            outcome.failure = importer.failure().message;
            return outcome;
        }
        for (;;) {
            const std::optional<ResidentImporter::Chunk> chunk = importer.nextChunk();
            if (!chunk) {
                outcome.failure = importer.failure().message;
                return outcome;
            }
            if (chunk->rows == 0)
                break;
            outcome.counts += chunk->counts;
            for (const ImportRejection &row : chunk->rejected) {
                if (outcome.rejected.size() < kMaxShown)
                    outcome.rejected.append(row);
            }
        }
        outcome.ok = true;
        return outcome;
    });
    const DryRunOutcome outcome = co_await future;
    if (!self)
        co_return;
    setBusy(false);
    if (!outcome.ok) {
        fail(outcome.failure);
        showRejected({}, 0);
    } else {
        const ResidentImporter::Counts &c = outcome.counts;
        m_summary->setText(tr("Check (nothing written yet): %L1 to create, %L2 to update, %L3 unchanged, %L4 "
                              "rejected.")
                               .arg(c.created)
                               .arg(c.updated)
                               .arg(c.unchanged)
                               .arg(c.rejected));
        showRejected(outcome.rejected, c.rejected);
    }
    Q_EMIT dryRunFinished();
}

QCoro::Task<> ResidentImportDialog::startImport()
{
    QPointer<ResidentImportDialog> self(this);
    setBusy(true);
    const JobRequest request = ImportTasks::residentsRequest(m_path, false, mapping());
    auto future = m_executor.write(
        [request, actor = m_actor](Database &db) { return JobStore(db).enqueue(request, actor); });
    const Result<EnqueueResult> queued = co_await future;
    if (!self)
        co_return;
    if (!queued) {
        setBusy(false);
        fail(queued.error().text());
        co_return;
    }
    m_jobId = queued->id;
    setBusy(false);
    if (m_engine)
        m_engine->wake();
    Q_EMIT jobQueued(m_jobId);
    m_summary->setText(tr("Import queued as job %1; its progress is also in the Jobs panel.").arg(m_jobId));
    followJob(m_jobId);
}

QCoro::Task<> ResidentImportDialog::followJob(qint64 id)
{
    QPointer<ResidentImportDialog> self(this);
    Job job;
    for (;;) {
        auto future = m_executor.read([id](Database &db) { return JobStore(db).get(id); });
        const Result<Job> current = co_await future;
        if (!self)
            co_return;
        if (current) {
            job = current.value();
            if (job.isFinished())
                break;
            if (job.progressTotal > 0)
                m_summary->setText(tr("Importing (job %1): %L2 of %L3 rows.")
                                       .arg(id)
                                       .arg(job.progressDone)
                                       .arg(job.progressTotal));
        }
        QCoro::Task<> pause = QCoro::sleepFor(std::chrono::milliseconds(300)); // named: GCC 12 bug 100611
        co_await pause;
        if (!self)
            co_return;
    }
    if (job.state != JobState::Succeeded) {
        fail(job.state == JobState::Cancelled ? tr("the import was cancelled; the rows before stay imported.")
                                              : job.errorText());
        Q_EMIT importFinished();
        co_return;
    }
    const QJsonObject r = job.result;
    const qint64 rejectedTotal = r.value(u"rejected_count"_s).toInteger();
    m_summary->setText(tr("Imported: %L1 created, %L2 updated, %L3 unchanged, %L4 rejected.")
                           .arg(r.value(u"created"_s).toInteger())
                           .arg(r.value(u"updated"_s).toInteger())
                           .arg(r.value(u"unchanged"_s).toInteger())
                           .arg(rejectedTotal));
    auto rows =
        m_executor.read([id](Database &db) { return ImportRejectionStore(db).page(id, 0, kMaxShown); });
    const Result<QList<ImportRejection>> rejected = co_await rows;
    if (!self)
        co_return;
    showRejected(rejected ? rejected.value() : QList<ImportRejection>{}, rejectedTotal);
    Q_EMIT importFinished();
}

void ResidentImportDialog::showRejected(QList<ImportRejection> rows, qint64 total)
{
    m_rejected = std::move(rows);
    m_rejectedTotal = total;
    m_rejectedTable->setVisible(total > 0);
    m_rejectedTable->setRowCount(int(m_rejected.size()));
    for (int i = 0; i < m_rejected.size(); ++i) {
        auto *line = new QTableWidgetItem;
        line->setData(Qt::DisplayRole, m_rejected.at(i).line);
        m_rejectedTable->setItem(i, 0, line);
        m_rejectedTable->setItem(i, 1, new QTableWidgetItem(m_rejected.at(i).reason));
    }
    m_saveButton->setEnabled(total > 0);
    if (total > m_rejected.size())
        m_summary->setText(m_summary->text() + u' ' +
                           tr("The first %L1 rejected rows are listed.").arg(m_rejected.size()));
}

QCoro::Task<bool> ResidentImportDialog::saveRejectedTo(QString path)
{
    QPointer<ResidentImportDialog> self(this);
    // An import job's rows come from the database, page by page; a dry run's from memory.
    auto future =
        m_executor.read([path, header = m_header, jobId = m_jobId, shown = m_rejected](Database &db) {
            if (const std::optional<QString> refused = DatabaseFileGuard::refusal(path))
                return *refused;
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return file.errorString();
            CsvWriter writer(&file);
            writer.writeRecord(QStringList{u"line"_s, u"reason"_s} + header);
            const auto write = [&writer](const QList<ImportRejection> &rows) {
                for (const ImportRejection &row : rows)
                    writer.writeRecord(QStringList{QString::number(row.line), row.reason} + row.fields);
            };
            if (jobId > 0) {
                qint64 after = 0;
                for (;;) {
                    const Result<QList<ImportRejection>> page =
                        ImportRejectionStore(db).page(jobId, after, 1000);
                    if (!page)
                        return page.error().message;
                    write(page.value());
                    if (page->size() < 1000)
                        break;
                    after = page->constLast().line;
                }
            } else {
                write(shown);
            }
            if (!writer.flush())
                return writer.errorString();
            if (!file.commit())
                return file.errorString();
            return QString();
        });
    const QString error = co_await future;
    if (!self)
        co_return error.isEmpty();
    if (!error.isEmpty())
        fail(tr("the rejected rows were not saved to %1: %2").arg(path, error));
    else
        m_summary->setText(m_summary->text() + u' ' + tr("Rejected rows saved to %1.").arg(path));
    co_return error.isEmpty();
}
