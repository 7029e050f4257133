#pragma once

#include "models/core/actor.h"
#include "tests/support/testdatabase.h"

// The person the audit triggers record for a change made as `person`: the login on
// PostgreSQL, the operating-system account on SQLite (the embedded file's one person).
inline QString auditPerson(TestDatabase::Person person = TestDatabase::Person::Admin)
{
    return TestDatabase::isPostgreSQL() ? TestDatabase::login(person) : Actor::systemUser().username;
}
