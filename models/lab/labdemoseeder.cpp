#include "models/lab/labdemoseeder.h"

#include "models/core/batchinsert.h"
#include "models/db/database.h"
#include "models/db/dialect.h"
#include "models/db/sqlstatement.h"
#include "models/db/transaction.h"
#include "models/lab/client.h"
#include "models/lab/labsql_p.h"
#include "models/lab/protocolrepository.h"
#include "models/lab/report.h"

#include <QDateTime>
#include <QRandomGenerator>

#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// Protocols per transaction: about 40,000 result rows.
constexpr int kProtocolsPerTransaction = 250;

struct AnalysisSpec
{
    const char *code;
    const char *name;
};

constexpr std::array<AnalysisSpec, 32> kAnalyses{{
    {"HEM-CBC", "Complete blood count"},
    {"HEM-FIB", "Fibrinogen"},
    {"HEM-SME", "Blood smear examination"},
    {"BIO-LIV", "Liver panel"},
    {"BIO-KID", "Kidney panel"},
    {"BIO-MET", "Metabolic profile"},
    {"BIO-ELE", "Electrolytes"},
    {"BIO-MIN", "Macro minerals"},
    {"BIO-GLU", "Glucose"},
    {"TRC-CU", "Copper"},
    {"TRC-SE", "Selenium (GSH-Px)"},
    {"TRC-ZN", "Zinc"},
    {"SER-BVD", "BVD antigen ELISA"},
    {"SER-IBR", "IBR gB antibody ELISA"},
    {"SER-LEP", "Leptospira hardjo antibody"},
    {"SER-NEO", "Neospora caninum antibody"},
    {"SER-JOH", "Johne's disease antibody"},
    {"SER-FAS", "Liver fluke antibody"},
    {"PAR-FEC", "Faecal egg count"},
    {"PAR-COC", "Coccidia oocyst count"},
    {"MIC-CUL", "Bacterial culture"},
    {"MIC-AST", "Antimicrobial susceptibility"},
    {"MIC-MAS", "Milk culture (mastitis)"},
    {"PAT-HIS", "Histopathology"},
    {"PAT-PM", "Post-mortem examination"},
    {"URI-DIP", "Urinalysis (dipstick)"},
    {"URI-SED", "Urine sediment"},
    {"CYT-FNA", "Cytology (fine-needle aspirate)"},
    {"END-T4", "Total T4"},
    {"END-COR", "Cortisol"},
    {"TOX-PB", "Lead"},
    {"VIR-PCR", "Viral PCR panel"},
}};

// A quantitative analyte with its reference range; decimals for display.
struct AnalyteSpec
{
    const char *name;
    const char *unit;
    double low;
    double high;
    int decimals;
};

constexpr std::array<AnalyteSpec, 38> kAnalytes{{
    {"Haemoglobin", "g/dL", 8.0, 15.0, 1},
    {"Haematocrit", "%", 24, 46, 0},
    {"Red blood cells", "10^12/L", 5.0, 10.0, 2},
    {"White blood cells", "10^9/L", 4.0, 12.0, 1},
    {"Neutrophils", "10^9/L", 0.6, 4.0, 2},
    {"Lymphocytes", "10^9/L", 2.5, 7.5, 2},
    {"Monocytes", "10^9/L", 0.0, 0.8, 2},
    {"Eosinophils", "10^9/L", 0.0, 2.4, 2},
    {"Platelets", "10^9/L", 100, 800, 0},
    {"MCV", "fL", 40, 60, 1},
    {"MCH", "pg", 11, 17, 1},
    {"MCHC", "g/dL", 30, 36, 1},
    {"Fibrinogen", "g/L", 2.0, 7.0, 1},
    {"Total protein", "g/L", 62, 82, 0},
    {"Albumin", "g/L", 25, 38, 0},
    {"Globulin", "g/L", 30, 50, 0},
    {"Urea", "mmol/L", 2.0, 7.5, 1},
    {"Creatinine", "umol/L", 55, 130, 0},
    {"Glucose", "mmol/L", 2.5, 4.2, 1},
    {"AST", "U/L", 60, 150, 0},
    {"GGT", "U/L", 10, 40, 0},
    {"GLDH", "U/L", 0, 30, 0},
    {"ALP", "U/L", 0, 200, 0},
    {"CK", "U/L", 35, 350, 0},
    {"Total bilirubin", "umol/L", 0.5, 8.5, 1},
    {"Cholesterol", "mmol/L", 2.0, 4.5, 2},
    {"Beta-hydroxybutyrate", "mmol/L", 0.0, 1.0, 2},
    {"NEFA", "mmol/L", 0.0, 0.4, 2},
    {"Calcium", "mmol/L", 2.0, 2.6, 2},
    {"Phosphate", "mmol/L", 1.4, 2.5, 2},
    {"Magnesium", "mmol/L", 0.74, 1.10, 2},
    {"Sodium", "mmol/L", 132, 152, 0},
    {"Potassium", "mmol/L", 3.9, 5.8, 1},
    {"Chloride", "mmol/L", 95, 110, 0},
    {"Copper", "umol/L", 9, 19, 1},
    {"Zinc", "umol/L", 12, 20, 1},
    {"Iron", "umol/L", 13, 33, 0},
    {"Faecal egg count", "epg", 0, 200, 0},
}};

