<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AllocationCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/allocationcommands.cpp" line="+458"/>
        <source>%n free bed(s) in %1 %2.</source>
        <translation>
            <numerusform>%n free bed in %1 %2.</numerusform>
            <numerusform>%n free beds in %1 %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n room</numerusform>
            <numerusform>%n rooms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message numerus="yes">
        <location filename="../ui/pages/auditpage.cpp" line="+118"/>
        <source>%n audit entries</source>
        <translation>
            <numerusform>%n audit entry</numerusform>
            <numerusform>%n audit entries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BuildingRepository</name>
    <message numerus="yes">
        <location filename="../models/housing/buildingrepository.cpp" line="+182"/>
        <source>The building cannot have %n floor(s): %1</source>
        <translation>
            <numerusform>The building cannot have %n floor: %1</numerusform>
            <numerusform>The building cannot have %n floors: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n of its rooms are on higher floors.</source>
        <translation>
            <numerusform>%n of its rooms is on a higher floor.</numerusform>
            <numerusform>%n of its rooms are on higher floors.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>The building still has %n room(s); delete or move them first.</source>
        <translation>
            <numerusform>The building still has %n room; delete or move it first.</numerusform>
            <numerusform>The building still has %n rooms; delete or move them first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/bulkcommands.cpp" line="+136"/>
        <source>Queued job %1: undo of %Ln change(s).</source>
        <translation>
            <numerusform>Queued job %1: undo of %Ln change.</numerusform>
            <numerusform>Queued job %1: undo of %Ln changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Queued job %1 for %Ln protocol(s).</source>
        <translation>
            <numerusform>Queued job %1 for %Ln protocol.</numerusform>
            <numerusform>Queued job %1 for %Ln protocols.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BulkTasks</name>
    <message numerus="yes">
        <location filename="../tasks/bulk/bulktasks.cpp" line="+673"/>
        <source>%Ln selected protocol(s)</source>
        <translation>
            <numerusform>%Ln selected protocol</numerusform>
            <numerusform>%Ln selected protocols</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatabaseCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/databasecommands.cpp" line="+51"/>
        <source>Applied %n migration(s); the database schema is at version %1.</source>
        <translation>
            <numerusform>Applied %n migration; the database schema is at version %1.</numerusform>
            <numerusform>Applied %n migrations; the database schema is at version %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FreeBedsPage</name>
    <message numerus="yes">
        <location filename="../ui/allocations/freebedspage.cpp" line="+157"/>
        <source>%Ln free bed(s) in %1 on %2.</source>
        <translation>
            <numerusform>%Ln free bed in %1 on %2.</numerusform>
            <numerusform>%Ln free beds in %1 on %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln room(s)</source>
        <translation>
            <numerusform>%Ln room</numerusform>
            <numerusform>%Ln rooms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuiApplication</name>
    <message numerus="yes">
        <location filename="../app/gui/guiapplication.cpp" line="+270"/>
        <source>the database did not let go within %n second(s) of the window closing; quitting without waiting (queued and running jobs resume on the next start)</source>
        <translation>
            <numerusform>the database did not let go within %n second of the window closing; quitting without waiting (queued and running jobs resume on the next start)</numerusform>
            <numerusform>the database did not let go within %n seconds of the window closing; quitting without waiting (queued and running jobs resume on the next start)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HousingCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/housingcommands.cpp" line="+345"/>
        <source>%n report(s) queued for finalization: the window (or `residesk worker`) signs and e-mails them.</source>
        <translation>
            <numerusform>%n report queued for finalization: the window (or `residesk worker`) signs and e-mails it.</numerusform>
            <numerusform>%n reports queued for finalization: the window (or `residesk worker`) signs and e-mails them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The demo people admin, housing, vet and worker (password &quot;demo&quot;) are there; %n of them added now.</source>
        <translation>
            <numerusform>The demo people admin, housing, vet and worker (password &quot;demo&quot;) are there; %n of them added now.</numerusform>
            <numerusform>The demo people admin, housing, vet and worker (password &quot;demo&quot;) are there; %n of them added now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/importcommands.cpp" line="+356"/>
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportTasks</name>
    <message numerus="yes">
        <location filename="../tasks/import/importtasks.cpp" line="+46"/>
        <source>%Ln resident(s) would be imported</source>
        <translation>
            <numerusform>%Ln resident would be imported</numerusform>
            <numerusform>%Ln residents would be imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln resident(s) imported</source>
        <translation>
            <numerusform>%Ln resident imported</numerusform>
            <numerusform>%Ln residents imported</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln skipped</numerusform>
            <numerusform>%Ln skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln rejected</source>
        <translation>
            <numerusform>%Ln rejected</numerusform>
            <numerusform>%Ln rejected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/jobcommands.cpp" line="+489"/>
        <source>%1 received: no new jobs; %n running job(s) stop at their next checkpoint.</source>
        <translation>
            <numerusform>%1 received: no new jobs; %n running job stops at its next checkpoint.</numerusform>
            <numerusform>%1 received: no new jobs; %n running jobs stop at their next checkpoint.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Worker stopped: %n job(s) finished.</source>
        <translation>
            <numerusform>Worker stopped: %n job finished.</numerusform>
            <numerusform>Worker stopped: %n jobs finished.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Worker %1 on %2: up to %n job(s) at once, kinds: %3.</source>
        <translation>
            <numerusform>Worker %1 on %2: up to %n job at once, kinds: %3.</numerusform>
            <numerusform>Worker %1 on %2: up to %n jobs at once, kinds: %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+206"/>
        <source>Job %1 (%2) is queued again with %n attempt(s).</source>
        <translation>
            <numerusform>Job %1 (%2) is queued again with %n attempt.</numerusform>
            <numerusform>Job %1 (%2) is queued again with %n attempts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobStatusIndicator</name>
    <message numerus="yes">
        <location filename="../ui/widgets/jobstatusindicator.cpp" line="+47"/>
        <location line="+27"/>
        <source>%n jobs running</source>
        <translation>
            <numerusform>%n job running</numerusform>
            <numerusform>%n jobs running</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobWaiter</name>
    <message numerus="yes">
        <location filename="../app/cli/jobwaiter.cpp" line="+113"/>
        <source>job %1 (%2) failed after %n attempt(s): %3</source>
        <translation>
            <numerusform>job %1 (%2) failed after %n attempt: %3</numerusform>
            <numerusform>job %1 (%2) failed after %n attempts: %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/mailcommands.cpp" line="+503"/>
        <source>%n resident(s) would get the text message:</source>
        <translation>
            <numerusform>%n resident would get the text message:</numerusform>
            <numerusform>%n residents would get the text message:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n resident(s) would get this mailing. The first messages:</source>
        <translation>
            <numerusform>%n resident would get this mailing. The first messages:</numerusform>
            <numerusform>%n residents would get this mailing. The first messages:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+42"/>
        <source>Text messages: %n queued, %1</source>
        <translation>
            <numerusform>Text messages: %n queued, %1</numerusform>
            <numerusform>Text messages: %n queued, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Mailing %1: %n e-mail(s) queued, %2</source>
        <translation>
            <numerusform>Mailing %1: %n e-mail queued, %2</numerusform>
            <numerusform>Mailing %1: %n e-mails queued, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-2"/>
        <location line="+4"/>
        <source>%n already queued by an earlier run.</source>
        <translation>
            <numerusform>%n already queued by an earlier run.</numerusform>
            <numerusform>%n already queued by an earlier run.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailTasks</name>
    <message numerus="yes">
        <location filename="../tasks/mail/mailtasks.cpp" line="+38"/>
        <source>%n sent</source>
        <translation>
            <numerusform>%n sent</numerusform>
            <numerusform>%n sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message numerus="yes">
        <location filename="../models/maintenance/maintenance.cpp" line="+232"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n working day(s)</source>
        <translation>
            <numerusform>%n working day</numerusform>
            <numerusform>%n working days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaintenanceCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/maintenancecommands.cpp" line="+450"/>
        <source>Plan %1: %2, every %n month(s) from %3.</source>
        <translation>
            <numerusform>Plan %1: %2, every %n month from %3.</numerusform>
            <numerusform>Plan %1: %2, every %n months from %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+25"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n month</numerusform>
            <numerusform>%n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaintenancePage</name>
    <message numerus="yes">
        <location filename="../ui/maintenance/maintenancepage.cpp" line="+277"/>
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln request</numerusform>
            <numerusform>%Ln requests</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %Ln overdue</source>
        <translation>
            <numerusform>, %Ln overdue</numerusform>
            <numerusform>, %Ln overdue</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaintenanceRequestWindow</name>
    <message numerus="yes">
        <location filename="../ui/maintenance/maintenancerequestwindow.cpp" line="+212"/>
        <location line="+299"/>
        <source>Storing %Ln file(s)…</source>
        <translation>
            <numerusform>Storing %Ln file…</numerusform>
            <numerusform>Storing %Ln files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-295"/>
        <source>%Ln file(s) attached.</source>
        <translation>
            <numerusform>%Ln file attached.</numerusform>
            <numerusform>%Ln files attached.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln file(s) attached; </source>
        <translation>
            <numerusform>%Ln file attached; </numerusform>
            <numerusform>%Ln files attached; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln not:</source>
        <translation>
            <numerusform>%Ln not:</numerusform>
            <numerusform>%Ln not:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaintenanceRules</name>
    <message numerus="yes">
        <location filename="../models/maintenance/maintenancerules.cpp" line="+109"/>
        <source>None of the %n technician(s) with the skill %1 has a free slot of %2 minutes before %3 (working days, hours, absences and other visits considered).</source>
        <translation>
            <numerusform>The %n technician with the skill %1 has no free slot of %2 minutes before %3 (working days, hours, absences and other visits considered).</numerusform>
            <numerusform>None of the %n technicians with the skill %1 has a free slot of %2 minutes before %3 (working days, hours, absences and other visits considered).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationCentre</name>
    <message numerus="yes">
        <location filename="../ui/notifications/notificationcentre.cpp" line="+132"/>
        <source>Notifications, %n unread</source>
        <translation>
            <numerusform>Notifications, %n unread</numerusform>
            <numerusform>Notifications, %n unread</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PgSignIn</name>
    <message numerus="yes">
        <location filename="../models/db/pgsignin.cpp" line="+128"/>
        <source>The server %1 did not answer within %n second(s).</source>
        <translation>
            <numerusform>The server %1 did not answer within %n second.</numerusform>
            <numerusform>The server %1 did not answer within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegistrarFetch</name>
    <message numerus="yes">
        <location filename="../tasks/sync/registrarfetch.cpp" line="+117"/>
        <source>the server redirected more than %n time(s)</source>
        <translation>
            <numerusform>the server redirected more than %n time</numerusform>
            <numerusform>the server redirected more than %n times</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>no answer within %n second</numerusform>
            <numerusform>no answer within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegistrarFlagsDialog</name>
    <message numerus="yes">
        <location filename="../ui/sync/registrarflagsdialog.cpp" line="+116"/>
        <source>%n resident(s) flagged.</source>
        <translation>
            <numerusform>%n resident flagged.</numerusform>
            <numerusform>%n residents flagged.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportTasks</name>
    <message numerus="yes">
        <location filename="../tasks/reports/reporttasks.cpp" line="+101"/>
        <source>%Ln row(s), from %1 to %2</source>
        <translation>
            <numerusform>%Ln row, from %1 to %2</numerusform>
            <numerusform>%Ln rows, from %1 to %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResidentMailing</name>
    <message numerus="yes">
        <location filename="../tasks/mail/residentmailing.cpp" line="+70"/>
        <source>Unknown placeholder(s) in the %1: %2. Known placeholders: %3.</source>
        <translation>
            <numerusform>Unknown placeholder in the %1: %2. Known placeholders: %3.</numerusform>
            <numerusform>Unknown placeholders in the %1: %2. Known placeholders: %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResidentMailingDialog</name>
    <message numerus="yes">
        <location filename="../ui/mail/residentmailingdialog.cpp" line="+190"/>
        <source>%n resident(s) will get this e-mail.</source>
        <translation>
            <numerusform>%n resident will get this e-mail.</numerusform>
            <numerusform>%n residents will get this e-mail.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>&amp;Queue %n e-mail(s)</source>
        <translation>
            <numerusform>&amp;Queue %n e-mail</numerusform>
            <numerusform>&amp;Queue %n e-mails</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+27"/>
        <source>%n e-mail(s) queued; %1 The Outbox shows each one&apos;s state.</source>
        <translation>
            <numerusform>%n e-mail queued; %1 The Outbox shows each one&apos;s state.</numerusform>
            <numerusform>%n e-mails queued; %1 The Outbox shows each one&apos;s state.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n were already queued by an earlier run of this mailing.</source>
        <translation>
            <numerusform>%n was already queued by an earlier run of this mailing.</numerusform>
            <numerusform>%n were already queued by an earlier run of this mailing.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResidentTexting</name>
    <message numerus="yes">
        <location filename="../tasks/sms/residenttexting.cpp" line="+41"/>
        <source>Unknown placeholder(s) in the text message: %1. Known placeholders: %2.</source>
        <translation>
            <numerusform>Unknown placeholder in the text message: %1. Known placeholders: %2.</numerusform>
            <numerusform>Unknown placeholders in the text message: %1. Known placeholders: %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SmsGateway</name>
    <message numerus="yes">
        <location filename="../tasks/sms/smsgateway.cpp" line="+92"/>
        <source>the gateway cannot be reached: no connection within %n second(s)</source>
        <translation>
            <numerusform>the gateway cannot be reached: no connection within %n second</numerusform>
            <numerusform>the gateway cannot be reached: no connection within %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>the message was sent but the gateway did not answer within %n second(s); it may or may not have been taken</source>
        <translation>
            <numerusform>the message was sent but the gateway did not answer within %n second; it may or may not have been taken</numerusform>
            <numerusform>the message was sent but the gateway did not answer within %n seconds; it may or may not have been taken</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SmsTasks</name>
    <message numerus="yes">
        <location filename="../tasks/sms/smstasks.cpp" line="+34"/>
        <source>%n sent</source>
        <translation>
            <numerusform>%n sent</numerusform>
            <numerusform>%n sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/synccommands.cpp" line="+90"/>
        <source>%n resident(s) newly flagged as not in the export.</source>
        <translation>
            <numerusform>%n resident newly flagged as not in the export.</numerusform>
            <numerusform>%n residents newly flagged as not in the export.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n flag(s) removed.</source>
        <translation>
            <numerusform>%n flag removed.</numerusform>
            <numerusform>%n flags removed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+282"/>
        <source>%n flag(s) cleared.</source>
        <translation>
            <numerusform>%n flag cleared.</numerusform>
            <numerusform>%n flags cleared.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WaitlistPage</name>
    <message numerus="yes">
        <location filename="../ui/allocations/waitlistpage.cpp" line="+199"/>
        <source>%Ln resident(s) waiting, %1.</source>
        <translation>
            <numerusform>%Ln resident waiting, %1.</numerusform>
            <numerusform>%Ln residents waiting, %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln offer(s) awaiting an answer</source>
        <translation>
            <numerusform>%Ln offer awaiting an answer</numerusform>
            <numerusform>%Ln offers awaiting an answer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WaitlistTasks</name>
    <message numerus="yes">
        <location filename="../tasks/waitlist/waitlisttasks.cpp" line="+239"/>
        <source>%n offer(s) expired</source>
        <translation>
            <numerusform>%n offer expired</numerusform>
            <numerusform>%n offers expired</numerusform>
        </translation>
    </message>
</context>
</TS>
