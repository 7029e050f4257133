#pragma once

#include "models/db/result.h"
#include "tasks/job.h"

#include <QAbstractTableModel>
#include <QCoroTask>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPointer>
#include <QSet>

#include <limits>
#include <optional>

class DbExecutor;
class EventBus;
struct JobChange;
class QLocale;
class QTimer;
class TaskRegistry;

// The jobs table of the jobs dock and the status-bar indicator: newest jobs first,
// optionally only those in one state. Rows arrive in pages from the DbExecutor's read
// pool (JobStore::list, keyset paging on the id) and are then kept current by the
// EventBus's job events, applied incrementally: a progress event changes only the
// progress and remaining cells of its row, an unknown job is fetched (JobStore::get)
// and inserted in place, a job leaving the state filter is removed. An event never
// resets the model; reload() merges the fresh rows into the shown ones, so selection
// and scrolling survive it. The elapsed and remaining cells of running jobs tick every
// second. On SQLite another process's changes send no events, so while something is
// queued or running the model also reloads every 5 s there.
//
// Lives on the GUI thread; holds no SQL. The executor and registry must outlive it.
//
//   auto *jobs = new JobsTableModel(executor, registry, this);
//   jobs->setEventBus(&bus);
//   jobs->setStateFilter(JobState::Running);   // optional
//   view->setModel(jobs);
//   jobs->start();                             // once the schema is migrated
class JobsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        KindColumn,
        StartedByColumn,
        StateColumn,
        ProgressColumn,
        ElapsedColumn,
        RemainingColumn,
        AttemptsColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Roles {
        IdRole = Qt::UserRole + 1,
        StateRole,         // int(JobState)
        ProgressDoneRole,  // qint64
        ProgressTotalRole, // qint64; 0 when the task has not said
        JobRole,           // QVariant holding the Job
        SortRole,          // a comparable value for the column (numbers for numbers)
    };

    JobsTableModel(DbExecutor &executor, const TaskRegistry &tasks, QObject *parent = nullptr);
    ~JobsTableModel() override;

    // Follows the bus's job events and reloads after a resync. Call before start().
    void setEventBus(EventBus *bus);
    // Only jobs in this state (nullopt: all). Reloads when started.
    void setStateFilter(std::optional<JobState> state);
    std::optional<JobState> stateFilter() const { return m_filter; }
    void setPageSize(int rows);

    // Loads the first page; before this nothing loads and events are ignored.
    void start();
    bool isStarted() const { return m_started; }
    // Loads the shown range again and merges it in (minimal signals).
    void reload();
    // Fetches one job again and merges it in (after an action on it).
    void refreshJob(qint64 id);
    bool isLoading() const { return m_loading; }
    bool isAtEnd() const { return m_atEnd; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    // Who queued a job, for people: a person's login, or "the schedule" for recurring jobs.
    static QString creatorText(const QString &createdBy);
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // A default Job (id 0) for a row out of range.
    Job jobAt(int row) const;
    int rowOf(qint64 id) const; // -1 when not shown
    int runningCount() const { return m_summary.running; }
    // Sum of done over sum of total of the running jobs that report a total, 0..1;
    // -1 when no running job reports one.
    double overallProgress() const;

    // Helpers for the cells (public for delegates and tests).
    static qint64 elapsedMs(const Job &job, qint64 nowMs);
    // elapsed × (total − done) / done of a running job; -1 when unknown.
    static qint64 remainingMs(const Job &job, qint64 nowMs);
    static QString progressText(const Job &job, const QLocale &locale);
    static QString durationText(qint64 ms);

Q_SIGNALS:
    // A load (start, reload, filter) finished and its rows are merged in.
    void loaded();
    void loadFailed(const DbError &error);
    // runningCount() or overallProgress() changed.
    void summaryChanged();

private:
    struct Summary
    {
        int running = 0;
        qint64 done = 0;
        qint64 total = 0;
        bool operator==(const Summary &) const = default;
    };
    // The last job event seen for an id.
    struct EventInfo
    {
        quint64 seq = 0; // order of arrival
        QElapsedTimer received;
        JobState state = JobState::Queued;
        bool hasProgress = false;
        qint64 done = 0;
        qint64 total = 0;
        bool hasMessage = false; // PostgreSQL's events carry no texts (tasks/events.cpp)
        QString message;
        StoredText messageMsg;
        bool hasAttempts = false;
        int attempts = 0;
        bool hasCancel = false;
        bool cancel = false;
        bool hasError = false;
        QString error;
        StoredText errorMsg;
        qint64 at = 0;
        QString by;
    };

    // One event's jobs (EventBus::jobsChanged): the summary and timers once for all.
    void applyChanges(const QList<JobChange> &changes);
    // Whether a shown row changed (the summary and timers then need an update).
    bool applyEvent(const QJsonObject &event);
    bool applyInfo(qint64 id, EventInfo info);
    bool passesFilter(JobState state) const { return !m_filter || *m_filter == state; }
    // Whether a job with this id belongs in the loaded range (newest first).
    bool inLoadedRange(qint64 id) const;
    // What an event says, laid over a row.
    void overlay(Job &job, const EventInfo &info) const;
    // A row read from the database, corrected by events that may be newer than the read
    // (issued when m_eventSeq was `issuedAtSeq`).
    Job reconcile(Job fresh, quint64 issuedAtSeq);
    void forgetOldEvents();
    void upsert(const Job &job);
    void insertJob(const Job &job);
    void removeJobRow(int row);
    void replaceRow(int row, const Job &job);
    void merge(const QList<Job> &fresh);
    void updateTimers();
    void updateSummary();
    void tick();

    QCoro::Task<> loadRange(quint64 generation, int limit);
    QCoro::Task<> loadMore(quint64 generation, qint64 beforeId);
    QCoro::Task<> fetchJob(qint64 id);

    DbExecutor &m_executor;
    const TaskRegistry &m_tasks;
    QPointer<EventBus> m_bus;
    QList<Job> m_jobs;
    std::optional<JobState> m_filter;
    int m_pageSize = 200;
    bool m_started = false;
    bool m_loading = false;
    bool m_reloadAgain = false;
    bool m_atEnd = false;
    bool m_failed = false;
    quint64 m_generation = 0;  // bumps on reload and filter changes: late pages are dropped
    QSet<qint64> m_fetching;   // ids with a JobStore::get in flight
    QSet<qint64> m_fetchAgain; // … and asked for again meanwhile
    quint64 m_eventSeq = 0;
    QHash<qint64, EventInfo> m_lastEvents;
    QHash<qint64, int> m_refetch; // ids read before their event's commit, with a retry count
    Summary m_summary;
    QTimer *m_tick; // elapsed / remaining of running rows, every second
    QTimer *m_poll; // SQLite: reload every 5 s while something is queued or running
    QTimer *m_refetchTimer;
};
