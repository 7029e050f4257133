#include "ui/mail/residentmailingdialog.h"

#include "models/db/dbexecutor.h"
#include "models/housing/resident.h"
#include "tasks/jobengine.h"
#include "tasks/mail/residentmailing.h"
#include "ui/allocations/buildingcombobox.h"
#include "ui/widgets/theme.h"
#include "ui/windowservices.h"

#include <QComboBox>
#include <QCoroFuture>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
constexpr int kPreviewCount = 3;

struct Preview
{
    Result<qint64> recipients;
    Result<QList<OutboxMessage>> messages;
};
} // namespace

struct ResidentMailingDialog::Request
{
    ResidentMailing::Options options;
};

ResidentMailingDialog::ResidentMailingDialog(const WindowServices &services, QWidget *parent)
    : QDialog(parent)
    , m_executor(services.executor)
    , m_engine(services.engine)
    , m_actor(services.actor)
    , m_subject(new QLineEdit(this))
    , m_body(new QPlainTextEdit(this))
    , m_status(new QComboBox(this))
    , m_building(new BuildingComboBox(services.executor, tr("Every building"), this))
    , m_hint(new QLabel(this))
    , m_error(new QLabel(this))
    , m_preview(new QTextBrowser(this))
    , m_previewButton(new QPushButton(tr("&Preview"), this))
    , m_queueButton(new QPushButton(tr("&Queue e-mails"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(u"residentMailingDialog"_s);
    setWindowTitle(tr("E-mail residents"));
    m_subject->setObjectName(u"mailingSubject"_s);
    m_body->setObjectName(u"mailingBody"_s);
    m_status->setObjectName(u"mailingStatus"_s);
    m_building->setObjectName(u"mailingBuilding"_s);
    m_error->setObjectName(u"mailingError"_s);
    m_preview->setObjectName(u"mailingPreview"_s);
    m_previewButton->setObjectName(u"mailingPreviewButton"_s);
    m_queueButton->setObjectName(u"mailingQueueButton"_s);

    m_status->addItem(tr("Every resident"), QString());
    for (Resident::Status s :
         {Resident::Status::Active, Resident::Status::Inactive, Resident::Status::Graduated})
        m_status->addItem(Resident::statusLabel(s), Resident::statusCode(s));
    m_status->setCurrentIndex(1); // active residents, the usual audience
    m_building->setToolTip(tr("Only residents holding a bed in this building today"));
    m_building->reload();
    QStringList names;
    for (const QString &p : ResidentMailing::placeholders())
        names << u'{' + p + u'}';
    m_hint->setText(tr("Placeholders: %1").arg(names.join(u"  "_s)));
    m_hint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(Theme::errorStyle(palette()));
    m_error->hide();
    m_preview->setMinimumHeight(160);
    m_queueButton->setEnabled(false); // after a preview of the current text

    auto *form = new QFormLayout;
    form->addRow(tr("&Residents:"), m_status);
    form->addRow(tr("&Building:"), m_building);
    form->addRow(tr("&Subject:"), m_subject);
    form->addRow(tr("&Text:"), m_body);
    form->addRow(QString(), m_hint);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    auto *previewCaption = new QLabel(tr("Preview:"), this);
    layout->addWidget(previewCaption);
    layout->addWidget(m_preview, 1);
    m_buttons->addButton(m_previewButton, QDialogButtonBox::ActionRole);
    m_buttons->addButton(m_queueButton, QDialogButtonBox::AcceptRole);
    layout->addWidget(m_buttons);
    resize(640, 560);

    connect(m_previewButton, &QPushButton::clicked, this, &ResidentMailingDialog::preview);
    connect(m_queueButton, &QPushButton::clicked, this, &ResidentMailingDialog::queue);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const auto changed = [this] {
        m_queueButton->setEnabled(false);
    };
    connect(m_subject, &QLineEdit::textChanged, this, changed);
    connect(m_body, &QPlainTextEdit::textChanged, this, changed);
    connect(m_status, &QComboBox::currentIndexChanged, this, changed);
    connect(m_building, &QComboBox::currentIndexChanged, this, changed);
}

ResidentMailingDialog::~ResidentMailingDialog() = default;

void ResidentMailingDialog::setTemplate(const QString &subject, const QString &body)
{
    m_subject->setText(subject);
    m_body->setPlainText(body);
}

void ResidentMailingDialog::setStatusFilter(const QString &statusCode)
{
    m_status->setCurrentIndex(qMax(0, m_status->findData(statusCode)));
}

QString ResidentMailingDialog::previewText() const
{
    return m_preview->toPlainText();
}

QString ResidentMailingDialog::errorText() const
{
    return m_error->isVisible() || !m_error->text().isEmpty() ? m_error->text() : QString();
}

ResidentMailingDialog::Request ResidentMailingDialog::request() const
{
    Request r;
    r.options.subject = m_subject->text();
    r.options.body = m_body->toPlainText();
    r.options.status = m_status->currentData().toString();
    r.options.buildingCode = m_building->buildingCode();
    return r;
}

bool ResidentMailingDialog::checkTemplate()
{
    const QList<FieldError> errors = ResidentMailing(request().options).validate();
    QStringList lines;
    for (const FieldError &e : errors)
        lines << e.message;
    m_error->setText(lines.join(u'\n'));
    m_error->setVisible(!lines.isEmpty());
    return lines.isEmpty();
}

void ResidentMailingDialog::preview()
{
    previewAsync();
}

void ResidentMailingDialog::queue()
{
    queueAsync();
}

QCoro::Task<> ResidentMailingDialog::previewAsync()
{
    QPointer<ResidentMailingDialog> self(this);
    if (!checkTemplate()) {
        m_preview->clear();
        co_return;
    }
    const ResidentMailing::Options options = request().options;
    auto future = m_executor.read([options](Database &db) {
        const ResidentMailing mailing(options);
        return Preview{mailing.countRecipients(db), mailing.preview(db, kPreviewCount)};
    });
    const Preview p = co_await future;
    if (!self)
        co_return;
    if (!p.recipients || !p.messages) {
        m_error->setText(tr("The preview failed: %1")
                             .arg((!p.recipients ? p.recipients.error() : p.messages.error()).text()));
        m_error->show();
        co_return;
    }
    QString html =
        u"<p><b>"_s +
        tr("%n resident(s) will get this e-mail.", nullptr, int(p.recipients.value())).toHtmlEscaped() +
        u"</b></p>"_s;
    for (const OutboxMessage &m : p.messages.value()) {
        html += u"<hr><p><b>%1</b> &lt;%2&gt;<br><b>%3</b></p><pre>%4</pre>"_s.arg(
            m.toName.toHtmlEscaped(), m.toAddress.toHtmlEscaped(), m.subject.toHtmlEscaped(),
            m.bodyText.toHtmlEscaped());
    }
    m_preview->setHtml(html);
    m_queueButton->setEnabled(p.recipients.value() > 0);
    m_queueButton->setText(tr("&Queue %n e-mail(s)", nullptr, int(p.recipients.value())));
    Q_EMIT previewed(p.recipients.value());
}

QCoro::Task<> ResidentMailingDialog::queueAsync()
{
    QPointer<ResidentMailingDialog> self(this);
    if (!checkTemplate())
        co_return;
    const ResidentMailing::Options options = request().options;
    m_queueButton->setEnabled(false);
    auto future = m_executor.write(
        [options, actor = m_actor](Database &db) { return ResidentMailing(options).enqueue(db, actor); });
    const Result<ResidentMailing::Summary> summary = co_await future;
    if (!self)
        co_return;
    if (!summary) {
        m_error->setText(tr("The e-mails could not be queued: %1").arg(summary.error().text()));
        m_error->show();
        m_queueButton->setEnabled(true);
        Q_EMIT queued(0, 0, summary.error().text());
        co_return;
    }
    if (m_engine)
        m_engine->wake();
    // Two counts, two plurals: the sentence about earlier runs is a message of its own.
    m_preview->setHtml(u"<p><b>%1</b></p>"_s.arg(
        tr("%n e-mail(s) queued; %1 The Outbox shows each one's state.", nullptr, summary->queued)
            .arg(tr("%n were already queued by an earlier run of this mailing.", nullptr, summary->existing))
            .toHtmlEscaped()));
    Q_EMIT queued(summary->queued, summary->existing, QString());
}
