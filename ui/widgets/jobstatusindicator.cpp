#include "ui/widgets/jobstatusindicator.h"

#include "tasks/itemmodels/jobstablemodel.h"
#include "ui/windowservices.h"

#include <QHBoxLayout>
#include <QMouseEvent>
#include <QProgressBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

JobStatusIndicator::JobStatusIndicator(const WindowServices &services, QWidget *parent)
    : QWidget(parent)
    , m_model(new JobsTableModel(services.executor, services.tasks, this))
    , m_button(new QToolButton(this))
    , m_bar(new QProgressBar(this))
{
    setObjectName(u"jobStatusIndicator"_s);
    m_model->setObjectName(u"runningJobsModel"_s);
    m_model->setStateFilter(JobState::Running);
    m_model->setEventBus(&services.events);
    connect(m_model, &JobsTableModel::summaryChanged, this, &JobStatusIndicator::refresh);

    m_button->setObjectName(u"jobStatusButton"_s);
    m_button->setAutoRaise(true);
    m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_button->setToolTip(tr("Show the jobs (Ctrl+J)"));
    connect(m_button, &QToolButton::clicked, this, &JobStatusIndicator::clicked);

    m_bar->setObjectName(u"jobStatusProgress"_s);
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(false);
    m_bar->setFixedSize(120, m_button->fontMetrics().height());
    m_bar->setAccessibleName(tr("Progress of the running jobs"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 0, 4, 0);
    layout->setSpacing(6);
    layout->addWidget(m_button);
    layout->addWidget(m_bar);
    setCursor(Qt::PointingHandCursor);

    // Fixed sizes, so that a new count or showing and hiding never asks the main
    // window for a new layout (a relayout of the whole window on every job start
    // and end would stall it): room for the longest text is kept.
    m_button->setText(tr("%n jobs running", nullptr, 999));
    m_button->setFixedSize(m_button->sizeHint());
    setFixedSize(sizeHint());
    refresh();
}

void JobStatusIndicator::start()
{
    m_model->start();
}

void JobStatusIndicator::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_button->isVisible() && rect().contains(event->position().toPoint()))
        Q_EMIT clicked();
    QWidget::mouseReleaseEvent(event);
}

void JobStatusIndicator::refresh()
{
    const int running = m_model->runningCount();
    // The parts hide, not the indicator: its place in the status bar stays.
    m_button->setVisible(running > 0);
    m_bar->setVisible(running > 0);
    if (running == 0)
        return;
    // Numerus form for the translations; the English source reads right untranslated.
    const QString text = running == 1 ? tr("1 job running") : tr("%n jobs running", nullptr, running);
    m_button->setText(text);
    const double progress = m_model->overallProgress();
    if (progress < 0) {
        m_bar->setRange(0, 0);   // busy: no running job says how far it is
        m_bar->setAccessibleDescription(text);
    } else {
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(progress * 1000));
        m_bar->setAccessibleDescription(tr("%1, %2 % done").arg(text).arg(int(progress * 100)));
    }
    m_button->setAccessibleName(text);
}