// Qualitative tests: negative, or positive (flagged abnormal).
constexpr std::array<const char *, 6> kSerology{{"BVD antigen", "IBR gB antibody",
                                                 "Leptospira hardjo antibody", "Neospora antibody",
                                                 "Johne's antibody", "Liver fluke antibody"}};

constexpr std::array<const char *, 9> kSpecies{
    {"Bovine", "Ovine", "Caprine", "Porcine", "Equine", "Canine", "Feline", "Chicken", "Alpaca"}};
constexpr std::array<const char *, 7> kSampleTypes{
    {"EDTA blood", "Serum", "Faeces", "Milk", "Tissue", "Urine", "Swab"}};

constexpr std::array<const char *, 16> kFarmWords{{"Green Acres", "Hillside", "Meadowbrook", "Oakridge",
                                                   "Willow Creek", "Riverbend", "Sunnyvale", "Highfield",
                                                   "Stonebridge", "Maple Hollow", "Clearwater", "Ashgrove",
                                                   "Fernhill", "Brookside", "Elmstead", "Redcliff"}};
constexpr std::array<const char *, 4> kFarmKinds{{"Farm", "Dairy", "Holdings", "Livestock"}};
constexpr std::array<const char *, 16> kFirstNames{{"Olivia", "Liam", "Emma", "Noah", "Ava", "Lucas", "Mia",
                                                    "Hugo", "Sofia", "Jonas", "Amara", "Diego", "Priya",
                                                    "Kofi", "Ingrid", "Tomas"}};
constexpr std::array<const char *, 16> kLastNames{{"Smith", "Garcia", "Brown", "Lopez", "Miller", "Wilson",
                                                   "Moore", "Taylor", "Martin", "Clark", "Walker", "Young",
                                                   "King", "Nguyen", "Patel", "Schmidt"}};
constexpr std::array<const char *, 12> kPlaces{{"Riverside", "Northgate", "Valley", "Lakeside", "Market Town",
                                                "Westfield", "Harbour", "Parkview", "Old Mill", "Kingsway",
                                                "Southbank", "Cedar"}};
constexpr std::array<const char *, 6> kVets{
    {"ahernandez", "bkowalski", "cnakamura", "dobrien", "efischer", "fosei"}};

QRandomGenerator generatorFor(quint32 seed, quint32 stream, quint32 index)
{
    const std::array<quint32, 3> key{seed, stream, index};
    return QRandomGenerator(key.data(), key.data() + key.size());
}

struct ClientRow
{
    QString code;
    QString name;
    Client::Kind kind;
    QString email;
    QString phone;
};

