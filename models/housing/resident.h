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
    // How the resident wants bulk messages and notices: e-mail, text message, or both.
    enum class ContactBy { Email, Sms, Both };
    Q_ENUM(ContactBy)

    qint64 id = 0;
    QString studentId; // unique
    QString firstName;
    QString lastName;
    QString email; // valid address
    QString phone; // optional; E.164 ("+12025550143") when written since migration 0023
    Status status = Status::Active;
    ContactBy contactBy = ContactBy::Email;
    // The language notices are written in: "en", "es", or empty for the office's default
    // (models/core/recipientlanguage.h).
    QString language;
    int version = 0;

    bool operator==(const Resident &) const = default;

    static QString statusCode(Status status); // "active", "inactive", "graduated"
    static std::optional<Status> statusFromCode(const QString &code);
    static QString statusLabel(Status status);         // translated
    static QString contactByCode(ContactBy contactBy); // "email", "sms", "both"
    static std::optional<ContactBy> contactByFromCode(const QString &code);
    static QString contactByLabel(ContactBy contactBy); // translated
    bool wantsEmail() const { return contactBy != ContactBy::Sms; }
    bool wantsSms() const { return contactBy != ContactBy::Email; }
};
Q_DECLARE_METATYPE(Resident)
