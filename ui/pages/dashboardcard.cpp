#include "ui/pages/dashboardcard.h"
#include "ui/widgets/theme.h"

#include <QLabel>
#include <QVBoxLayout>

DashboardCard::DashboardCard(const QString &key, const QString &caption, QWidget *parent)
    : QFrame(parent)
    , m_key(key)
{
    setObjectName(key + QStringLiteral("Card"));
    setProperty("dashboardCard", true);
    setStyleSheet(
        QStringLiteral("QFrame[dashboardCard=\"true\"] { background: palette(base); border: 1px solid "
                       "palette(mid); border-radius: 6px; }"));
    auto *title = new QLabel(caption, this);
    title->setStyleSheet(QStringLiteral("color: palette(placeholder-text); border: none;"));
    m_status = new QLabel(this);
    m_status->setObjectName(key + QStringLiteral("Status"));
    m_status->setWordWrap(true);
    m_status->setStyleSheet(QStringLiteral("border: none;"));
    m_body = new QVBoxLayout;
    m_body->setContentsMargins(0, 0, 0, 0);
    m_body->setSpacing(4);
    auto *box = new QVBoxLayout(this);
    box->setContentsMargins(14, 10, 14, 10);
    box->setSpacing(6);
    box->addWidget(title);
    box->addLayout(m_body, 1);
    box->addWidget(m_status);
}

void DashboardCard::setLoading()
{
    // A card that shows figures keeps them while it reloads; only an empty one says so.
    if (m_state == State::Empty || m_state == State::Failed) {
        m_status->setStyleSheet(QStringLiteral("color: palette(placeholder-text); border: none;"));
        m_status->setText(tr("Loading…"));
        m_status->show();
    }
    if (m_state != State::Filled)
        m_state = State::Loading;
}

void DashboardCard::setFilled()
{
    m_state = State::Filled;
    m_status->clear();
    m_status->hide();
}

void DashboardCard::setFailed(const QString &message)
{
    m_state = State::Failed;
    m_status->setStyleSheet(Theme::errorStyle(palette()) + QStringLiteral(" border: none;"));
    m_status->setText(tr("Could not be loaded: %1").arg(message));
    m_status->show();
}

QString DashboardCard::statusText() const
{
    return m_status->text();
}
