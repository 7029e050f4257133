#include "models/housing/residentrepository.h"

#include "models/core/phonenumber.h"
#include "models/core/recipientlanguage.h"
#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/events.h"
#include "models/db/sqlstatement.h"
#include "models/housing/sqlhelpers_p.h"

#include <QDate>
#include <QLoggingCategory>
#include <QRegularExpression>

using namespace HousingSql;
using namespace Qt::StringLiterals;

namespace {

Q_LOGGING_CATEGORY(lcHousing, "residesk.housing")

// Other clients reload their views on this event. Missing it only leaves them stale
// until their next reload, so a failure is logged and the write stands.
void announceChange(Database &db)
{
    if (const VoidResult r = Events::publishRecordsChanged(db, u"residents"_s); !r)
        qCWarning(lcHousing) << "cannot announce a change to residents:" << r.error().message
                             << r.error().detail;
}

const QString kSelect = QStringLiteral("SELECT id, student_id, first_name, last_name, email, phone, status, "
                                       "version, contact_by, language FROM residents");

QString sortExpression(int column)
{
    switch (column) {
    case ResidentRepository::FirstName:
        return QStringLiteral("first_name");
    case ResidentRepository::LastName:
        return QStringLiteral("last_name");
    case ResidentRepository::Email:
        return QStringLiteral("email");
    case ResidentRepository::Phone:
        return QStringLiteral("phone");
    case ResidentRepository::Status:
        return QStringLiteral("status");
    case ResidentRepository::StudentId:
    default:
        return QStringLiteral("student_id");
    }
}

Resident readResident(const SqlStatement &st)
{
    Resident r;
    r.id = st.value(0).toLongLong();
    r.studentId = st.value(1).toString();
    r.firstName = st.value(2).toString();
    r.lastName = st.value(3).toString();
    r.email = st.value(4).toString();
    r.phone = st.value(5).toString();
    r.status = Resident::statusFromCode(st.value(6).toString()).value_or(Resident::Status::Active);
    r.version = st.value(7).toInt();
    r.contactBy = Resident::contactByFromCode(st.value(8).toString()).value_or(Resident::ContactBy::Email);
    r.language = RecipientLanguage::fromSql(st.value(9));
    return r;
}

// A resident is "in" a building while they hold a bed there today: an active
// (reserved or checked-in) allocation of one of its rooms whose days include today.
// Residents reached through a channel: "email" (contact_by email or both), "sms"
// (sms or both, and a phone number to send to).
void addChannelFilter(Where &where, const QString &channel)
{
    if (channel == QLatin1String("email"))
        where.add(QStringLiteral("contact_by IN ('email', 'both')"), {});
    else if (channel == QLatin1String("sms"))
        where.add(QStringLiteral("contact_by IN ('sms', 'both') AND phone <> ''"), {});
}

void addBuildingFilter(Where &where, qint64 buildingId)
{
    if (buildingId <= 0)
        return;
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    where.add(
        QStringLiteral("id IN (SELECT a.resident_id FROM allocations a JOIN rooms rm ON rm.id = a.room_id "
                       "WHERE rm.building_id = ? AND a.state IN ('reserved', 'checked_in') "
                       "AND a.starts_on <= ? AND (a.ends_on IS NULL OR a.ends_on > ?))"),
        {buildingId, today, today});
}

Resident normalized(Resident r)
{
    r.studentId = r.studentId.trimmed();
    r.firstName = r.firstName.trimmed();
    r.lastName = r.lastName.trimmed();
    r.email = r.email.trimmed();
    r.phone = r.phone.trimmed();
    r.language = RecipientLanguage::normalized(r.language);
    // A null QString binds as SQL NULL; the optional phone column is NOT NULL DEFAULT ''.
    if (r.phone.isNull())
        r.phone = QStringLiteral("");
    // Stored as E.164; a number that does not parse stays as typed, for validate() to
    // name it.
    if (!r.phone.isEmpty()) {
        if (const PhoneNumber::Parsed parsed = PhoneNumber::normalize(r.phone); parsed.ok())
            r.phone = parsed.e164;
    }
    return r;
}

void checkRequired(QList<FieldError> &errors, const QString &field, const QString &value, int maxLength,
                   const QString &requiredMessage, const QString &tooLongMessage)
{
    if (value.trimmed().isEmpty())
        errors.append({field, requiredMessage});
    else if (value.trimmed().size() > maxLength)
        errors.append({field, tooLongMessage});
}

} // namespace

