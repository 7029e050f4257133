#pragma once

#include "models/core/actor.h"
#include "models/db/result.h"
#include "models/maintenance/maintenance.h"
#include "models/maintenance/maintenancerules.h"

#include <QCoreApplication>
#include <QList>

class Database;

// Technicians (name, e-mail, skills, working days and hours, absent days) in the
// database, on the calling thread's connection. Writes join the caller's transaction
// and announce "maintenance_technicians"; the database audits them (entity
// "technician").
//
//   TechnicianRepository techs(db, actor);
//   auto t = techs.add({.name = u"Ana"_s, .email = u"ana@example.edu"_s, .skills = {Plumbing}});
//   techs.setAbsent(t->id, QDate(2026, 12, 24), true);
class TechnicianRepository
{
    Q_DECLARE_TR_FUNCTIONS(TechnicianRepository)
public:
    TechnicianRepository(Database &db, Actor actor);

    // Field keys: "name", "email", "skills", "working_days", "hours", "language" ("en",
    // "es" or empty: RecipientLanguage).
    static QList<FieldError> validate(const Technician &technician);

    Result<Technician> add(const Technician &technician);
    Result<Technician> update(const Technician &technician); // by id and version
    Result<Technician> get(qint64 id);
    Result<QList<Technician>> list(bool activeOnly = false);
    VoidResult setAbsent(qint64 technicianId, const QDate &day, bool absent);

    // Who could take a request of `category`: the active technicians with the skill,
    // their open work (assigned, scheduled or in progress) and their visits that end
    // after `from`, for MaintenanceRules::assign.
    Result<QList<MaintenanceRules::Candidate>> candidates(Maintenance::Category category, const QDateTime &from);

private:
    Result<QList<Technician>> read(const QString &where, const QVariantList &values);

    Database &m_db;
    Actor m_actor;
};
