#include "tasks/itemmodels/jobstablemodel.h"

#include "models/db/dbexecutor.h"
#include "models/db/events.h"
#include "tasks/jobstore.h"
#include "tasks/taskregistry.h"

#include <QCoroFuture>
#include <QDateTime>
#include <QLocale>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

constexpr int kTickMs = 1000;
constexpr int kSqlitePollMs = 5000;
// A fetched row that disagrees with a job event this recent keeps the event's state
// and is fetched once more: on SQLite an event is sent before its transaction
// commits, so a read right after it may still see the row as it was.
constexpr qint64 kEventTrustMs = 2000;
constexpr int kRefetchDelayMs = 300;
constexpr int kMaxRefetches = 5;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// The columns a change from `a` to `b` shows in.
QList<bool> changedColumns(const Job &a, const Job &b)
{
    QList<bool> changed(JobsTableModel::ColumnCount, false);
    changed[JobsTableModel::KindColumn] = a.kind != b.kind;
    changed[JobsTableModel::StartedByColumn] = a.createdBy != b.createdBy;
    changed[JobsTableModel::StateColumn] = a.state != b.state || a.cancelRequested != b.cancelRequested;
    changed[JobsTableModel::ProgressColumn] =
        a.progressDone != b.progressDone || a.progressTotal != b.progressTotal ||
        a.progressMessage != b.progressMessage || !(a.progressMsg == b.progressMsg);
    changed[JobsTableModel::ElapsedColumn] =
        a.state != b.state || a.startedAt != b.startedAt || a.finishedAt != b.finishedAt;
    changed[JobsTableModel::RemainingColumn] = changed[JobsTableModel::ElapsedColumn] ||
                                               a.progressDone != b.progressDone ||
                                               a.progressTotal != b.progressTotal;
    changed[JobsTableModel::AttemptsColumn] = a.attempts != b.attempts || a.maxAttempts != b.maxAttempts;
    changed[JobsTableModel::ErrorColumn] =
        a.state != b.state || a.error != b.error || !(a.errorMsg == b.errorMsg) || a.attempts != b.attempts;
    return changed;
}

bool sameJob(const Job &a, const Job &b)
{
    return a.id == b.id && a.kind == b.kind && a.state == b.state && a.progressDone == b.progressDone &&
           a.progressTotal == b.progressTotal && a.progressMessage == b.progressMessage &&
           a.progressMsg == b.progressMsg && a.errorMsg == b.errorMsg && a.attempts == b.attempts &&
           a.maxAttempts == b.maxAttempts && a.cancelRequested == b.cancelRequested && a.error == b.error &&
           a.result == b.result && a.createdBy == b.createdBy && a.startedAt == b.startedAt &&
           a.finishedAt == b.finishedAt && a.runAfter == b.runAfter && a.payload == b.payload;
}

} // namespace

JobsTableModel::JobsTableModel(DbExecutor &executor, const TaskRegistry &tasks, QObject *parent)
    : QAbstractTableModel(parent)
    , m_executor(executor)
    , m_tasks(tasks)
    , m_tick(new QTimer(this))
    , m_poll(new QTimer(this))
    , m_refetchTimer(new QTimer(this))
{
    m_tick->setInterval(kTickMs);
    connect(m_tick, &QTimer::timeout, this, &JobsTableModel::tick);
    m_poll->setInterval(kSqlitePollMs);
    connect(m_poll, &QTimer::timeout, this, &JobsTableModel::reload);
    m_refetchTimer->setSingleShot(true);
    m_refetchTimer->setInterval(kRefetchDelayMs);
    connect(m_refetchTimer, &QTimer::timeout, this, [this] {
        const QList<qint64> ids = m_refetch.keys();
        for (qint64 id : ids)
            fetchJob(id);
    });
}

JobsTableModel::~JobsTableModel() = default;

void JobsTableModel::setEventBus(EventBus *bus)
{
    if (m_bus)
        disconnect(m_bus, nullptr, this, nullptr);
    m_bus = bus;
    if (!bus)
        return;
    connect(bus, &EventBus::jobsChanged, this, &JobsTableModel::applyChanges);
    connect(bus, &EventBus::resynced, this, &JobsTableModel::reload);
}

