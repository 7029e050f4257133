#pragma once

// Local time without a file lookup per conversion.
//
// With TZ unset, glibc checks /etc/localtime (a stat) on every local-time conversion
// (localtime_r, mktime), which Qt makes for each QDateTime shown or read in local time:
// loading 100,000 rows with dates cost about 85,000 such stats. TZ=":/etc/localtime"
// names the same zone and lets glibc read it once. Qt reads that value as "the system
// zone" (QTimeZone::systemTimeZoneId()). A change of the machine's zone is then seen
// by the next start, as in most long-running programs.
//
// Call first thing in main(), before any thread starts (it sets an environment
// variable); it leaves a TZ that is already set alone.
void useCachedLocalTimeZone();
