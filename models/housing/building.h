#pragma once

#include <QMetaType>
#include <QString>

struct Building
{
    qint64 id = 0;
    QString code;       // short unique code, e.g. "NH"
    QString name;
    QString address;
    int floors = 1;     // >= 1
    int version = 0;    // optimistic concurrency; 0 for a row not yet stored

    bool operator==(const Building &) const = default;
};
Q_DECLARE_METATYPE(Building)
