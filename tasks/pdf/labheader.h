#pragma once

#include <QString>

// The laboratory as it appears in the header of every page of its PDFs (reports and
// work orders). A plain value: filled by whoever maps the lab's settings onto a
// document, copied freely between threads.
//
//   LabHeader lab{u"Veterinary Diagnostic Laboratory"_s, u"Campus Road 4, Springfield"_s,
//                 u"+1 555 0100"_s};
struct LabHeader
{
    QString name;
    QString address; // one line
    QString phone;
};
