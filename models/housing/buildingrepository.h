#pragma once

#include "models/core/actor.h"
#include "models/core/listquery.h"
#include "models/db/result.h"
#include "models/housing/building.h"

#include <QList>

class Database;

// Buildings in the database; same contract as ResidentRepository.
class BuildingRepository
{
    Q_DECLARE_TR_FUNCTIONS(BuildingRepository)
public:
    enum Column { Code, Name, Address, Floors, ColumnCount };
    enum class OnConflict { Fail, Overwrite };

    BuildingRepository(Database &db, Actor actor);

    // Field keys: "code", "name", "address", "floors".
    static QList<FieldError> validate(const Building &building);

    Result<Building> get(qint64 id);
    Result<Building> findByCode(const QString &code);
    Result<Building> create(const Building &building);
    Result<Building> update(const Building &building, OnConflict onConflict = OnConflict::Fail);
    // A building that still has rooms is refused (Code::ConstraintViolation, clear message).
    VoidResult remove(qint64 id, int expectedVersion);
    Result<Building> restore(const Building &building);

    Result<QList<Building>> page(const PageRequest &request);
    // Every building ordered by code (small table: for filters and pickers).
    Result<QList<Building>> all();
    Result<qint64> count(const ListFilter &filter);
    static QVariant sortValue(const Building &building, int column);

private:
    Database &m_db;
    Actor m_actor;
};
