#pragma once

#include <QString>
#include <QStringView>

// Writing JSON as text, for the bound JSON arrays of set-based statements
// (Dialect::jsonArrayRowsSource): a bulk job renders thousands of rows per statement, and
// building them through QJsonObject costs several times the database's own work.
// Pure functions; any thread.
//
//   QString rows = u"["_s;
//   rows += u"{\"subject\":"_s;
//   JsonText::appendString(rows, subject);   // "Protocol \"P-1\" received"
//   rows += u"}]"_s;
namespace JsonText {
// Appends `text` as a JSON string literal, quotes and escapes included.
void appendString(QString &out, QStringView text);
// appendString, or `null` for a null or empty text.
void appendStringOrNull(QString &out, const QString &text);
} // namespace JsonText
