#include "tasks/sms/residenttexting.h"

#include "models/db/transaction.h"
#include "models/housing/allocation/allocationrepository.h"
#include "models/housing/buildingrepository.h"
#include "models/housing/residentrepository.h"
#include "tasks/mail/residentmailing.h"

#include <QCryptographicHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

ResidentTexting::ResidentTexting(Options options, const JobClock &clock)
    : m_options(std::move(options))
    , m_clock(clock)
{}

QList<FieldError> ResidentTexting::validate() const
{
    QList<FieldError> errors;
    if (m_options.text.trimmed().isEmpty())
        errors.append({u"sms_text"_s, tr("The text message needs a text.")});
    else if (m_options.text.size() > SmsOutbox::kTextMax)
        errors.append({u"sms_text"_s, tr("The text message must be at most %1 characters long, not %2.")
                                          .arg(SmsOutbox::kTextMax)
                                          .arg(m_options.text.size())});
    static const QRegularExpression re(u"\\{([A-Za-z_][A-Za-z0-9_]*)\\}"_s);
    QStringList unknown;
    auto it = re.globalMatch(m_options.text);
    while (it.hasNext()) {
        const QString name = it.next().captured(1);
        if (!ResidentMailing::placeholders().contains(name) && !unknown.contains(u'{' + name + u'}'))
            unknown << u'{' + name + u'}';
    }
    if (!unknown.isEmpty()) {
        QStringList known;
        for (const QString &name : ResidentMailing::placeholders())
            known << u'{' + name + u'}';
        errors.append(
            {u"sms_text"_s, tr("Unknown placeholder(s) in the text message: %1. Known placeholders: %2.",
                               nullptr, int(unknown.size()))
                                .arg(unknown.join(u", "_s), known.join(u", "_s))});
    }
    if (!m_options.status.isEmpty() && !Resident::statusFromCode(m_options.status))
        errors.append(
            {u"status"_s,
             tr("Unknown resident status \"%1\"; use active, inactive or graduated.").arg(m_options.status)});
    if (m_options.mailingKey.size() > 100)
        errors.append({u"mailing"_s, tr("The mailing name must be at most %1 characters long.").arg(100)});
    return errors;
}

QString ResidentTexting::mailingKey() const
{
    if (!m_options.mailingKey.trimmed().isEmpty())
        return m_options.mailingKey.trimmed();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QStringList parts{u"sms"_s, m_options.text, m_options.status};
    if (!m_options.buildingCode.trimmed().isEmpty())
        parts << u"building:"_s + m_options.buildingCode.trimmed();
    for (const QString &part : parts) {
        hash.addData(part.toUtf8());
        hash.addData(QByteArrayView("\x1f", 1));
    }
    return QString::fromLatin1(hash.result().toHex().left(16));
}

Result<ListFilter> ResidentTexting::filter(Database &db) const
{
    ListFilter filter;
    filter.status = m_options.status;
    filter.channel = u"sms"_s;
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

Result<QList<SmsMessage>> ResidentTexting::messagesFor(Database &db, const QList<Resident> &residents) const
{
    QList<qint64> ids;
    for (const Resident &r : residents)
        ids.append(r.id);
    const Result<QHash<qint64, Allocation>> current =
        AllocationRepository(db, Actor::systemUser()).currentForResidents(ids);
    if (!current)
        return current.error();
    const QString key = mailingKey();
    QList<SmsMessage> out;
    for (const Resident &r : residents) {
        const auto it = current->constFind(r.id);
        SmsMessage m;
        m.dedupeKey = u"mailing/%1/resident/%2/sms"_s.arg(key).arg(r.id);
        m.toNumber = r.phone;
        m.toName = (r.firstName + u' ' + r.lastName).trimmed();
        m.text = ResidentMailing::render(m_options.text, r, it == current->cend() ? nullptr : &it.value());
        m.relatedEntity = u"resident"_s;
        m.relatedId = r.id;
        out.append(m);
    }
    return out;
}

Result<qint64> ResidentTexting::countRecipients(Database &db) const
{
    const Result<ListFilter> selection = filter(db);
    if (!selection)
        return selection.error();
    return ResidentRepository(db, Actor::systemUser()).count(selection.value());
}

Result<QList<SmsMessage>> ResidentTexting::preview(Database &db, int count) const
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

Result<ResidentTexting::Summary> ResidentTexting::enqueue(Database &db, const Actor &actor, int chunk) const
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
    SmsOutbox outbox(db, m_clock);
    for (;;) {
        const Result<QList<Resident>> page = residents.page(request);
        if (!page)
            return page.error();
        if (page->isEmpty())
            break;
        Transaction tx(db);
        if (!tx.ok())
            return tx.error();
        const Result<QList<SmsMessage>> messages = messagesFor(db, page.value());
        if (!messages)
            return messages.error();
        for (qsizetype i = 0; i < page->size(); ++i) {
            const Resident &r = page->at(i);
            const Result<SmsOutbox::Enqueued> queued = outbox.enqueue(messages->at(i), actor);
            if (!queued) {
                DbError error = queued.error();
                error.message = tr("The text message to %1 %2 (%3) could not be queued: %4")
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