void JobsTableModel::setStateFilter(std::optional<JobState> state)
{
    if (state == m_filter)
        return;
    m_filter = state;
    if (!m_started)
        return;
    // A different question: the rows of the old one go at once (not an event).
    ++m_generation;
    beginResetModel();
    m_jobs.clear();
    m_atEnd = false;
    endResetModel();
    m_loading = false;
    m_reloadAgain = false;
    reload();
}

void JobsTableModel::setPageSize(int rows)
{
    m_pageSize = qMax(1, rows);
}

void JobsTableModel::start()
{
    if (m_started)
        return;
    m_started = true;
    reload();
}

void JobsTableModel::reload()
{
    if (!m_started)
        return;
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    m_loading = true;
    m_reloadAgain = false;
    loadRange(m_generation, qMax(m_pageSize, int(m_jobs.size())));
}

void JobsTableModel::refreshJob(qint64 id)
{
    if (m_started && id > 0)
        fetchJob(id);
}

int JobsTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_jobs.size());
}

int JobsTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

qint64 JobsTableModel::elapsedMs(const Job &job, qint64 now)
{
    if (job.startedAt <= 0)
        return -1;
    switch (job.state) {
    case JobState::Running:
        return qMax<qint64>(0, now - job.startedAt);
    case JobState::Succeeded:
    case JobState::Failed:
    case JobState::Cancelled:
        return job.finishedAt > 0 ? qMax<qint64>(0, job.finishedAt - job.startedAt) : -1;
    case JobState::Queued:
        return -1;
    }
    return -1;
}

qint64 JobsTableModel::remainingMs(const Job &job, qint64 now)
{
    if (job.state != JobState::Running || job.progressDone <= 0 || job.progressTotal <= 0)
        return -1;
    const qint64 elapsed = elapsedMs(job, now);
    if (elapsed < 0)
        return -1;
    if (job.progressDone >= job.progressTotal)
        return 0;
    return qint64(double(elapsed) * double(job.progressTotal - job.progressDone) / double(job.progressDone));
}

QString JobsTableModel::progressText(const Job &job, const QLocale &locale)
{
    // The counts in the viewer's locale, the step in the viewer's language (when the task
    // stored it as a message).
    QString text;
    if (job.progressTotal > 0)
        text = tr("%1 of %2").arg(locale.toString(job.progressDone), locale.toString(job.progressTotal));
    const QString step = job.progressText();
    if (!step.isEmpty())
        text = text.isEmpty() ? step : tr("%1 — %2").arg(text, step);
    return text;
}

