#include "models/backup/backupformat.h"

#include <QJsonArray>

#include <cstring>
#include <zlib.h>

using namespace Qt::StringLiterals;

namespace BackupFormat {
QByteArray headMagic()
{
    return QByteArrayLiteral("RESIDESK-BACKUP1");
}
QByteArray tailMagic()
{
    return QByteArrayLiteral("RESIDESK-BACKEND");
}
} // namespace BackupFormat

namespace {
const char *const kTypeNames[] = {"integer", "real",      "text", "bytes",
                                  "boolean", "timestamp", "date", "numeric"};

template<typename T> void put(QByteArray &out, T v)
{
    char buf[sizeof(T)];
    std::memcpy(buf, &v, sizeof(T)); // the formats are little-endian; so are our targets
    out.append(buf, sizeof(T));
}
template<typename T> bool get(const QByteArray &data, qsizetype &pos, T &v)
{
    if (pos < 0 || data.size() - pos < qsizetype(sizeof(T)))
        return false;
    std::memcpy(&v, data.constData() + pos, sizeof(T));
    pos += sizeof(T);
    return true;
}
static_assert(Q_BYTE_ORDER == Q_LITTLE_ENDIAN, "the backup format is written little-endian");
} // namespace

QString portableTypeName(PortableType type)
{
    return QString::fromLatin1(kTypeNames[int(type)]);
}

PortableType portableTypeFromName(const QString &name, bool *ok)
{
    for (int i = 0; i < int(std::size(kTypeNames)); ++i) {
        if (name == QLatin1String(kTypeNames[i])) {
            *ok = true;
            return PortableType(i);
        }
    }
    *ok = false;
    return PortableType::Text;
}

namespace BackupCodec {

void append(QByteArray &out, const BackupValue &value)
{
    out.append(char(value.tag));
    switch (value.tag) {
    case BackupValue::Tag::Null:
        break;
    case BackupValue::Tag::Integer:
        put<qint64>(out, value.integer);
        break;
    case BackupValue::Tag::Real:
        put<double>(out, value.real);
        break;
    case BackupValue::Tag::Boolean:
        out.append(char(value.integer ? 1 : 0));
        break;
    case BackupValue::Tag::Text:
    case BackupValue::Tag::Bytes:
    case BackupValue::Tag::Timestamp:
    case BackupValue::Tag::Date:
        put<quint32>(out, quint32(value.bytes.size()));
        out.append(value.bytes);
        break;
    }
}

bool readView(const char *data, qsizetype size, qsizetype &pos, BackupValueView &value)
{
    qsizetype p = pos;
    if (p < 0 || p >= size)
        return false;
    const auto tag = quint8(data[p++]);
    if (tag > quint8(BackupValue::Tag::Date))
        return false;
    value = BackupValueView();
    value.tag = BackupValue::Tag(tag);
    switch (value.tag) {
    case BackupValue::Tag::Null:
        break;
    case BackupValue::Tag::Integer:
        if (size - p < qsizetype(sizeof(qint64)))
            return false;
        std::memcpy(&value.integer, data + p, sizeof(qint64));
        p += sizeof(qint64);
        break;
    case BackupValue::Tag::Real:
        if (size - p < qsizetype(sizeof(double)))
            return false;
        std::memcpy(&value.real, data + p, sizeof(double));
        p += sizeof(double);
        break;
    case BackupValue::Tag::Boolean: {
        if (p >= size)
            return false;
        const auto b = quint8(data[p++]);
        if (b > 1)
            return false;
        value.integer = b;
        break;
    }
    default: {
        quint32 len = 0;
        if (size - p < qsizetype(sizeof(quint32)))
            return false;
        std::memcpy(&len, data + p, sizeof(quint32));
        p += sizeof(quint32);
        if (size - p < qsizetype(len))
            return false;
        value.data = data + p;
        value.size = qsizetype(len);
        p += len;
    }
    }
    pos = p;
    return true;
}

bool read(const QByteArray &data, qsizetype &pos, BackupValue &value)
{
    BackupValueView view;
    if (!readView(data.constData(), data.size(), pos, view))
        return false;
    value.tag = view.tag;
    value.integer = view.integer;
    value.real = view.real;
    if (view.data)
        value.bytes = QByteArray(view.data, view.size);
    else
        value.bytes.clear();
    return true;
}

QByteArray compress(const QByteArray &raw, int level)
{
    uLongf bound = compressBound(uLong(raw.size()));
    QByteArray out(qsizetype(bound), Qt::Uninitialized);
    if (compress2(reinterpret_cast<Bytef *>(out.data()), &bound,
                  reinterpret_cast<const Bytef *>(raw.constData()), uLong(raw.size()), level) != Z_OK)
        return {};
    out.resize(qsizetype(bound));
    return out;
}

bool uncompress(const QByteArray &compressed, QByteArray &raw)
{
    z_stream s{};
    if (inflateInit(&s) != Z_OK)
        return false;
    // Straight into `raw`, which keeps its capacity from the previous chunk (resize
    // never shrinks it): no copies of pieces, few reallocations.
    constexpr qsizetype limit = qsizetype(BackupFormat::kChunkMax);
    raw.resize(
        qBound<qsizetype>(qMax<qsizetype>(raw.capacity(), compressed.size() * 4 + 4096), 4096, limit + 1));
    qsizetype have = 0;
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(compressed.constData()));
    s.avail_in = uInt(compressed.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        if (have == raw.size()) {
            if (raw.size() > limit) {
                rc = Z_DATA_ERROR;
                break;
            }
            raw.resize(qMin<qsizetype>(raw.size() * 2, limit + 1));
        }
        const qsizetype room = qMin<qsizetype>(raw.size() - have, 1 << 30);
        s.next_out = reinterpret_cast<Bytef *>(raw.data() + have);
        s.avail_out = uInt(room);
        rc = inflate(&s, Z_NO_FLUSH);
        have += room - qsizetype(s.avail_out);
        if (have > limit) {
            rc = Z_DATA_ERROR;
            break;
        }
    }
    raw.resize(have);
    const bool whole = rc == Z_STREAM_END && s.avail_in == 0;
    inflateEnd(&s);
    return whole;
}

} // namespace BackupCodec