ClientRow demoClient(quint32 seed, int index)
{
    QRandomGenerator rng = generatorFor(seed, 1, quint32(index));
    ClientRow c;
    c.code = u"DEMO-C%1"_s.arg(index + 1, 4, 10, QLatin1Char('0'));
    const quint32 roll = rng.bounded(100);
    c.kind = roll < 45 ? Client::Kind::Farm : roll < 80 ? Client::Kind::Owner : Client::Kind::Clinic;
    switch (c.kind) {
    case Client::Kind::Farm:
        c.name = u"%1 %2"_s.arg(QLatin1String(kFarmWords[rng.bounded(int(kFarmWords.size()))]),
                                QLatin1String(kFarmKinds[rng.bounded(int(kFarmKinds.size()))]));
        break;
    case Client::Kind::Owner:
        c.name = u"%1 %2"_s.arg(QLatin1String(kFirstNames[rng.bounded(int(kFirstNames.size()))]),
                                QLatin1String(kLastNames[rng.bounded(int(kLastNames.size()))]));
        break;
    case Client::Kind::Clinic:
        c.name = u"%1 Veterinary Clinic"_s.arg(QLatin1String(kPlaces[rng.bounded(int(kPlaces.size()))]));
        break;
    }
    QString local = c.name.toLower();
    local.replace(QLatin1Char(' '), QLatin1Char('.'));
    c.email = u"%1.%2@demo-clients.example.org"_s.arg(local).arg(index + 1);
    c.phone = u"+1 555 %1"_s.arg(rng.bounded(10000), 4, 10, QLatin1Char('0'));
    return c;
}

QString formatValue(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

QString rangeText(const AnalyteSpec &a)
{
    return u"%1-%2"_s.arg(formatValue(a.low, a.decimals), formatValue(a.high, a.decimals));
}

} // namespace

LabDemoSeeder::LabDemoSeeder(Database &db, Actor actor)
    : m_db(db)
    , m_actor(std::move(actor))
{}

int LabDemoSeeder::clientCount(int protocols)
{
    if (protocols <= 0)
        return 0;
    return qMax(5, (protocols - 1) / 20 + 1);
}