QString JobsTableModel::durationText(qint64 ms)
{
    if (ms < 0)
        return {};
    const qint64 s = (ms + 500) / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString JobsTableModel::creatorText(const QString &createdBy)
{
    // Recurring jobs are queued by the engine's scheduler (JobEngine), not by a person.
    if (createdBy == u"scheduler")
        return tr("the schedule");
    return createdBy;
}

QVariant JobsTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_jobs.size())
        return {};
    const Job &job = m_jobs.at(index.row());
    switch (role) {
    case IdRole:
        return job.id;
    case StateRole:
        return int(job.state);
    case ProgressDoneRole:
        return job.progressDone;
    case ProgressTotalRole:
        return job.progressTotal;
    case JobRole:
        return QVariant::fromValue(job);
    case SortRole:
        switch (index.column()) {
        case KindColumn:
            return m_tasks.title(job.kind);
        case StartedByColumn:
            return job.createdBy;
        case StateColumn:
            return int(job.state);
        case ProgressColumn:
            return job.progressTotal > 0 ? double(job.progressDone) / double(job.progressTotal) : -1.0;
        case ElapsedColumn:
            return elapsedMs(job, nowMs());
        case RemainingColumn:
            return remainingMs(job, nowMs());
        case AttemptsColumn:
            return job.attempts;
        case ErrorColumn:
            return data(index, Qt::DisplayRole);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == ElapsedColumn || index.column() == RemainingColumn ||
            index.column() == AttemptsColumn)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        break;
    default:
        return {};
    }

    switch (index.column()) {
    case KindColumn:
        if (role == Qt::ToolTipRole)
            return tr("Job %1 (%2)").arg(job.id).arg(job.kind);
        return m_tasks.title(job.kind);
    case StartedByColumn:
        return creatorText(job.createdBy);
    case StateColumn:
        if (job.state == JobState::Running && job.cancelRequested)
            return tr("Cancelling…");
        if (job.state == JobState::Queued && job.attempts > 0 && !job.error.isEmpty())
            return tr("Waiting to retry");
        return JobStates::label(job.state);
    case ProgressColumn:
        return progressText(job, QLocale());
    case ElapsedColumn:
        return durationText(elapsedMs(job, nowMs()));
    case RemainingColumn:
        return durationText(remainingMs(job, nowMs()));
    case AttemptsColumn:
        return tr("%1 of %2").arg(job.attempts).arg(job.maxAttempts);
    case ErrorColumn:
        // A cancel is an outcome the user asked for, never an error.
        if (job.state == JobState::Failed)
            return job.errorText();
        if (job.state == JobState::Queued && job.attempts > 0 && !job.error.isEmpty())
            return tr("Will retry: %1").arg(job.errorText());
        return {};
    default:
        return {};
    }
}

QVariant JobsTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KindColumn:
        return tr("Job");
    case StartedByColumn:
        return tr("Started by");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Progress");
    case ElapsedColumn:
        return tr("Elapsed");
    case RemainingColumn:
        return tr("Remaining");
    case AttemptsColumn:
        return tr("Attempts");
    case ErrorColumn:
        return tr("Error");
    default:
        return {};
    }
}

bool JobsTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_started && !m_loading && !m_atEnd && !m_failed && !m_jobs.isEmpty();
}

void JobsTableModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_loading = true;
    loadMore(m_generation, m_jobs.constLast().id);
}

Job JobsTableModel::jobAt(int row) const
{
    if (row < 0 || row >= m_jobs.size())
        return {};
    return m_jobs.at(row);
}

int JobsTableModel::rowOf(qint64 id) const
{
    for (int row = 0; row < m_jobs.size(); ++row) {
        if (m_jobs.at(row).id == id)
            return row;
    }
    return -1;
}

double JobsTableModel::overallProgress() const
{
    if (m_summary.total <= 0)
        return -1;
    return qBound(0.0, double(m_summary.done) / double(m_summary.total), 1.0);
}

bool JobsTableModel::inLoadedRange(qint64 id) const
{
    return m_atEnd || m_jobs.isEmpty() || id > m_jobs.constLast().id;
}

void JobsTableModel::applyChanges(const QList<JobChange> &changes)
{
    if (!m_started)
        return;
    bool rowsChanged = false;
    for (const JobChange &change : changes) {
        if (!change.details.isEmpty()) {
            // Sent alone: it may carry texts (in this process on SQLite).
            rowsChanged = applyEvent(change.details) || rowsChanged;
            continue;
        }
        const std::optional<JobState> state = JobStates::fromCode(change.state);
        if (change.id <= 0 || !state)
            continue;
        EventInfo info;
        info.state = *state;
        info.hasProgress = true;
        info.done = change.done;
        info.total = change.total;
        info.hasAttempts = true;
        info.attempts = change.attempts;
        info.hasCancel = true;
        info.cancel = change.cancel;
        info.at = change.at;
        rowsChanged = applyInfo(change.id, std::move(info)) || rowsChanged;
    }
    if (rowsChanged) {
        updateSummary();
        updateTimers();
    }
}

