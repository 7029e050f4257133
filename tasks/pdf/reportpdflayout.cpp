#include "tasks/pdf/reportpdflayout_p.h"

#include "tasks/pdf/pdfpageflow_p.h"
#include "tasks/pdf/reportdocument.h"

#include <QLocale>

#include <algorithm>
#include <array>

using namespace Qt::StringLiterals;

namespace {

constexpr QRgb kHeaderBand = 0xffe3e9f1;
constexpr QRgb kRuleGrey = 0xffb0b0b0;
constexpr QRgb kTintLow = 0xffe4eefa;
constexpr QRgb kTintHigh = 0xfffbe3e6;
constexpr QRgb kTintAbnormal = 0xfffbf0dc;
constexpr qreal kCellPad = 4;

struct Column
{
    qreal x; // from PdfPageFlow::Left
    qreal width;
};
// Analyte, value, unit, reference range, flag: 511 pt in all.
constexpr std::array<Column, 5> kColumns{{{0, 180}, {180, 86}, {266, 74}, {340, 128}, {468, 43}}};

PdfStyle flagStyle(ResultFlag flag)
{
    switch (flag) {
    case ResultFlag::Low:
        return PdfStyle::FlagLow;
    case ResultFlag::High:
        return PdfStyle::FlagHigh;
    case ResultFlag::Abnormal:
        return PdfStyle::FlagAbnormal;
    case ResultFlag::None:
        break;
    }
    return PdfStyle::Body;
}

QRgb flagTint(ResultFlag flag)
{
    switch (flag) {
    case ResultFlag::Low:
        return kTintLow;
    case ResultFlag::High:
        return kTintHigh;
    case ResultFlag::Abnormal:
        return kTintAbnormal;
    case ResultFlag::None:
        break;
    }
    return 0;
}

QString dateTimeText(const QDateTime &when)
{
    // A fixed, unambiguous form: reports are compared and archived as text.
    return when.isValid() ? when.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s) : QString();
}

class ReportBuilder
{
public:
    ReportBuilder(const ReportDocument &doc, PdfPageFlow &flow)
        : m_doc(doc)
        , m_flow(flow)
    {}

    void build();

private:
    void titleBlock();
    void details();
    void findings();
    void table();
    void tableHeader();
    void legend();
    void signature();
    void heading(const QString &text);

    const ReportDocument &m_doc;
    PdfPageFlow &m_flow;
    std::array<QString, 5> m_headers;
};

void ReportBuilder::build()
{
    titleBlock();
    details();
    findings();
    table();
    legend();
    if (!m_doc.draft)
        signature();
}

void ReportBuilder::heading(const QString &text)
{
    m_flow.advance(6);
    m_flow.addText(PdfPageFlow::Left, m_flow.baselineIn(m_flow.y(), 16, PdfStyle::Heading), PdfStyle::Heading,
                   text);
    m_flow.advance(18);
}

void ReportBuilder::titleBlock()
{
    const qreal left = PdfPageFlow::Left;
    m_flow.addText(left, m_flow.y() + 18, PdfStyle::Title, ReportPdfLayout::tr("Laboratory report"));
    m_flow.advance(26);
    if (m_doc.revision > 1) {
        m_flow.addText(left, m_flow.y() + 10, PdfStyle::Notice,
                       ReportPdfLayout::tr("Amended report (revision %1, supersedes revision %2)")
                           .arg(m_doc.revision)
                           .arg(m_doc.revision - 1));
        m_flow.advance(15);
    }
    if (m_doc.draft) {
        m_flow.addText(left, m_flow.y() + 10, PdfStyle::Notice,
                       ReportPdfLayout::tr("DRAFT: not signed, not valid as a report"));
        m_flow.advance(15);
    }
    m_flow.advance(4);
}

