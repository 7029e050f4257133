#include "tasks/pdf/workorderpdflayout_p.h"

#include "tasks/pdf/pdfpageflow_p.h"
#include "tasks/pdf/workorderdocument.h"

#include <array>

using namespace Qt::StringLiterals;

namespace {

constexpr QRgb kHeaderBand = 0xffe3e9f1;
constexpr QRgb kRuleGrey = 0xffb0b0b0;
constexpr qreal kCellPad = 4;

struct Column
{
    qreal x; // from PdfPageFlow::Left
    qreal width;
};
// Code, analysis, sample: 511 pt in all.
constexpr std::array<Column, 3> kColumns{{{0, 80}, {80, 281}, {361, 150}}};

QString dateTimeText(const QDateTime &when)
{
    return when.isValid() ? when.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

class WorkOrderBuilder
{
public:
    WorkOrderBuilder(const WorkOrderDocument &doc, PdfPageFlow &flow)
        : m_doc(doc)
        , m_flow(flow)
    {}

    void build()
    {
        titleAndDetails();
        table();
        notes();
    }

private:
    void heading(const QString &text)
    {
        m_flow.advance(6);
        m_flow.addText(PdfPageFlow::Left, m_flow.baselineIn(m_flow.y(), 16, PdfStyle::Heading),
                       PdfStyle::Heading, text);
        m_flow.advance(18);
    }

    void titleAndDetails();
    void tableHeader();
    void table();
    void notes();

    const WorkOrderDocument &m_doc;
    PdfPageFlow &m_flow;
    std::array<QString, 3> m_headers;
};

void WorkOrderBuilder::titleAndDetails()
{
    m_flow.addText(PdfPageFlow::Left, m_flow.y() + 18, PdfStyle::Title, WorkOrderPdfLayout::tr("Work order"));
    m_flow.advance(30);
    const QString client = m_doc.clientKind.isEmpty()
                               ? m_doc.clientName
                               : WorkOrderPdfLayout::tr("%1 (%2)").arg(m_doc.clientName, m_doc.clientKind);
    const QString vet =
        m_doc.assignedVet.isEmpty() ? WorkOrderPdfLayout::tr("not assigned") : m_doc.assignedVet;
    const std::array<std::pair<QString, QString>, 4> leftColumn{{
        {WorkOrderPdfLayout::tr("Protocol"), m_doc.protocolNumber},
        {WorkOrderPdfLayout::tr("Client"), client},
        {WorkOrderPdfLayout::tr("Species"), m_doc.species},
        {WorkOrderPdfLayout::tr("Animal"), m_doc.animalId},
    }};
    const std::array<std::pair<QString, QString>, 4> rightColumn{{
        {WorkOrderPdfLayout::tr("Assigned vet"), vet},
        {WorkOrderPdfLayout::tr("Created"), dateTimeText(m_doc.createdAt)},
        {WorkOrderPdfLayout::tr("Updated"), dateTimeText(m_doc.updatedAt)},
        {WorkOrderPdfLayout::tr("Version"), QString::number(m_doc.contentVersion)},
    }};
    constexpr qreal labelWidth = 70;
    constexpr qreal half = PdfPageFlow::ContentWidth / 2;
    constexpr qreal lineHeight = 13;
    for (size_t i = 0; i < leftColumn.size(); ++i) {
        const qreal baseline = m_flow.baselineIn(m_flow.y(), lineHeight, PdfStyle::Body);
        const auto put = [&](qreal x, const std::pair<QString, QString> &item) {
            m_flow.addText(x, baseline, PdfStyle::Label, item.first);
            m_flow.addText(
                x + labelWidth, baseline, PdfStyle::Body,
                m_flow.elide(PdfPageFlow::singleLine(item.second), PdfStyle::Body, half - labelWidth - 8));
        };
        put(PdfPageFlow::Left, leftColumn[i]);
        put(PdfPageFlow::Left + half, rightColumn[i]);
        m_flow.advance(lineHeight);
    }
}

void WorkOrderBuilder::tableHeader()
{
    const qreal top = m_flow.y();
    m_flow.addFill(
        QRectF(PdfPageFlow::Left, top, PdfPageFlow::ContentWidth, WorkOrderPdfLayout::TableHeaderHeight),
        kHeaderBand);
    const qreal baseline =
        m_flow.baselineIn(top, WorkOrderPdfLayout::TableHeaderHeight, PdfStyle::TableHeader);
    for (size_t c = 0; c < kColumns.size(); ++c)
        m_flow.addText(PdfPageFlow::Left + kColumns[c].x + kCellPad, baseline, PdfStyle::TableHeader,
                       m_headers[c]);
    m_flow.advance(WorkOrderPdfLayout::TableHeaderHeight);
}

void WorkOrderBuilder::table()
{
    m_headers = {WorkOrderPdfLayout::tr("Code"), WorkOrderPdfLayout::tr("Analysis"),
                 WorkOrderPdfLayout::tr("Sample")};
    const qreal oneRow = WorkOrderPdfLayout::RowLineHeight + WorkOrderPdfLayout::RowPadding;
    if (!m_flow.fits(24 + WorkOrderPdfLayout::TableHeaderHeight + oneRow))
        m_flow.newPage();
    heading(WorkOrderPdfLayout::tr("Requested analyses"));
    if (m_doc.analyses.isEmpty()) {
        m_flow.addText(PdfPageFlow::Left, m_flow.baselineIn(m_flow.y(), 13, PdfStyle::Paragraph),
                       PdfStyle::Label, WorkOrderPdfLayout::tr("No analyses requested."));
        m_flow.advance(13);
        return;
    }
    tableHeader();
    const qreal baselineOffset = m_flow.baselineIn(0, WorkOrderPdfLayout::RowLineHeight, PdfStyle::Body);
    std::array<QStringList, 3> cells;
    for (const AnalysisRow &row : m_doc.analyses) {
        const std::array<const QString *, 3> texts{&row.code, &row.name, &row.sample};
        int lines = 1;
        for (size_t c = 0; c < cells.size(); ++c) {
            cells[c] = m_flow.wrap(PdfPageFlow::singleLine(*texts[c]), PdfStyle::Body,
                                   kColumns[c].width - 2 * kCellPad, WorkOrderPdfLayout::MaxCellLines);
            lines = qMax(lines, int(cells[c].size()));
        }
        const qreal height = lines * WorkOrderPdfLayout::RowLineHeight + WorkOrderPdfLayout::RowPadding;
        if (!m_flow.fits(height)) {
            m_flow.addRule(PdfPageFlow::Left, m_flow.y(), PdfPageFlow::Right, m_flow.y(), kRuleGrey, 0.5);
            m_flow.newPage();
            tableHeader();
        }
        const qreal top = m_flow.y();
        for (size_t c = 0; c < cells.size(); ++c) {
            for (qsizetype l = 0; l < cells[c].size(); ++l)
                m_flow.addText(PdfPageFlow::Left + kColumns[c].x + kCellPad,
                               top + WorkOrderPdfLayout::RowPadding / 2 +
                                   l * WorkOrderPdfLayout::RowLineHeight + baselineOffset,
                               PdfStyle::Body, cells[c].at(l));
        }
        m_flow.advance(height);
    }
    m_flow.addRule(PdfPageFlow::Left, m_flow.y(), PdfPageFlow::Right, m_flow.y(), kRuleGrey, 0.5);
}

void WorkOrderBuilder::notes()
{
    if (m_doc.notes.trimmed().isEmpty())
        return;
    if (!m_flow.fits(24 + 13))
        m_flow.newPage();
    heading(WorkOrderPdfLayout::tr("Notes"));
    m_flow.addParagraphs(m_doc.notes, PdfStyle::Paragraph, 13, 5);
}

} // namespace

QString WorkOrderPdfLayout::title(const WorkOrderDocument &doc)
{
    return tr("Work order %1 version %2").arg(doc.protocolNumber).arg(doc.contentVersion);
}

QList<PdfPage> WorkOrderPdfLayout::layout(const WorkOrderDocument &doc)
{
    PdfPageFlow flow;
    WorkOrderBuilder(doc, flow).build();

    PdfPageFrame frame;
    frame.labName = doc.lab.name;
    QStringList contact;
    if (!doc.lab.address.isEmpty())
        contact.append(doc.lab.address);
    if (!doc.lab.phone.isEmpty())
        contact.append(doc.lab.phone);
    frame.labContact = contact.join(u" \u00b7 "_s);
    QString animal = doc.species;
    if (!doc.animalId.isEmpty())
        animal = animal.isEmpty() ? doc.animalId : tr("%1 / %2").arg(doc.species, doc.animalId);
    frame.protocolLine =
        tr("Protocol %1 \u00b7 Client %2 \u00b7 %3").arg(doc.protocolNumber, doc.clientName, animal);
    frame.footerLeft = tr("Protocol %1").arg(doc.protocolNumber);
    flow.decorate(frame);
    return flow.takePages();
}
