#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// A client of the lab: a farm, an animal owner or a clinic that submits samples and
// receives the reports (by e-mail).
struct Client
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(Client)
public:
    enum class Kind { Farm, Owner, Clinic };
    Q_ENUM(Kind)

    qint64 id = 0;
    QString code; // optional stable key (unique when set), e.g. an account number
    QString name; // required
    Kind kind = Kind::Owner;
    QString email; // optional; valid address when set
    QString phone; // optional
    // The language its reports' e-mails are written in: "en", "es", or empty for the
    // office's default (models/core/recipientlanguage.h).
    QString language;
    int version = 0;

    bool operator==(const Client &) const = default;

    static QString kindCode(Kind kind); // "farm", "owner", "clinic"
    static std::optional<Kind> kindFromCode(const QString &code);
    static QString kindLabel(Kind kind); // translated
    static QList<Kind> allKinds();
};
Q_DECLARE_METATYPE(Client)