void ReportBuilder::details()
{
    // Two columns of "label value" lines; values are cut to their column.
    const QString client = m_doc.clientKind.isEmpty()
                               ? m_doc.clientName
                               : ReportPdfLayout::tr("%1 (%2)").arg(m_doc.clientName, m_doc.clientKind);
    const QString received =
        m_doc.receivedDate.isValid() ? m_doc.receivedDate.toString(u"yyyy-MM-dd"_s) : QString();
    const std::array<std::pair<QString, QString>, 4> leftColumn{{
        {ReportPdfLayout::tr("Protocol"), m_doc.protocolNumber},
        {ReportPdfLayout::tr("Client"), client},
        {ReportPdfLayout::tr("Species"), m_doc.species},
        {ReportPdfLayout::tr("Animal"), m_doc.animalId},
    }};
    const std::array<std::pair<QString, QString>, 4> rightColumn{{
        {ReportPdfLayout::tr("Received"), received},
        {ReportPdfLayout::tr("Revision"), QString::number(m_doc.revision)},
        {ReportPdfLayout::tr("Status"),
         m_doc.draft ? ReportPdfLayout::tr("Draft") : ReportPdfLayout::tr("Finalized")},
        {QString(), QString()},
    }};
    constexpr qreal labelWidth = 62;
    constexpr qreal half = PdfPageFlow::ContentWidth / 2;
    constexpr qreal lineHeight = 13;
    for (size_t i = 0; i < leftColumn.size(); ++i) {
        const qreal baseline = m_flow.baselineIn(m_flow.y(), lineHeight, PdfStyle::Body);
        const auto put = [&](qreal x, const std::pair<QString, QString> &item) {
            if (item.first.isEmpty())
                return;
            m_flow.addText(x, baseline, PdfStyle::Label, item.first);
            m_flow.addText(
                x + labelWidth, baseline, PdfStyle::Body,
                m_flow.elide(PdfPageFlow::singleLine(item.second), PdfStyle::Body, half - labelWidth - 8));
        };
        put(PdfPageFlow::Left, leftColumn[i]);
        put(PdfPageFlow::Left + half, rightColumn[i]);
        m_flow.advance(lineHeight);
    }
    // The sample description: full width, up to three lines.
    const QStringList sample = m_flow.wrap(PdfPageFlow::singleLine(m_doc.sampleDescription), PdfStyle::Body,
                                           PdfPageFlow::ContentWidth - labelWidth, 3);
    for (qsizetype i = 0; i < sample.size(); ++i) {
        const qreal baseline = m_flow.baselineIn(m_flow.y(), lineHeight, PdfStyle::Body);
        if (i == 0)
            m_flow.addText(PdfPageFlow::Left, baseline, PdfStyle::Label, ReportPdfLayout::tr("Sample"));
        m_flow.addText(PdfPageFlow::Left + labelWidth, baseline, PdfStyle::Body, sample.at(i));
        m_flow.advance(lineHeight);
    }
}

void ReportBuilder::findings()
{
    heading(ReportPdfLayout::tr("Findings"));
    if (m_doc.findings.trimmed().isEmpty()) {
        m_flow.addText(PdfPageFlow::Left, m_flow.baselineIn(m_flow.y(), 13, PdfStyle::Paragraph),
                       PdfStyle::Label, ReportPdfLayout::tr("No findings recorded."));
        m_flow.advance(13);
        return;
    }
    m_flow.addParagraphs(m_doc.findings, PdfStyle::Paragraph, 13, 5);
}

void ReportBuilder::tableHeader()
{
    const qreal top = m_flow.y();
    m_flow.addFill(
        QRectF(PdfPageFlow::Left, top, PdfPageFlow::ContentWidth, ReportPdfLayout::TableHeaderHeight),
        kHeaderBand);
    const qreal baseline = m_flow.baselineIn(top, ReportPdfLayout::TableHeaderHeight, PdfStyle::TableHeader);
    for (size_t c = 0; c < kColumns.size(); ++c)
        m_flow.addText(PdfPageFlow::Left + kColumns[c].x + kCellPad, baseline, PdfStyle::TableHeader,
                       m_headers[c]);
    m_flow.advance(ReportPdfLayout::TableHeaderHeight);
}

