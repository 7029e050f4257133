#include "models/maintenance/technicianrepository.h"

#include "models/core/recipientlanguage.h"
#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/housing/sqlhelpers_p.h"
#include "models/lab/labsql_p.h"
#include "models/maintenance/maintenancesql_p.h"

#include <QHash>
#include <QRegularExpression>

using namespace HousingSql;
using namespace MaintenanceSql;
using namespace Qt::StringLiterals;

TechnicianRepository::TechnicianRepository(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

QList<FieldError> TechnicianRepository::validate(const Technician &t)
{
    QList<FieldError> errors;
    if (t.name.trimmed().isEmpty())
        errors.append({u"name"_s, tr("The technician's name is required.")});
    else if (t.name.trimmed().size() > 200)
        errors.append({u"name"_s, tr("The name must be at most %1 characters long.").arg(200)});
    static const QRegularExpression email(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
    if (!email.match(t.email.trimmed()).hasMatch())
        errors.append({u"email"_s, tr("“%1” is not an e-mail address.").arg(t.email.trimmed())});
    if (t.skills.isEmpty())
        errors.append({u"skills"_s, tr("Give at least one skill (%1).").arg(Maintenance::categoryCodes())});
    if (t.workingDays.isEmpty())
        errors.append({u"working_days"_s, tr("Give at least one working day (1 = Monday … 7 = Sunday).")});
    for (int d : t.workingDays)
        if (d < 1 || d > 7)
            errors.append({u"working_days"_s, tr("%1 is not a weekday number (1 = Monday … 7 = Sunday).").arg(d)});
    if (t.dayStarts < 0 || t.dayEnds > 24 * 60 || t.dayStarts >= t.dayEnds)
        errors.append({u"hours"_s, tr("The working hours %1–%2 are not a range within a day.")
                                       .arg(Technician::hoursText(t.dayStarts), Technician::hoursText(t.dayEnds))});
    if (const auto language = RecipientLanguage::check(t.language))
        errors.append(*language);
    return errors;
}

Result<QList<Technician>> TechnicianRepository::read(const QString &where, const QVariantList &values)
{
    SqlStatement st(m_db,
                    u"SELECT id, name, email, skills, working_days, day_starts, day_ends, active, version, "
                    "language FROM maintenance_technicians"_s +
                        where + u" ORDER BY name, id"_s);
    bindAll(st, values);
    if (auto e = st.exec(); !e)
        return e.error();
    QList<Technician> out;
    QHash<qint64, qsizetype> index;
    while (st.next()) {
        Technician t;
        t.id = st.value(0).toLongLong();
        t.name = st.value(1).toString();
        t.email = st.value(2).toString();
        t.skills = skillsFromCodes(st.value(3).toString());
        t.workingDays = daysFromCodes(st.value(4).toString());
        t.dayStarts = st.value(5).toInt();
        t.dayEnds = st.value(6).toInt();
        t.active = st.value(7).toInt() != 0;
        t.version = st.value(8).toInt();
        t.language = RecipientLanguage::fromSql(st.value(9));
        index.insert(t.id, out.size());
        out.append(t);
    }
    st.finish();
    if (out.isEmpty())
        return out;
    SqlStatement absent(m_db, u"SELECT technician_id, day FROM maintenance_absences ORDER BY day"_s);
    if (auto e = absent.exec(); !e)
        return e.error();
    while (absent.next()) {
        const auto it = index.constFind(absent.value(0).toLongLong());
        if (it != index.constEnd())
            out[*it].absentDays.append(readDate(absent.value(1)));
    }
    return out;
}

Result<Technician> TechnicianRepository::add(const Technician &input)
{
    Technician t = input;
    t.name = t.name.trimmed();
    t.email = t.email.trimmed();
    t.language = RecipientLanguage::normalized(t.language);
    if (QList<FieldError> errors = validate(t); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    SqlStatement st(m_db,
                    u"INSERT INTO maintenance_technicians (name, email, skills, working_days, day_starts, "
                    "day_ends, active, language, version, created_by, updated_by) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id"_s);
    st.bind(t.name)
        .bind(t.email)
        .bind(t.skillCodes())
        .bind(t.workingDayCodes())
        .bind(t.dayStarts)
        .bind(t.dayEnds)
        .bind(t.active ? 1 : 0)
        .bind(RecipientLanguage::sqlValue(t.language))
        .bind(m_actor.username)
        .bind(m_actor.username);
    if (auto e = st.exec(); !e) {
        if (e.error().code == DbError::Code::Duplicate)
            return DbError(DbError::Code::Duplicate,
                           tr("A technician with the e-mail address %1 already exists.").arg(t.email), {},
                           {FieldError{u"email"_s, tr("Already used by another technician.")}});
        return e.error();
    }
    if (!st.next())
        return DbError(DbError::Code::QueryFailed, tr("The technician was not stored."));
    const qint64 id = st.value(0).toLongLong();
    st.finish();
    for (const QDate &day : t.absentDays)
        if (auto r = setAbsent(id, day, true); !r)
            return r.error();
    Result<Technician> stored = get(id);
    if (!stored)
        return stored.error();
    LabSql::announceChange(m_db, u"maintenance_technicians"_s);
    if (auto e = tx.commit(); !e)
        return e.error();
    return stored;
}

Result<Technician> TechnicianRepository::update(const Technician &input)
{
    Technician t = input;
    t.name = t.name.trimmed();
    t.email = t.email.trimmed();
    t.language = RecipientLanguage::normalized(t.language);
    if (QList<FieldError> errors = validate(t); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    const QString now = Dialect::now(m_db.config().backend);
    SqlStatement st(m_db,
                    u"UPDATE maintenance_technicians SET name = ?, email = ?, skills = ?, working_days = ?, "
                    "day_starts = ?, day_ends = ?, active = ?, language = ?, version = version + 1, "
                    "updated_at = "_s +
                        now + u", updated_by = ? WHERE id = ? AND version = ?"_s);
    st.bind(t.name)
        .bind(t.email)
        .bind(t.skillCodes())
        .bind(t.workingDayCodes())
        .bind(t.dayStarts)
        .bind(t.dayEnds)
        .bind(t.active ? 1 : 0)
        .bind(RecipientLanguage::sqlValue(t.language))
        .bind(m_actor.username)
        .bind(t.id)
        .bind(t.version);
    if (auto e = st.exec(); !e)
        return e.error();
    if (st.numRowsAffected() == 0)
        return conflict(tr("Another user changed the technician %1 since you opened it. Reload to see their "
                           "changes.")
                            .arg(t.name));
    Result<Technician> stored = get(t.id);
    if (!stored)
        return stored.error();
    LabSql::announceChange(m_db, u"maintenance_technicians"_s);
    if (auto e = tx.commit(); !e)
        return e.error();
    return stored;
}

Result<Technician> TechnicianRepository::get(qint64 id)
{
    Result<QList<Technician>> found = read(u" WHERE id = ?"_s, {id});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return notFound(tr("The technician (id %1) does not exist.").arg(id));
    return found->first();
}

Result<QList<Technician>> TechnicianRepository::list(bool activeOnly)
{
    return read(activeOnly ? u" WHERE active = 1"_s : QString(), {});
}

VoidResult TechnicianRepository::setAbsent(qint64 technicianId, const QDate &day, bool absent)
{
    if (!day.isValid())
        return DbError(DbError::Code::Validation, tr("The absent day is not a valid date."), {},
                       {FieldError{u"day"_s, tr("Not a valid date.")}});
    SqlStatement del(m_db, u"DELETE FROM maintenance_absences WHERE technician_id = ? AND day = ?"_s);
    del.bind(technicianId).bind(dateParam(day));
    if (auto e = del.exec(); !e)
        return e.error();
    if (absent) {
        SqlStatement ins(m_db, u"INSERT INTO maintenance_absences (technician_id, day) VALUES (?, ?)"_s);
        ins.bind(technicianId).bind(dateParam(day));
        if (auto e = ins.exec(); !e) {
            if (e.error().code == DbError::Code::ConstraintViolation)
                return notFound(tr("The technician (id %1) does not exist.").arg(technicianId));
            return e.error();
        }
    }
    LabSql::announceChange(m_db, u"maintenance_technicians"_s);
    return {};
}

Result<QList<MaintenanceRules::Candidate>> TechnicianRepository::candidates(Maintenance::Category category,
                                                                             const QDateTime &from)
{
    const Result<QList<Technician>> all = list(true);
    if (!all)
        return all.error();
    QList<MaintenanceRules::Candidate> out;
    QHash<qint64, qsizetype> index;
    for (const Technician &t : all.value()) {
        if (!t.hasSkill(category))
            continue;
        index.insert(t.id, out.size());
        out.append({t, 0, {}});
    }
    if (out.isEmpty())
        return out;
    SqlStatement st(m_db, u"SELECT technician_id, COUNT(*) FROM maintenance_requests WHERE state IN ('assigned', "
                          "'scheduled', 'in_progress') AND technician_id IS NOT NULL GROUP BY technician_id"_s);
    if (auto e = st.exec(); !e)
        return e.error();
    while (st.next())
        if (const auto it = index.constFind(st.value(0).toLongLong()); it != index.constEnd())
            out[*it].openWork = st.value(1).toInt();
    st.finish();
    SqlStatement busy(m_db, u"SELECT technician_id, slot_start, slot_end FROM maintenance_requests WHERE state IN "
                            "('scheduled', 'in_progress') AND slot_end > ?"_s);
    busy.bind(LabSql::timeParam(m_db.config().backend, from));
    if (auto e = busy.exec(); !e)
        return e.error();
    while (busy.next())
        if (const auto it = index.constFind(busy.value(0).toLongLong()); it != index.constEnd())
            out[*it].busy.append({LabSql::readTime(busy.value(1)), LabSql::readTime(busy.value(2))});
    return out;
}
