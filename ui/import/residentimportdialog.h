#pragma once

#include "models/core/actor.h"
#include "models/io/importrejection.h"

#include <QCoroTask>
#include <QDialog>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QStringList>

class DbExecutor;
class JobEngine;
class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

// File ▸ Import residents…: one dialog from file to result. It shows the first 20
// rows of the file (read on a worker thread, so a big file never stalls the window),
// lets people map the file's columns to the resident fields (preset by name), checks
// the file with a dry run (created / updated / unchanged / rejected, run on the
// executor's read pool), and on Import queues a residents.import job with the mapping
// (progress also in the jobs dock), follows it to its end and shows the result. The
// rejected rows (of the dry run, or of the import) are listed with their line and
// reason and can be saved as CSV.
//
// GUI thread only; the data work goes through DbExecutor. Deletes itself on close
// (WA_DeleteOnClose); its coroutines guard `this` with QPointer after each await.
//
//   auto *dialog = new ResidentImportDialog(executor, engine, actor, path, window);
//   connect(dialog, &ResidentImportDialog::jobQueued, jobsDock, &JobsDock::showJob);
//   dialog->open();
class ResidentImportDialog : public QDialog
{
    Q_OBJECT
public:
    ResidentImportDialog(DbExecutor &executor, JobEngine *engine, Actor actor, QString path,
                         QWidget *parent = nullptr);
    ~ResidentImportDialog() override;

    // File column → field key, as the import takes it (see ResidentImporter::Options).
    QHash<QString, QString> mapping() const;
    // The rejected rows shown (at most kMaxShown), and how many there are in all.
    const QList<ImportRejection> &rejected() const { return m_rejected; }
    qint64 rejectedTotal() const { return m_rejectedTotal; }
    qint64 jobId() const { return m_jobId; }

    // Saves the rejected rows (all of an import job's; those shown of a dry run) as CSV:
    // line, reason, then the row's fields under the file's header.
    QCoro::Task<bool> saveRejectedTo(QString path);

    static constexpr int kMaxShown = 10000;

Q_SIGNALS:
    void previewLoaded();
    // A dry run or an import finished (or failed); the summary and table show it.
    void dryRunFinished();
    void importFinished();
    void jobQueued(qint64 id);

private:
    QCoro::Task<> loadPreview();
    QCoro::Task<> runDryRun();
    QCoro::Task<> startImport();
    QCoro::Task<> followJob(qint64 id);
    void showRejected(QList<ImportRejection> rows, qint64 total);
    void setBusy(bool busy);
    void fail(const QString &message);

    DbExecutor &m_executor;
    QPointer<JobEngine> m_engine;
    Actor m_actor;
    QString m_path;
    QStringList m_header;
    QHash<QString, QComboBox *> m_combos;
    QList<ImportRejection> m_rejected;
    qint64 m_rejectedTotal = 0;
    qint64 m_jobId = 0;

    QLabel *m_fileLabel = nullptr;
    QTableWidget *m_preview = nullptr;
    QLabel *m_summary = nullptr;
    QTableWidget *m_rejectedTable = nullptr;
    QPushButton *m_dryRunButton = nullptr;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_saveButton = nullptr;
};
