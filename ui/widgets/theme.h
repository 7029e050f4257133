#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

// The few colours of our own the window uses besides the palette's, chosen for the
// palette in use so that they read on a light and on a dark one alike (at least 4.5:1
// against the window and the base colour, as WCAG asks of text).
//
//   label->setStyleSheet(Theme::errorStyle(label->palette()));   // "color: #b3261e;"
namespace Theme {

// A dark palette: its window colour is darker than mid-grey.
bool isDark(const QPalette &palette);
// Text that says something went wrong, is overdue or needs attention.
QColor error(const QPalette &palette);
QString errorStyle(const QPalette &palette);
// WCAG 2 contrast ratio of two colours (1 … 21).
double contrast(const QColor &a, const QColor &b);

} // namespace Theme
