#pragma once

#include "ui/outbox/outboxtablemodel.h"

// The rows of the "Text messages" dock: an OutboxTableModel (its columns are the same
// for every channel); the name the SMS code and its tests know it by.
using SmsOutboxTableModel = OutboxTableModel;
