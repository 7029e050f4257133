#include "models/housing/buildingrepository.h"

#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/housing/sqlhelpers_p.h"
#include "models/db/events.h"

#include <QLoggingCategory>

using namespace HousingSql;
using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcHousing, "residesk.housing")

// Other clients reload their views on this event. Missing it only leaves them stale
// until their next reload, so a failure is logged and the write stands.
void announceChange(Database &db)
{
    if (const VoidResult r = Events::publishRecordsChanged(db, u"buildings"_s); !r)
        qCWarning(lcHousing) << "cannot announce a change to buildings:" << r.error().message
                             << r.error().detail;
}

const QString kSelect = QStringLiteral("SELECT id, code, name, address, floors, version FROM buildings");

QString sortExpression(int column)
{
    switch (column) {
    case BuildingRepository::Name:
        return QStringLiteral("name");
    case BuildingRepository::Address:
        return QStringLiteral("address");
    case BuildingRepository::Floors:
        return QStringLiteral("floors");
    case BuildingRepository::Code:
    default:
        return QStringLiteral("code");
    }
}

Building readBuilding(const SqlStatement &st)
{
    Building b;
    b.id = st.value(0).toLongLong();
    b.code = st.value(1).toString();
    b.name = st.value(2).toString();
    b.address = st.value(3).toString();
    b.floors = st.value(4).toInt();
    b.version = st.value(5).toInt();
    return b;
}

Building normalized(Building b)
{
    b.code = b.code.trimmed();
    b.name = b.name.trimmed();
    b.address = b.address.trimmed();
    // A null QString binds as SQL NULL; the optional address column is NOT NULL DEFAULT ''.
    if (b.address.isNull())
        b.address = QStringLiteral("");
    return b;
}

DbError duplicateCode(const QString &code)
{
    const QString message =
        BuildingRepository::tr("A building with the code \"%1\" already exists.").arg(code);
    return DbError(DbError::Code::Duplicate, message, {}, {FieldError{QStringLiteral("code"), message}});
}

QString notFoundText()
{
    return BuildingRepository::tr("The building no longer exists; another user may have deleted it.");
}

} // namespace

BuildingRepository::BuildingRepository(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

QList<FieldError> BuildingRepository::validate(const Building &building)
{
    QList<FieldError> errors;
    const QString code = building.code.trimmed();
    if (code.isEmpty())
        errors.append({QStringLiteral("code"), tr("The building code is required.")});
    else if (code.size() > 16)
        errors.append(
            {QStringLiteral("code"), tr("The building code must be at most %1 characters long.").arg(16)});
    const QString name = building.name.trimmed();
    if (name.isEmpty())
        errors.append({QStringLiteral("name"), tr("The building name is required.")});
    else if (name.size() > 200)
        errors.append(
            {QStringLiteral("name"), tr("The building name must be at most %1 characters long.").arg(200)});
    if (building.address.trimmed().size() > 400)
        errors.append(
            {QStringLiteral("address"), tr("The address must be at most %1 characters long.").arg(400)});
    if (building.floors < 1)
        errors.append({QStringLiteral("floors"),
                       tr("The number of floors must be at least 1 (it is %1).").arg(building.floors)});
    return errors;
}

Result<Building> BuildingRepository::get(qint64 id)
{
    SqlStatement st(m_db, kSelect + QStringLiteral(" WHERE id = ?"));
    st.bind(id);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(notFoundText());
    return readBuilding(st);
}

Result<Building> BuildingRepository::findByCode(const QString &code)
{
    SqlStatement st(m_db, kSelect + QStringLiteral(" WHERE code = ?"));
    st.bind(code.trimmed());
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("There is no building with the code \"%1\".").arg(code.trimmed()));
    return readBuilding(st);
}

