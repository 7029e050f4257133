#include "models/lab/workorderrepository.h"

#include "models/core/batchinsert.h"
#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/sqlhelpers_p.h"
#include "models/lab/labsql_p.h"

using namespace HousingSql;
using namespace Qt::StringLiterals;

namespace {

const QString kSelect = QStringLiteral(
    "SELECT w.id, w.protocol_id, p.number, p.state, c.name, p.species, w.assigned_vet, w.notes, w.version, "
    "(SELECT COUNT(*) FROM work_order_analyses a WHERE a.work_order_id = w.id) "
    "FROM work_orders w JOIN protocols p ON p.id = w.protocol_id JOIN clients c ON c.id = p.client_id");

QString sortExpression(int column)
{
    switch (column) {
    case WorkOrderRepository::Client:
        return u"c.name"_s;
    case WorkOrderRepository::Species:
        return u"p.species"_s;
    case WorkOrderRepository::ProtocolState:
        return u"p.state"_s;
    case WorkOrderRepository::AssignedVet:
        return u"w.assigned_vet"_s;
    case WorkOrderRepository::Analyses:
        return u"(SELECT COUNT(*) FROM work_order_analyses a WHERE a.work_order_id = w.id)"_s;
    case WorkOrderRepository::ProtocolNumber:
    default:
        return u"p.number"_s;
    }
}

WorkOrder readWorkOrder(const SqlStatement &st)
{
    WorkOrder w;
    w.id = st.value(0).toLongLong();
    w.protocolId = st.value(1).toLongLong();
    w.protocolNumber = st.value(2).toString();
    w.protocolState = Protocol::stateFromCode(st.value(3).toString()).value_or(Protocol::State::Submitted);
    w.clientName = st.value(4).toString();
    w.species = st.value(5).toString();
    w.assignedVet = st.value(6).toString();
    w.notes = st.value(7).toString();
    w.version = st.value(8).toInt();
    w.analysisCount = st.value(9).toInt();
    return w;
}

void addFilter(Where &where, DatabaseBackend backend, const WorkOrderFilter &filter)
{
    where.addSearch(backend, {u"p.number"_s, u"c.name"_s, u"p.species"_s}, filter.search);
    if (filter.protocolState)
        where.add(u"p.state = ?"_s, {Protocol::stateCode(*filter.protocolState)});
    if (!filter.assignedVet.trimmed().isEmpty())
        where.add(u"w.assigned_vet = ?"_s, {filter.assignedVet.trimmed()});
}

QString nonNull(const QString &s)
{
    return s.isNull() ? u""_s : s;
}

} // namespace

WorkOrderRepository::WorkOrderRepository(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

QList<FieldError> WorkOrderRepository::validate(const WorkOrder &workOrder)
{
    QList<FieldError> errors;
    if (workOrder.assignedVet.trimmed().size() > 100)
        errors.append(
            {u"assigned_vet"_s, tr("The vet's user name must be at most %1 characters long.").arg(100)});
    for (qsizetype i = 0; i < workOrder.analyses.size(); ++i) {
        const WorkOrder::Analysis &a = workOrder.analyses.at(i);
        if (a.code.trimmed().isEmpty())
            errors.append({u"analyses"_s, tr("Analysis %1: the code is required.").arg(i + 1)});
        else if (a.code.trimmed().size() > 32)
            errors.append(
                {u"analyses"_s,
                 tr("Analysis %1: the code must be at most %2 characters long.").arg(i + 1).arg(32)});
        if (a.name.trimmed().isEmpty())
            errors.append({u"analyses"_s, tr("Analysis %1: the name is required.").arg(i + 1)});
        else if (a.name.trimmed().size() > 200)
            errors.append(
                {u"analyses"_s,
                 tr("Analysis %1: the name must be at most %2 characters long.").arg(i + 1).arg(200)});
    }
    return errors;
}

Result<WorkOrder> WorkOrderRepository::getWhere(const QString &where, qint64 value)
{
    SqlStatement st(m_db, kSelect + where);
    st.bind(value);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("The work order no longer exists."));
    WorkOrder w = readWorkOrder(st);
    st.finish();
    SqlStatement analyses(m_db, u"SELECT position, code, name, sample FROM work_order_analyses "
                                "WHERE work_order_id = ? ORDER BY position"_s);
    analyses.bind(w.id);
    if (auto r = analyses.exec(); !r)
        return r.error();
    while (analyses.next())
        w.analyses.append({analyses.value(0).toInt(), analyses.value(1).toString(),
                           analyses.value(2).toString(), analyses.value(3).toString()});
    return w;
}

