#pragma once

#include "models/lab/protocol.h"

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

// The lab's work order for one protocol: the analyses requested and the vet assigned.
// Every protocol has exactly one (ProtocolRepository::create makes it).
struct WorkOrder
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(WorkOrder)
public:
    // One requested analysis, in the order shown on the work order.
    struct Analysis
    {
        int position = 0; // 1, 2, … (assigned on write from the list order)
        QString code;     // "HEM-CBC"
        QString name;     // "Complete blood count"
        QString sample;   // which sample it runs on ("tube 1, EDTA")
        bool operator==(const Analysis &) const = default;
    };

    qint64 id = 0;
    qint64 protocolId = 0;
    // Read-only, joined from the protocol and its client when the row was read.
    QString protocolNumber;
    Protocol::State protocolState = Protocol::State::Submitted;
    QString clientName;
    QString species;

    QString assignedVet; // optional: user name
    QString notes;
    int version = 0;
    // Filled by WorkOrderRepository::get/getByProtocol; empty in page() rows, which
    // carry analysisCount instead.
    QList<Analysis> analyses;
    int analysisCount = 0;

    bool operator==(const WorkOrder &) const = default;

    // The content version the PDF cache keys on: any change to the work order or to
    // its analyses bumps it.
    int contentVersion() const { return version; }
};
Q_DECLARE_METATYPE(WorkOrder)
