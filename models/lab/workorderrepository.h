#pragma once

#include "models/core/actor.h"
#include "models/core/listquery.h"
#include "models/db/result.h"
#include "models/lab/workorder.h"

#include <QList>

#include <optional>

class Database;

// What a work-order list shows; every field optional.
struct WorkOrderFilter
{
    std::optional<Protocol::State> protocolState;
    QString assignedVet; // exact user name; empty: any
    QString search;      // case-insensitive substring of the protocol number, client name or species

    bool operator==(const WorkOrderFilter &) const = default;
};
Q_DECLARE_METATYPE(WorkOrderFilter)

// Work orders (one per protocol, made by ProtocolRepository::create) and their
// requested analyses. Runs on the calling thread with that thread's connection (use
// DbExecutor from the GUI thread). update() replaces the analyses as a whole and bumps
// the version, which is the content version the PDF cache keys on; it joins the
// caller's open Transaction, writes an audit entry (entity "work_order") and announces
// "work_orders".
//
//   WorkOrderRepository orders(db, actor);
//   Result<WorkOrder> wo = orders.getByProtocol(protocolId);
//   WorkOrder edited = wo.value();
//   edited.analyses.append({0, u"HEM-CBC"_s, u"Complete blood count"_s, u"EDTA tube 1"_s});
//   Result<WorkOrder> saved = orders.update(edited);   // Conflict if someone else saved first
class WorkOrderRepository
{
    Q_DECLARE_TR_FUNCTIONS(WorkOrderRepository)
public:
    enum Column { ProtocolNumber, Client, Species, ProtocolState, AssignedVet, Analyses, ColumnCount };

    WorkOrderRepository(Database &db, Actor actor);

    // Field keys: "assigned_vet", "analyses" (the message names the line).
    static QList<FieldError> validate(const WorkOrder &workOrder);

    // With analyses.
    Result<WorkOrder> get(qint64 id);
    Result<WorkOrder> getByProtocol(qint64 protocolId);
    // Writes assigned vet, notes and the analyses (positions renumbered 1…n from the
    // list order) if the version matches (Conflict otherwise); the protocol must not be
    // finalized or cancelled (InvalidState). Returns the stored work order.
    Result<WorkOrder> update(const WorkOrder &workOrder);

    // Rows without analyses (analysisCount is set). request.filter is not used.
    Result<QList<WorkOrder>> page(const WorkOrderFilter &filter, const PageRequest &request);
    Result<qint64> count(const WorkOrderFilter &filter);
    static QVariant sortValue(const WorkOrder &workOrder, int column);

private:
    Result<WorkOrder> getWhere(const QString &where, qint64 value);

    Database &m_db;
    Actor m_actor;
};