bool JobsTableModel::applyEvent(const QJsonObject &event)
{
    const qint64 id = event.value(u"id"_s).toInteger();
    const std::optional<JobState> state = JobStates::fromCode(event.value(u"state"_s).toString());
    if (id <= 0 || !state)
        return false;

    EventInfo info;
    info.state = *state;
    info.hasProgress = event.contains(u"done"_s);
    info.done = event.value(u"done"_s).toInteger();
    info.total = event.value(u"total"_s).toInteger();
    info.hasMessage = event.contains(u"message"_s);
    info.message = event.value(u"message"_s).toString();
    info.messageMsg =
        StoredText::fromJsonObject(event.value(u"message_msg"_s).toObject()).value_or(StoredText());
    info.hasAttempts = event.contains(u"attempts"_s);
    info.attempts = event.value(u"attempts"_s).toInt();
    info.hasCancel = event.contains(u"cancel"_s);
    info.cancel = event.value(u"cancel"_s).toBool();
    info.hasError = event.contains(u"error"_s);
    info.error = event.value(u"error"_s).toString();
    info.errorMsg = StoredText::fromJsonObject(event.value(u"error_msg"_s).toObject()).value_or(StoredText());
    info.at = event.value(u"at"_s).toInteger();
    info.by = event.value(u"by"_s).toString();
    return applyInfo(id, std::move(info));
}

bool JobsTableModel::applyInfo(qint64 id, EventInfo info)
{
    info.seq = ++m_eventSeq;
    info.received.start();
    const JobState state = info.state;
    m_lastEvents.insert(id, info);

    const int row = rowOf(id);
    if (row < 0) {
        // Not shown: a new job, or one entering the filter. Fetched whole.
        if (passesFilter(state) && inLoadedRange(id))
            fetchJob(id);
        return false;
    }
    if (!passesFilter(state)) {
        removeJobRow(row);
        return true;
    }
    Job job = m_jobs.at(row);
    const bool stateChanged = job.state != state;
    overlay(job, info);
    replaceRow(row, job);
    // The event carries neither the result nor the exact times, and on PostgreSQL no
    // texts at all (progress message, error): fetch them (one read at a time per job).
    if (stateChanged || !info.hasMessage)
        fetchJob(id);
    return true;
}

void JobsTableModel::overlay(Job &job, const EventInfo &info) const
{
    if (job.state != info.state) {
        if (info.state == JobState::Running && job.startedAt <= 0)
            job.startedAt = info.at;
        if (JobStates::isFinished(info.state) && job.finishedAt <= 0)
            job.finishedAt = info.at;
        if (!JobStates::isFinished(info.state))
            job.finishedAt = 0;
        job.state = info.state;
    }
    if (info.hasProgress) {
        job.progressDone = info.done;
        job.progressTotal = info.total;
        if (info.hasMessage) {
            job.progressMessage = info.message;
            job.progressMsg = info.messageMsg;
        }
    }
    if (info.hasAttempts)
        job.attempts = info.attempts;
    if (info.hasCancel)
        job.cancelRequested = info.cancel;
    if (info.hasError) {
        job.error = info.error;
        job.errorMsg = info.errorMsg;
    }
    if (job.createdBy.isEmpty())
        job.createdBy = info.by;
}

Job JobsTableModel::reconcile(Job fresh, quint64 issuedAtSeq)
{
    const auto it = m_lastEvents.constFind(fresh.id);
    if (it == m_lastEvents.constEnd())
        return fresh;
    const EventInfo &info = it.value();
    if (info.seq > issuedAtSeq) {
        // The event arrived after the read was issued: it may be the newer of the two.
        overlay(fresh, info);
    } else if (fresh.state != info.state && info.received.elapsed() < kEventTrustMs) {
        // The read may have run before the event's transaction committed.
        overlay(fresh, info);
        int &count = m_refetch[fresh.id];
        if (++count <= kMaxRefetches)
            m_refetchTimer->start();
        else
            m_refetch.remove(fresh.id);
    } else {
        m_refetch.remove(fresh.id);
    }
    return fresh;
}

void JobsTableModel::upsert(const Job &job)
{
    const int row = rowOf(job.id);
    if (row >= 0) {
        if (!passesFilter(job.state))
            removeJobRow(row);
        else
            replaceRow(row, job);
    } else if (passesFilter(job.state) && inLoadedRange(job.id)) {
        insertJob(job);
    }
    updateSummary();
    updateTimers();
}

