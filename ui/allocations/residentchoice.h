#pragma once

#include "models/core/listquery.h"
#include "models/housing/resident.h"

#include <QCoreApplication>
#include <QList>

class QComboBox;

// The resident picker the allocation and waitlist dialogs share: what a search box's
// text asks of ResidentRepository::page (active residents by last name, the first 50),
// and how the answer fills the combo box ("Ana Arce (S0002)", id as data), keeping the
// resident chosen before when they are still listed.
namespace ResidentChoice {
PageRequest request(const QString &search);
void fill(QComboBox *box, const QList<Resident> &residents);
} // namespace ResidentChoice
