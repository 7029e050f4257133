#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

struct Room
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(Room)
public:
    enum class Type { Single, Double, Triple, Suite, Studio };
    Q_ENUM(Type)
    enum class Status { Available, Maintenance, OutOfService };
    Q_ENUM(Status)

    qint64 id = 0;
    qint64 buildingId = 0;
    QString buildingCode;   // read-only: filled by the repository's reads
    QString number;         // unique within a building
    int floor = 0;          // 0 .. building floors - 1 (0 is the ground floor)
    Type type = Type::Single;
    int capacity = 1;       // >= 1
    Status status = Status::Available;
    int version = 0;

    bool operator==(const Room &) const = default;

    // Stable codes stored in the database and used by the command line ("single", "out_of_service").
    static QString typeCode(Type type);
    static std::optional<Type> typeFromCode(const QString &code);
    static QString typeLabel(Type type);        // translated
    static QString statusCode(Status status);
    static std::optional<Status> statusFromCode(const QString &code);
    static QString statusLabel(Status status);  // translated
};
Q_DECLARE_METATYPE(Room)
