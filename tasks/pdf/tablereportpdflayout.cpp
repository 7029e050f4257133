#include "tasks/pdf/tablereportpdflayout_p.h"

#include "models/reports/reporttable.h"
#include "tasks/pdf/pdfpageflow_p.h"

#include <QDate>

using namespace Qt::StringLiterals;

namespace {

constexpr QRgb kHeaderBand = 0xffe3e9f1;
constexpr QRgb kTotalsBand = 0xffeef1f5;
constexpr QRgb kRuleGrey = 0xffb0b0b0;
constexpr qreal kCellPad = 4;

struct Column
{
    qreal x = 0;
    qreal width = 0;
    bool numeric = false;
};

QList<Column> sizeColumns(const ReportTable &t, const PdfPageFlow &flow)
{
    const qsizetype n = t.columns.size();
    QList<Column> columns(n);
    for (qsizetype c = 0; c < n; ++c) {
        columns[c].numeric = c < t.numeric.size() && t.numeric.at(c);
        qreal w = flow.width(PdfPageFlow::singleLine(t.columns.at(c)), PdfStyle::TableHeader);
        const auto widen = [&](const QStringList &row) {
            if (c < row.size())
                w = std::max(w, flow.width(PdfPageFlow::singleLine(row.at(c)), PdfStyle::Body));
        };
        for (const QStringList &row : t.rows)
            widen(row);
        widen(t.totals);
        columns[c].width = w + 2 * kCellPad;
    }
    qreal total = 0;
    qreal text = 0;
    for (const Column &c : columns) {
        total += c.width;
        if (!c.numeric)
            text += c.width;
    }
    const qreal room = PdfPageFlow::ContentWidth;
    if (total > room && text > 0) {
        // Text columns give up what the numbers need, in proportion, never below 40 pt.
        const qreal textRoom = std::max(room - (total - text), 40.0 * qreal(n));
        for (Column &c : columns)
            if (!c.numeric)
                c.width = std::max(40.0, c.width * textRoom / text);
    } else if (total < room && text > 0) {
        for (Column &c : columns)
            if (!c.numeric)
                c.width += (room - total) * c.width / text;
    }
    qreal x = 0;
    for (Column &c : columns) {
        c.x = x;
        x += c.width;
    }
    return columns;
}

class TableBuilder
{
public:
    TableBuilder(const ReportTable &t, PdfPageFlow &flow)
        : m_t(t)
        , m_flow(flow)
        , m_columns(sizeColumns(t, flow))
    {}

    void build()
    {
        m_flow.addText(PdfPageFlow::Left, m_flow.y() + 18, PdfStyle::Title,
                       m_flow.elide(PdfPageFlow::singleLine(m_t.title), PdfStyle::Title, PdfPageFlow::ContentWidth));
        m_flow.advance(30);
        for (const QString &line : m_t.details)
            m_flow.addParagraphs(line, PdfStyle::Label, 12, 0);
        m_flow.advance(10);
        if (m_t.rows.isEmpty()) {
            m_flow.addParagraphs(m_t.emptyText, PdfStyle::Paragraph, 13, 0);
            if (m_t.totals.isEmpty())
                return;
        }
        header();
        for (const QStringList &row : m_t.rows)
            line(row, false);
        if (!m_t.totals.isEmpty())
            line(m_t.totals, true);
        m_flow.addRule(PdfPageFlow::Left, m_flow.y(), PdfPageFlow::Right, m_flow.y(), kRuleGrey, 0.5);
    }

private:
    void cell(const Column &c, qreal baseline, PdfStyle style, const QString &text)
    {
        const QString shown = m_flow.elide(PdfPageFlow::singleLine(text), style, c.width - 2 * kCellPad);
        if (c.numeric)
            m_flow.addTextRight(PdfPageFlow::Left + c.x + c.width - kCellPad, baseline, style, shown);
        else
            m_flow.addText(PdfPageFlow::Left + c.x + kCellPad, baseline, style, shown);
    }

    void header()
    {
        if (!m_flow.fits(TableReportPdfLayout::HeaderHeight + TableReportPdfLayout::RowHeight))
            m_flow.newPage();
        const qreal top = m_flow.y();
        m_flow.addFill(QRectF(PdfPageFlow::Left, top, PdfPageFlow::ContentWidth, TableReportPdfLayout::HeaderHeight),
                       kHeaderBand);
        const qreal baseline = m_flow.baselineIn(top, TableReportPdfLayout::HeaderHeight, PdfStyle::TableHeader);
        for (qsizetype c = 0; c < m_columns.size(); ++c)
            cell(m_columns.at(c), baseline, PdfStyle::TableHeader, m_t.columns.at(c));
        m_flow.advance(TableReportPdfLayout::HeaderHeight);
    }

    void line(const QStringList &row, bool totals)
    {
        if (!m_flow.fits(TableReportPdfLayout::RowHeight)) {
            m_flow.addRule(PdfPageFlow::Left, m_flow.y(), PdfPageFlow::Right, m_flow.y(), kRuleGrey, 0.5);
            m_flow.newPage();
            header();
        }
        const qreal top = m_flow.y();
        if (totals)
            m_flow.addFill(QRectF(PdfPageFlow::Left, top, PdfPageFlow::ContentWidth, TableReportPdfLayout::RowHeight),
                           kTotalsBand);
        const qreal baseline = m_flow.baselineIn(top, TableReportPdfLayout::RowHeight, PdfStyle::Body);
        for (qsizetype c = 0; c < m_columns.size() && c < row.size(); ++c)
            cell(m_columns.at(c), baseline, totals ? PdfStyle::TableHeader : PdfStyle::Body, row.at(c));
        m_flow.advance(TableReportPdfLayout::RowHeight);
    }

    const ReportTable &m_t;
    PdfPageFlow &m_flow;
    QList<Column> m_columns;
};

} // namespace

QList<PdfPage> TableReportPdfLayout::layout(const ReportTable &table)
{
    PdfPageFlow flow;
    TableBuilder(table, flow).build();
    PdfPageFrame frame;
    frame.labName = tr("Residesk");
    frame.labContact = QDate::currentDate().toString(Qt::ISODate);
    frame.protocolLine = table.title;
    frame.footerLeft = table.title;
    flow.decorate(frame);
    return flow.takePages();
}
