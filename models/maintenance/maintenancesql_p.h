#pragma once

// Private helpers of the maintenance repositories: the request list's columns and
// reader, dates and flags. Fixed SQL only; values are always bound.

#include "models/maintenance/maintenance.h"

#include <QDate>
#include <QString>
#include <QVariant>

class SqlStatement;

namespace MaintenanceSql {

// The columns of maintenance_request_list that readRequest() reads, in its order.
extern const QString kRequestColumns;
MaintenanceRequest readRequest(const SqlStatement &st, int first = 0);

QVariant dateParam(const QDate &date);
QDate readDate(const QVariant &value);
// Non-empty text for NOT NULL DEFAULT '' columns (a null QString binds as NULL).
QString text(const QString &value);
QList<Maintenance::Category> skillsFromCodes(const QString &codes);
QList<int> daysFromCodes(const QString &codes);

} // namespace MaintenanceSql
