#include "ui/widgets/connectionbanner.h"

#include "models/db/connectionmonitor.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTimer>

ConnectionBanner::ConnectionBanner(ConnectionMonitor &monitor, QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_retry(new QPushButton(tr("Retry now"), this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("connectionBanner"));
    m_text->setObjectName(QStringLiteral("connectionBannerText"));
    m_retry->setObjectName(QStringLiteral("retryNowButton"));
    setStyleSheet(QStringLiteral("QFrame#connectionBanner { background: #fdecea; border-bottom: 1px solid #f5c2c0; }"
                                 "QFrame#connectionBanner QLabel { color: #8c1d18; }"));
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);

    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &ConnectionBanner::updateText);
    connect(m_retry, &QPushButton::clicked, this, [this, &monitor] {
        m_retryAtMs = -1;
        m_text->setText(tr("The database cannot be reached. Retrying now…"));
        monitor.probeNow();
    });
    connect(&monitor, &ConnectionMonitor::connectionLost, this, &ConnectionBanner::showLost);
    connect(&monitor, &ConnectionMonitor::retryScheduled, this, &ConnectionBanner::scheduleRetry);
    connect(&monitor, &ConnectionMonitor::connectionRestored, this, [this] {
        m_tick->stop();
        hide();
    });
    hide();
}

void ConnectionBanner::showLost(const QString &detail)
{
    m_detail = detail;
    m_retryAtMs = -1;
    updateText();
    show();
}

void ConnectionBanner::scheduleRetry(int delayMs, const QString &detail)
{
    m_detail = detail;
    m_retryAtMs = QDateTime::currentMSecsSinceEpoch() + delayMs;
    m_tick->start();
    updateText();
    show();
}

void ConnectionBanner::updateText()
{
    setToolTip(m_detail);
    if (m_retryAtMs < 0) {
        m_text->setText(tr("The database cannot be reached. Retrying…"));
        return;
    }
    const qint64 left = m_retryAtMs - QDateTime::currentMSecsSinceEpoch();
    const int seconds = int(qMax<qint64>(0, (left + 999) / 1000));
    if (seconds == 0) {
        m_tick->stop();
        m_text->setText(tr("The database cannot be reached. Retrying now…"));
    } else {
        m_text->setText(tr("The database cannot be reached. Retrying in %1 s…").arg(seconds));
    }
}
