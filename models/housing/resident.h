#pragma once

#include <QCoreApplication>
#include <QMetaType>
#include <QString>

#include <optional>

struct Resident
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(Resident)
public:
    enum class Status { Active, Inactive, Graduated };
    Q_ENUM(Status)

    qint64 id = 0;
    QString studentId;  // unique
    QString firstName;
    QString lastName;
    QString email;      // valid address
    QString phone;      // optional
    Status status = Status::Active;
    int version = 0;

    bool operator==(const Resident &) const = default;

    static QString statusCode(Status status);     // "active", "inactive", "graduated"
    static std::optional<Status> statusFromCode(const QString &code);
    static QString statusLabel(Status status);    // translated
};
Q_DECLARE_METATYPE(Resident)
