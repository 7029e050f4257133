#pragma once

#include "models/core/actor.h"
#include "models/core/listquery.h"
#include "models/db/result.h"
#include "models/housing/resident.h"

#include <QList>

class Database;

// Residents in the database. Runs on the calling thread with that thread's
// connection (use DbExecutor from the GUI thread). Validation happens here and
// again in database constraints; updates and deletes check `version`.
class ResidentRepository
{
    Q_DECLARE_TR_FUNCTIONS(ResidentRepository)
public:
    // Sort columns; the table model shows its columns in this order.
    enum Column { StudentId, FirstName, LastName, Email, Phone, Status, ColumnCount };

    enum class OnConflict { Fail, Overwrite };

    ResidentRepository(Database &db, Actor actor);

    // Field keys: "student_id", "first_name", "last_name", "email", "phone", "status",
    // "contact_by", "language" ("en", "es" or empty: RecipientLanguage). A phone number must be one
    // libphonenumber accepts in the default region (models/core/phonenumber.h); create() and update() store
    // it as E.164.
    static QList<FieldError> validate(const Resident &resident);
    static bool isValidEmail(const QString &email);

    Result<Resident> get(qint64 id);
    Result<Resident> findByStudentId(const QString &studentId);
    // Validates, inserts, returns the stored row (id, version 1). Duplicate student id:
    // DbError::Code::Duplicate with a field error on "student_id".
    Result<Resident> create(const Resident &resident);
    // Updates the row whose id and version match `resident`, bumping the version.
    // A stale version gives Code::Conflict (Code::NotFound if the row is gone),
    // unless `onConflict` is Overwrite, which writes over whatever version is stored.
    Result<Resident> update(const Resident &resident, OnConflict onConflict = OnConflict::Fail);
    // Deletes the row if its version still matches (Conflict / NotFound otherwise).
    VoidResult remove(qint64 id, int expectedVersion);
    // Re-inserts a deleted row with its former id (undo of a delete).
    Result<Resident> restore(const Resident &resident);

    // ListFilter: search, status, and buildingId (residents holding a bed in that
    // building today: an active allocation of one of its rooms whose days include today).
    Result<QList<Resident>> page(const PageRequest &request);
    Result<qint64> count(const ListFilter &filter);
    // The sort value of `resident` for `column`, as used in a PageRequest cursor.
    static QVariant sortValue(const Resident &resident, int column);

private:
    Database &m_db;
    Actor m_actor;
};
