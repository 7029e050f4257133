#include "ui/allocations/residentchoice.h"

#include "models/housing/residentrepository.h"

#include <QComboBox>

namespace {
constexpr int kResidentsShown = 50;
} // namespace

namespace ResidentChoice {

PageRequest request(const QString &search)
{
    PageRequest request;
    request.filter.search = search;
    request.filter.status = Resident::statusCode(Resident::Status::Active);
    request.sortColumn = ResidentRepository::LastName;
    request.limit = kResidentsShown;
    return request;
}

void fill(QComboBox *box, const QList<Resident> &residents)
{
    const qint64 selected = box->currentData().toLongLong();
    box->clear();
    for (const Resident &r : residents)
        box->addItem(QCoreApplication::translate("ResidentChoice", "%1 %2 (%3)")
                         .arg(r.firstName, r.lastName, r.studentId),
                     r.id);
    box->setCurrentIndex(qMax(0, box->findData(selected)));
}

} // namespace ResidentChoice
