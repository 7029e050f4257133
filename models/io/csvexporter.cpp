#include "models/io/csvexporter.h"

#include "models/core/listquery.h"
#include "models/housing/residentrepository.h"
#include "models/housing/roomrepository.h"
#include "models/io/csvwriter.h"

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
    return {u"student_id"_s, u"first_name"_s, u"last_name"_s, u"email"_s, u"phone"_s, u"status"_s};
}

QStringList CsvExporter::roomColumns()
{
    return {u"building_code"_s, u"number"_s, u"floor"_s, u"type"_s, u"capacity"_s, u"status"_s};
}

std::optional<CsvExporter::Table> CsvExporter::tableFromName(const QString &name)
{
    if (name == u"residents"_s)
        return Table::Residents;
    if (name == u"rooms"_s)
        return Table::Rooms;
    return std::nullopt;
}

Result<qint64> CsvExporter::exportTable(Table table, QIODevice &device, const Progress &progress)
{
    return table == Table::Residents ? exportResidents(device, progress) : exportRooms(device, progress);
}

Result<qint64> CsvExporter::exportResidents(QIODevice &device, const Progress &progress)
{
    CsvWriter writer(&device);
    if (!writer.writeRecord(residentColumns()))
        return writeError(writer);
    ResidentRepository repository(m_db, m_actor);
    const Result<qint64> rows = forEachPage<ResidentRepository, Resident>(
        repository, ResidentRepository::StudentId, progress, [&writer](const Resident &r) -> VoidResult {
            if (!writer.writeRecord(
                    {r.studentId, r.firstName, r.lastName, r.email, r.phone, Resident::statusCode(r.status)}))
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
