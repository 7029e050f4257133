#pragma once

#include "models/io/residentimporter.h"
#include "tasks/job.h"

#include <QHash>
#include <QString>

class TaskRegistry;

// Import task kinds:
//   residents.import  {"path": "/…/residents.csv", "dry_run": false,
//                      "mapping": {"Matrikel": "student_id", …}, "chunk": 1000}
//
// The file is read once first (structure, row count, duplicates; a file that is not
// CSV fails the job at once, not retried, with nothing written). Then chunks of
// `chunk` rows (default 1000) are upserted by student id, each in one transaction
// together with its rejected rows (table import_rejections) and the job's checkpoint
// {offset, line, rows, counts, file}: a killed worker's successor resumes after the
// last committed chunk and the totals come out exactly right; a file that changed
// since (size or modification time) is refused. Progress: "12,000 of 100,000 rows".
// A cancel stops between chunks and keeps the committed ones. A database error fails
// the attempt; it is retried from the checkpoint.
//
// Result: {"created", "updated", "unchanged", "rows", "dry_run", "path",
// "changed_fields": {field: n}, "rejected_count": n, "rejected": [{"line", "reason"}, …],
// "summary", "summary_msg" (importSummary(), for the creator's notification)}
// with at most the first 200 rejected rows; all of them are in import_rejections
// (ImportRejectionStore), for the window's table and its "Save as CSV".
namespace ImportTasks {
QString residentsKind();
// The most rejected rows a job result lists itself.
constexpr int kRejectedInResult = 200;

JobRequest residentsRequest(const QString &path, bool dryRun, const QHash<QString, QString> &mapping = {});
// What an import did, as a sentence for people: "120 residents imported, 3 skipped,
// 2 rejected" (a message: read in the reader's language, counts in their locale).
StoredText importSummary(const ResidentImporter::Counts &counts, bool dryRun);
void registerAll(TaskRegistry &registry);
} // namespace ImportTasks
