#pragma once

#include "models/db/result.h"
#include "models/lab/client.h"
#include "models/lab/protocol.h"
#include "models/lab/report.h"
#include "models/lab/workorder.h"
#include "tasks/pdf/reportdocument.h"
#include "tasks/pdf/workorderdocument.h"

#include <QCoreApplication>

class Database;

// Maps the lab's records onto the PDF renderer's documents (tasks/pdf/pdfrenderer.h),
// and reads what a document needs. The finalize job, the pre-render job, the window's
// "open PDF" and preview, and the command line all use it, so that a report or work
// order looks the same wherever it is rendered (and so that cache keys stay honest:
// the same content version always gives the same document).
//
// The map functions are pure (any thread); the load functions run their SQL on the
// calling thread's connection (an executor, runner or pool thread; never the GUI
// thread).
//
//   const auto sources = LabDocuments::loadReport(db, reportId);
//   ReportDocument doc = LabDocuments::reportDocument(sources->report, sources->protocol,
//                                                     sources->client);
//   doc.draft = false; doc.signer = signer; doc.signedAt = signedAt;
class LabDocuments
{
    Q_DECLARE_TR_FUNCTIONS(LabDocuments)
public:
    // The lab as printed in every page header: QSettings "lab/name", "lab/address" and
    // "lab/phone" (organisation "Residesk"), with a generic name when unset.
    static LabHeader labHeader();

    // A draft document (watermark, no signature); the caller sets draft, signer and
    // signedAt for a finalized one.
    static ReportDocument reportDocument(const Report &report, const Protocol &protocol,
                                         const Client &client);
    static WorkOrderDocument workOrderDocument(const WorkOrder &order, const Protocol &protocol,
                                               const Client &client);
    static ResultFlag resultFlag(Report::Flag flag);
    // "2 × EDTA blood", or "2 samples" without a type.
    static QString sampleDescription(const Protocol &protocol);
    // "report-P-2026-000001-r1.pdf": the attachment's and the viewer's file name.
    static QString reportFileName(const Report &report);

    struct ReportSources
    {
        Report report; // with results
        Protocol protocol;
        Client client;
    };
    static Result<ReportSources> loadReport(Database &db, qint64 reportId);

    struct WorkOrderSources
    {
        WorkOrder order; // with analyses
        Protocol protocol;
        Client client;
    };
    static Result<WorkOrderSources> loadWorkOrder(Database &db, qint64 workOrderId);

    // Reads the work order and renders it, if its version is still `expectedVersion`
    // (the version a cache key was made for); otherwise, or on any failure, an empty
    // QByteArray (a PdfCache render function: nothing is stored under a key that names
    // other content). CPU work: call it on a pool thread.
    static QByteArray renderWorkOrder(Database &db, qint64 workOrderId, int expectedVersion);
};