void JobsTableModel::insertJob(const Job &job)
{
    int row = 0;
    while (row < m_jobs.size() && m_jobs.at(row).id > job.id)
        ++row;
    beginInsertRows({}, row, row);
    m_jobs.insert(row, job);
    endInsertRows();
}

void JobsTableModel::removeJobRow(int row)
{
    beginRemoveRows({}, row, row);
    m_jobs.removeAt(row);
    endRemoveRows();
}

void JobsTableModel::replaceRow(int row, const Job &job)
{
    const Job &old = m_jobs.at(row);
    if (sameJob(old, job))
        return;
    const QList<bool> changed = changedColumns(old, job);
    m_jobs[row] = job;
    bool any = false;
    for (int column = 0; column < ColumnCount;) {
        if (!changed.at(column)) {
            ++column;
            continue;
        }
        int last = column;
        while (last + 1 < ColumnCount && changed.at(last + 1))
            ++last;
        Q_EMIT dataChanged(index(row, column), index(row, last));
        any = true;
        column = last + 1;
    }
    if (!any) // only what JobRole carries (the result, the payload)
        Q_EMIT dataChanged(index(row, KindColumn), index(row, KindColumn), {JobRole});
}

void JobsTableModel::merge(const QList<Job> &fresh)
{
    // Both lists are newest first: one pass removes, inserts and updates in place.
    int row = 0;
    int i = 0;
    while (i < fresh.size() || row < m_jobs.size()) {
        if (row < m_jobs.size() && (i >= fresh.size() || m_jobs.at(row).id > fresh.at(i).id)) {
            int last = row;
            while (last + 1 < m_jobs.size() && (i >= fresh.size() || m_jobs.at(last + 1).id > fresh.at(i).id))
                ++last;
            beginRemoveRows({}, row, last);
            m_jobs.remove(row, last - row + 1);
            endRemoveRows();
            continue;
        }
        if (row >= m_jobs.size() || fresh.at(i).id > m_jobs.at(row).id) {
            int j = i;
            while (j + 1 < fresh.size() && (row >= m_jobs.size() || fresh.at(j + 1).id > m_jobs.at(row).id))
                ++j;
            const int count = j - i + 1;
            beginInsertRows({}, row, row + count - 1);
            for (int k = 0; k < count; ++k)
                m_jobs.insert(row + k, fresh.at(i + k));
            endInsertRows();
            row += count;
            i += count;
            continue;
        }
        replaceRow(row, fresh.at(i));
        ++row;
        ++i;
    }
}

void JobsTableModel::updateSummary()
{
    Summary summary;
    for (const Job &job : std::as_const(m_jobs)) {
        if (job.state != JobState::Running)
            continue;
        ++summary.running;
        if (job.progressTotal > 0) {
            summary.done += qBound<qint64>(0, job.progressDone, job.progressTotal);
            summary.total += job.progressTotal;
        }
    }
    if (summary == m_summary)
        return;
    m_summary = summary;
    Q_EMIT summaryChanged();
}

void JobsTableModel::updateTimers()
{
    bool running = false;
    bool active = false;
    for (const Job &job : std::as_const(m_jobs)) {
        running = running || job.state == JobState::Running;
        active = active || job.state == JobState::Running || job.state == JobState::Queued;
        if (running)
            break;
    }
    if (running != m_tick->isActive()) {
        if (running)
            m_tick->start();
        else
            m_tick->stop();
    }
    // On SQLite another process's changes send no events.
    const bool poll = m_started && active && !m_executor.database().isPostgreSQL();
    if (poll != m_poll->isActive()) {
        if (poll)
            m_poll->start();
        else
            m_poll->stop();
    }
}

void JobsTableModel::tick()
{
    for (int row = 0; row < m_jobs.size(); ++row) {
        if (m_jobs.at(row).state == JobState::Running)
            Q_EMIT dataChanged(index(row, ElapsedColumn), index(row, RemainingColumn), {Qt::DisplayRole});
    }
}

