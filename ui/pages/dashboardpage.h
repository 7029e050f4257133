#pragma once

#include "ui/commands/undocontext.h"

#include <QCoroTask>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QVariantMap>
#include <QWidget>

class DashboardCard;
class QChartView;
class QLabel;
class QTimer;

// The start page: cards with the day's figures — occupancy by building (a bar chart),
// free beds today, arrivals and departures this week, open maintenance by priority
// (overdue in red), protocols by state and jobs running. Only the cards the role may
// read are shown and loaded (setRights: housing — the housing and maintenance cards;
// lab — protocols and jobs; admin — all).
//
// Loading: each card's query is one DbExecutor::read, so the cards load in parallel on
// the read pool's threads (each with its own connection) and each fills as its answer
// arrives; the GUI thread only awaits. A card whose query fails says so in words; the
// others fill regardless. refresh() and jobsChanged() are coalesced: a burst of
// records or job events from any desktop reloads the cards once (at most every
// `kCoalesceMs`), a load that is running finishes first.
//
// A click on a figure asks for the page behind it: openRequested(target, filter) with
// target "free-beds" {building_id}, "allocations" {arrivals|departures: true, from, to},
// "maintenance" {priority | overdue: true}, "protocols" {state}, "jobs" {state}.
//
// GUI thread only; owned by the window's page stack.
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kCoalesceMs = 250;

    explicit DashboardPage(UndoContext &context, QWidget *parent = nullptr);
    ~DashboardPage() override;

    struct Rights
    {
        bool housing = true;
        bool lab = true;
        bool admin = true;
    };
    // Which cards are shown; reloads when loaded before.
    void setRights(const Rights &rights);
    // Loads every shown card now (the first time) or soon (coalesced).
    void refresh();
    // Only the jobs card (job events), coalesced.
    void jobsChanged();

    // Keys of the cards shown now: occupancy, freeBeds, movements, maintenance,
    // protocols, jobs.
    QStringList shownCards() const;
    // True while some shown card has not answered since the last load started.
    bool isLoading() const;

Q_SIGNALS:
    void openRequested(const QString &target, const QVariantMap &filter);
    // One card answered: filled (ok) or says why not.
    void cardFinished(const QString &key, bool ok);
    // Every shown card answered for the load that started last.
    void allCardsFinished();

private:
    DashboardCard *card(const QString &key) const;
    void loadNow();
    void startCard(const QString &key);
    void finishCard(const QString &key, bool ok);
    void onLink(const QString &link);

    QCoro::Task<> loadOccupancy(quint64 generation);
    QCoro::Task<> loadFreeBeds(quint64 generation);
    QCoro::Task<> loadMovements(quint64 generation);
    QCoro::Task<> loadMaintenance(quint64 generation);
    QCoro::Task<> loadProtocols(quint64 generation);
    QCoro::Task<> loadJobs(quint64 generation);

    QPointer<UndoContext> m_context;
    Rights m_rights;
    QHash<QString, DashboardCard *> m_cards;
    QHash<QString, quint64> m_generations; // per card: the load whose answer counts
    QSet<QString> m_pending;               // cards still to answer
    quint64 m_nextGeneration = 0;
    bool m_loadedOnce = false;
    QTimer *m_coalesce = nullptr;
    QTimer *m_coalesceJobs = nullptr;
    QChartView *m_chartView = nullptr;
    QLabel *m_freeBeds = nullptr;
    QLabel *m_freeBedsNote = nullptr;
    QLabel *m_arrivals = nullptr;
    QLabel *m_departures = nullptr;
    QLabel *m_maintenance = nullptr;
    QLabel *m_protocols = nullptr;
    QLabel *m_jobs = nullptr;
};