Result<WorkOrder> WorkOrderRepository::get(qint64 id)
{
    return getWhere(u" WHERE w.id = ?"_s, id);
}

Result<WorkOrder> WorkOrderRepository::getByProtocol(qint64 protocolId)
{
    return getWhere(u" WHERE w.protocol_id = ?"_s, protocolId);
}

Result<WorkOrder> WorkOrderRepository::update(const WorkOrder &input)
{
    if (QList<FieldError> errors = validate(input); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const Result<WorkOrder> before = get(input.id);
    if (!before)
        return before.error();
    if (before->protocolState == Protocol::State::Finalized ||
        before->protocolState == Protocol::State::Cancelled)
        return DbError(
            DbError::Code::InvalidState,
            tr("Protocol %1 is %2; its work order cannot be changed.")
                .arg(before->protocolNumber, Protocol::stateLabel(before->protocolState).toLower()));
    SqlStatement st(
        m_db, u"UPDATE work_orders SET assigned_vet = ?, notes = ?, version = version + 1, updated_at = "_s +
                  Dialect::now(m_db.config().backend) + u", updated_by = ? WHERE id = ? AND version = ?"_s);
    st.bind(nonNull(input.assignedVet.trimmed())).bind(nonNull(input.notes)).bind(m_actor.username);
    st.bind(input.id).bind(input.version);
    if (auto r = st.exec(); !r)
        return r.error();
    if (st.numRowsAffected() == 0)
        return conflict(
            tr("Another user changed the work order of protocol %1 since you opened it. Reload to see "
               "their changes.")
                .arg(before->protocolNumber));
    if (auto r =
            SqlStatement::run(m_db, u"DELETE FROM work_order_analyses WHERE work_order_id = ?"_s, {input.id});
        !r)
        return r.error();
    BatchInsert insert(m_db,
                       u"INSERT INTO work_order_analyses (work_order_id, position, code, name, sample)"_s, 5);
    int position = 0;
    for (const WorkOrder::Analysis &a : input.analyses) {
        if (auto r =
                insert.add({input.id, ++position, a.code.trimmed(), a.name.trimmed(), nonNull(a.sample)});
            !r)
            return r.error();
    }
    if (auto r = insert.flush(); !r)
        return r.error();
    const Result<WorkOrder> after = get(input.id);
    if (!after)
        return after.error();
    LabSql::announceChange(m_db, u"work_orders"_s);
    if (auto r = tx.commit(); !r)
        return r.error();
    return after;
}

Result<QList<WorkOrder>> WorkOrderRepository::page(const WorkOrderFilter &filter, const PageRequest &request)
{
    const QString sortExpr = sortExpression(request.sortColumn);
    Where where;
    addFilter(where, m_db.config().backend, filter);
    where.addCursor(sortExpr, u"w.id"_s, request);
    SqlStatement st(m_db,
                    kSelect + where.sql() + orderBy(sortExpr, u"w.id"_s, request.order) + u" LIMIT ?"_s);
    bindAll(st, where.values);
    st.bind(qMax(1, request.limit));
    if (auto r = st.exec(); !r)
        return r.error();
    QList<WorkOrder> rows;
    while (st.next())
        rows.append(readWorkOrder(st));
    return rows;
}

Result<qint64> WorkOrderRepository::count(const WorkOrderFilter &filter)
{
    Where where;
    addFilter(where, m_db.config().backend, filter);
    return scalarCount(m_db,
                       u"SELECT COUNT(*) FROM work_orders w JOIN protocols p ON p.id = w.protocol_id "
                       "JOIN clients c ON c.id = p.client_id"_s +
                           where.sql(),
                       where.values);
}

QVariant WorkOrderRepository::sortValue(const WorkOrder &workOrder, int column)
{
    switch (column) {
    case Client:
        return workOrder.clientName;
    case Species:
        return workOrder.species;
    case ProtocolState:
        return Protocol::stateCode(workOrder.protocolState);
    case AssignedVet:
        return workOrder.assignedVet;
    case Analyses:
        return workOrder.analysisCount;
    case ProtocolNumber:
    default:
        return workOrder.protocolNumber;
    }
}