ResidentRepository::ResidentRepository(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

bool ResidentRepository::isValidEmail(const QString &email)
{
    // A practical subset of RFC 5322: dot-atom local part, dotted host name with a
    // top-level part; no spaces, no quoted strings, no IP literals.
    static const QRegularExpression re(QStringLiteral(
        "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
        "@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*"
        "\\.[A-Za-z]{2,63}$"));
    if (email.size() > 254)
        return false;
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    if (at > 64)
        return false;
    return re.match(email).hasMatch();
}

QList<FieldError> ResidentRepository::validate(const Resident &resident)
{
    QList<FieldError> errors;
    checkRequired(errors, QStringLiteral("student_id"), resident.studentId, 32,
                  tr("The student ID is required."),
                  tr("The student ID must be at most %1 characters long.").arg(32));
    checkRequired(errors, QStringLiteral("first_name"), resident.firstName, 100,
                  tr("The first name is required."),
                  tr("The first name must be at most %1 characters long.").arg(100));
    checkRequired(errors, QStringLiteral("last_name"), resident.lastName, 100,
                  tr("The last name is required."),
                  tr("The last name must be at most %1 characters long.").arg(100));
    const QString email = resident.email.trimmed();
    if (email.isEmpty())
        errors.append({QStringLiteral("email"), tr("The e-mail address is required.")});
    else if (!isValidEmail(email))
        errors.append({QStringLiteral("email"), tr("The e-mail address \"%1\" is not valid.").arg(email)});
    // libphonenumber decides, in the default region (models/core/phonenumber.h).
    const QString phone = resident.phone.trimmed();
    if (!phone.isEmpty()) {
        if (const PhoneNumber::Parsed parsed = PhoneNumber::normalize(phone); !parsed.ok())
            errors.append({QStringLiteral("phone"), parsed.error});
    } else if (resident.wantsSms()) {
        errors.append({QStringLiteral("contact_by"),
                       tr("Text messages need a phone number: add one, or choose e-mail.")});
    }
    if (const auto language = RecipientLanguage::check(resident.language))
        errors.append(*language);
    return errors;
}

Result<Resident> ResidentRepository::get(qint64 id)
{
    SqlStatement st(m_db, kSelect + QStringLiteral(" WHERE id = ?"));
    st.bind(id);
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("The resident no longer exists; another user may have deleted it."));
    return readResident(st);
}

Result<Resident> ResidentRepository::findByStudentId(const QString &studentId)
{
    SqlStatement st(m_db, kSelect + QStringLiteral(" WHERE student_id = ?"));
    st.bind(studentId.trimmed());
    if (auto r = st.exec(); !r)
        return r.error();
    if (!st.next())
        return notFound(tr("There is no resident with the student ID \"%1\".").arg(studentId.trimmed()));
    return readResident(st);
}

namespace {
DbError duplicateStudentId(const QString &studentId)
{
    const QString message =
        ResidentRepository::tr("A resident with the student ID \"%1\" already exists.").arg(studentId);
    return DbError(DbError::Code::Duplicate, message, {},
                   {FieldError{QStringLiteral("student_id"), message}});
}
} // namespace