void JobsTableModel::forgetOldEvents()
{
    for (auto it = m_lastEvents.begin(); it != m_lastEvents.end();) {
        if (it->received.elapsed() > 60000)
            it = m_lastEvents.erase(it);
        else
            ++it;
    }
}

QCoro::Task<> JobsTableModel::loadRange(quint64 generation, int limit)
{
    QPointer<JobsTableModel> self(this);
    const quint64 issuedAt = m_eventSeq;
    JobStore::ListFilter filter;
    filter.state = m_filter;
    filter.limit = limit + 1; // one more tells whether older jobs follow
    // A named future, not a temporary: GCC 12 destroys temporaries of a co_await
    // expression twice (GCC bug 100611).
    auto future = m_executor.read([filter](Database &db) { return JobStore(db).list(filter); });
    Result<QList<Job>> result = co_await future;
    if (!self || generation != self->m_generation)
        co_return;
    m_loading = false;
    if (!result) {
        m_failed = true;
        Q_EMIT loadFailed(result.error());
    } else {
        m_failed = false;
        QList<Job> rows = std::move(result).value();
        m_atEnd = rows.size() <= limit;
        if (!m_atEnd)
            rows.resize(limit);
        for (Job &job : rows)
            job = reconcile(std::move(job), issuedAt);
        merge(rows);
        forgetOldEvents();
        updateSummary();
        updateTimers();
        Q_EMIT loaded();
    }
    if (m_reloadAgain)
        reload();
}

QCoro::Task<> JobsTableModel::loadMore(quint64 generation, qint64 beforeId)
{
    QPointer<JobsTableModel> self(this);
    const quint64 issuedAt = m_eventSeq;
    const int limit = m_pageSize;
    JobStore::ListFilter filter;
    filter.state = m_filter;
    filter.beforeId = beforeId;
    filter.limit = limit + 1;
    auto future = m_executor.read([filter](Database &db) { return JobStore(db).list(filter); });
    Result<QList<Job>> result = co_await future;
    if (!self || generation != self->m_generation)
        co_return;
    m_loading = false;
    if (!result) {
        m_failed = true;
        Q_EMIT loadFailed(result.error());
    } else {
        QList<Job> rows = std::move(result).value();
        m_atEnd = rows.size() <= limit;
        if (!m_atEnd)
            rows.resize(limit);
        // Only what is older than the shown rows (a job fetched meanwhile may be there).
        const qint64 oldest = m_jobs.isEmpty() ? std::numeric_limits<qint64>::max() : m_jobs.constLast().id;
        QList<Job> older;
        for (Job &job : rows) {
            if (job.id < oldest)
                older.append(reconcile(std::move(job), issuedAt));
        }
        if (!older.isEmpty()) {
            const int first = int(m_jobs.size());
            beginInsertRows({}, first, first + int(older.size()) - 1);
            m_jobs.append(older);
            endInsertRows();
        }
        updateSummary();
        updateTimers();
        Q_EMIT loaded();
    }
    if (m_reloadAgain)
        reload();
}

QCoro::Task<> JobsTableModel::fetchJob(qint64 id)
{
    if (m_fetching.contains(id)) {
        // One read at a time per job; the newer question is asked when it returns.
        m_fetchAgain.insert(id);
        co_return;
    }
    QPointer<JobsTableModel> self(this);
    m_fetching.insert(id);
    const quint64 issuedAt = m_eventSeq;
    auto future = m_executor.read([id](Database &db) { return JobStore(db).get(id); });
    Result<Job> result = co_await future;
    if (!self)
        co_return;
    m_fetching.remove(id);
    if (result) {
        upsert(reconcile(std::move(result).value(), issuedAt));
    } else if (result.error().code == DbError::Code::NotFound) {
        // Pruned meanwhile.
        if (const int row = rowOf(id); row >= 0) {
            removeJobRow(row);
            updateSummary();
            updateTimers();
        }
    }
    if (m_fetchAgain.remove(id))
        fetchJob(id);
}
