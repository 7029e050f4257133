#include "tasks/pdf/pdfrenderer.h"

#include "tasks/pdf/pdfdocumentwriter_p.h"
#include "tasks/pdf/pdffontmetrics_p.h"
#include "tasks/pdf/reportpdflayout_p.h"
#include "tasks/pdf/tablereportpdflayout_p.h"
#include "models/reports/reporttable.h"
#include "tasks/pdf/workorderpdflayout_p.h"

#include <QGuiApplication>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

namespace {

bool haveGuiApplication()
{
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return true;
    qWarning("PdfRenderer: rendering a PDF needs a QGuiApplication (fonts)");
    return false;
}

// Fonts usable: a QGuiApplication and a face to measure with (the layout needs both).
bool fontsReady()
{
    if (!haveGuiApplication())
        return false;
    if (PdfFontMetrics::instance().isValid())
        return true;
    qWarning("PdfRenderer: no usable font (%s)", qPrintable(PdfFontMetrics::family()));
    return false;
}

} // namespace

bool PdfRenderer::warmUp()
{
    return fontsReady();
}

QByteArray PdfRenderer::renderReport(const ReportDocument &doc)
{
    if (!fontsReady())
        return {};
    const QList<PdfPage> pages = ReportPdfLayout::layout(doc);
    PdfMetadata metadata;
    metadata.title = ReportPdfLayout::title(doc);
    metadata.author = !doc.draft && !doc.signer.isEmpty() ? doc.signer : doc.lab.name;
    metadata.creator = doc.lab.name;
    return PdfDocumentWriter::write(pages, metadata);
}

QByteArray PdfRenderer::renderWorkOrder(const WorkOrderDocument &doc)
{
    if (!fontsReady())
        return {};
    const QList<PdfPage> pages = WorkOrderPdfLayout::layout(doc);
    PdfMetadata metadata;
    metadata.title = WorkOrderPdfLayout::title(doc);
    metadata.author = doc.lab.name;
    metadata.creator = doc.lab.name;
    return PdfDocumentWriter::write(pages, metadata);
}

QByteArray PdfRenderer::renderTable(const ReportTable &table)
{
    if (!fontsReady())
        return {};
    const QList<PdfPage> pages = TableReportPdfLayout::layout(table);
    PdfMetadata metadata;
    metadata.title = table.title;
    metadata.author = tr("Residesk");
    metadata.creator = tr("Residesk");
    return PdfDocumentWriter::write(pages, metadata);
}

QFuture<QByteArray> PdfRenderer::renderReportAsync(QThreadPool &pool, ReportDocument doc)
{
    return QtConcurrent::run(&pool, [doc = std::move(doc)] { return renderReport(doc); });
}

QFuture<QByteArray> PdfRenderer::renderWorkOrderAsync(QThreadPool &pool, WorkOrderDocument doc)
{
    return QtConcurrent::run(&pool, [doc = std::move(doc)] { return renderWorkOrder(doc); });
}