Result<Resident> ResidentRepository::create(const Resident &input)
{
    const Resident resident = normalized(input);
    if (QList<FieldError> errors = validate(resident); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    const Result<bool> taken =
        exists(m_db, QStringLiteral("SELECT 1 FROM residents WHERE student_id = ?"), {resident.studentId});
    if (!taken)
        return taken.error();
    if (taken.value())
        return duplicateStudentId(resident.studentId);

    SqlStatement st(m_db,
                    QStringLiteral("INSERT INTO residents (student_id, first_name, last_name, email, phone, "
                                   "status, contact_by, language, version, created_by, updated_by) "
                                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id"));
    st.bind(resident.studentId).bind(resident.firstName).bind(resident.lastName).bind(resident.email);
    st.bind(resident.phone)
        .bind(Resident::statusCode(resident.status))
        .bind(Resident::contactByCode(resident.contactBy))
        .bind(RecipientLanguage::sqlValue(resident.language))
        .bind(m_actor.username)
        .bind(m_actor.username);
    if (auto r = st.exec(); !r) {
        if (r.error().code == DbError::Code::Duplicate)
            return duplicateStudentId(resident.studentId);
        return r.error();
    }
    if (!st.next())
        return DbError(DbError::Code::QueryFailed, tr("The new resident was not stored."));
    const qint64 id = st.value(0).toLongLong();
    st.finish();
    announceChange(m_db);
    return get(id);
}

Result<Resident> ResidentRepository::update(const Resident &input, OnConflict onConflict)
{
    const Resident resident = normalized(input);
    if (QList<FieldError> errors = validate(resident); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    const Result<bool> taken =
        exists(m_db, QStringLiteral("SELECT 1 FROM residents WHERE student_id = ? AND id <> ?"),
               {resident.studentId, resident.id});
    if (!taken)
        return taken.error();
    if (taken.value())
        return duplicateStudentId(resident.studentId);

    const bool overwrite = onConflict == OnConflict::Overwrite;
    SqlStatement st(
        m_db, QStringLiteral(
                  "UPDATE residents SET student_id = ?, first_name = ?, last_name = ?, "
                  "email = ?, phone = ?, status = ?, contact_by = ?, language = ?, version = version + 1, "
                  "updated_at = ") +
                  Dialect::now(m_db.config().backend) +
                  (overwrite ? QStringLiteral(", updated_by = ? WHERE id = ?")
                             : QStringLiteral(", updated_by = ? WHERE id = ? AND version = ?")));
    st.bind(resident.studentId).bind(resident.firstName).bind(resident.lastName).bind(resident.email);
    st.bind(resident.phone)
        .bind(Resident::statusCode(resident.status))
        .bind(Resident::contactByCode(resident.contactBy))
        .bind(RecipientLanguage::sqlValue(resident.language))
        .bind(m_actor.username)
        .bind(resident.id);
    if (!overwrite)
        st.bind(resident.version);
    if (auto r = st.exec(); !r) {
        if (r.error().code == DbError::Code::Duplicate)
            return duplicateStudentId(resident.studentId);
        return r.error();
    }
    if (st.numRowsAffected() == 0) {
        const Result<bool> found =
            exists(m_db, QStringLiteral("SELECT 1 FROM residents WHERE id = ?"), {resident.id});
        if (!found)
            return found.error();
        if (!found.value())
            return notFound(tr("The resident no longer exists; another user may have deleted it."));
        return conflict(
            tr("Another user changed this resident since you opened it. Reload to see their changes, "
               "or overwrite them with yours."));
    }
    announceChange(m_db);
    return get(resident.id);
}

VoidResult ResidentRepository::remove(qint64 id, int expectedVersion)
{
    SqlStatement st(m_db, QStringLiteral("DELETE FROM residents WHERE id = ? AND version = ?"));
    st.bind(id).bind(expectedVersion);
    if (auto r = st.exec(); !r) {
        // The allocations table keeps its residents (ON DELETE RESTRICT): their history stays.
        if (r.error().code == DbError::Code::ConstraintViolation)
            return DbError(
                DbError::Code::ConstraintViolation,
                tr("The resident has room allocations and cannot be deleted; mark them inactive or "
                   "graduated instead."),
                r.error().detail);
        return r.error();
    }
    if (st.numRowsAffected() == 0) {
        const Result<bool> found = exists(m_db, QStringLiteral("SELECT 1 FROM residents WHERE id = ?"), {id});
        if (!found)
            return found.error();
        if (!found.value())
            return notFound(tr("The resident no longer exists; another user may have deleted it."));
        return conflict(tr("Another user changed this resident since you opened it; it was not deleted."));
    }
    announceChange(m_db);
    return {};
}

Result<Resident> ResidentRepository::restore(const Resident &input)
{
    const Resident resident = normalized(input);
    // The row comes back as it was: a phone number stored before numbers were checked
    // (migration 0023) does not stop an undo.
    QList<FieldError> errors = validate(resident);
    errors.removeIf([](const FieldError &e) { return e.field == QStringLiteral("phone"); });
    if (!errors.isEmpty())
        return DbError::validation(std::move(errors));
    const Result<bool> taken =
        exists(m_db, QStringLiteral("SELECT 1 FROM residents WHERE student_id = ? AND id <> ?"),
               {resident.studentId, resident.id});
    if (!taken)
        return taken.error();
    if (taken.value())
        return duplicateStudentId(resident.studentId);
    // The restored row gets a new version, so that copies read before the delete are stale.
    SqlStatement st(
        m_db, QStringLiteral("INSERT INTO residents (id, student_id, first_name, last_name, email, phone, "
                             "status, contact_by, language, version, created_by, updated_by) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    st.bind(resident.id).bind(resident.studentId).bind(resident.firstName).bind(resident.lastName);
    st.bind(resident.email).bind(resident.phone).bind(Resident::statusCode(resident.status));
    st.bind(Resident::contactByCode(resident.contactBy)).bind(RecipientLanguage::sqlValue(resident.language));
    st.bind(qMax(1, resident.version + 1)).bind(m_actor.username).bind(m_actor.username);
    if (auto r = st.exec(); !r) {
        if (r.error().code == DbError::Code::Duplicate) {
            const Result<bool> present =
                exists(m_db, QStringLiteral("SELECT 1 FROM residents WHERE id = ?"), {resident.id});
            if (present && present.value())
                return DbError(DbError::Code::Duplicate,
                               tr("The resident is already present; there is nothing to restore."));
            return duplicateStudentId(resident.studentId);
        }
        return r.error();
    }
    announceChange(m_db);
    return get(resident.id);
}

Result<QList<Resident>> ResidentRepository::page(const PageRequest &request)
{
    const QString sortExpr = sortExpression(request.sortColumn);
    const QString idExpr = QStringLiteral("id");
    Where where;
    where.addSearch(m_db.config().backend,
                    {QStringLiteral("student_id"), QStringLiteral("first_name"), QStringLiteral("last_name"),
                     QStringLiteral("email")},
                    request.filter.search);
    if (!request.filter.status.isEmpty())
        where.add(QStringLiteral("status = ?"), {request.filter.status});
    addBuildingFilter(where, request.filter.buildingId);
    addChannelFilter(where, request.filter.channel);
    where.addCursor(sortExpr, idExpr, request);
    SqlStatement st(m_db, kSelect + where.sql() + orderBy(sortExpr, idExpr, request.order) +
                              QStringLiteral(" LIMIT ?"));
    bindAll(st, where.values);
    st.bind(qMax(1, request.limit));
    if (auto r = st.exec(); !r)
        return r.error();
    QList<Resident> rows;
    rows.reserve(qMax(1, request.limit));
    while (st.next())
        rows.append(readResident(st));
    return rows;
}

Result<qint64> ResidentRepository::count(const ListFilter &filter)
{
    Where where;
    where.addSearch(m_db.config().backend,
                    {QStringLiteral("student_id"), QStringLiteral("first_name"), QStringLiteral("last_name"),
                     QStringLiteral("email")},
                    filter.search);
    if (!filter.status.isEmpty())
        where.add(QStringLiteral("status = ?"), {filter.status});
    addBuildingFilter(where, filter.buildingId);
    addChannelFilter(where, filter.channel);
    return scalarCount(m_db, QStringLiteral("SELECT COUNT(*) FROM residents") + where.sql(), where.values);
}

QVariant ResidentRepository::sortValue(const Resident &resident, int column)
{
    switch (column) {
    case FirstName:
        return resident.firstName;
    case LastName:
        return resident.lastName;
    case Email:
        return resident.email;
    case Phone:
        return resident.phone;
    case Status:
        return Resident::statusCode(resident.status);
    case StudentId:
    default:
        return resident.studentId;
    }
}