qint64 BackupManifest::totalRows() const
{
    qint64 n = 0;
    for (const BackupTableEntry &t : tables)
        n += t.rows;
    return n;
}

QJsonObject BackupManifest::toJson() const
{
    QJsonArray list;
    for (const BackupTableEntry &t : tables) {
        QJsonArray columns;
        for (const BackupColumn &c : t.columns)
            columns.append(QJsonObject{{u"name"_s, c.name}, {u"type"_s, portableTypeName(c.type)}});
        list.append(QJsonObject{{u"name"_s, t.name},
                                {u"columns"_s, columns},
                                {u"rows"_s, t.rows},
                                {u"offset"_s, t.offset},
                                {u"length"_s, t.length},
                                {u"checksum"_s, QString::fromLatin1(t.checksum)},
                                {u"sequence"_s, t.sequence}});
    }
    return {{u"format"_s, format},        {u"schema_version"_s, schemaVersion}, {u"source"_s, sourceBackend},
            {u"created_at"_s, createdAt}, {u"checksum"_s, u"blake2b-256"_s},    {u"compression"_s, u"zlib"_s},
            {u"tables"_s, list}};
}

bool BackupManifest::fromJson(const QJsonObject &json, BackupManifest &m, QString *error)
{
    m = BackupManifest();
    m.format = json.value(u"format"_s).toInt();
    if (m.format != BackupFormat::kVersion) {
        *error =
            QCoreApplication::translate("BackupFile", "format version %1, this Residesk reads version %2")
                .arg(m.format)
                .arg(BackupFormat::kVersion);
        return false;
    }
    m.schemaVersion = json.value(u"schema_version"_s).toInt();
    m.sourceBackend = json.value(u"source"_s).toString();
    m.createdAt = json.value(u"created_at"_s).toString();
    for (const QJsonValue &v : json.value(u"tables"_s).toArray()) {
        const QJsonObject o = v.toObject();
        BackupTableEntry t;
        t.name = o.value(u"name"_s).toString();
        t.rows = o.value(u"rows"_s).toInteger(-1);
        t.offset = o.value(u"offset"_s).toInteger(-1);
        t.length = o.value(u"length"_s).toInteger(-1);
        t.checksum = o.value(u"checksum"_s).toString().toLatin1();
        t.sequence = o.value(u"sequence"_s).toInteger();
        for (const QJsonValue &cv : o.value(u"columns"_s).toArray()) {
            BackupColumn c;
            c.name = cv.toObject().value(u"name"_s).toString();
            bool ok = false;
            c.type = portableTypeFromName(cv.toObject().value(u"type"_s).toString(), &ok);
            if (!ok || c.name.isEmpty()) {
                *error = QCoreApplication::translate("BackupFile", "table %1: a column of unknown type")
                             .arg(t.name);
                return false;
            }
            t.columns.append(c);
        }
        if (t.name.isEmpty() || t.rows < 0 || t.offset < 0 || t.length < 0 || t.columns.isEmpty()) {
            *error =
                QCoreApplication::translate("BackupFile", "the manifest's entry for table “%1” is incomplete")
                    .arg(t.name);
            return false;
        }
        m.tables.append(t);
    }
    return true;
}
