#include "tasks/mail/residentmailing.h"

#include "models/db/transaction.h"
#include "models/housing/allocation/allocationrepository.h"
#include "models/housing/buildingrepository.h"
#include "models/housing/residentrepository.h"
#include "tasks/mail/outbox.h"

#include <QCryptographicHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression re(u"\\{([A-Za-z_][A-Za-z0-9_]*)\\}"_s);
    return re;
}

QStringList placeholdersIn(const QString &text)
{
    QStringList names;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names << name;
    }
    return names;
}

} // namespace

ResidentMailing::ResidentMailing(Options options, const JobClock &clock)
    : m_options(std::move(options))
    , m_clock(clock)
{}

QStringList ResidentMailing::placeholders()
{
    return {u"first_name"_s, u"last_name"_s, u"student_id"_s, u"email"_s, u"room"_s, u"building"_s};
}

QList<FieldError> ResidentMailing::validate() const
{
    QList<FieldError> errors;
    if (m_options.subject.trimmed().isEmpty())
        errors.append({u"subject"_s, tr("The mailing needs a subject.")});
    if (m_options.subject.contains(u'\n') || m_options.subject.contains(u'\r'))
        errors.append({u"subject"_s, tr("The subject must be one line.")});
    if (m_options.body.trimmed().isEmpty())
        errors.append({u"body"_s, tr("The mailing needs a text.")});
    const struct
    {
        QString field;
        const QString &text;
    } templates[] = {{u"subject"_s, m_options.subject}, {u"body"_s, m_options.body}};
    for (const auto &t : templates) {
        QStringList unknown;
        for (const QString &name : placeholdersIn(t.text)) {
            if (!placeholders().contains(name))
                unknown << u'{' + name + u'}';
        }
        if (!unknown.isEmpty()) {
            QStringList known;
            for (const QString &name : placeholders())
                known << u'{' + name + u'}';
            errors.append({t.field, tr("Unknown placeholder(s) in the %1: %2. Known placeholders: %3.",
                                       nullptr, int(unknown.size()))
                                        .arg(t.field == u"subject"_s ? tr("subject") : tr("text"),
                                             unknown.join(u", "_s), known.join(u", "_s))});
        }
    }
    if (!m_options.status.isEmpty() && !Resident::statusFromCode(m_options.status))
        errors.append(
            {u"status"_s,
             tr("Unknown resident status \"%1\"; use active, inactive or graduated.").arg(m_options.status)});
    if (m_options.buildingCode.trimmed().size() > 16)
        errors.append({u"building"_s, tr("A building code has at most %1 characters, not \"%2\".")
                                          .arg(16)
                                          .arg(m_options.buildingCode.trimmed())});
    if (m_options.mailingKey.size() > 100)
        errors.append({u"mailing"_s, tr("The mailing name must be at most %1 characters long.").arg(100)});
    return errors;
}

QString ResidentMailing::render(const QString &text, const Resident &resident)
{
    return render(text, resident, nullptr);
}

QString ResidentMailing::render(const QString &text, const Resident &resident, const Allocation *current)
{
    QString out;
    qsizetype at = 0;
    auto it = placeholderPattern().globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(at, m.capturedStart() - at);
        const QString name = m.captured(1);
        if (name == u"first_name"_s)
            out += resident.firstName;
        else if (name == u"last_name"_s)
            out += resident.lastName;
        else if (name == u"student_id"_s)
            out += resident.studentId;
        else if (name == u"email"_s)
            out += resident.email;
        else if (name == u"room"_s)
            out += current ? current->roomNumber : QString();
        else if (name == u"building"_s)
            out += current ? current->buildingName : QString();
        else
            out += m.captured(0); // validate() refuses these before anything is sent
        at = m.capturedEnd();
    }
    out += QStringView(text).mid(at);
    return out;
}

QString ResidentMailing::mailingKey() const
{
    if (!m_options.mailingKey.trimmed().isEmpty())
        return m_options.mailingKey.trimmed();
    // The same subject, text and filter are the same mailing.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QStringList parts{m_options.subject, m_options.body, m_options.status};
    // Only when given, so that the keys of mailings to every building stay as they were.
    if (!m_options.buildingCode.trimmed().isEmpty())
        parts << u"building:"_s + m_options.buildingCode.trimmed();
    for (const QString &part : parts) {
        hash.addData(part.toUtf8());
        hash.addData(QByteArrayView("\x1f", 1));
    }
    return QString::fromLatin1(hash.result().toHex().left(16));
}