Result<LabDemoSeeder::Summary> LabDemoSeeder::seed(const Options &options,
                                                   const std::function<void(int, int)> &progress)
{
    Summary summary;
    const auto backend = m_db.config().backend;
    const int total = qMax(0, options.protocols);
    const int first = qBound(0, options.firstProtocol, total);
    if (progress)
        progress(first, total);
    if (first >= total)
        return summary;
    for (const QString &setting : Dialect::bulkWriteSettings(backend)) {
        if (auto r = SqlStatement::run(m_db, setting); !r)
            return r.error();
    }
    const QString by = m_actor.username;
    bool announceClients = false;
    bool announceProtocols = false;

    // Clients 0 … clientCount(total)-1, each keyed by its code; their ids by index.
    const int clients = clientCount(total);
    QList<qint64> clientIds(clients, 0);
    {
        Transaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        BatchInsert insert(m_db,
                           u"INSERT INTO clients (code, name, kind, email, phone, created_by, updated_by)"_s,
                           7, u" ON CONFLICT (code) DO NOTHING"_s);
        for (int i = 0; i < clients; ++i) {
            const ClientRow c = demoClient(options.seed, i);
            if (auto r = insert.add({c.code, c.name, Client::kindCode(c.kind), c.email, c.phone, by, by}); !r)
                return r.error();
        }
        if (auto r = insert.flush(); !r)
            return r.error();
        summary.clients = int(insert.inserted());
        SqlStatement st(m_db, u"SELECT id, code FROM clients WHERE code LIKE 'DEMO-C%'"_s);
        if (auto r = st.exec(); !r)
            return r.error();
        while (st.next()) {
            const int index = st.value(1).toString().mid(6).toInt() - 1;
            if (index >= 0 && index < clients)
                clientIds[index] = st.value(0).toLongLong();
        }
        st.finish();
        if (auto r = tx.commit(); !r)
            return r.error();
        announceClients = summary.clients > 0;
    }

    const QDateTime base(QDate(DemoYear, 1, 5), QTime(7, 0), Qt::UTC);
    SqlStatement insertProtocol(
        m_db,
        u"INSERT INTO protocols (number, number_year, number_seq, client_id, species, animal_id, "
        u"sample_count, "
        "sample_type, state, submitted_at, received_at, version, created_by, updated_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (number) DO NOTHING RETURNING id"_s);
    SqlStatement insertWorkOrder(m_db,
                                 u"INSERT INTO work_orders (protocol_id, assigned_vet, notes, created_by, "
                                 "updated_by) VALUES (?, ?, ?, ?, ?) RETURNING id"_s);
    SqlStatement insertReport(m_db,
                              u"INSERT INTO reports (protocol_id, revision, state, findings, created_by, "
                              "updated_by) VALUES (?, 1, 'draft', ?, ?, ?) RETURNING id"_s);

    for (int start = first; start < total; start += kProtocolsPerTransaction) {
        const int end = qMin(total, start + kProtocolsPerTransaction);
        Transaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        BatchInsert analyses(
            m_db, u"INSERT INTO work_order_analyses (work_order_id, position, code, name, sample)"_s, 5);
        BatchInsert results(
            m_db,
            u"INSERT INTO report_results (report_id, position, analyte, value, unit, reference_range, flag)"_s,
            7);
        for (int i = start; i < end; ++i) {
            QRandomGenerator rng = generatorFor(options.seed, 2, quint32(i));
            const qint64 clientId = clientIds.value(int(rng.bounded(clientCount(i + 1))));
            const QString species = QLatin1String(kSpecies[rng.bounded(int(kSpecies.size()))]);
            const int samples = rng.bounded(10) < 6 ? 1 : int(rng.bounded(2, 25));
            const QString sampleType = QLatin1String(kSampleTypes[rng.bounded(int(kSampleTypes.size()))]);
            const QString animalId = samples == 1
                                         ? u"UK%1"_s.arg(rng.bounded(100000000u), 9, 10, QLatin1Char('0'))
                                         : u"Herd %1"_s.arg(rng.bounded(1000u), 3, 10, QLatin1Char('0'));
            const QDateTime submitted =
                base.addDays(rng.bounded(330)).addSecs(qint64(rng.bounded(10 * 3600)) + (i % 60));
            insertProtocol.bind(ProtocolRepository::formatNumber(DemoYear, i + 1)).bind(DemoYear).bind(i + 1);
            insertProtocol.bind(clientId).bind(species).bind(animalId).bind(samples).bind(sampleType);
            // A lab's mix of states (drawn apart, so the other values stay those of one
            // seed): most waiting to be received, some received or in analysis, a few
            // cancelled. Finalized ones come from vets finalizing their reports.
            QRandomGenerator stateRng = generatorFor(options.seed, 3, quint32(i));
            const quint32 roll = stateRng.bounded(100);
            const QString state = roll < 55   ? u"submitted"_s
                                  : roll < 75 ? u"received"_s
                                  : roll < 92 ? u"in_analysis"_s
                                              : u"cancelled"_s;
            const bool received = state == u"received" || state == u"in_analysis";
            const QDateTime receivedAt =
                received ? submitted.addSecs(qint64(stateRng.bounded(2 * 3600, 30 * 3600))) : QDateTime();
            insertProtocol.bind(state).bind(LabSql::timeParam(backend, submitted));
            insertProtocol.bind(LabSql::timeParam(backend, receivedAt)).bind(by).bind(by);
            if (auto r = insertProtocol.exec(); !r)
                return r.error();
            if (!insertProtocol.next())
                continue; // seeded before: its work order and report came with it
            const qint64 protocolId = insertProtocol.value(0).toLongLong();
            insertProtocol.finish();
            ++summary.protocols;

            const QString vet =
                rng.bounded(4) == 0 ? u""_s : QLatin1String(kVets[rng.bounded(int(kVets.size()))]);
            insertWorkOrder.bind(protocolId).bind(vet).bind(u""_s).bind(by).bind(by);
            if (auto r = insertWorkOrder.exec(); !r)
                return r.error();
            if (!insertWorkOrder.next())
                return DbError(DbError::Code::QueryFailed,
                               DbError::tr("The demo work order was not stored."));
            const qint64 workOrderId = insertWorkOrder.value(0).toLongLong();
            insertWorkOrder.finish();
            ++summary.workOrders;

            // 3–30 distinct analyses: a partial shuffle of the catalogue.
            std::array<int, kAnalyses.size()> order;
            for (int k = 0; k < int(order.size()); ++k)
                order[k] = k;
            const int analysisCount = int(rng.bounded(3, 31));
            const QString sampleText =
                samples == 1 ? u"S1, %1"_s.arg(sampleType) : u"S1-S%1, %2"_s.arg(samples).arg(sampleType);
            for (int k = 0; k < analysisCount; ++k) {
                const int pick = k + int(rng.bounded(int(order.size()) - k));
                std::swap(order[k], order[pick]);
                const AnalysisSpec &a = kAnalyses[order[k]];
                if (auto r = analyses.add(
                        {workOrderId, k + 1, QLatin1String(a.code), QLatin1String(a.name), sampleText});
                    !r)
                    return r.error();
            }
            summary.analyses += analysisCount;

            insertReport.bind(protocolId).bind(u""_s).bind(by).bind(by);
            if (auto r = insertReport.exec(); !r)
                return r.error();
            if (!insertReport.next())
                return DbError(DbError::Code::QueryFailed, DbError::tr("The demo report was not stored."));
            const qint64 reportId = insertReport.value(0).toLongLong();
            insertReport.finish();
            ++summary.reports;

            const int rows = int(rng.bounded(10, 301));
            for (int k = 0; k < rows; ++k) {
                const QString suffix = samples == 1 ? QString() : u" [S%1]"_s.arg(k % samples + 1);
                QVariantList row;
                const quint32 kind = rng.bounded(100);
                if (kind < 8) {
                    const QString test = QLatin1String(kSerology[rng.bounded(int(kSerology.size()))]);
                    const bool positive = rng.bounded(100) < 15;
                    row = {reportId,
                           k + 1,
                           test + suffix,
                           positive ? u"Positive"_s : u"Negative"_s,
                           u""_s,
                           u"Negative"_s,
                           positive ? u"A"_s : u""_s};
                } else {
                    const AnalyteSpec &a = kAnalytes[rng.bounded(int(kAnalytes.size()))];
                    const double span = a.high - a.low;
                    const quint32 roll = rng.bounded(100);
                    double value = 0;
                    QString flag;
                    if (roll < 8 && a.low > 0) {
                        value = a.low - span * (0.05 + rng.generateDouble() * 0.3);
                        value = std::max(0.0, value);
                        flag = u"L"_s;
                    } else if (roll < 16) {
                        value = a.high + span * (0.05 + rng.generateDouble() * 0.5);
                        flag = u"H"_s;
                    } else {
                        value = a.low + span * (0.05 + rng.generateDouble() * 0.9);
                        flag = u""_s;
                    }
                    row = {reportId,
                           k + 1,
                           QLatin1String(a.name) + suffix,
                           formatValue(value, a.decimals),
                           QString::fromUtf8(a.unit),
                           rangeText(a),
                           flag};
                }
                if (auto r = results.add(row); !r)
                    return r.error();
            }
            summary.results += rows;
        }
        if (auto r = analyses.flush(); !r)
            return r.error();
        if (auto r = results.flush(); !r)
            return r.error();
        if (auto r = tx.commit(); !r)
            return r.error();
        announceProtocols = announceProtocols || summary.protocols > 0;
        if (progress)
            progress(end, total);
    }
    // One event per table, after the rows are committed (not one per row).
    if (announceClients)
        LabSql::announceChange(m_db, u"clients"_s);
    if (announceProtocols) {
        for (const QString &table : {u"protocols"_s, u"work_orders"_s, u"reports"_s})
            LabSql::announceChange(m_db, table);
    }
    return summary;
}
