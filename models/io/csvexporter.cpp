#include "models/io/csvexporter.h"

#include "models/core/listquery.h"
#include "models/housing/residentrepository.h"
#include "models/housing/roomrepository.h"
#include "models/io/csvwriter.h"
#include "models/lab/protocolrepository.h"

#include <QIODevice>

using namespace Qt::StringLiterals;

namespace {

constexpr int kPageSize = 1000;

DbError writeError(const CsvWriter &writer)
{
    return DbError(DbError::Code::QueryFailed, writer.errorString());
}

// Pages through a repository in sort order with the keyset cursor.
template<typename Repository, typename Row, typename Emit>
Result<qint64> forEachPage(Repository &repository, int sortColumn, const CsvExporter::Progress &progress,
                           Emit emitRow)
{
    PageRequest request;
    request.sortColumn = sortColumn;
    request.order = Qt::AscendingOrder;
    request.limit = kPageSize;
    qint64 rows = 0;
    for (;;) {
        Result<QList<Row>> page = repository.page(request);
        if (!page)
            return page.error();
        for (const Row &row : page.value()) {
            if (VoidResult r = emitRow(row); !r)
                return r.error();
            ++rows;
        }
        if (progress)
            progress(rows);
        if (page->size() < kPageSize)
            return rows;
        const Row &last = page->constLast();
        request.hasCursor = true;
        request.afterValue = Repository::sortValue(last, sortColumn);
        request.afterId = last.id;
    }
}

} // namespace

CsvExporter::CsvExporter(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

QStringList CsvExporter::residentColumns()
{
    // As the resident import reads them (an empty language: the office's default).
    return {u"student_id"_s, u"first_name"_s, u"last_name"_s,  u"email"_s,
            u"phone"_s,      u"status"_s,     u"contact_by"_s, u"language"_s};
}

QStringList CsvExporter::roomColumns()
{
    return {u"building_code"_s, u"number"_s, u"floor"_s, u"type"_s, u"capacity"_s, u"status"_s};
}

QStringList CsvExporter::protocolColumns()
{
    return {u"id"_s,      u"number"_s,       u"client_id"_s,    u"client"_s,
            u"species"_s, u"animal_id"_s,    u"sample_count"_s, u"sample_type"_s,
            u"state"_s,   u"submitted_at"_s, u"received_at"_s,  u"version"_s};
}

std::optional<CsvExporter::Table> CsvExporter::tableFromName(const QString &name)
{
    if (name == u"protocols"_s)
        return Table::Protocols;
    if (name == u"residents"_s)
        return Table::Residents;
    if (name == u"rooms"_s)
        return Table::Rooms;
    return std::nullopt;
}

Result<qint64> CsvExporter::exportTable(Table table, QIODevice &device, const Progress &progress)
{
    switch (table) {
    case Table::Residents:
        return exportResidents(device, progress);
    case Table::Rooms:
        return exportRooms(device, progress);
    case Table::Protocols:
        break;
    }
    return exportProtocols(device, progress);
}

Result<qint64> CsvExporter::exportResidents(QIODevice &device, const Progress &progress)
{
    CsvWriter writer(&device);
    if (!writer.writeRecord(residentColumns()))
        return writeError(writer);
    ResidentRepository repository(m_db, m_actor);
    const Result<qint64> rows = forEachPage<ResidentRepository, Resident>(
        repository, ResidentRepository::StudentId, progress, [&writer](const Resident &r) -> VoidResult {
            if (!writer.writeRecord({r.studentId, r.firstName, r.lastName, r.email, r.phone,
                                     Resident::statusCode(r.status), Resident::contactByCode(r.contactBy),
                                     r.language}))
                return writeError(writer);
            return {};
        });
    if (!rows)
        return rows;
    if (!writer.flush())
        return writeError(writer);
    return rows;
}

Result<qint64> CsvExporter::exportRooms(QIODevice &device, const Progress &progress)
{
    CsvWriter writer(&device);
    if (!writer.writeRecord(roomColumns()))
        return writeError(writer);
    RoomRepository repository(m_db, m_actor);
    const Result<qint64> rows = forEachPage<RoomRepository, Room>(
        repository, RoomRepository::BuildingCode, progress, [&writer](const Room &r) -> VoidResult {
            if (!writer.writeRecord({r.buildingCode, r.number, QString::number(r.floor),
                                     Room::typeCode(r.type), QString::number(r.capacity),
                                     Room::statusCode(r.status)}))
                return writeError(writer);
            return {};
        });
    if (!rows)
        return rows;
    if (!writer.flush())
        return writeError(writer);
    return rows;
}

Result<qint64> CsvExporter::exportProtocols(QIODevice &device, const Progress &progress)
{
    CsvWriter writer(&device);
    if (!writer.writeRecord(protocolColumns()))
        return writeError(writer);
    const auto time = [](const QDateTime &t) {
        return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
    };
    ProtocolRepository repository(m_db, m_actor);
    PageRequest request;
    request.sortColumn = ProtocolRepository::Number;
    request.order = Qt::AscendingOrder;
    request.limit = kPageSize;
    qint64 rows = 0;
    for (;;) {
        const Result<QList<Protocol>> page = repository.page({}, request);
        if (!page)
            return page.error();
        for (const Protocol &p : page.value()) {
            if (!writer.writeRecord({QString::number(p.id), p.number, QString::number(p.clientId),
                                     p.clientName, p.species, p.animalId, QString::number(p.sampleCount),
                                     p.sampleType, Protocol::stateCode(p.state), time(p.submittedAt),
                                     time(p.receivedAt), QString::number(p.version)}))
                return writeError(writer);
            ++rows;
        }
        if (progress)
            progress(rows);
        if (page->size() < kPageSize)
            break;
        const Protocol &last = page->constLast();
        request.hasCursor = true;
        request.afterValue = ProtocolRepository::sortValue(last, request.sortColumn);
        request.afterId = last.id;
    }
    if (!writer.flush())
        return writeError(writer);
    return rows;
}