OutboxMessage ResidentMailing::messageFor(const Resident &resident, const Allocation *current) const
{
    OutboxMessage m;
    m.dedupeKey = u"mailing/%1/resident/%2"_s.arg(mailingKey()).arg(resident.id);
    m.toAddress = resident.email;
    m.toName = (resident.firstName + u' ' + resident.lastName).trimmed();
    m.subject = render(m_options.subject, resident, current).simplified();
    m.bodyText = render(m_options.body, resident, current);
    m.relatedEntity = u"resident"_s;
    m.relatedId = resident.id;
    return m;
}

Result<ListFilter> ResidentMailing::filter(Database &db) const
{
    ListFilter filter;
    filter.status = m_options.status;
    filter.channel = u"email"_s; // residents who chose text messages only get none
    const QString code = m_options.buildingCode.trimmed();
    if (code.isEmpty())
        return filter;
    const Result<Building> building = BuildingRepository(db, Actor::systemUser()).findByCode(code);
    if (!building) {
        if (building.error().code != DbError::Code::NotFound)
            return building.error();
        const QString message = tr("There is no building with the code \"%1\".").arg(code);
        return DbError(DbError::Code::Validation, message, {}, {FieldError{u"building"_s, message}});
    }
    filter.buildingId = building->id;
    return filter;
}

Result<QList<OutboxMessage>> ResidentMailing::messagesFor(Database &db,
                                                          const QList<Resident> &residents) const
{
    QList<qint64> ids;
    ids.reserve(residents.size());
    for (const Resident &r : residents)
        ids.append(r.id);
    // One query per page: the room each resident holds today (none: empty placeholders).
    const Result<QHash<qint64, Allocation>> current =
        AllocationRepository(db, Actor::systemUser()).currentForResidents(ids);
    if (!current)
        return current.error();
    QList<OutboxMessage> out;
    out.reserve(residents.size());
    for (const Resident &r : residents) {
        const auto it = current->constFind(r.id);
        out.append(messageFor(r, it == current->cend() ? nullptr : &it.value()));
    }
    return out;
}

Result<qint64> ResidentMailing::countRecipients(Database &db) const
{
    const Result<ListFilter> selection = filter(db);
    if (!selection)
        return selection.error();
    return ResidentRepository(db, Actor::systemUser()).count(selection.value());
}

Result<QList<OutboxMessage>> ResidentMailing::preview(Database &db, int count) const
{
    if (QList<FieldError> errors = validate(); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    const Result<ListFilter> selection = filter(db);
    if (!selection)
        return selection.error();
    PageRequest request;
    request.filter = selection.value();
    request.sortColumn = ResidentRepository::StudentId;
    request.limit = qMax(1, count);
    const Result<QList<Resident>> residents = ResidentRepository(db, Actor::systemUser()).page(request);
    if (!residents)
        return residents.error();
    return messagesFor(db, residents.value());
}

Result<ResidentMailing::Summary> ResidentMailing::enqueue(Database &db, const Actor &actor, int chunk) const
{
    if (QList<FieldError> errors = validate(); !errors.isEmpty())
        return DbError::validation(std::move(errors));
    Summary summary;
    summary.mailingKey = mailingKey();
    const Result<ListFilter> selection = filter(db);
    if (!selection)
        return selection.error();
    ResidentRepository residents(db, actor);
    PageRequest request;
    request.filter = selection.value();
    request.sortColumn = ResidentRepository::StudentId;
    request.limit = qBound(1, chunk, 5000);
    Outbox outbox(db, m_clock);
    for (;;) {
        const Result<QList<Resident>> page = residents.page(request);
        if (!page)
            return page.error();
        if (page->isEmpty())
            break;
        Transaction tx(db);
        if (!tx.ok())
            return tx.error();
        const Result<QList<OutboxMessage>> messages = messagesFor(db, page.value());
        if (!messages)
            return messages.error();
        for (qsizetype i = 0; i < page->size(); ++i) {
            const Resident &r = page->at(i);
            const Result<Outbox::Enqueued> queued = outbox.enqueue(messages->at(i), actor);
            if (!queued) {
                DbError error = queued.error();
                error.message = tr("The e-mail to %1 %2 (%3) could not be queued: %4")
                                    .arg(r.firstName, r.lastName, r.studentId, error.text());
                return error;
            }
            ++summary.matched;
            if (queued->existed) {
                ++summary.existing;
            } else {
                ++summary.queued;
                summary.drainJobId = queued->drainJobId;
            }
        }
        if (auto r = tx.commit(); !r)
            return r.error();
        request.hasCursor = true;
        request.afterValue = ResidentRepository::sortValue(page->constLast(), request.sortColumn);
        request.afterId = page->constLast().id;
        if (page->size() < request.limit)
            break;
    }
    return summary;
}