Result<Building> BuildingRepository::create(const Building &input)
{
    const Building building = normalized(input);
    if (QList<FieldError> errors = validate(building); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    const Result<bool> taken =
        exists(m_db, QStringLiteral("SELECT 1 FROM buildings WHERE code = ?"), {building.code});
    if (!taken)
        return taken.error();
    if (taken.value())
        return duplicateCode(building.code);
    SqlStatement st(m_db,
                    QStringLiteral("INSERT INTO buildings (code, name, address, floors, version, created_by, "
                                   "updated_by) VALUES (?, ?, ?, ?, 1, ?, ?) RETURNING id"));
    st.bind(building.code).bind(building.name).bind(building.address).bind(building.floors);
    st.bind(m_actor.username).bind(m_actor.username);
    if (auto r = st.exec(); !r) {
        if (r.error().code == DbError::Code::Duplicate)
            return duplicateCode(building.code);
        return r.error();
    }
    if (!st.next())
        return DbError(DbError::Code::QueryFailed, tr("The new building was not stored."));
    const qint64 id = st.value(0).toLongLong();
    st.finish();
    announceChange(m_db);
    return get(id);
}

Result<Building> BuildingRepository::update(const Building &input, OnConflict onConflict)
{
    const Building building = normalized(input);
    if (QList<FieldError> errors = validate(building); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    const Result<bool> taken =
        exists(m_db, QStringLiteral("SELECT 1 FROM buildings WHERE code = ? AND id <> ?"),
               {building.code, building.id});
    if (!taken)
        return taken.error();
    if (taken.value())
        return duplicateCode(building.code);
    // Fewer floors must not strand rooms on floors that no longer exist.
    const Result<qint64> stranded =
        scalarCount(m_db, QStringLiteral("SELECT COUNT(*) FROM rooms WHERE building_id = ? AND floor >= ?"),
                    {building.id, building.floors});
    if (!stranded)
        return stranded.error();
    // Two counts, two plurals: the clause about the rooms is a message of its own.
    if (stranded.value() > 0)
        return DbError::validation({{QStringLiteral("floors"),
                                     tr("The building cannot have %n floor(s): %1", nullptr, building.floors)
                                         .arg(tr("%n of its rooms are on higher floors.", nullptr,
                                                 int(qMin<qint64>(stranded.value(), INT_MAX))))}});

    const bool overwrite = onConflict == OnConflict::Overwrite;
    SqlStatement st(m_db, QStringLiteral("UPDATE buildings SET code = ?, name = ?, address = ?, floors = ?, "
                                         "version = version + 1, updated_at = ") +
                              Dialect::now(m_db.config().backend) +
                              (overwrite ? QStringLiteral(", updated_by = ? WHERE id = ?")
                                         : QStringLiteral(", updated_by = ? WHERE id = ? AND version = ?")));
    st.bind(building.code).bind(building.name).bind(building.address).bind(building.floors);
    st.bind(m_actor.username).bind(building.id);
    if (!overwrite)
        st.bind(building.version);
    if (auto r = st.exec(); !r) {
        if (r.error().code == DbError::Code::Duplicate)
            return duplicateCode(building.code);
        return r.error();
    }
    if (st.numRowsAffected() == 0) {
        const Result<bool> found =
            exists(m_db, QStringLiteral("SELECT 1 FROM buildings WHERE id = ?"), {building.id});
        if (!found)
            return found.error();
        if (!found.value())
            return notFound(notFoundText());
        return conflict(
            tr("Another user changed this building since you opened it. Reload to see their changes, "
               "or overwrite them with yours."));
    }
    announceChange(m_db);
    return get(building.id);
}

VoidResult BuildingRepository::remove(qint64 id, int expectedVersion)
{
    const Result<qint64> rooms =
        scalarCount(m_db, QStringLiteral("SELECT COUNT(*) FROM rooms WHERE building_id = ?"), {id});
    if (!rooms)
        return rooms.error();
    const QString hasRooms =
        tr("The building still has %n room(s); delete or move them first.", nullptr, int(rooms.value()));
    if (rooms.value() > 0)
        return DbError(DbError::Code::ConstraintViolation, hasRooms);
    SqlStatement st(m_db, QStringLiteral("DELETE FROM buildings WHERE id = ? AND version = ?"));
    st.bind(id).bind(expectedVersion);
    if (auto r = st.exec(); !r) {
        if (r.error().code == DbError::Code::ConstraintViolation)
            return DbError(DbError::Code::ConstraintViolation,
                           tr("The building still has rooms; delete or move them first."), r.error().detail);
        return r.error();
    }
    if (st.numRowsAffected() == 0) {
        const Result<bool> found = exists(m_db, QStringLiteral("SELECT 1 FROM buildings WHERE id = ?"), {id});
        if (!found)
            return found.error();
        if (!found.value())
            return notFound(notFoundText());
        return conflict(tr("Another user changed this building since you opened it; it was not deleted."));
    }
    announceChange(m_db);
    return {};
}

Result<Building> BuildingRepository::restore(const Building &input)
{
    const Building building = normalized(input);
    if (QList<FieldError> errors = validate(building); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    const Result<bool> taken =
        exists(m_db, QStringLiteral("SELECT 1 FROM buildings WHERE code = ? AND id <> ?"),
               {building.code, building.id});
    if (!taken)
        return taken.error();
    if (taken.value())
        return duplicateCode(building.code);
    SqlStatement st(
        m_db, QStringLiteral("INSERT INTO buildings (id, code, name, address, floors, version, created_by, "
                             "updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    st.bind(building.id).bind(building.code).bind(building.name).bind(building.address).bind(building.floors);
    st.bind(qMax(1, building.version + 1)).bind(m_actor.username).bind(m_actor.username);
    if (auto r = st.exec(); !r) {
        if (r.error().code == DbError::Code::Duplicate)
            return DbError(DbError::Code::Duplicate,
                           tr("The building is already present; there is nothing to restore."));
        return r.error();
    }
    announceChange(m_db);
    return get(building.id);
}

namespace {
Where buildingWhere(DatabaseBackend backend, const ListFilter &filter)
{
    Where where;
    where.addSearch(backend, {QStringLiteral("code"), QStringLiteral("name"), QStringLiteral("address")},
                    filter.search);
    return where;
}
} // namespace

Result<QList<Building>> BuildingRepository::page(const PageRequest &request)
{
    const QString sortExpr = sortExpression(request.sortColumn);
    const QString idExpr = QStringLiteral("id");
    Where where = buildingWhere(m_db.config().backend, request.filter);
    where.addCursor(sortExpr, idExpr, request);
    SqlStatement st(m_db, kSelect + where.sql() + orderBy(sortExpr, idExpr, request.order) +
                              QStringLiteral(" LIMIT ?"));
    bindAll(st, where.values);
    st.bind(qMax(1, request.limit));
    if (auto r = st.exec(); !r)
        return r.error();
    QList<Building> rows;
    while (st.next())
        rows.append(readBuilding(st));
    return rows;
}

Result<QList<Building>> BuildingRepository::all()
{
    SqlStatement st(m_db, kSelect + QStringLiteral(" ORDER BY code, id"));
    if (auto r = st.exec(); !r)
        return r.error();
    QList<Building> rows;
    while (st.next())
        rows.append(readBuilding(st));
    return rows;
}

Result<qint64> BuildingRepository::count(const ListFilter &filter)
{
    const Where where = buildingWhere(m_db.config().backend, filter);
    return scalarCount(m_db, QStringLiteral("SELECT COUNT(*) FROM buildings") + where.sql(), where.values);
}

QVariant BuildingRepository::sortValue(const Building &building, int column)
{
    switch (column) {
    case Name:
        return building.name;
    case Address:
        return building.address;
    case Floors:
        return building.floors;
    case Code:
    default:
        return building.code;
    }
}
