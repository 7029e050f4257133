#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "models/housing/resident.h"

#include <QCoreApplication>
#include <QList>

class Database;

// One resident the registrar's last applied export did not list (table registrar_flags,
// migration 0016): for staff to review. The resident itself is never changed by it.
struct RegistrarFlag
{
    qint64 id = 0;
    Resident resident;
    qint64 flaggedAt = 0;  // ms since the epoch (UTC)
    qint64 jobId = 0;      // the residents.sync job that flagged the resident
    qint64 reviewedAt = 0; // 0: not reviewed yet
    QString reviewedBy;
};

// Residents flagged by the registrar sync. Runs on the calling thread with that thread's
// connection (DbExecutor from the GUI thread); joins the caller's transaction.
//
// A flag is open until someone reviews it (markReviewed: it stays, hidden from the open
// list, while the registrar still does not list the resident); a resident the
// registrar lists again loses the flag, so a later absence flags it anew.
//
//   RegistrarFlagRepository flags(db, actor);
//   const auto open = flags.list();               // the residents to review
//   flags.markReviewed({open->first().id}, now);  // "Clear flag"
class RegistrarFlagRepository
{
    Q_DECLARE_TR_FUNCTIONS(RegistrarFlagRepository)
public:
    RegistrarFlagRepository(Database &db, Actor actor);

    // Flags with their residents, by student id; reviewed ones too when asked.
    Result<QList<RegistrarFlag>> list(bool includeReviewed = false);
    Result<qint64> countOpen();
    // Marks flags as reviewed by the actor; flags already reviewed or gone are skipped.
    // The number marked.
    Result<int> markReviewed(const QList<qint64> &flagIds, qint64 nowMs);

    struct Applied
    {
        qint64 flagged = 0;   // residents newly flagged
        qint64 unflagged = 0; // flags removed: the registrar lists those residents again
        bool operator==(const Applied &) const = default;
    };
    // Makes the flags say what an export says: exactly the residents in `missing` are
    // flagged (a flag already there, reviewed or not, stays as it is). One transaction
    // (a savepoint inside the caller's).
    Result<Applied> apply(const QList<qint64> &missing, qint64 jobId, qint64 nowMs);

private:
    Database &m_db;
    Actor m_actor;
};