void ReportBuilder::table()
{
    m_headers = {ReportPdfLayout::tr("Analyte"), ReportPdfLayout::tr("Value"), ReportPdfLayout::tr("Unit"),
                 ReportPdfLayout::tr("Reference range"), ReportPdfLayout::tr("Flag")};
    // The heading stays with the table header and the first row.
    const qreal oneRow = ReportPdfLayout::RowLineHeight + ReportPdfLayout::RowPadding;
    if (!m_flow.fits(24 + ReportPdfLayout::TableHeaderHeight + oneRow))
        m_flow.newPage();
    heading(ReportPdfLayout::tr("Results"));
    if (m_doc.results.isEmpty()) {
        m_flow.addText(PdfPageFlow::Left, m_flow.baselineIn(m_flow.y(), 13, PdfStyle::Paragraph),
                       PdfStyle::Label, ReportPdfLayout::tr("No results."));
        m_flow.advance(13);
        return;
    }
    tableHeader();

    std::array<QStringList, 5> cells;
    const qreal baselineOffset = m_flow.baselineIn(0, ReportPdfLayout::RowLineHeight, PdfStyle::Body);
    for (const ResultRow &row : m_doc.results) {
        const std::array<const QString *, 5> texts{&row.analyte, &row.value, &row.unit, &row.referenceRange,
                                                   nullptr};
        int lines = 1;
        for (size_t c = 0; c < 4; ++c) {
            const QString &text = *texts[c];
            // Cell text is usually one short line: measure once and skip the wrapper.
            const bool clean =
                std::none_of(text.cbegin(), text.cend(), [](QChar ch) { return ch.unicode() < 0x20; });
            const QString line = clean ? text : PdfPageFlow::singleLine(text);
            cells[c] = m_flow.wrap(line, PdfStyle::Body, kColumns[c].width - 2 * kCellPad,
                                   ReportPdfLayout::MaxCellLines);
            lines = qMax(lines, int(cells[c].size()));
        }
        const char flagLetter = char(row.flag);
        cells[4] = flagLetter ? QStringList{QString(QLatin1Char(flagLetter))} : QStringList{};

        const qreal height = lines * ReportPdfLayout::RowLineHeight + ReportPdfLayout::RowPadding;
        if (!m_flow.fits(height)) {
            m_flow.addRule(PdfPageFlow::Left, m_flow.y(), PdfPageFlow::Right, m_flow.y(), kRuleGrey, 0.5);
            m_flow.newPage();
            tableHeader();
        }
        const qreal top = m_flow.y();
        const PdfStyle valueStyle = flagStyle(row.flag);
        if (row.flag != ResultFlag::None)
            m_flow.addFill(QRectF(PdfPageFlow::Left, top, PdfPageFlow::ContentWidth, height),
                           flagTint(row.flag));
        for (size_t c = 0; c < cells.size(); ++c) {
            // A flagged row's value and flag take the flag's colour.
            const PdfStyle style = (c == 1 || c == 4) ? valueStyle : PdfStyle::Body;
            for (qsizetype l = 0; l < cells[c].size(); ++l)
                m_flow.addText(PdfPageFlow::Left + kColumns[c].x + kCellPad,
                               top + ReportPdfLayout::RowPadding / 2 + l * ReportPdfLayout::RowLineHeight +
                                   baselineOffset,
                               style, cells[c].at(l));
        }
        m_flow.advance(height);
    }
    m_flow.addRule(PdfPageFlow::Left, m_flow.y(), PdfPageFlow::Right, m_flow.y(), kRuleGrey, 0.5);
}

void ReportBuilder::legend()
{
    if (!m_flow.fits(ReportPdfLayout::LegendHeight))
        m_flow.newPage();
    m_flow.addText(
        PdfPageFlow::Left, m_flow.baselineIn(m_flow.y(), ReportPdfLayout::LegendHeight, PdfStyle::Label),
        PdfStyle::Label, ReportPdfLayout::tr("Flags: L below and H above the reference range, A abnormal."));
    m_flow.advance(ReportPdfLayout::LegendHeight);
}

void ReportBuilder::signature()
{
    if (!m_flow.fits(ReportPdfLayout::SignatureHeight))
        m_flow.newPage();
    const qreal top = m_flow.y() + 8;
    const qreal left = PdfPageFlow::Left;
    m_flow.addRule(left, top, left + 220, top, kRuleGrey, 0.5);
    m_flow.addText(left, top + 14, PdfStyle::Label, ReportPdfLayout::tr("Signed by"));
    m_flow.addText(
        left + 62, top + 14, PdfStyle::Body,
        m_flow.elide(PdfPageFlow::singleLine(m_doc.signer), PdfStyle::Body, PdfPageFlow::ContentWidth - 62));
    m_flow.addText(left, top + 28, PdfStyle::Label, ReportPdfLayout::tr("Signed on"));
    m_flow.addText(left + 62, top + 28, PdfStyle::Body, dateTimeText(m_doc.signedAt));
    m_flow.advance(ReportPdfLayout::SignatureHeight);
}

} // namespace

QString ReportPdfLayout::title(const ReportDocument &doc)
{
    return tr("Report %1 revision %2").arg(doc.protocolNumber).arg(doc.revision);
}

QList<PdfPage> ReportPdfLayout::layout(const ReportDocument &doc)
{
    PdfPageFlow flow;
    ReportBuilder(doc, flow).build();

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
    if (doc.draft)
        frame.watermark = tr("DRAFT");
    flow.decorate(frame);
    return flow.takePages();
}
