<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>Allocation</name>
    <message>
        <location filename="../models/housing/allocation/allocation.cpp" line="+58"/>
        <source>Reserved</source>
        <translation>Reservada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checked in</source>
        <translation>Entrada registrada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checked out</source>
        <translation>Salida registrada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
</context>
<context>
    <name>AllocationCommand</name>
    <message>
        <location filename="../ui/allocations/allocationcommand.cpp" line="+81"/>
        <source>Another user changed the allocation of room %1 to %2 after your change; it was left as they made it. Reload to see their changes.</source>
        <translation>Otro usuario ha modificado la asignación de la habitación %1 a %2 después de su cambio; se ha dejado como esa persona la dejó. Vuelva a cargarla para ver sus cambios.</translation>
    </message>
</context>
<context>
    <name>AllocationCommands</name>
    <message>
        <location filename="../app/cli/allocationcommands.cpp" line="+103"/>
        <location line="+353"/>
        <source>from %1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <location line="-351"/>
        <source>from %1 on</source>
        <translation>desde el %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocation %1: %2 in room %3 %4, %5.</source>
        <translation>Asignación %1: %2 en la habitación %3 %4, %5.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--%1 must be a date as YYYY-MM-DD, not &quot;%2&quot;</source>
        <translation>--%1 debe ser una fecha con el formato AAAA-MM-DD, no «%2»</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>there is no building with the code &quot;%1&quot;</source>
        <translation>no hay ningún edificio con el código «%1»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read the buildings: %1</source>
        <translation>no se pueden leer los edificios: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>cannot %1: %2</source>
        <translation>no se puede %1: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+209"/>
        <location line="+13"/>
        <source>an allocation id</source>
        <translation>un identificador de asignación</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>List room allocations, by building and room.</source>
        <translation>Lista las asignaciones de habitaciones, por edificio y habitación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With --json: a JSON array of objects with the keys %1. Otherwise an aligned text table. States: %2.</source>
        <translation>Con --json: un array JSON de objetos con las claves %1. Si no, una tabla de texto alineada. Estados: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+58"/>
        <source>Only rooms of this building (its code).</source>
        <translation>Solo las habitaciones de este edificio (su código).</translation>
    </message>
    <message>
        <location line="-58"/>
        <location line="+58"/>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Only allocations in this state (%1).</source>
        <translation>Solo las asignaciones en este estado (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>state</source>
        <translation>estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only allocations whose days include this date (YYYY-MM-DD).</source>
        <translation>Solo las asignaciones cuyos días incluyen esta fecha (AAAA-MM-DD).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+17"/>
        <location line="+2"/>
        <location line="+35"/>
        <location line="+2"/>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Reserve a bed: --resident STUDENT_ID --room BUILDING/NUMBER --from DATE [--to DATE].</source>
        <translation>Reservar una plaza: --resident ID_ESTUDIANTE --room EDIFICIO/NÚMERO --from FECHA [--to FECHA].</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reserves a bed in the room from --from up to --to, the day the bed is free again (without --to: open-ended). Refused (exit code 1, the message says why) when the room is under maintenance or out of service, when it is full on any of those days (&quot;Room NH-101 is full on 2026-09-03 (2 of 2 beds taken).&quot;), or when the resident already holds a bed on one of them. With --json: the allocation, an object with the keys %1.</source>
        <translation>Reserva una plaza en la habitación desde --from hasta --to, el día en que la plaza vuelve a quedar libre (sin --to: sin fecha de fin). Se rechaza (código de salida 1; el mensaje indica el motivo) si la habitación está en mantenimiento o fuera de servicio, si está completa en alguno de esos días («La habitación NH-101 está completa el 2026-09-03 (2 de 2 plazas ocupadas).») o si el residente ya ocupa una plaza en alguno de ellos. Con --json: la asignación, un objeto con las claves %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The resident&apos;s student ID.</source>
        <translation>El ID de estudiante del residente.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>student-id</source>
        <translation>id-estudiante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The room as BUILDING/NUMBER (NH/101).</source>
        <translation>La habitación como EDIFICIO/NÚMERO (NH/101).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>room</source>
        <translation>habitación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first day (YYYY-MM-DD).</source>
        <translation>El primer día (AAAA-MM-DD).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The day the bed is free again (YYYY-MM-DD); default: open-ended.</source>
        <translation>El día en que la plaza vuelve a quedar libre (AAAA-MM-DD); por omisión: sin fecha de fin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes.</source>
        <translation>Notas.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Check a resident in: residesk allocations check-in ID.</source>
        <translation>Registrar la entrada de un residente: residesk allocations check-in ID.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a reserved allocation, on one of its days, in a room that is available. With --json: the allocation after the change (keys as in &quot;allocations list&quot;).</source>
        <translation>Solo una asignación reservada, en uno de sus días y en una habitación disponible. Con --json: la asignación tras el cambio (claves como en «allocations list»).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check a resident out: residesk allocations check-out ID.</source>
        <translation>Registrar la salida de un residente: residesk allocations check-out ID.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a checked-in allocation; the bed is free again. With --json: the allocation after the change.</source>
        <translation>Solo una asignación con la entrada registrada; la plaza vuelve a quedar libre. Con --json: la asignación tras el cambio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel a reservation: residesk allocations cancel ID.</source>
        <translation>Cancelar una reserva: residesk allocations cancel ID.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a reserved allocation (a resident who is in is checked out instead). With --json: the allocation after the change.</source>
        <translation>Solo una asignación reservada (si el residente ya ha entrado, registre su salida). Con --json: la asignación tras el cambio.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Free beds per room on a day (or over a range of days).</source>
        <translation>Plazas libres por habitación en un día (o en un intervalo de días).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every room (of --building) with its capacity, the beds taken (reserved or checked in; over a range, the most taken on any one day) and the beds free for the whole range; a room under maintenance or out of service has none free. Without --date: today; --to makes it the range [--date, --to). With --json: a JSON array of objects with the keys building_code, room, room_id, type, status, capacity, taken, free.</source>
        <translation>Cada habitación (de --building) con su capacidad, las plazas ocupadas (reservadas o con entrada registrada; en un intervalo, el máximo ocupado en un mismo día) y las plazas libres durante todo el intervalo; una habitación en mantenimiento o fuera de servicio no tiene ninguna libre. Sin --date: hoy; --to convierte la consulta en el intervalo [--date, --to). Con --json: un array JSON de objetos con las claves building_code, room, room_id, type, status, capacity, taken, free.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The day (YYYY-MM-DD; default today).</source>
        <translation>El día (AAAA-MM-DD; por omisión, hoy).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The end of a range of days: the first day not counted.</source>
        <translation>El final de un intervalo de días: el primer día que no se cuenta.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>unknown state &quot;%1&quot;; use one of %2</source>
        <translation>estado desconocido «%1»; use uno de estos: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STUDENT ID</source>
        <translation>ID ESTUDIANTE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+147"/>
        <source>ROOM</source>
        <translation>HABITACIÓN</translation>
    </message>
    <message>
        <location line="-147"/>
        <source>FROM</source>
        <translation>DESDE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TO</source>
        <translation>HASTA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STATE</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot list the allocations: %1</source>
        <translation>no se pueden listar las asignaciones: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&quot;allocations reserve&quot; needs --resident, --room and --from</source>
        <translation>«allocations reserve» necesita --resident, --room y --from</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--to (%1) must come after --from (%2)</source>
        <translation>--to (%1) debe ser posterior a --from (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--room must be BUILDING/NUMBER (NH/101), not &quot;%1&quot;</source>
        <translation>--room debe ser EDIFICIO/NÚMERO (NH/101), no «%1»</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>reserve</source>
        <translation>reservar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>check in</source>
        <translation>registrar la entrada</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>check out</source>
        <translation>registrar la salida</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cancel</source>
        <translation>cancelar</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--to (%1) must come after the first day (%2)</source>
        <translation>--to (%1) debe ser posterior al primer día (%2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot read the free beds: %1</source>
        <translation>no se pueden leer las plazas libres: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>TYPE</source>
        <translation>TIPO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STATUS</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CAPACITY</source>
        <translation>CAPACIDAD</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TAKEN</source>
        <translation>OCUPADAS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FREE</source>
        <translation>LIBRES</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>on %1</source>
        <translation>el %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n free bed(s) in %1 %2.</source>
        <translation>
            <numerusform>%n plaza libre en %1 %2.</numerusform>
            <numerusform>%n plazas libres en %1 %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n room(s)</source>
        <translation>
            <numerusform>%n habitación</numerusform>
            <numerusform>%n habitaciones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AllocationDialog</name>
    <message>
        <location filename="../ui/allocations/allocationdialog.cpp" line="+32"/>
        <source>Choose a building…</source>
        <translation>Elija un edificio…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New allocation</source>
        <translation>Nueva asignación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Change allocation</source>
        <translation>Modificar asignación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name, student ID or e-mail…</source>
        <translation>Nombre, ID de estudiante o correo electrónico…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>open-ended</source>
        <translation>sin fecha de fin</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The day the bed is free again (the check-out day); the first entry is &quot;open-ended&quot;.</source>
        <translation>El día en que la plaza vuelve a quedar libre (el día de salida); la primera opción es «sin fecha de fin».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find resident:</source>
        <translation>&amp;Buscar residente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resident:</source>
        <translation>&amp;Residente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Building:</source>
        <translation>&amp;Edificio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>R&amp;oom:</source>
        <translation>&amp;Habitación:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Until:</source>
        <translation>Has&amp;ta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>The residents could not be loaded: %1</source>
        <translation>No se pudieron cargar los residentes: %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The rooms could not be loaded: %1</source>
        <translation>No se pudieron cargar las habitaciones: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 — %2 · %3</source>
        <translation>%1 — %2 · %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 — %2 · %3 of %4 beds free</source>
        <translation>%1 — %2 · %3 de %4 plazas libres</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Please correct the marked fields.</source>
        <translation>Corrija los campos marcados.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Not saved: %1</source>
        <translation>No se ha guardado: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New allocation of room %1 to %2</source>
        <translation>Nueva asignación de la habitación %1 a %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change allocation of %1</source>
        <translation>Modificar la asignación de %1</translation>
    </message>
</context>
<context>
    <name>AllocationRepository</name>
    <message>
        <location filename="../models/housing/allocation/allocationrepository.cpp" line="+131"/>
        <source>from %1 on</source>
        <translation>desde el %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from %1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Choose the resident.</source>
        <translation>Elija el residente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the room.</source>
        <translation>Elija la habitación.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+659"/>
        <source>The first day is required.</source>
        <translation>El primer día es obligatorio.</translation>
    </message>
    <message>
        <location line="-657"/>
        <source>The first day (%1) is not a plausible date.</source>
        <translation>El primer día (%1) no es una fecha plausible.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The check-out day (%1) must come after the first day (%2).</source>
        <translation>El día de salida (%1) debe ser posterior al primer día (%2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The check-out day (%1) is not a plausible date.</source>
        <translation>El día de salida (%1) no es una fecha plausible.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The notes must be at most %1 characters long.</source>
        <translation>Las notas pueden tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The allocation of room %1 to %2 is already %3.</source>
        <translation>La asignación de la habitación %1 a %2 ya está en estado «%3».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The allocation of room %1 to %2 is %3; only a reserved allocation can be checked in.</source>
        <translation>La asignación de la habitación %1 a %2 está en estado «%3»; solo se puede registrar la entrada de una asignación reservada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The allocation of room %1 to %2 is %3; only a checked-in allocation can be checked out.</source>
        <translation>La asignación de la habitación %1 a %2 está en estado «%3»; solo se puede registrar la salida de una asignación con la entrada registrada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The allocation of room %1 to %2 is checked in; it cannot be cancelled (check the resident out instead).</source>
        <translation>La asignación de la habitación %1 a %2 tiene la entrada registrada; no se puede cancelar (registre en su lugar la salida del residente).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The allocation of room %1 to %2 is %3; only a reserved allocation can be cancelled.</source>
        <translation>La asignación de la habitación %1 a %2 está en estado «%3»; solo se puede cancelar una asignación reservada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The allocation of room %1 to %2 is %3; it cannot go back to reserved.</source>
        <translation>La asignación de la habitación %1 a %2 está en estado «%3»; no puede volver a reservada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The allocation of room %1 to %2 is %3; it cannot become %4.</source>
        <translation>La asignación de la habitación %1 a %2 está en estado «%3»; no puede pasar a «%4».</translation>
    </message>
    <message>
        <location line="+68"/>
        <location line="+28"/>
        <source>The allocation (id %1) does not exist.</source>
        <translation>La asignación (id %1) no existe.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The room (id %1) does not exist; another user may have deleted it.</source>
        <translation>La habitación (id %1) no existe; puede que otro usuario la haya eliminado.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The resident (id %1) does not exist; another user may have deleted them.</source>
        <translation>El residente (id %1) no existe; puede que otro usuario lo haya eliminado.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Room %1 is %2; it cannot be allocated.</source>
        <translation>La habitación %1 está %2; no se puede asignar.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 already holds a bed in room %2 %3 (%4); a resident can hold one bed per day.</source>
        <translation>%1 ya ocupa una plaza en la habitación %2 %3 (%4); un residente solo puede ocupar una plaza por día.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Room %1 is full on %2 (%3 of %4 beds taken).</source>
        <translation>La habitación %1 está completa el %2 (%3 de %4 plazas ocupadas).</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 %2 (%3, offer %4)</source>
        <translation>%1 %2 (%3, oferta %4)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Room %1 is full on %2: its free bed was offered from the waitlist meanwhile to %3. Decline that offer first, or remove the resident from the waitlist.</source>
        <translation>La habitación %1 está completa el %2: mientras tanto su plaza libre se ofreció desde la lista de espera a %3. Rechace antes esa oferta o quite al residente de la lista de espera.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The new allocation was not stored.</source>
        <translation>La nueva asignación no se ha guardado.</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+88"/>
        <location line="+75"/>
        <source>Another user changed the allocation of room %1 to %2 since you opened it. Reload to see their changes.</source>
        <translation>Otro usuario ha modificado la asignación de la habitación %1 a %2 desde que usted la abrió. Vuelva a cargarla para ver sus cambios.</translation>
    </message>
    <message>
        <location line="-154"/>
        <source>The stay of %1 in room %2 starts on %3; check-in opens on that day.</source>
        <translation>La estancia de %1 en la habitación %2 empieza el %3; la entrada se puede registrar a partir de ese día.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The stay of %1 in room %2 ended on %3; it can no longer be checked in. Change its dates or cancel it.</source>
        <translation>La estancia de %1 en la habitación %2 terminó el %3; ya no se puede registrar la entrada. Cambie sus fechas o cancélela.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Room %1 is %2; %3 cannot check in. Move the allocation to another room.</source>
        <translation>La habitación %1 está %2; no se puede registrar la entrada de %3. Traslade la asignación a otra habitación.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Allocation %1 (%2 in room %3) cannot be checked in: its deposit of %4 is required and neither paid nor waived. Record the payment, or have an administrator waive it.</source>
        <translation>No se puede registrar la entrada de la asignación %1 (%2 en la habitación %3): su depósito de %4 es obligatorio y no se ha pagado ni condonado. Registre el pago o pida a un administrador que lo condone.</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+71"/>
        <location line="+59"/>
        <source>Another user changed the allocation of room %1 to %2 at the same time. Reload to see their changes.</source>
        <translation>Otro usuario ha modificado la asignación de la habitación %1 a %2 al mismo tiempo. Vuelva a cargarla para ver sus cambios.</translation>
    </message>
    <message>
        <location line="-85"/>
        <source>A reservation is undone by cancelling it (allocation of room %1 to %2).</source>
        <translation>Una reserva se deshace cancelándola (asignación de la habitación %1 a %2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The allocation of room %1 to %2 is %3 now, not %4; that step cannot be undone.</source>
        <translation>La asignación de la habitación %1 a %2 está ahora en estado «%3», no «%4»; ese paso no se puede deshacer.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The allocation of room %1 to %2 is %3; it can no longer be changed.</source>
        <translation>La asignación de la habitación %1 a %2 está en estado «%3»; ya no se puede modificar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 checked in to the stay that began on %2; its first day cannot change.</source>
        <translation>%1 ya registró la entrada en la estancia que empezó el %2; su primer día no puede cambiar.</translation>
    </message>
    <message>
        <location line="+195"/>
        <source>The day is required.</source>
        <translation>El día es obligatorio.</translation>
    </message>
</context>
<context>
    <name>AllocationsPage</name>
    <message>
        <location filename="../ui/allocations/allocationspage.cpp" line="+28"/>
        <source>Check &amp;in</source>
        <translation>Registrar e&amp;ntrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check &amp;out</source>
        <translation>Registrar &amp;salida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Require &amp;deposit…</source>
        <translation>Exigir &amp;depósito…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record deposit &amp;payment…</source>
        <translation>Registrar el &amp;pago del depósito…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Waive deposit</source>
        <translation>&amp;Condonar depósito</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All buildings</source>
        <translation>Todos los edificios</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On &amp;day:</source>
        <translation>&amp;Día:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reserve a bed for a resident</source>
        <translation>Reservar una plaza para un residente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change</source>
        <translation>Modificar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the room, the days or the notes of the selected allocation</source>
        <translation>Cambiar la habitación, los días o las notas de la asignación seleccionada</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+236"/>
        <source>Cancel reservation</source>
        <translation>Cancelar reserva</translation>
    </message>
    <message>
        <location line="-235"/>
        <source>Cancel the selected reservation (Del)</source>
        <translation>Cancelar la reserva seleccionada (Supr)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search by resident, student ID or room…</source>
        <translation>Buscar por residente, ID de estudiante o habitación…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the selected resident in (Ctrl+I)</source>
        <translation>Registrar la entrada del residente seleccionado (Ctrl+I)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the selected resident out (Ctrl+Shift+I)</source>
        <translation>Registrar la salida del residente seleccionado (Ctrl+Mayús+I)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The selected reservation requires a deposit before check-in</source>
        <translation>La reserva seleccionada exige un depósito antes de registrar la entrada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the payment of the selected reservation&apos;s deposit</source>
        <translation>Registrar el pago del depósito de la reserva seleccionada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waive the selected reservation&apos;s deposit (administrators)</source>
        <translation>Condonar el depósito de la reserva seleccionada (administradores)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Building:</source>
        <translation>Edi&amp;ficio:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;State:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No allocations yet.

First add the buildings and their rooms (Buildings, Rooms), and the residents (Residents, or File ▸ Import residents…). Then reserve a bed for a resident here with New (Ctrl+N), and check them in when they arrive.</source>
        <translation>Aún no hay asignaciones.

Añada primero los edificios y sus habitaciones (Edificios, Habitaciones) y los residentes (Residentes, o Archivo ▸ Importar residentes…). Después reserve aquí una cama para un residente con Nuevo (Ctrl+N) y registre su entrada cuando llegue.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Deposit: could not be read (%1)</source>
        <translation>Depósito: no se ha podido leer (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Deposit: %1</source>
        <translation>Depósito: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deposit: none required</source>
        <translation>Depósito: no se exige</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Allocation %1: %2 in room %3.</source>
        <translation>Asignación %1: %2 en la habitación %3.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Require a deposit from %1</source>
        <translation>Exigir un depósito a %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the deposit of %1</source>
        <translation>Registrar el depósito de %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waive the deposit of %1</source>
        <translation>Condonar el depósito de %1</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Cancel the reservation of room %1 for %2?</source>
        <translation>¿Cancelar la reserva de la habitación %1 para %2?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The bed becomes free again. The cancelled reservation stays on record.</source>
        <translation>La plaza vuelve a quedar libre. La reserva cancelada queda registrada.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>1 allocation</source>
        <translation>1 asignación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%L1 allocations</source>
        <translation>%L1 asignaciones</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Check in %1</source>
        <translation>Registrar la entrada de %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check out %1</source>
        <translation>Registrar la salida de %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel the reservation of %1</source>
        <translation>Cancelar la reserva de %1</translation>
    </message>
</context>
<context>
    <name>AllocationsTableModel</name>
    <message>
        <location filename="../models/housing/allocation/allocationstablemodel.cpp" line="+48"/>
        <source>open-ended</source>
        <translation>sin fecha de fin</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Resident</source>
        <translation>Residente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Student ID</source>
        <translation>ID de estudiante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Building</source>
        <translation>Edificio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room</source>
        <translation>Habitación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Until</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>AttachmentUploader</name>
    <message>
        <location filename="../ui/maintenance/attachmentuploader.cpp" line="+40"/>
        <source>%1 was not attached: the upload was interrupted.</source>
        <translation>%1 no se ha adjuntado: la subida se ha interrumpido.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1 cannot be read: it is no longer there.</source>
        <translation>%1 no se puede leer: ya no existe.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not a file.</source>
        <translation>%1 no es un archivo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 no se puede leer: %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 could not be read completely: %2</source>
        <translation>%1 no se ha podido leer por completo: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 changed while it was read; nothing of it was attached. Try again.</source>
        <translation>%1 ha cambiado mientras se leía; no se ha adjuntado nada. Inténtelo de nuevo.</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>%1 was not attached: %2</source>
        <translation>%1 no se ha adjuntado: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 attached.</source>
        <translation>%1 adjuntado.</translation>
    </message>
</context>
<context>
    <name>AuditCommands</name>
    <message>
        <location filename="../app/cli/auditcommands.cpp" line="+93"/>
        <source>List the audit trail, newest first.</source>
        <translation>Lista el registro de auditoría, lo más reciente primero.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every change of buildings, rooms, residents, allocations, clients, protocols, work orders, reports and people is recorded by the database: who made it (on PostgreSQL the person, also when a worker ran their job), the login signed in, the job it ran for, and the record before and after. With --json: a JSON array of entries with the keys id, at (ISO 8601 UTC), user, session_login, entity, record, action, job_id, before, after. Otherwise an aligned text table. On PostgreSQL only administrators may read the trail.</source>
        <translation>La base de datos registra cada cambio de edificios, habitaciones, residentes, asignaciones, clientes, protocolos, órdenes de trabajo, informes y personas: quién lo hizo (en PostgreSQL, la persona, también cuando un proceso de trabajo ejecutó su trabajo), el usuario con la sesión iniciada, el trabajo para el que se hizo y el registro antes y después. Con --json: un array JSON de entradas con las claves id, at (ISO 8601 UTC), user, session_login, entity, record, action, job_id, before, after. Si no, una tabla de texto alineada. En PostgreSQL solo los administradores pueden leer el registro.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only changes of this table or record kind (protocols, or protocol; %1).</source>
        <translation>Solo los cambios de esta tabla o tipo de registro (protocols o protocol; %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>table</source>
        <translation>tabla</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only changes made by this person.</source>
        <translation>Solo los cambios hechos por esta persona.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>user</source>
        <translation>usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only changes of the record with this id (or login).</source>
        <translation>Solo los cambios del registro con este identificador (o nombre de usuario).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Only changes from this time on (ISO 8601, UTC).</source>
        <translation>Solo los cambios a partir de este momento (ISO 8601, UTC).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>time</source>
        <translation>momento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Only changes before this time (ISO 8601, UTC).</source>
        <translation>Solo los cambios anteriores a este momento (ISO 8601, UTC).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only changes made by this job.</source>
        <translation>Solo los cambios hechos por este trabajo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most this many entries (default 100, at most %1).</source>
        <translation>Como máximo este número de entradas (por omisión 100, como máximo %1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>unknown table &quot;%1&quot;; audited tables: %2</source>
        <translation>tabla desconocida «%1»; tablas auditadas: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--%1 must be an ISO 8601 date or time (2026-12-01 or 2026-12-01T08:30:00Z), not &quot;%2&quot;</source>
        <translation>--%1 debe ser una fecha o un momento ISO 8601 (2026-12-01 o 2026-12-01T08:30:00Z), no «%2»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--job must be a job id, not &quot;%1&quot;</source>
        <translation>--job debe ser un identificador de trabajo, no «%1»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--limit must be a whole number from 1 to %1, not &quot;%2&quot;</source>
        <translation>--limit debe ser un número entero de 1 a %1, no «%2»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot list the audit trail: %1</source>
        <translation>no se puede listar el registro de auditoría: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TIME</source>
        <translation>MOMENTO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>USER</source>
        <translation>USUARIO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TABLE</source>
        <translation>TABLA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RECORD</source>
        <translation>REGISTRO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ACTION</source>
        <translation>ACCIÓN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JOB</source>
        <translation>TRABAJO</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (via %2)</source>
        <translation>%1 (a través de %2)</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <location filename="../ui/pages/auditpage.cpp" line="+25"/>
        <source>any day</source>
        <translation>cualquier día</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Show &amp;changes…</source>
        <translation>Mostrar &amp;cambios…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the selected entry&apos;s record before and after</source>
        <translation>Muestra el registro de la entrada seleccionada antes y después</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>login</source>
        <translation>usuario</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All tables</source>
        <translation>Todas las tablas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Person:</source>
        <translation>Persona:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table:</source>
        <translation>Tabla:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record:</source>
        <translation>Registro:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From:</source>
        <translation>Desde:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation>Hasta:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Audit entry %1</source>
        <translation>Entrada de auditoría %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (signed in as %2): %3, %4 %5.</source>
        <translation>%1 (con la sesión de %2): %3, %4 %5.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n audit entries</source>
        <translation>
            <numerusform>%n entrada de auditoría</numerusform>
            <numerusform>%n entradas de auditoría</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <location filename="../models/itemmodels/audittablemodel.cpp" line="+96"/>
        <source>Time</source>
        <translation>Momento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in as</source>
        <translation>Sesión de</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Table</source>
        <translation>Tabla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Job</source>
        <translation>Trabajo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Changes</source>
        <translation>Cambios</translation>
    </message>
</context>
<context>
    <name>BackupCommands</name>
    <message>
        <location filename="../app/cli/backupcommands.cpp" line="+34"/>
        <source>&quot;%1&quot; needs a file name</source>
        <translation>&quot;%1&quot; necesita un nombre de archivo</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Back up the whole database into FILE (administrators).</source>
        <translation>Hacer una copia de seguridad de toda la base de datos en FILE (administradores).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queues a database.backup job that writes one consistent snapshot of every table into FILE (compressed, with a manifest and a checksum per table), on the machine that runs the job. With --wait it runs here and reports the result.</source>
        <translation>Pone en cola un trabajo database.backup que escribe en FILE una instantánea coherente de todas las tablas (comprimida, con un manifiesto y una suma de comprobación por tabla), en la máquina que ejecuta el trabajo. Con --wait se ejecuta aquí e informa del resultado.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Check a backup file without restoring it.</source>
        <translation>Comprobar un archivo de copia de seguridad sin restaurarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reads FILE whole: its manifest, every table&apos;s checksum and every row. Writes nothing.</source>
        <translation>Lee FILE entero: su manifiesto, la suma de comprobación de cada tabla y cada fila. No escribe nada.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show or change the scheduled backups (administrators).</source>
        <translation>Mostrar o cambiar las copias de seguridad programadas (administradores).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every day at --time (UTC) a worker or an administrator&apos;s window writes a backup into --folder (a folder on the machine that runs it), reads it back, and keeps the newest of each of the last --keep-daily days and --keep-weekly weeks. --off stops them. Without options: the settings.</source>
        <translation>Cada día a la hora --time (UTC), un ejecutor o la ventana de un administrador escribe una copia de seguridad en --folder (una carpeta de la máquina que la ejecuta), la vuelve a leer y conserva la más reciente de cada uno de los últimos --keep-daily días y --keep-weekly semanas. --off las detiene. Sin opciones: la configuración.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Folder for the backups.</source>
        <translation>Carpeta para las copias de seguridad.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DIR</source>
        <translation>CARPETA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time of day, HH:MM, UTC.</source>
        <translation>Hora del día, HH:MM, UTC.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Days to keep (default 7).</source>
        <translation>Días que se conservan (por defecto 7).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Weeks to keep (default 4).</source>
        <translation>Semanas que se conservan (por defecto 4).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the scheduled backups.</source>
        <translation>Detener las copias de seguridad programadas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Restore a backup file into an empty database (administrators).</source>
        <translation>Restaurar un archivo de copia de seguridad en una base de datos vacía (administradores).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checks FILE first (manifest, checksums, every row; a damaged or cut-off file is refused before anything is written), then writes every table in one transaction, keeping every id, creator, signature and audit entry, and resets the id sequences. The database must be migrated to the backup&apos;s schema version and hold no rows (there is no --force). Works from SQLite to PostgreSQL and back.</source>
        <translation>Primero comprueba FILE (manifiesto, sumas de comprobación, cada fila; un archivo dañado o truncado se rechaza antes de escribir nada) y luego escribe todas las tablas en una sola transacción, conservando cada id, creador, firma y entrada de auditoría, y reinicia las secuencias de id. La base de datos debe estar migrada a la versión de esquema de la copia de seguridad y no contener filas (no existe --force). Funciona de SQLite a PostgreSQL y viceversa.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>cannot queue the backup: %1</source>
        <translation>no se puede poner en cola la copia de seguridad: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Queued backup job %1 for %2.</source>
        <translation>Trabajo de copia de seguridad %1 en cola para %2.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 is sound: schema version %2, %3 tables, %4 rows, written %5 from %6.</source>
        <translation>%1 está en buen estado: versión de esquema %2, %3 tablas, %4 filas, escrita el %5 desde %6.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>--time: &quot;%1&quot; is not a time of day such as 02:30</source>
        <translation>--time: &quot;%1&quot; no es una hora del día como 02:30</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>--%1: &quot;%2&quot; is not a number from %3 to 1000</source>
        <translation>--%1: &quot;%2&quot; no es un número de %3 a 1000</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--folder: &quot;%1&quot; is not a folder</source>
        <translation>--folder: &quot;%1&quot; no es una carpeta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot change the scheduled backups: %1</source>
        <translation>no se pueden cambiar las copias de seguridad programadas: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Scheduled backups are off.</source>
        <translation>Las copias de seguridad programadas están desactivadas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every day at %1 UTC into %2, keeping %3 daily and %4 weekly backups.</source>
        <translation>Cada día a las %1 UTC en %2, conservando %3 copias diarias y %4 semanales.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 was not restored; nothing was written: %2</source>
        <translation>%1 no se ha restaurado; no se ha escrito nada: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restored %1 rows in %2 tables from %3.</source>
        <translation>Se han restaurado %1 filas en %2 tablas desde %3.</translation>
    </message>
</context>
<context>
    <name>BackupFile</name>
    <message>
        <location filename="../models/backup/backupformat.cpp" line="+237"/>
        <source>format version %1, this Residesk reads version %2</source>
        <translation>versión de formato %1; este Residesk lee la versión %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>table %1: a column of unknown type</source>
        <translation>tabla %1: una columna de tipo desconocido</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the manifest&apos;s entry for table “%1” is incomplete</source>
        <translation>la entrada del manifiesto para la tabla «%1» está incompleta</translation>
    </message>
</context>
<context>
    <name>BackupFileReader</name>
    <message>
        <location filename="../models/backup/backupfile.cpp" line="+167"/>
        <source>%1: cannot read the backup: %2</source>
        <translation>%1: no se puede leer la copia de seguridad: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a Residesk backup (it does not start with its marker)</source>
        <translation>%1 no es una copia de seguridad de Residesk (no empieza por su marca)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is truncated: %2 bytes, too short for a backup</source>
        <translation>%1 está truncado: %2 bytes, demasiado corto para una copia de seguridad</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is truncated or damaged: its end marker is missing (the file has %2 bytes)</source>
        <translation>%1 está truncado o dañado: falta su marca final (el archivo tiene %2 bytes)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is damaged: its trailer points outside the file (byte %2)</source>
        <translation>%1 está dañado: su bloque final apunta fuera del archivo (byte %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is damaged: the manifest (bytes %2–%3) does not match its checksum</source>
        <translation>%1 está dañado: el manifiesto (bytes %2–%3) no coincide con su suma de comprobación</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: the manifest cannot be read: %2</source>
        <translation>%1: no se puede leer el manifiesto: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>its bytes lie outside the data part of the file</source>
        <translation>sus bytes están fuera de la parte de datos del archivo</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is damaged: bytes %2–%3 belong to no table</source>
        <translation>%1 está dañado: los bytes %2–%3 no pertenecen a ninguna tabla</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is damaged: table %2 (bytes %3–%4): %5</source>
        <translation>%1 está dañado: tabla %2 (bytes %3–%4): %5</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+100"/>
        <source>the file ends early</source>
        <translation>el archivo termina antes de tiempo</translation>
    </message>
    <message>
        <location line="-93"/>
        <location line="+107"/>
        <source>the data does not match its checksum</source>
        <translation>los datos no coinciden con su suma de comprobación</translation>
    </message>
    <message>
        <location line="-92"/>
        <location line="+66"/>
        <source>a chunk header at byte %1 is cut off</source>
        <translation>la cabecera de un fragmento en el byte %1 está cortada</translation>
    </message>
    <message>
        <location line="-60"/>
        <location line="+67"/>
        <source>the chunk at byte %1 is longer than the table</source>
        <translation>el fragmento del byte %1 es más largo que la tabla</translation>
    </message>
    <message>
        <location line="-63"/>
        <location line="+73"/>
        <source>the chunk at byte %1 cannot be decompressed</source>
        <translation>el fragmento del byte %1 no se puede descomprimir</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>row %1 of the chunk at byte %2 cannot be read</source>
        <translation>la fila %1 del fragmento del byte %2 no se puede leer</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>%1 changed while it was being checked</source>
        <translation>%1 cambió mientras se comprobaba</translation>
    </message>
    <message>
        <location line="-107"/>
        <source>the chunk at byte %1 holds more than its rows</source>
        <translation>el fragmento del byte %1 contiene más que sus filas</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+56"/>
        <source>%1 rows, the manifest says %2</source>
        <translation>%1 filas; el manifiesto indica %2</translation>
    </message>
</context>
<context>
    <name>BackupFileWriter</name>
    <message>
        <location line="-298"/>
        <location line="+11"/>
        <location line="+75"/>
        <source>%1: cannot write the backup: %2</source>
        <translation>%1: no se puede escribir la copia de seguridad: %2</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>cannot compress table %1</source>
        <translation>no se puede comprimir la tabla %1</translation>
    </message>
</context>
<context>
    <name>BackupScheduleDialog</name>
    <message>
        <location filename="../ui/backup/backupscheduledialog.cpp" line="+30"/>
        <source>&amp;Back up every day</source>
        <translation>&amp;Hacer una copia cada día</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>B&amp;rowse…</source>
        <translation>E&amp;xaminar…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Scheduled backups</source>
        <translation>Copias de seguridad programadas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a folder on the machine that runs the backups</source>
        <translation>una carpeta del equipo que hace las copias</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Carpeta:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Time (UTC):</source>
        <translation>&amp;Hora (UTC):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keep &amp;daily backups:</source>
        <translation>Conservar copias &amp;diarias:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep &amp;weekly backups:</source>
        <translation>Conservar copias &amp;semanales:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each backup is read back once written; a failed one notifies the administrators. The newest backup of each of the last days and weeks is kept, older ones are deleted.</source>
        <translation>Cada copia se vuelve a leer una vez escrita; si una falla, se avisa a los administradores. Se conserva la copia más reciente de cada uno de los últimos días y semanas; las más antiguas se borran.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>(%1 here)</source>
        <translation>(%1 aquí)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Folder for the backups</source>
        <translation>Carpeta para las copias</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The settings cannot be read: %1</source>
        <translation>No se puede leer la configuración: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Choose the folder for the backups.</source>
        <translation>Elija la carpeta para las copias.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is not a folder on this computer.</source>
        <translation>«%1» no es una carpeta de este equipo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The settings were not saved: %1</source>
        <translation>La configuración no se ha guardado: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
</context>
<context>
    <name>BackupTasks</name>
    <message>
        <location filename="../tasks/backup/backuptasks.cpp" line="+87"/>
        <source>rows</source>
        <translation>filas</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2 rows, %3 bytes</source>
        <translation>%1: %2 filas, %3 bytes</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The backup names no absolute file path.</source>
        <translation>La copia de seguridad no indica ninguna ruta de archivo absoluta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+57"/>
        <source>The backup into %1 failed: %2</source>
        <translation>La copia de seguridad en %1 ha fallado: %2</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Scheduled backup failed</source>
        <translation>Ha fallado la copia de seguridad programada</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The backup folder %1 does not exist.</source>
        <translation>La carpeta de copias de seguridad %1 no existe.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>checking the backup</source>
        <translation>comprobando la copia de seguridad</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup %1 could not be read back: %2</source>
        <translation>No se ha podido volver a leer la copia de seguridad %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup %1 reads back %2 rows, %3 were written.</source>
        <translation>Al releer la copia de seguridad %1 se obtienen %2 filas; se escribieron %3.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Back up the database</source>
        <translation>Hacer una copia de seguridad de la base de datos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scheduled backup</source>
        <translation>Copia de seguridad programada</translation>
    </message>
</context>
<context>
    <name>BackupUi</name>
    <message>
        <location filename="../ui/backup/backupui.cpp" line="+26"/>
        <source>&amp;Back up now…</source>
        <translation>Hacer una &amp;copia ahora…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a backup of the whole database into a file, as a job.</source>
        <translation>Escribir una copia de seguridad de toda la base de datos en un archivo, como trabajo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduled &amp;backups…</source>
        <translation>Copias de seguridad &amp;programadas…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Back up the database</source>
        <translation>Copia de seguridad de la base de datos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residesk backups (*.rdb)</source>
        <translation>Copias de Residesk (*.rdb)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The backup could not be queued: %1</source>
        <translation>No se pudo poner en cola la copia de seguridad: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backup job %1 queued: %2</source>
        <translation>Trabajo de copia de seguridad %1 en cola: %2</translation>
    </message>
</context>
<context>
    <name>BuildingComboBox</name>
    <message>
        <location filename="../ui/allocations/buildingcombobox.cpp" line="+71"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>BuildingDialog</name>
    <message>
        <location filename="../ui/dialogs/buildingdialog.cpp" line="+14"/>
        <source>New Building</source>
        <translation>Nuevo edificio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit Building</source>
        <translation>Editar edificio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Short code, e.g. NH</source>
        <translation>Código corto, p. ej. NH</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Code:</source>
        <translation>&amp;Código:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Address:</source>
        <translation>&amp;Dirección:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Floors:</source>
        <translation>&amp;Plantas:</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>building “%1”</source>
        <translation>edificio «%1»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This building was changed by someone else since you opened it.</source>
        <translation>Otra persona ha modificado este edificio desde que usted lo abrió.</translation>
    </message>
</context>
<context>
    <name>BuildingRepository</name>
    <message>
        <location filename="../models/housing/buildingrepository.cpp" line="+70"/>
        <source>A building with the code &quot;%1&quot; already exists.</source>
        <translation>Ya existe un edificio con el código «%1».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The building no longer exists; another user may have deleted it.</source>
        <translation>El edificio ya no existe; puede que otro usuario lo haya eliminado.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The building code is required.</source>
        <translation>El código del edificio es obligatorio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The building code must be at most %1 characters long.</source>
        <translation>El código del edificio puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The building name is required.</source>
        <translation>El nombre del edificio es obligatorio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The building name must be at most %1 characters long.</source>
        <translation>El nombre del edificio puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The address must be at most %1 characters long.</source>
        <translation>La dirección puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number of floors must be at least 1 (it is %1).</source>
        <translation>El número de plantas debe ser al menos 1 (es %1).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>There is no building with the code &quot;%1&quot;.</source>
        <translation>No hay ningún edificio con el código «%1».</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The new building was not stored.</source>
        <translation>El nuevo edificio no se ha guardado.</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>The building cannot have %n floor(s): %1</source>
        <translation>
            <numerusform>El edificio no puede tener %n planta: %1</numerusform>
            <numerusform>El edificio no puede tener %n plantas: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n of its rooms are on higher floors.</source>
        <translation>
            <numerusform>%n de sus habitaciones está en una planta superior.</numerusform>
            <numerusform>%n de sus habitaciones están en plantas superiores.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Another user changed this building since you opened it. Reload to see their changes, or overwrite them with yours.</source>
        <translation>Otro usuario ha modificado este edificio desde que usted lo abrió. Vuelva a cargarlo para ver sus cambios o sobrescríbalos con los suyos.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>The building still has %n room(s); delete or move them first.</source>
        <translation>
            <numerusform>El edificio aún tiene %n habitación; elimínela o trasládela primero.</numerusform>
            <numerusform>El edificio aún tiene %n habitaciones; elimínelas o trasládelas primero.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The building still has rooms; delete or move them first.</source>
        <translation>El edificio aún tiene habitaciones; elimínelas o trasládelas primero.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Another user changed this building since you opened it; it was not deleted.</source>
        <translation>Otro usuario ha modificado este edificio desde que usted lo abrió; no se ha eliminado.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The building is already present; there is nothing to restore.</source>
        <translation>El edificio ya existe; no hay nada que restaurar.</translation>
    </message>
</context>
<context>
    <name>BuildingsPage</name>
    <message>
        <location filename="../ui/pages/buildingspage.cpp" line="+12"/>
        <source>Add a building</source>
        <translation>Añadir un edificio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected building</source>
        <translation>Editar el edificio seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected building</source>
        <translation>Eliminar el edificio seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search by code, name or address…</source>
        <translation>Buscar por código, nombre o dirección…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No buildings yet.

Add the first with New (Ctrl+N); its rooms come next, on the Rooms page.</source>
        <translation>Aún no hay edificios.

Añada el primero con Nuevo (Ctrl+N); sus habitaciones vienen después, en la página Habitaciones.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>building “%1” (%2)</source>
        <translation>edificio «%1» (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 building</source>
        <translation>1 edificio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%L1 buildings</source>
        <translation>%L1 edificios</translation>
    </message>
</context>
<context>
    <name>BuildingsTableModel</name>
    <message>
        <location filename="../models/itemmodels/buildingstablemodel.cpp" line="+43"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floors</source>
        <translation>Plantas</translation>
    </message>
</context>
<context>
    <name>BuiltinTasks</name>
    <message>
        <location filename="../tasks/builtintasks.cpp" line="+93"/>
        <source>The diagnostic job failed on purpose.</source>
        <translation>La tarea de diagnóstico ha fallado a propósito.</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+26"/>
        <source>residents</source>
        <translation>residentes</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>protocols</source>
        <translation>protocolos</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Diagnostic: no-op</source>
        <translation>Diagnóstico: sin operación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diagnostic: wait</source>
        <translation>Diagnóstico: espera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diagnostic: CPU work</source>
        <translation>Diagnóstico: trabajo de CPU</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Diagnostic: failure</source>
        <translation>Diagnóstico: fallo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create demo data</source>
        <translation>Crear datos de demostración</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prune job history</source>
        <translation>Depurar el historial de tareas</translation>
    </message>
</context>
<context>
    <name>BulkCommands</name>
    <message>
        <location filename="../app/cli/bulkcommands.cpp" line="+58"/>
        <source>These protocols (comma-separated ids).</source>
        <translation>Estos protocolos (ids separados por comas).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ids</source>
        <translation>ids</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every protocol in this state now: %1.</source>
        <translation>Todos los protocolos que ahora están en este estado: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+153"/>
        <source>state</source>
        <translation>estado</translation>
    </message>
    <message>
        <location line="-152"/>
        <source>With --state (or alone): only this client&apos;s.</source>
        <translation>Con --state (o sola): solo los de este cliente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only protocols whose number, animal id or client name contains this text.</source>
        <translation>Solo los protocolos cuyo número, id del animal o nombre del cliente contiene este texto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protocols per transaction (default %1).</source>
        <translation>Protocolos por transacción (por omisión %1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Job %1: %2.</source>
        <translation>Tarea %1: %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>job %1 (%2) failed: %3</source>
        <translation>la tarea %1 (%2) ha fallado: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>job %1 (%2) was cancelled; the chunks before the cancel stay changed</source>
        <translation>la tarea %1 (%2) se ha cancelado; los bloques anteriores a la cancelación siguen cambiados</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cannot undo: %1</source>
        <translation>no se puede deshacer: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot queue the change: %1</source>
        <translation>no se puede poner en cola el cambio: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Queued job %1: undo of %Ln change(s).</source>
        <translation>
            <numerusform>Tarea %1 en cola: deshacer %Ln cambio.</numerusform>
            <numerusform>Tarea %1 en cola: deshacer %Ln cambios.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Queued job %1 for %Ln protocol(s).</source>
        <translation>
            <numerusform>Tarea %1 en cola para %Ln protocolo.</numerusform>
            <numerusform>Tarea %1 en cola para %Ln protocolos.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>give either --ids or a selection (--state, --client, --search)</source>
        <translation>indique --ids o bien una selección (--state, --client, --search)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--ids: &quot;%1&quot; is not a protocol id</source>
        <translation>--ids: «%1» no es un id de protocolo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--ids names no protocol</source>
        <translation>--ids no indica ningún protocolo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--state must be one of %1, not &quot;%2&quot;</source>
        <translation>--state debe ser uno de estos: %1, no «%2»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--client: &quot;%1&quot; is not a client id</source>
        <translation>--client: «%1» no es un id de cliente</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--chunk must be a number from 1 to %1</source>
        <translation>--chunk debe ser un número de 1 a %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Queues a protocols.transition job over the protocols given by --ids, or over every protocol matching --state/--client/--search now (later protocols are not swept in). Each protocol is changed once, with an audit entry and an e-mail to its client; protocols already in the target state are skipped, those the state machine refuses fail; neither stops the others. With --json: {&quot;job_id&quot;: n, &quot;selected&quot;: n}; with --wait also &quot;state&quot;, &quot;changed&quot;, &quot;skipped&quot;, &quot;failed&quot;, &quot;no_address&quot; (changed, but the client has no e-mail address) and &quot;emails&quot;. Exit code 0 only if the job succeeded (failed items do not make it fail); `protocols items JOB_ID` lists every item.</source>
        <translation>Pone en cola una tarea protocols.transition sobre los protocolos indicados con --ids, o sobre todos los protocolos que coinciden ahora con --state/--client/--search (los protocolos posteriores no se incluyen). Cada protocolo se cambia una sola vez, con una entrada de auditoría y un correo a su cliente; los protocolos que ya están en el estado de destino se omiten, y los que la máquina de estados rechaza fallan; ni unos ni otros detienen a los demás. Con --json: {&quot;job_id&quot;: n, &quot;selected&quot;: n}; con --wait también &quot;state&quot;, &quot;changed&quot;, &quot;skipped&quot;, &quot;failed&quot;, &quot;no_address&quot; (cambiados, pero el cliente no tiene dirección de correo electrónico) y &quot;emails&quot;. Código de salida 0 solo si la tarea se completó (los elementos fallidos no la hacen fallar); `protocols items JOB_ID` lista todos los elementos.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The target state: %1.</source>
        <translation>El estado de destino: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change the state of many protocols as a job: protocols transition --to STATE …</source>
        <translation>Cambiar el estado de muchos protocolos como una tarea: protocols transition --to ESTADO …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mark many protocols as received: protocols receive (--ids 1,2,3 | --state submitted).</source>
        <translation>Marcar muchos protocolos como recibidos: protocols receive (--ids 1,2,3 | --state submitted).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same as &quot;protocols transition --to received&quot;.

</source>
        <translation>Lo mismo que «protocols transition --to received».

</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Undo a bulk change of protocols: protocols undo JOB_ID.</source>
        <translation>Deshacer un cambio masivo de protocolos: protocols undo JOB_ID.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queues a protocols.transition_undo job that puts every protocol the job JOB_ID changed back in its previous state, unless it changed again since (reported as skipped). A change is undone at most once; an undo cannot be undone. No e-mail is sent. With --json: {&quot;job_id&quot;: n, &quot;selected&quot;: n}; with --wait also &quot;state&quot;, &quot;undo_of&quot;, &quot;restored&quot;, &quot;skipped&quot;, &quot;failed&quot;.</source>
        <translation>Pone en cola una tarea protocols.transition_undo que devuelve a su estado anterior cada protocolo que cambió la tarea JOB_ID, salvo los que han vuelto a cambiar desde entonces (se informan como omitidos). Un cambio se deshace como máximo una vez; una acción de deshacer no se puede deshacer. No se envía ningún correo. Con --json: {&quot;job_id&quot;: n, &quot;selected&quot;: n}; con --wait también &quot;state&quot;, &quot;undo_of&quot;, &quot;restored&quot;, &quot;skipped&quot;, &quot;failed&quot;.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>List what a bulk change (or its undo) did to each protocol: protocols items JOB_ID.</source>
        <translation>Listar lo que un cambio masivo (o su deshacer) hizo con cada protocolo: protocols items JOB_ID.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With --json: a JSON array of {&quot;protocol_id&quot;, &quot;number&quot;, &quot;outcome&quot; (changed, skipped, failed), &quot;reason&quot;, &quot;note&quot;, &quot;before_state&quot;, &quot;after_state&quot;, &quot;before_version&quot;, &quot;after_version&quot;}, by protocol id. Otherwise an aligned text table.</source>
        <translation>Con --json: un array JSON de {&quot;protocol_id&quot;, &quot;number&quot;, &quot;outcome&quot; (changed, skipped, failed), &quot;reason&quot;, &quot;note&quot;, &quot;before_state&quot;, &quot;after_state&quot;, &quot;before_version&quot;, &quot;after_version&quot;}, por id de protocolo. Si no, una tabla de texto alineada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only items with this outcome: changed, skipped, failed.</source>
        <translation>Solo los elementos con este resultado: changed, skipped, failed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outcome</source>
        <translation>resultado</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--to is required</source>
        <translation>--to es obligatorio</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--to must be one of %1, not &quot;%2&quot;</source>
        <translation>--to debe ser uno de estos: %1, no «%2»</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+12"/>
        <source>a job id</source>
        <translation>un identificador de tarea</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--outcome must be one of %1, not &quot;%2&quot;</source>
        <translation>--outcome debe ser uno de estos: %1, no «%2»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>job %1 is not a bulk change of protocols</source>
        <translation>la tarea %1 no es un cambio masivo de protocolos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read job %1: %2</source>
        <translation>no se puede leer la tarea %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PROTOCOL</source>
        <translation>PROTOCOLO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NUMBER</source>
        <translation>NÚMERO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OUTCOME</source>
        <translation>RESULTADO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>BEFORE</source>
        <translation>ANTES</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AFTER</source>
        <translation>DESPUÉS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>REASON</source>
        <translation>MOTIVO</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot list the items of job %1: %2</source>
        <translation>no se pueden listar los elementos de la tarea %1: %2</translation>
    </message>
</context>
<context>
    <name>BulkItem</name>
    <message>
        <location filename="../tasks/bulk/bulkitem.cpp" line="+33"/>
        <source>Restored</source>
        <translation>Restaurado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changed</source>
        <translation>Cambiado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped</source>
        <translation>Omitido</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
</context>
<context>
    <name>BulkItemsDialog</name>
    <message>
        <location filename="../ui/bulk/bulkitemsdialog.cpp" line="+49"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undo this change…</source>
        <translation>&amp;Deshacer este cambio…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as CSV…</source>
        <translation>&amp;Guardar como CSV…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Before</source>
        <translation>Antes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After</source>
        <translation>Después</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>All outcomes</source>
        <translation>Todos los resultados</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sho&amp;w:</source>
        <translation>Mo&amp;strar:</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Job %1 is not a bulk protocol change.</source>
        <translation>La tarea %1 no es un cambio masivo de protocolos.</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>Bulk change %1</source>
        <translation>Cambio masivo %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Items of the bulk change</source>
        <translation>Elementos del cambio masivo</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Undo %1 of bulk change %2: %3</source>
        <translation>Deshacer %1 del cambio masivo %2: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bulk change %1 to “%2”: %3</source>
        <translation>Cambio masivo %1 a «%2»: %3</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 %2, %3 skipped, %4 failed</source>
        <translation>%1 %2, %3 omitidos, %4 fallidos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>restored</source>
        <translation>restaurados</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>changed</source>
        <translation>cambiados</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+35"/>
        <source>Undone by job %1.</source>
        <translation>Deshecho por la tarea %1.</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Put back the previous state of the protocols this change changed (%1)? A protocol that has changed again since is left as it is and reported.</source>
        <translation>¿Devolver a su estado anterior los protocolos que cambió este cambio masivo (%1)? Un protocolo que haya vuelto a cambiar desde entonces se deja como está y se informa de ello.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+22"/>
        <source>Undo bulk change</source>
        <translation>Deshacer el cambio masivo</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the items as CSV</source>
        <translation>Guardar los elementos como CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Save as CSV</source>
        <translation>Guardar como CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>“%1” could not be written: %2</source>
        <translation>No se pudo escribir «%1»: %2</translation>
    </message>
</context>
<context>
    <name>BulkJobStore</name>
    <message>
        <location filename="../tasks/bulk/bulkjobstore.cpp" line="+144"/>
        <source>Job %1 was already undone by job %2.</source>
        <translation>La tarea %1 ya la deshizo la tarea %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job %1 was already undone.</source>
        <translation>La tarea %1 ya se ha deshecho.</translation>
    </message>
</context>
<context>
    <name>BulkTasks</name>
    <message>
        <location filename="../tasks/bulk/bulktasks.cpp" line="+42"/>
        <source>chunk %1</source>
        <translation>bloque %1</translation>
    </message>
    <message>
        <location line="+295"/>
        <source>The bulk change names no valid target state (&quot;%1&quot;).</source>
        <translation>El cambio masivo no indica un estado de destino válido («%1»).</translation>
    </message>
    <message>
        <location line="+46"/>
        <location line="+143"/>
        <source>Job %1 is registered as another bulk job.</source>
        <translation>El trabajo %1 está registrado como otro trabajo masivo.</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>%L1 changed, %L2 skipped, %L3 failed</source>
        <translation>%L1 cambiados, %L2 omitidos, %L3 fallidos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bulk change to “%1” (%2) finished</source>
        <translation>Cambio masivo a «%1» (%2) terminado</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>%L1 restored, %L2 skipped, %L3 failed</source>
        <translation>%L1 restaurados, %L2 omitidos, %L3 fallidos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undo of bulk change %1 (%2) finished</source>
        <translation>Se ha terminado de deshacer el cambio masivo %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its protocols</source>
        <translation>sus protocolos</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The filter&apos;s state &quot;%1&quot; is not a protocol state.</source>
        <translation>El estado «%1» del filtro no es un estado de protocolo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The filter&apos;s %1 &quot;%2&quot; is not a date (YYYY-MM-DD).</source>
        <translation>El valor %1 «%2» del filtro no es una fecha (AAAA-MM-DD).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The filter has an unknown field &quot;%1&quot;.</source>
        <translation>El filtro tiene un campo desconocido: «%1».</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%Ln selected protocol(s)</source>
        <translation>
            <numerusform>%Ln protocolo seleccionado</numerusform>
            <numerusform>%Ln protocolos seleccionados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a filter that cannot be read</source>
        <translation>un filtro que no se puede leer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>state %1</source>
        <translation>estado %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>client %1</source>
        <translation>cliente %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>submitted %1–%2</source>
        <translation>remitidos del %1 al %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>submitted from %1</source>
        <translation>remitidos desde el %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>submitted until %1</source>
        <translation>remitidos hasta el %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>search “%1”</source>
        <translation>búsqueda «%1»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>every protocol</source>
        <translation>todos los protocolos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>an undo</source>
        <translation>una operación de deshacer</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>&quot;%1&quot; is not a protocol state.</source>
        <translation>«%1» no es un estado de protocolo.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No protocols are selected.</source>
        <translation>No hay ningún protocolo seleccionado.</translation>
    </message>
    <message>
        <location line="-426"/>
        <location line="+428"/>
        <source>The bulk change names neither ids nor a filter.</source>
        <translation>El cambio masivo no indica ni ids ni un filtro.</translation>
    </message>
    <message>
        <location line="-306"/>
        <location line="+334"/>
        <source>Job %1 is not a bulk change of protocols; it cannot be undone.</source>
        <translation>La tarea %1 no es un cambio masivo de protocolos; no se puede deshacer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Job %1 is an undo; an undo cannot be undone.</source>
        <translation>La tarea %1 deshace otro cambio; lo deshecho no se puede deshacer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Job %1 was already undone by job %2.</source>
        <translation>La tarea %1 ya la deshizo la tarea %2.</translation>
    </message>
    <message>
        <location line="-331"/>
        <location line="+337"/>
        <source>Job %1 has not finished; it can be undone once it has.</source>
        <translation>La tarea %1 no ha terminado; podrá deshacerse cuando termine.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Job %1 is being undone already.</source>
        <translation>La tarea %1 ya se está deshaciendo.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Bulk change of protocols</source>
        <translation>Cambio masivo de protocolos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo of a bulk change of protocols</source>
        <translation>Deshacer un cambio masivo de protocolos</translation>
    </message>
</context>
<context>
    <name>BulkUi</name>
    <message>
        <location filename="../ui/bulk/bulkui.cpp" line="+40"/>
        <source>Undo queued as job %1: follow it in the Jobs panel.</source>
        <translation>Deshacer en cola como tarea %1: siga su progreso en el panel Tareas.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Change the selected protocols (%1) to “%2”?</source>
        <translation>¿Cambiar los protocolos seleccionados (%1) a «%2»?</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+13"/>
        <location line="+21"/>
        <source>Bulk change</source>
        <translation>Cambio masivo</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>No protocol matches the filter.</source>
        <translation>Ningún protocolo coincide con el filtro.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No rows are selected. Change every protocol the filter matches — %1 — to “%2”?</source>
        <translation>No hay filas seleccionadas. ¿Cambiar todos los protocolos que coinciden con el filtro (%1) a «%2»?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Protocols that cannot change are skipped or reported, one e-mail goes to each changed protocol&apos;s client, and the change can be undone afterwards.</source>
        <translation>Los protocolos que no puedan cambiar se omiten o se informa de ellos, el cliente de cada protocolo cambiado recibe un correo y el cambio se puede deshacer después.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Bulk change queued as job %1 (protocols: %2): follow it in the Jobs panel.</source>
        <translation>Cambio masivo en cola como tarea %1 (protocolos: %2): siga su progreso en el panel Tareas.</translation>
    </message>
</context>
<context>
    <name>Client</name>
    <message>
        <location filename="../models/lab/client.cpp" line="+29"/>
        <source>Farm</source>
        <translation>Explotación ganadera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Owner</source>
        <translation>Propietario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clinic</source>
        <translation>Clínica</translation>
    </message>
</context>
<context>
    <name>ClientDialog</name>
    <message>
        <location filename="../ui/lab/clientdialog.cpp" line="+19"/>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>name@example.org</source>
        <translation>nombre@ejemplo.org</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lan&amp;guage:</source>
        <translation>Idio&amp;ma:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Client %1</source>
        <translation>Cliente %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>The client cannot be loaded: %1</source>
        <translation>No se puede cargar el cliente: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing the values stored now. Review them and save again.</source>
        <translation>Se muestran los valores guardados ahora. Revíselos y vuelva a guardar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not saved: this client was changed by someone else. Your changes are kept.</source>
        <translation>No se guardó: otra persona cambió este cliente. Sus cambios se conservan.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Someone else saved client %1 since you opened it.</source>
        <translation>Otra persona guardó el cliente %1 después de que usted lo abriera.</translation>
    </message>
</context>
<context>
    <name>ClientRepository</name>
    <message>
        <location filename="../models/lab/clientrepository.cpp" line="+72"/>
        <source>A client with the code &quot;%1&quot; already exists.</source>
        <translation>Ya existe un cliente con el código «%1».</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The client code must be at most %1 characters long.</source>
        <translation>El código del cliente puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The client&apos;s name is required.</source>
        <translation>El nombre del cliente es obligatorio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The client&apos;s name must be at most %1 characters long.</source>
        <translation>El nombre del cliente puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The e-mail address &quot;%1&quot; is not valid.</source>
        <translation>La dirección de correo electrónico «%1» no es válida.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The phone number must be at most %1 characters long.</source>
        <translation>El número de teléfono puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The client no longer exists.</source>
        <translation>El cliente ya no existe.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>There is no client with the code &quot;%1&quot;.</source>
        <translation>No hay ningún cliente con el código «%1».</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The new client was not stored.</source>
        <translation>El nuevo cliente no se ha guardado.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Another user changed the client &quot;%1&quot; since you opened it. Reload to see their changes.</source>
        <translation>Otro usuario ha modificado el cliente «%1» desde que usted lo abrió. Vuelva a cargarlo para ver sus cambios.</translation>
    </message>
</context>
<context>
    <name>CommandContext</name>
    <message>
        <location filename="../app/cli/commandcontext.cpp" line="+47"/>
        <source>cannot read the schema version of the database %1: %2</source>
        <translation>no se puede leer la versión del esquema de la base de datos %1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the database %1 has schema version %2 but this Residesk needs version %3: run &quot;residesk migrate&quot; first</source>
        <translation>la base de datos %1 tiene la versión de esquema %2, pero este Residesk necesita la versión %3: ejecute antes «residesk migrate»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the database %1 has schema version %2, newer than this Residesk knows (%3): use a newer Residesk</source>
        <translation>la base de datos %1 tiene la versión de esquema %2, más reciente que la que conoce este Residesk (%3): use un Residesk más reciente</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+18"/>
        <source>cannot connect to the database %1: %2</source>
        <translation>no se puede conectar con la base de datos %1: %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&quot;%1&quot; needs %2</source>
        <translation>«%1» necesita %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is a positive whole number, not &quot;%2&quot;</source>
        <translation>%1 es un número entero positivo, no «%2»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>see: residesk %1 --help</source>
        <translation>consulte: residesk %1 --help</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../app/cli/commandline.cpp" line="+143"/>
        <source>Usage: residesk [--database &lt;url&gt;] &lt;command&gt; [options]
       residesk [--database &lt;url&gt;] [--demo] [--sign-in] [--diagnostics]   (no command: open the window)

Residesk: housing office administration.

Commands:
</source>
        <translation>Uso: residesk [--database &lt;url&gt;] &lt;orden&gt; [opciones]
       residesk [--database &lt;url&gt;] [--demo] [--sign-in] [--diagnostics]   (sin orden: abre la ventana)

Residesk: administración de la oficina de alojamiento.

Órdenes:
</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+17"/>
        <source>
Global options:
</source>
        <translation>
Opciones globales:
</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>
Window options (no command):
</source>
        <translation>
Opciones de la ventana (sin comando):
</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>
&quot;residesk &lt;command&gt; --help&quot; describes a command. Exit codes: 0 success, 1 failure, 2 bad usage.
</source>
        <translation>
«residesk &lt;comando&gt; --help» describe un comando. Códigos de salida: 0 éxito, 1 fallo, 2 uso incorrecto.
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Usage: residesk [global options] %1%2

%3
</source>
        <translation>Uso: residesk [opciones globales] %1%2

%3
</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> [options]</source>
        <translation> [opciones]</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>
Options:
</source>
        <translation>
Opciones:
</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>see: residesk %1 --help</source>
        <translation>consulte: residesk %1 --help</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>see: residesk --help</source>
        <translation>consulte: residesk --help</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no command given (the window starts without options other than --database and --demo); see: residesk --help</source>
        <translation>no se ha indicado ningún comando (la ventana se abre sin más opciones que --database y --demo); consulte: residesk --help</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;%1&quot; needs a subcommand: %2</source>
        <translation>«%1» necesita un subcomando: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown command &quot;%1&quot;; see: residesk --help</source>
        <translation>comando desconocido «%1»; consulte: residesk --help</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unexpected argument &quot;%1&quot; for &quot;%2&quot;; see: residesk %2 --help</source>
        <translation>argumento inesperado «%1» para «%2»; consulte: residesk %2 --help</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <location filename="../ui/widgets/connectionbanner.cpp" line="+16"/>
        <source>Retry now</source>
        <translation>Reintentar ahora</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+40"/>
        <source>The database cannot be reached. Retrying now…</source>
        <translation>No se puede acceder a la base de datos. Reintentando ahora…</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The database cannot be reached. Retrying…</source>
        <translation>No se puede acceder a la base de datos. Reintentando…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The database cannot be reached. Retrying in %1 s…</source>
        <translation>No se puede acceder a la base de datos. Se reintentará dentro de %1 s…</translation>
    </message>
</context>
<context>
    <name>CronSchedule</name>
    <message>
        <location filename="../tasks/cronschedule.cpp" line="+24"/>
        <source>minute</source>
        <translation>minuto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hour</source>
        <translation>hora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day-of-month</source>
        <translation>día del mes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>month</source>
        <translation>mes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>day-of-week</source>
        <translation>día de la semana</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>use %1-%2</source>
        <translation>use %1-%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>empty list item</source>
        <translation>elemento de lista vacío</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the step &quot;%1&quot; must be a positive number</source>
        <translation>el paso «%1» debe ser un número positivo</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+4"/>
        <source>&quot;%1&quot; is not a number (%2)</source>
        <translation>«%1» no es un número (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>%1 is out of range (%2)</source>
        <translation>%1 está fuera del intervalo (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the range %1-%2 runs backwards</source>
        <translation>el intervalo %1-%2 está invertido</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>The schedule is empty; expected five fields (minute hour day-of-month month day-of-week) or @hourly, @daily, @weekly, @monthly, @every &lt;interval&gt;.</source>
        <translation>La programación está vacía; se esperaban cinco campos (minuto hora día-del-mes mes día-de-la-semana) o @hourly, @daily, @weekly, @monthly, @every &lt;intervalo&gt;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The interval &quot;%1&quot; of &quot;%2&quot; is not valid: use a positive number with s, m, h or d, such as @every 15m.</source>
        <translation>El intervalo «%1» de «%2» no es válido: use un número positivo con s, m, h o d, como @every 15m.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The schedule &quot;%1&quot; is not known: use @hourly, @daily, @weekly, @monthly or @every &lt;interval&gt;.</source>
        <translation>La programación «%1» no se reconoce: use @hourly, @daily, @weekly, @monthly o @every &lt;intervalo&gt;.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The schedule &quot;%1&quot; has %2 fields; expected five: minute hour day-of-month month day-of-week.</source>
        <translation>La programación «%1» tiene %2 campos; se esperaban cinco: minuto hora día-del-mes mes día-de-la-semana.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The %1 field &quot;%2&quot; of the schedule &quot;%3&quot; is not valid: %4.</source>
        <translation>El campo de %1 «%2» de la programación «%3» no es válido: %4.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The day-of-month field &quot;%1&quot; of the schedule &quot;%2&quot; never falls in the chosen months (&quot;%3&quot;).</source>
        <translation>El campo de día del mes «%1» de la programación «%2» nunca cae en los meses elegidos («%3»).</translation>
    </message>
</context>
<context>
    <name>CsvActions</name>
    <message>
        <location filename="../ui/import/csvactions.cpp" line="+37"/>
        <source>&amp;Import residents…</source>
        <translation>&amp;Importar residentes…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import residents</source>
        <translation>Importar residentes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export &amp;residents…</source>
        <translation>Exportar &amp;residentes…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export r&amp;ooms…</source>
        <translation>Exportar &amp;habitaciones…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export &amp;protocols…</source>
        <translation>Exportar &amp;protocolos…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Export residents</source>
        <translation>Exportar residentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export protocols</source>
        <translation>Exportar protocolos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export rooms</source>
        <translation>Exportar habitaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exporting residents to %1…</source>
        <translation>Exportando los residentes a %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting protocols to %1…</source>
        <translation>Exportando los protocolos a %1…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exporting rooms to %1…</source>
        <translation>Exportando las habitaciones a %1…</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The export to %1 failed: %2</source>
        <translation>La exportación a %1 ha fallado: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported %L1 residents to %2.</source>
        <translation>Se han exportado %L1 residentes a %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported %L1 protocols to %2.</source>
        <translation>Se han exportado %L1 protocolos a %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exported %L1 rooms to %2.</source>
        <translation>Se han exportado %L1 habitaciones a %2.</translation>
    </message>
</context>
<context>
    <name>CsvPreview</name>
    <message>
        <location filename="../models/io/csvpreview.cpp" line="+19"/>
        <source>%1: cannot open the file: %2</source>
        <translation>%1: no se puede abrir el archivo: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+12"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>%1: the file is empty</source>
        <translation>%1: el archivo está vacío</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <location filename="../models/io/csvreader.cpp" line="+99"/>
        <source>line %1: cannot read the file: %2</source>
        <translation>línea %1: no se puede leer el archivo: %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the file is encoded as UTF-16, not UTF-8; save it as &quot;CSV UTF-8&quot;</source>
        <translation>el archivo está codificado en UTF-16, no en UTF-8; guárdelo como «CSV UTF-8»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the file is not a CSV text file: it contains a NUL byte at byte %1 (binary data)</source>
        <translation>el archivo no es un archivo de texto CSV: contiene un byte NUL en el byte %1 (datos binarios)</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>line %1: a quoted field starts here but its closing quote is missing; the rest of the file cannot be read</source>
        <translation>línea %1: aquí empieza un campo entre comillas, pero falta la comilla de cierre; no se puede leer el resto del archivo</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>line %1: unexpected text after a closing quote (a quote inside a quoted field must be doubled: &quot;&quot;)</source>
        <translation>línea %1: texto inesperado después de una comilla de cierre (una comilla dentro de un campo entre comillas debe duplicarse: &quot;&quot;)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>line %1: contains a NUL byte at column %2; the file is damaged or not text</source>
        <translation>línea %1: contiene un byte NUL en la columna %2; el archivo está dañado o no es de texto</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>line %1: not valid UTF-8 (byte 0x%2 at column %3); save the file as UTF-8</source>
        <translation>línea %1: UTF-8 no válido (byte 0x%2 en la columna %3); guarde el archivo como UTF-8</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>line %1: a record longer than %2 KiB starts here; a quoted field is probably never closed</source>
        <translation>línea %1: aquí empieza un registro de más de %2 KiB; probablemente un campo entre comillas no se cierra nunca</translation>
    </message>
</context>
<context>
    <name>CsvWriter</name>
    <message>
        <location filename="../models/io/csvwriter.cpp" line="+90"/>
        <source>cannot write the file: %1</source>
        <translation>no se puede escribir el archivo: %1</translation>
    </message>
</context>
<context>
    <name>DashboardCard</name>
    <message>
        <location filename="../ui/pages/dashboardcard.cpp" line="+38"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not be loaded: %1</source>
        <translation>No se ha podido cargar: %1</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../ui/pages/dashboardpage.cpp" line="+79"/>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Occupancy by building (beds held today)</source>
        <translation>Ocupación por edificio (plazas ocupadas hoy)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Free beds today</source>
        <translation>Plazas libres hoy</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Jobs</source>
        <translation>Trabajos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Arrivals and departures this week</source>
        <translation>Llegadas y salidas esta semana</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open maintenance by priority</source>
        <translation>Mantenimiento abierto por prioridad</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Protocols by state</source>
        <translation>Protocolos por estado</translation>
    </message>
    <message>
        <location line="+172"/>
        <source>Beds held</source>
        <translation>Plazas ocupadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free</source>
        <translation>Libres</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>of %1 beds; %2 in rooms out of service</source>
        <translation>de %1 plazas; %2 en habitaciones fuera de servicio</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Arrivals: %1 (today %2)</source>
        <translation>Llegadas: %1 (hoy %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Departures: %1 (today %2)</source>
        <translation>Salidas: %1 (hoy %2)</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>(%1 overdue)</source>
        <translation>(%1 vencidas)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 overdue in all</source>
        <translation>%1 vencidas en total</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None overdue.</source>
        <translation>Ninguna vencida.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>%1 running, %2 queued, %3 failed</source>
        <translation>%1 en curso, %2 en cola, %3 fallidos</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <location filename="../models/db/database.cpp" line="+144"/>
        <source>Reconnecting to the database file %1: waiting for its other connections in this process to close.</source>
        <translation>Reconectando con el archivo de base de datos %1: esperando a que se cierren sus demás conexiones en este proceso.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The Qt SQL driver for %1 is not installed.</source>
        <translation>El controlador SQL de Qt para %1 no está instalado.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cannot create the folder %1 for the database file.</source>
        <translation>No se puede crear la carpeta %1 para el archivo de la base de datos.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot connect to the database %1: %2</source>
        <translation>No se puede conectar con la base de datos %1: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+8"/>
        <location line="+30"/>
        <location line="+16"/>
        <source>Cannot prepare the database connection: %1</source>
        <translation>No se puede preparar la conexión con la base de datos: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Residesk lost its lock on the database file %1: something in this process opened the file outside SQLite. Nothing was written; Residesk reconnects to the file.</source>
        <translation>Residesk ha perdido su bloqueo sobre el archivo de base de datos %1: algo en este proceso abrió el archivo fuera de SQLite. No se ha escrito nada; Residesk vuelve a conectarse al archivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The write-ahead log of the database file %1 was deleted while Residesk was using it. Nothing was written; Residesk reconnects to the file.</source>
        <translation>El registro de escritura anticipada del archivo de base de datos %1 se eliminó mientras Residesk lo usaba. No se ha escrito nada; Residesk vuelve a conectarse al archivo.</translation>
    </message>
</context>
<context>
    <name>DatabaseCommands</name>
    <message>
        <location filename="../app/cli/databasecommands.cpp" line="+15"/>
        <source>Bring the database schema up to date.</source>
        <translation>Actualizar el esquema de la base de datos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applies the schema migrations this Residesk knows and the database lacks, in one transaction. Running it again applies nothing. A database migrated by a newer Residesk is refused and left untouched (exit code 1).</source>
        <translation>Aplica, en una sola transacción, las migraciones del esquema que este Residesk conoce y que faltan en la base de datos. Si se ejecuta de nuevo, no aplica nada. Una base de datos migrada por un Residesk más reciente se rechaza y se deja intacta (código de salida 1).</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The database schema is up to date (version %1).</source>
        <translation>El esquema de la base de datos está actualizado (versión %1).</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Applied %n migration(s); the database schema is at version %1.</source>
        <translation>
            <numerusform>Se ha aplicado %n migración; el esquema de la base de datos está en la versión %1.</numerusform>
            <numerusform>Se han aplicado %n migraciones; el esquema de la base de datos está en la versión %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatabaseConfig</name>
    <message>
        <location filename="../models/db/databaseconfig.cpp" line="+29"/>
        <source>The database URL is empty.</source>
        <translation>La URL de la base de datos está vacía.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The database URL &quot;%1&quot; is not a valid URL: %2</source>
        <translation>La URL de la base de datos «%1» no es una URL válida: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The SQLite URL &quot;%1&quot; names a host; use sqlite:///absolute/path.db (three slashes).</source>
        <translation>La URL de SQLite «%1» indica un host; use sqlite:///ruta/absoluta.db (tres barras).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The SQLite URL &quot;%1&quot; needs an absolute file path, as in sqlite:///absolute/path.db.</source>
        <translation>La URL de SQLite «%1» necesita una ruta de archivo absoluta, como en sqlite:///ruta/absoluta.db.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The PostgreSQL URL &quot;%1&quot; has no host, as in postgresql://user@host:5432/dbname.</source>
        <translation>La URL de PostgreSQL «%1» no tiene host, como en postgresql://usuario@host:5432/nombrebd.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The PostgreSQL URL &quot;%1&quot; has an invalid port.</source>
        <translation>La URL de PostgreSQL «%1» tiene un puerto no válido.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The PostgreSQL URL must not contain a password; set RESIDESK_DB_PASSWORD, keep it in the system keychain (the window&apos;s sign-in) or in ~/.pgpass instead.</source>
        <translation>La URL de PostgreSQL no debe contener una contraseña; defina RESIDESK_DB_PASSWORD, guárdela en el llavero del sistema (el inicio de sesión de la ventana) o en ~/.pgpass en su lugar.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The PostgreSQL URL option %1 needs a file name.</source>
        <translation>La opción %1 de la URL de PostgreSQL necesita un nombre de archivo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file name of %1 must not contain &quot;;&quot;.</source>
        <translation>El nombre de archivo de %1 no debe contener «;».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The PostgreSQL URL option &quot;%1&quot; is not known (known: sslmode, sslrootcert, sslcert, sslkey, connect_timeout).</source>
        <translation>La opción «%1» de la URL de PostgreSQL no se reconoce (se reconocen: sslmode, sslrootcert, sslcert, sslkey, connect_timeout).</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>The PostgreSQL URL &quot;%1&quot; needs a database name, as in postgresql://user@host:5432/dbname.</source>
        <translation>La URL de PostgreSQL «%1» necesita un nombre de base de datos, como en postgresql://usuario@host:5432/nombrebd.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The sslmode &quot;%1&quot; is not one of: %2.</source>
        <translation>El sslmode «%1» no es ninguno de estos: %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The connect_timeout &quot;%1&quot; is not a number of seconds.</source>
        <translation>El connect_timeout «%1» no es un número de segundos.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The database URL &quot;%1&quot; must start with sqlite:/// or postgresql://.</source>
        <translation>La URL de la base de datos «%1» debe empezar por sqlite:/// o postgresql://.</translation>
    </message>
</context>
<context>
    <name>DatabaseFileGuard</name>
    <message>
        <location filename="../models/db/databasefileguard.cpp" line="+171"/>
        <source>%1 is the database file Residesk is using. Opening it as another file would break the database&apos;s locks and lose work; choose another file.</source>
        <translation>%1 es el archivo de base de datos que usa Residesk. Abrirlo como otro archivo rompería los bloqueos de la base de datos y se perdería trabajo; elija otro archivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 belongs to the database file %2 that Residesk is using. Opening it would break the database&apos;s locks and lose work; choose another file.</source>
        <translation>%1 pertenece al archivo de base de datos %2 que usa Residesk. Abrirlo rompería los bloqueos de la base de datos y se perdería trabajo; elija otro archivo.</translation>
    </message>
</context>
<context>
    <name>DatabaseRestore</name>
    <message>
        <location filename="../models/backup/databaserestore.cpp" line="+36"/>
        <source>The database is not empty: table %1 has rows; a backup is restored only into an empty database.</source>
        <translation>La base de datos no está vacía: la tabla %1 tiene filas; una copia de seguridad solo se restaura en una base de datos vacía.</translation>
    </message>
    <message>
        <location line="+323"/>
        <source>no PostgreSQL connection to restore into</source>
        <translation>no hay conexión con PostgreSQL en la que restaurar</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>table %1: %2 rows written of %3</source>
        <translation>tabla %1: %2 filas escritas de %3</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 rows written of %2</source>
        <translation>%1 filas escritas de %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>checking</source>
        <translation>comprobando</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 holds a database of schema version %2; this database is at version %3. Restore it into a database migrated by the same Residesk version that wrote it.</source>
        <translation>%1 contiene una base de datos con la versión de esquema %2; esta base de datos está en la versión %3. Restáurela en una base de datos migrada por la misma versión de Residesk que la escribió.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 has no table %2, which this database has</source>
        <translation>%1 no tiene la tabla %2, que esta base de datos sí tiene</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>table %1 has other columns in %2 than in this database</source>
        <translation>la tabla %1 tiene en %2 columnas distintas de las de esta base de datos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 has a table %2, which this database does not have</source>
        <translation>%1 tiene una tabla %2 que esta base de datos no tiene</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+201"/>
        <source>restoring %1</source>
        <translation>restaurando %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>restored</source>
        <translation>restaurado</translation>
    </message>
</context>
<context>
    <name>DbError</name>
    <message>
        <location filename="../models/db/dberror.cpp" line="+12"/>
        <source>Some fields are not valid.</source>
        <translation>Algunos campos no son válidos.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The connection to the database was lost.</source>
        <translation>Se ha perdido la conexión con la base de datos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A record with the same key already exists.</source>
        <translation>Ya existe un registro con la misma clave.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The change was refused because it breaks a rule of the database.</source>
        <translation>El cambio se ha rechazado porque incumple una regla de la base de datos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database could not carry out the request.</source>
        <translation>La base de datos no ha podido llevar a cabo la solicitud.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>buildings</source>
        <translation>edificios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rooms</source>
        <translation>habitaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>residents</source>
        <translation>residentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>room allocations</source>
        <translation>asignaciones de habitaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waitlists</source>
        <translation>listas de espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>waitlist offers</source>
        <translation>ofertas de la lista de espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deposits</source>
        <translation>depósitos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rejected import rows</source>
        <translation>filas rechazadas de importación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lab clients</source>
        <translation>clientes del laboratorio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>protocols</source>
        <translation>protocolos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>work orders</source>
        <translation>órdenes de trabajo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>work order analyses</source>
        <translation>análisis de órdenes de trabajo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lab reports</source>
        <translation>informes del laboratorio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>report results</source>
        <translation>resultados de informes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>report PDFs</source>
        <translation>PDF de informes</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>bulk protocol changes</source>
        <translation>cambios masivos de protocolos</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>the audit trail</source>
        <translation>el registro de auditoría</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>people</source>
        <translation>personas</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>maintenance requests</source>
        <translation>solicitudes de mantenimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maintenance comments</source>
        <translation>comentarios de mantenimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maintenance attachments</source>
        <translation>adjuntos de mantenimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>technicians</source>
        <translation>técnicos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>technicians&apos; absences</source>
        <translation>ausencias de los técnicos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maintenance rates</source>
        <translation>tarifas de mantenimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>response targets</source>
        <translation>objetivos de tiempo de respuesta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maintenance plans</source>
        <translation>planes de mantenimiento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>maintenance plan periods</source>
        <translation>períodos de los planes de mantenimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>jobs</source>
        <translation>trabajos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>notifications</source>
        <translation>notificaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outgoing e-mail</source>
        <translation>correo saliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recurring jobs</source>
        <translation>trabajos periódicos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the job kinds of each role</source>
        <translation>los tipos de trabajo de cada rol</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the registrar sync settings</source>
        <translation>la configuración de la sincronización con el registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the registrar sync state</source>
        <translation>el estado de la sincronización con el registro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>residents flagged by the registrar sync</source>
        <translation>residentes marcados por la sincronización con el registro</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>You may not see %1: your role has no permission to read them.</source>
        <translation>No puede ver %1: su rol no tiene permiso para leerlos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You may not add %1: your role has no permission to add them.</source>
        <translation>No puede añadir %1: su rol no tiene permiso para añadirlos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You may not delete %1: your role has no permission to delete them.</source>
        <translation>No puede eliminar %1: su rol no tiene permiso para eliminarlos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You may not change %1: your role has no permission to change them.</source>
        <translation>No puede modificar %1: su rol no tiene permiso para modificarlos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your role has no permission to use %1.</source>
        <translation>Su rol no tiene permiso para usar %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your role may not start this kind of job.</source>
        <translation>Su rol no puede iniciar este tipo de trabajo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>You may not write this row of %1: it belongs to somebody else.</source>
        <translation>No puede escribir esta fila de %1: pertenece a otra persona.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your role has no permission to run %1.</source>
        <translation>Su rol no tiene permiso para ejecutar %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your role may not act as %1.</source>
        <translation>Su rol no puede actuar como %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your role does not allow this: %1.</source>
        <translation>Su rol no lo permite: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your role does not allow this (the database said: %1).</source>
        <translation>Su rol no lo permite (la base de datos dijo: %1).</translation>
    </message>
    <message>
        <location filename="../models/db/result.h" line="+32"/>
        <source>The operation did not complete.</source>
        <translation>La operación no se ha completado.</translation>
    </message>
    <message>
        <location filename="../models/db/transaction.cpp" line="+104"/>
        <source>The transaction is no longer active.</source>
        <translation>La transacción ya no está activa.</translation>
    </message>
    <message>
        <location filename="../models/housing/demoseeder.cpp" line="+442"/>
        <source>The demo buildings could not be read back.</source>
        <translation>No se pudieron volver a leer los edificios de demostración.</translation>
    </message>
    <message>
        <location filename="../models/lab/labdemoseeder.cpp" line="+329"/>
        <source>The demo work order was not stored.</source>
        <translation>La orden de trabajo de demostración no se ha guardado.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The demo report was not stored.</source>
        <translation>El informe de demostración no se ha guardado.</translation>
    </message>
</context>
<context>
    <name>Deposit</name>
    <message>
        <location filename="../models/housing/allocation/deposit.cpp" line="+33"/>
        <source>Required</source>
        <translation>Exigido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paid</source>
        <translation>Pagado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waived</source>
        <translation>Condonado</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>required: %1</source>
        <translation>exigido: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>paid: %1 on %2 (ref. %3)</source>
        <translation>pagado: %1 el %2 (ref. %3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>waived (%1 was required)</source>
        <translation>condonado (se exigía %1)</translation>
    </message>
</context>
<context>
    <name>DepositDialog</name>
    <message>
        <location filename="../ui/allocations/depositdialog.cpp" line="+23"/>
        <source>Require a deposit</source>
        <translation>Exigir un depósito</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Record a deposit payment</source>
        <translation>Registrar el pago de un depósito</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>250.00</source>
        <translation>250.00</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Receipt or transfer number</source>
        <translation>Número de recibo o de transferencia</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Amount:</source>
        <translation>&amp;Importe:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Paid on:</source>
        <translation>Fecha de &amp;pago:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reference:</source>
        <translation>&amp;Referencia:</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The amount must be above zero, such as 250 or 250.00 (not &quot;%1&quot;).</source>
        <translation>El importe debe ser mayor que cero, como 250 o 250.00 (no &quot;%1&quot;).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reference (receipt or transfer number) is required.</source>
        <translation>La referencia (número de recibo o de transferencia) es obligatoria.</translation>
    </message>
</context>
<context>
    <name>DepositRepository</name>
    <message>
        <location filename="../models/housing/allocation/depositrepository.cpp" line="+94"/>
        <source>The allocation (id %1) does not exist.</source>
        <translation>La asignación (id %1) no existe.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Another user changed the deposit of allocation %1 at the same time.</source>
        <translation>Otro usuario ha modificado el depósito de la asignación %1 al mismo tiempo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The deposit was not stored.</source>
        <translation>El depósito no se ha guardado.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The deposit must be an amount above zero, such as 250.00.</source>
        <translation>El depósito debe ser un importe superior a cero, como 250.00.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Allocation %1 (%2 in room %3) is %4; only a reservation can require a deposit.</source>
        <translation>La asignación %1 (%2 en la habitación %3) está en estado %4; solo una reserva puede requerir depósito.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+42"/>
        <location line="+39"/>
        <source>The deposit of allocation %1 (%2 in room %3) is already %4.</source>
        <translation>El depósito de la asignación %1 (%2 en la habitación %3) ya está en estado %4.</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>The amount paid must be above zero, such as 250.00.</source>
        <translation>El importe pagado debe ser superior a cero, como 250.00.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The day of the payment is required.</source>
        <translation>El día del pago es obligatorio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The payment&apos;s reference (receipt or transfer number) is required.</source>
        <translation>La referencia del pago (número de recibo o de transferencia) es obligatoria.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reference must be at most %1 characters long.</source>
        <translation>La referencia debe tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Allocation %1 (%2 in room %3) is %4; its deposit can no longer be paid.</source>
        <translation>La asignación %1 (%2 en la habitación %3) está en estado %4; su depósito ya no se puede pagar.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The payment of %1 is less than the deposit of %2 that allocation %3 requires.</source>
        <translation>El pago de %1 es inferior al depósito de %2 que requiere la asignación %3.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Allocation %1 (%2 in room %3) requires no deposit; there is nothing to waive.</source>
        <translation>La asignación %1 (%2 en la habitación %3) no requiere depósito; no hay nada que condonar.</translation>
    </message>
</context>
<context>
    <name>EntityDialog</name>
    <message>
        <location filename="../ui/dialogs/entitydialog.h" line="+95"/>
        <source>Not saved: this record was changed by someone else. Your changes are kept.</source>
        <translation>No se ha guardado: otra persona ha modificado este registro. Sus cambios se conservan.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Please correct the marked fields.</source>
        <translation>Corrija los campos marcados.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>New %1</source>
        <translation>Crear %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit %1</source>
        <translation>Editar %1</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>Loading the stored values…</source>
        <translation>Cargando los valores guardados…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Showing the values stored now. Review them and save again.</source>
        <translation>Se muestran los valores guardados actualmente. Revíselos y vuelva a guardar.</translation>
    </message>
</context>
<context>
    <name>Events</name>
    <message>
        <location filename="../models/db/events.cpp" line="+444"/>
        <source>The event is too large to be sent to other clients.</source>
        <translation>El evento es demasiado grande para enviarlo a otros clientes.</translation>
    </message>
</context>
<context>
    <name>Finalization</name>
    <message>
        <location filename="../tasks/lab/reportfinalizetask.cpp" line="+41"/>
        <source>Report %1 (revision %2)</source>
        <translation>Informe %1 (revisión %2)</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>The job does not name a report.</source>
        <translation>La tarea no indica ningún informe.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Report %1 no longer exists.</source>
        <translation>El informe %1 ya no existe.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is already finalized.</source>
        <translation>%1 ya está finalizado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is being finalized by job %2.</source>
        <translation>%1 lo está finalizando la tarea %2.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Rendering the PDF</source>
        <translation>Generando el PDF</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The PDF of %1 could not be rendered (no usable font was found).</source>
        <translation>No se pudo generar el PDF de %1 (no se encontró ninguna fuente utilizable).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Signing and storing</source>
        <translation>Firmando y guardando</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Report %1 (amended, revision %2)</source>
        <translation>Informe %1 (rectificado, revisión %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report %1</source>
        <translation>Informe %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dear %1,

please find attached the report on protocol %2 (%3, %4), signed by %5.

%6</source>
        <translation>Estimado/a %1:

Le adjuntamos el informe del protocolo %2 (%3, %4), firmado por %5.

%6</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no animal id</source>
        <translation>sin id del animal</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Client %1 has no e-mail address; the report was not e-mailed.</source>
        <translation>El cliente %1 no tiene dirección de correo electrónico; el informe no se ha enviado por correo.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Keeping the PDF for viewing</source>
        <translation>Guardando el PDF para consultarlo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finalized</source>
        <translation>Finalizado</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Report %1 finalized</source>
        <translation>Informe %1 finalizado</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed by %1.</source>
        <translation>Firmado por %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The e-mail to the client was queued.</source>
        <translation>El correo al cliente se ha puesto en cola.</translation>
    </message>
</context>
<context>
    <name>FlagDelegate</name>
    <message>
        <location filename="../ui/lab/flagdelegate.cpp" line="+13"/>
        <source>(none)</source>
        <translation>(ninguno)</translation>
    </message>
</context>
<context>
    <name>FreeBedsPage</name>
    <message>
        <location filename="../ui/allocations/freebedspage.cpp" line="+51"/>
        <source>All buildings</source>
        <translation>Todos los edificios</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Building</source>
        <translation>Edificio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rooms</source>
        <translation>Habitaciones</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Beds</source>
        <translation>Plazas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Out of service</source>
        <translation>Fuera de servicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Taken</source>
        <translation>Ocupadas</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Checked in</source>
        <translation>Entrada registrada</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>Free</source>
        <translation>Libres</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Room</source>
        <translation>Habitación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Free beds</source>
        <translation>Plazas libres</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Occupancy by building</source>
        <translation>Ocupación por edificio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rooms with their free beds</source>
        <translation>Habitaciones con sus plazas libres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Building:</source>
        <translation>Edi&amp;ficio:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Day:</source>
        <translation>&amp;Día:</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The free beds could not be loaded: %1</source>
        <translation>No se pudieron cargar las plazas libres: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%Ln free bed(s) in %1 on %2.</source>
        <translation>
            <numerusform>%Ln plaza libre en %1 el %2.</numerusform>
            <numerusform>%Ln plazas libres en %1 el %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln room(s)</source>
        <translation>
            <numerusform>%Ln habitación</numerusform>
            <numerusform>%Ln habitaciones</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GlobalOptions</name>
    <message>
        <location filename="../app/cli/globaloptions.cpp" line="+11"/>
        <source>Show help (for a command: residesk &lt;command&gt; --help).</source>
        <translation>Muestra la ayuda (para un comando: residesk &lt;comando&gt; --help).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the version.</source>
        <translation>Muestra la versión.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database: sqlite:///absolute/path.db or postgresql://user@host:port/dbname (default: RESIDESK_DATABASE, else the local file). The PostgreSQL user is the URL&apos;s, else RESIDESK_USER, else libpq&apos;s default; the password comes from RESIDESK_DB_PASSWORD, else the system keychain, else ~/.pgpass (PGPASSFILE).</source>
        <translation>La base de datos: sqlite:///ruta/absoluta.db o postgresql://usuario@host:puerto/nombrebd (por omisión: RESIDESK_DATABASE o, si no, el archivo local). El usuario de PostgreSQL es el de la URL o, si no, RESIDESK_USER o, si no, el predeterminado de libpq; la contraseña se toma de RESIDESK_DB_PASSWORD o, si no, del llavero del sistema o, si no, de ~/.pgpass (PGPASSFILE).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print machine-readable JSON on stdout.</source>
        <translation>Escribe en la salida estándar JSON legible por máquina.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Fill an empty database with demo data before the window opens.</source>
        <translation>Rellena una base de datos vacía con datos de demostración antes de abrir la ventana.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ask who signs in to the PostgreSQL database, even if a remembered password works.</source>
        <translation>Preguntar quién inicia sesión en la base de datos PostgreSQL, aunque funcione una contraseña recordada.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Offer Tools ▸ Run diagnostic job to administrators (checks the job engine).</source>
        <translation>Ofrecer Herramientas ▸ Ejecutar trabajo de diagnóstico a los administradores (comprueba el motor de trabajos).</translation>
    </message>
</context>
<context>
    <name>GuiApplication</name>
    <message>
        <location filename="../app/gui/guiapplication.cpp" line="+74"/>
        <source>The server did not say who you are.</source>
        <translation>El servidor no indicó quién es usted.</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+73"/>
        <source>Residesk</source>
        <translation>Residesk</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+73"/>
        <source>Residesk cannot use the database %1.

%2</source>
        <translation>Residesk no puede usar la base de datos %1.

%2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Residesk — %1 on %2</source>
        <translation>Residesk — %1 en %2</translation>
    </message>
    <message numerus="yes">
        <location line="+40"/>
        <source>the database did not let go within %n second(s) of the window closing; quitting without waiting (queued and running jobs resume on the next start)</source>
        <translation>
            <numerusform>la base de datos no terminó en %n segundo tras cerrarse la ventana; se sale sin esperar (las tareas en cola y en curso se reanudan en el próximo inicio)</numerusform>
            <numerusform>la base de datos no terminó en %n segundos tras cerrarse la ventana; se sale sin esperar (las tareas en cola y en curso se reanudan en el próximo inicio)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <location filename="../ui/widgets/guidewindow.cpp" line="+44"/>
        <source>guide.md</source>
        <extracomment>The user guide&apos;s file for this language: guide.md (English) or guide.&lt;language&gt;.md as in resources/guide.</extracomment>
        <translation>guide.es.md</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Residesk user guide</source>
        <translation>Guía de uso de Residesk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User guide</source>
        <translation>Guía de uso</translation>
    </message>
</context>
<context>
    <name>HousingCommands</name>
    <message>
        <location filename="../app/cli/housingcommands.cpp" line="+156"/>
        <source>With --json: a JSON array of objects with the keys %1. Otherwise an aligned text table.</source>
        <translation>Con --json: un array JSON de objetos con las claves %1. Si no, una tabla de texto alineada.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Fill the database with deterministic demo data (migrates first).</source>
        <translation>Rellenar la base de datos con datos de demostración deterministas (migra primero).</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+1"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The random seed (default 1).</source>
        <translation>La semilla aleatoria (por omisión, 1).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>List the residents.</source>
        <translation>Listar los residentes.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>List the buildings.</source>
        <translation>Listar los edificios.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>List the rooms.</source>
        <translation>Listar las habitaciones.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--residents must be a whole number from 0 to %1, not &quot;%2&quot;</source>
        <translation>--residents debe ser un número entero de 0 a %1, no «%2»</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--seed must be a whole number from 0 to %1, not &quot;%2&quot;</source>
        <translation>--seed debe ser un número entero de 0 a %1, no «%2»</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Adds demo buildings, rooms and residents (--residents) and lab clients and protocols, each with a work order and a draft report (--protocols). Without either option: 300 residents. The same seed and count give the same data every time; seeding again adds only what is missing.</source>
        <translation>Añade edificios, habitaciones y residentes de demostración (--residents) y clientes y protocolos del laboratorio, cada uno con una orden de trabajo y un informe en borrador (--protocols). Sin ninguna de las dos opciones: 300 residentes. La misma semilla y la misma cantidad dan siempre los mismos datos; al volver a ejecutarlo solo se añade lo que falta.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How many residents (default 300, or none if only --protocols is given).</source>
        <translation>Cuántos residentes (por omisión 300, o ninguno si solo se indica --protocols).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many lab protocols (default none).</source>
        <translation>Cuántos protocolos de laboratorio (por omisión, ninguno).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PostgreSQL: also the demo people admin, housing, vet and worker (password &quot;demo&quot;), each in the role of that name (an administrator&apos;s work).</source>
        <translation>PostgreSQL: también las personas de demostración admin, housing, vet y worker (contraseña «demo»), cada una en el rol de ese nombre (tarea de un administrador).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only residents holding a bed in this building today (its code).</source>
        <translation>Solo los residentes que hoy ocupan una plaza en este edificio (su código).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>--protocols must be a whole number from 0 to %1, not &quot;%2&quot;</source>
        <translation>--protocols debe ser un número entero de 0 a %1, no «%2»</translation>
    </message>
    <message>
        <location line="+30"/>
        <source><byte value="xd"/>Seeding demo %1: %2 of %3</source>
        <translation><byte value="xd"/>Creando %1 de demostración: %2 de %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>residents</source>
        <translation>residentes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>seeding demo data failed: %1</source>
        <translation>no se pudieron crear los datos de demostración: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>protocols</source>
        <translation>protocolos</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>seeding demo lab data failed: %1</source>
        <translation>no se pudieron crear los datos de demostración del laboratorio: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>queueing the demo finalizations failed: %1</source>
        <translation>no se pudieron poner en cola las finalizaciones de demostración: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Demo Administrator</source>
        <translation>Administración de demostración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo Housing Officer</source>
        <translation>Oficina de alojamiento de demostración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Housing officer</source>
        <translation>Responsable de alojamiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dr. Demo Vet</source>
        <translation>Dra. Veterinaria de demostración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Veterinarian</source>
        <translation>Veterinaria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Demo Worker</source>
        <translation>Trabajador de demostración</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Job worker</source>
        <translation>Ejecutor de trabajos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>adding the demo person %1 failed: %2</source>
        <translation>no se pudo añadir la persona de demostración %1: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Seeded demo data (seed %1) into %2: %3 buildings, %4 rooms, %5 residents added.</source>
        <translation>Datos de demostración creados (semilla %1) en %2: se han añadido %3 edificios, %4 habitaciones y %5 residentes.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Seeded demo lab data (seed %1) into %2: %3 clients, %4 protocols, %5 work orders with %6 analyses, %7 draft reports with %8 result rows added.</source>
        <translation>Datos de demostración del laboratorio creados (semilla %1) en %2: se han añadido %3 clientes, %4 protocolos, %5 órdenes de trabajo con %6 análisis y %7 informes en borrador con %8 filas de resultados.</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n report(s) queued for finalization: the window (or `residesk worker`) signs and e-mails them.</source>
        <translation>
            <numerusform>%n informe en cola para finalizar: la ventana (o `residesk worker`) lo firma y lo envía por correo.</numerusform>
            <numerusform>%n informes en cola para finalizar: la ventana (o `residesk worker`) los firma y los envía por correo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The demo people admin, housing, vet and worker (password &quot;demo&quot;) are there; %n of them added now.</source>
        <translation>
            <numerusform>Las personas de demostración admin, housing, vet y worker (contraseña «demo») están; %n añadida ahora.</numerusform>
            <numerusform>Las personas de demostración admin, housing, vet y worker (contraseña «demo») están; %n añadidas ahora.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>there is no building with the code &quot;%1&quot;</source>
        <translation>no hay ningún edificio con el código «%1»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read the buildings: %1</source>
        <translation>no se pueden leer los edificios: %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+37"/>
        <location line="+23"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>STUDENT ID</source>
        <translation>ID ESTUDIANTE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FIRST NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LAST NAME</source>
        <translation>APELLIDOS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>EMAIL</source>
        <translation>CORREO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PHONE</source>
        <translation>TELÉFONO</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+59"/>
        <source>STATUS</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>cannot list the residents: %1</source>
        <translation>no se pueden listar los residentes: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot list the buildings: %1</source>
        <translation>no se pueden listar los edificios: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>CODE</source>
        <translation>CÓDIGO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ADDRESS</source>
        <translation>DIRECCIÓN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FLOORS</source>
        <translation>PLANTAS</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>BUILDING</source>
        <translation>EDIFICIO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NUMBER</source>
        <translation>NÚMERO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FLOOR</source>
        <translation>PLANTA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TYPE</source>
        <translation>TIPO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CAPACITY</source>
        <translation>CAPACIDAD</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot list the rooms: %1</source>
        <translation>no se pueden listar las habitaciones: %1</translation>
    </message>
</context>
<context>
    <name>ImportCommands</name>
    <message>
        <location filename="../app/cli/importcommands.cpp" line="+55"/>
        <source>&quot;%1&quot; needs a file name</source>
        <translation>«%1» necesita un nombre de archivo</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>cannot create a temporary file: %1</source>
        <translation>no se puede crear un archivo temporal: %1</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Import residents from a CSV file: residesk import residents FILE.</source>
        <translation>Importar residentes de un archivo CSV: residesk import residents ARCHIVO.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reads the registrar&apos;s CSV (UTF-8, comma or semicolon, a header line) and creates or updates residents by student id; importing the same file again changes nothing. Columns are found by name (case-insensitive): student_id, first_name, last_name, email (required), phone, status, contact_by (email, sms, both), language (en, es) (optional); others are ignored. Rows that cannot be imported are rejected with their line and the reason, and the rest is imported; rows are written in chunks of 1,000, each completely or not at all.

With --json: {&quot;created&quot;: n, &quot;updated&quot;: n, &quot;unchanged&quot;: n, &quot;changed_fields&quot;: {…}, &quot;rejected&quot;: [{&quot;line&quot;: n, &quot;reason&quot;: &quot;…&quot;}, …]} listing every rejected row. Exit code 0 even when rows are rejected; 1 when the file cannot be read or is not CSV (nothing is written then) or the database fails (the chunks before stay; run the import again to finish); 2 on bad usage.

With --enqueue: queues a residents.import job for a worker (the path must be readable there) and prints its id ({&quot;job_id&quot;: n} with --json).</source>
        <translation>Lee el CSV del registro (UTF-8, separado por comas o por punto y coma, con una línea de cabecera) y crea o actualiza residentes por número de estudiante; importar de nuevo el mismo archivo no cambia nada. Las columnas se encuentran por su nombre (sin distinguir mayúsculas): student_id, first_name, last_name, email (obligatorias), phone, status, contact_by (email, sms, both), language (en, es) (opcionales); las demás se ignoran. Las filas que no pueden importarse se rechazan con su línea y el motivo, y el resto se importa; las filas se escriben en bloques de 1.000, cada uno entero o nada.

Con --json: {&quot;created&quot;: n, &quot;updated&quot;: n, &quot;unchanged&quot;: n, &quot;changed_fields&quot;: {…}, &quot;rejected&quot;: [{&quot;line&quot;: n, &quot;reason&quot;: &quot;…&quot;}, …]} con cada fila rechazada. Código de salida 0 también cuando se rechazan filas; 1 cuando el archivo no puede leerse o no es CSV (entonces no se escribe nada) o falla la base de datos (los bloques anteriores se quedan; vuelva a importar para terminar); 2 si el uso es incorrecto.

Con --enqueue: pone en cola un trabajo residents.import para un proceso de trabajo (la ruta debe poder leerse allí) e imprime su id ({&quot;job_id&quot;: n} con --json).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Report what would change; write nothing.</source>
        <translation>Informa de lo que cambiaría, sin escribir nada.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also save the rejected rows as CSV (line, reason, then the row&apos;s fields).</source>
        <translation>Guarda además las filas rechazadas como CSV (línea, motivo y luego los campos de la fila).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Map a column of the file to a field, e.g. --map Matrikel=student_id (repeatable; an empty field ignores the column).</source>
        <translation>Asigna una columna del archivo a un campo, p. ej. --map Matrikel=student_id (se puede repetir; un campo vacío hace que se ignore la columna).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>column=field</source>
        <translation>columna=campo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue the import as a job and print its id instead of running it.</source>
        <translation>Pone la importación en cola como tarea y muestra su id en lugar de ejecutarla.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export the %1 as CSV: residesk export %1 FILE.</source>
        <translation>Exportar la tabla %1 como CSV: residesk export %1 ARCHIVO.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes a UTF-8 CSV file with a header line (RFC 4180 quoting), streaming; the file is replaced only once it is complete. Residents have the columns of &quot;import residents&quot;, so an export imports again unchanged; protocols have the keys of &quot;protocols list --json&quot;. With --json: {&quot;path&quot;: &quot;…&quot;, &quot;rows&quot;: n}.</source>
        <translation>Escribe un archivo CSV en UTF-8 con una línea de encabezado (comillas según RFC 4180), por flujo; el archivo solo se sustituye cuando está completo. Los residentes tienen las columnas de «import residents», de modo que una exportación se vuelve a importar sin cambios; los protocolos tienen las claves de «protocols list --json». Con --json: {&quot;path&quot;: &quot;…&quot;, &quot;rows&quot;: n}.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>--map takes COLUMN=FIELD, not &quot;%1&quot;</source>
        <translation>--map admite COLUMNA=CAMPO, no «%1»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--map: unknown field &quot;%1&quot; (fields: %2)</source>
        <translation>--map: campo desconocido «%1» (campos: %2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--rejected-out cannot be used with --enqueue (the job keeps its rejected rows)</source>
        <translation>--rejected-out no se puede usar con --enqueue (la tarea conserva sus filas rechazadas)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: no such file, or it cannot be read</source>
        <translation>%1: el archivo no existe o no se puede leer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot queue the import: %1</source>
        <translation>no se puede poner en cola la importación: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Queued import job %1 for %2.</source>
        <translation>Tarea de importación %1 en cola para %2.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: %2; the %3 rows before were imported; run the import again to finish</source>
        <translation>%1: %2; las %3 filas anteriores se importaron; vuelva a ejecutar la importación para terminarla</translation>
    </message>
    <message>
        <location line="+13"/>
        <source><byte value="xd"/>Importing residents: %L1 of %L2 rows</source>
        <translation><byte value="xd"/>Importando residentes: %L1 de %L2 filas</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Dry run of %1 (nothing written): %2 would be created, %3 updated, %4 unchanged, %5 rejected.</source>
        <translation>Simulación de %1 (no se ha escrito nada): se crearían %2, se actualizarían %3, %4 sin cambios, %5 rechazados.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported %1: %2 created, %3 updated, %4 unchanged, %5 rejected.</source>
        <translation>Importado %1: %2 creados, %3 actualizados, %4 sin cambios, %5 rechazados.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>unknown table</source>
        <translation>tabla desconocida</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1: the export failed: %2</source>
        <translation>%1: la exportación ha fallado: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Se ha exportado %n fila a %1.</numerusform>
            <numerusform>Se han exportado %n filas a %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportTasks</name>
    <message>
        <location filename="../tasks/import/importtasks.cpp" line="+35"/>
        <source>rows</source>
        <translation>filas</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%Ln resident(s) would be imported</source>
        <translation>
            <numerusform>se importaría %Ln residente</numerusform>
            <numerusform>se importarían %Ln residentes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln resident(s) imported</source>
        <translation>
            <numerusform>%Ln residente importado</numerusform>
            <numerusform>%Ln residentes importados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln skipped</source>
        <translation>
            <numerusform>%Ln omitido</numerusform>
            <numerusform>%Ln omitidos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln rejected</source>
        <translation>
            <numerusform>%Ln rechazado</numerusform>
            <numerusform>%Ln rechazados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, %2, %3</source>
        <translation>%1, %2, %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trial run, nothing was written: %1</source>
        <translation>Prueba, no se escribió nada: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The import names no file.</source>
        <translation>La importación no indica ningún archivo.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading the file…</source>
        <translation>Leyendo el archivo…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: the file changed since this import started; start a new import</source>
        <translation>%1: el archivo ha cambiado desde que empezó esta importación; inicie una importación nueva</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Import residents</source>
        <translation>Importar residentes</translation>
    </message>
</context>
<context>
    <name>JobCommands</name>
    <message>
        <location filename="../app/cli/jobcommands.cpp" line="+121"/>
        <source>no job with id %1</source>
        <translation>no hay ninguna tarea con el id %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot read job %1: %2</source>
        <translation>no se puede leer la tarea %1: %2</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Run queued jobs without a window until stopped.</source>
        <translation>Ejecutar las tareas en cola sin ventana hasta que se detenga.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Claims runnable jobs (highest priority first), runs up to --concurrency of them at once, renews their leases and records each outcome; a failed attempt is retried with exponential backoff while attempts are left. It wakes at once on new jobs (PostgreSQL LISTEN/NOTIFY; on SQLite it polls every second). Any number of workers and desktops can share one PostgreSQL database; on SQLite run one.

The worker never migrates: a database whose schema is older or newer than this Residesk is refused (exit code 1), so that a schema change stays an administrator&apos;s explicit step (&quot;residesk migrate&quot;, then restart the workers).

SIGTERM or SIGINT stops claiming; running jobs stop at their next checkpoint and go back to the queue without spending an attempt, then the worker exits with 0. A second signal quits at once (the leases of jobs still running expire and another worker resumes them from their checkpoint). A lost database connection is reported once and retried; the worker goes on when it returns.

Prints one line per job start and end. With --json: one JSON object per line, with the keys &quot;event&quot; (worker_started, job_started, job_finished, database_problem, database_restored, stopping, worker_stopped), &quot;worker&quot; (this worker&apos;s id) and &quot;at&quot; (ms since the epoch); job lines add id, kind, and on job_finished state, duration_ms and error.</source>
        <translation>Reclama las tareas ejecutables (primero las de mayor prioridad), ejecuta hasta --concurrency a la vez, renueva sus concesiones y registra cada resultado; un intento fallido se reintenta con espera exponencial mientras queden intentos. Reacciona al instante ante tareas nuevas (LISTEN/NOTIFY de PostgreSQL; con SQLite consulta cada segundo). Cualquier número de procesos de trabajo y de escritorios puede compartir una base de datos PostgreSQL; con SQLite, ejecute solo uno.

El proceso de trabajo nunca migra: una base de datos cuyo esquema sea más antiguo o más reciente que este Residesk se rechaza (código de salida 1), para que un cambio de esquema siga siendo un paso explícito del administrador («residesk migrate» y después reiniciar los procesos de trabajo).

SIGTERM o SIGINT dejan de reclamar tareas; las tareas en ejecución se detienen en su siguiente punto de control y vuelven a la cola sin gastar un intento, y después el proceso de trabajo termina con 0. Una segunda señal lo cierra de inmediato (las concesiones de las tareas aún en ejecución caducan y otro proceso de trabajo las reanuda desde su punto de control). Una pérdida de la conexión con la base de datos se notifica una vez y se reintenta; el proceso de trabajo continúa cuando vuelve.

Escribe una línea por cada inicio y fin de tarea. Con --json: un objeto JSON por línea, con las claves &quot;event&quot; (worker_started, job_started, job_finished, database_problem, database_restored, stopping, worker_stopped), &quot;worker&quot; (el id de este proceso de trabajo) y &quot;at&quot; (ms desde la época); las líneas de tareas añaden id, kind y, en job_finished, state, duration_ms y error.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Jobs run at once (default 2).</source>
        <translation>Tareas ejecutadas a la vez (por omisión, 2).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+41"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="-39"/>
        <source>Run only these job kinds, separated by commas (default: all).</source>
        <translation>Ejecutar solo estos tipos de tarea, separados por comas (por omisión: todos).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kinds</source>
        <translation>tipos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Exit (with 0) once no runnable job is left for this worker and none runs.</source>
        <translation>Terminar (con 0) cuando no quede ninguna tarea ejecutable para este proceso de trabajo y no se ejecute ninguna.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How long a claim holds without a heartbeat (default 30); a dead worker&apos;s jobs are resumed by another after this.</source>
        <translation>Cuánto dura una reclamación sin señal de actividad (por omisión, 30); pasado ese tiempo, otro proceso de trabajo reanuda las tareas de uno que haya muerto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+78"/>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Advanced: the retry delay after a first failed attempt, doubled for each further one, up to 10 minutes (default 2000).</source>
        <translation>Avanzado: la espera antes de reintentar tras un primer intento fallido, que se duplica en cada intento siguiente, hasta 10 minutos (por omisión, 2000).</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+8"/>
        <location line="+4"/>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Do not LISTEN for events (behind PgBouncer in transaction mode, where NOTIFY does not arrive): poll the queue every --poll-ms instead; cancel requests arrive with the heartbeat.</source>
        <translation>No escuchar eventos con LISTEN (detrás de PgBouncer en modo de transacción, donde NOTIFY no llega): en su lugar, consultar la cola cada --poll-ms; las solicitudes de cancelación llegan con el latido.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How often to look for runnable jobs when no event wakes the worker (default 1000, with --no-listen 200).</source>
        <translation>Frecuencia con la que se buscan trabajos ejecutables cuando ningún evento despierta al ejecutor (predeterminado: 1000; con --no-listen, 200).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Advanced: how long a finished job waits for others to be recorded with it in one statement while other jobs still run (default 5).</source>
        <translation>Avanzado: cuánto espera un trabajo terminado a que otros se registren con él en una sola sentencia mientras otros trabajos siguen en curso (predeterminado: 5).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>List jobs, newest first.</source>
        <translation>Listar las tareas, primero las más recientes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With --json: a JSON array of jobs with the keys id, kind, state, progress_done, progress_total, progress_message, attempts, max_attempts, priority, error, result, payload, unique_key, cancel_requested, created_by, created_at, started_at, finished_at, run_after (times in ISO 8601 UTC, null when not set). Otherwise an aligned text table. States: %1.</source>
        <translation>Con --json: un array JSON de tareas con las claves id, kind, state, progress_done, progress_total, progress_message, attempts, max_attempts, priority, error, result, payload, unique_key, cancel_requested, created_by, created_at, started_at, finished_at, run_after (horas en ISO 8601 UTC, null si no se han fijado). Si no, una tabla de texto alineada. Estados: %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only jobs in this state (%1).</source>
        <translation>Solo las tareas en este estado (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>state</source>
        <translation>estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only jobs of this kind.</source>
        <translation>Solo las tareas de este tipo.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most this many jobs (default 100, at most %1).</source>
        <translation>Como máximo este número de tareas (por omisión 100, como máximo %1).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show one job: residesk jobs show ID.</source>
        <translation>Mostrar una tarea: residesk jobs show ID.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With --json: the job as one JSON object (the keys of &quot;jobs list&quot;). Exit code 1 if there is no job with that id.</source>
        <translation>Con --json: la tarea como un objeto JSON (las claves de «jobs list»). Código de salida 1 si no hay ninguna tarea con ese id.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancel a job: residesk jobs cancel ID.</source>
        <translation>Cancelar una tarea: residesk jobs cancel ID.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A queued job is cancelled at once; a running one is asked to stop and stops at its next checkpoint, keeping the work it committed. A finished job cannot be cancelled (exit code 1). With --json: the job after the request.</source>
        <translation>Una tarea en cola se cancela de inmediato; a una en ejecución se le pide que se detenga, y lo hace en su siguiente punto de control, conservando el trabajo ya confirmado. Una tarea terminada no se puede cancelar (código de salida 1). Con --json: la tarea tras la solicitud.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Queue a failed or cancelled job again: residesk jobs retry ID.</source>
        <translation>Volver a poner en cola una tarea fallida o cancelada: residesk jobs retry ID.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The job runs again with fresh attempts, from its last checkpoint. Other states are refused (exit code 1). With --json: the job after the request.</source>
        <translation>La tarea vuelve a ejecutarse con intentos nuevos, desde su último punto de control. Los demás estados se rechazan (código de salida 1). Con --json: la tarea tras la solicitud.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show statistics per job kind.</source>
        <translation>Mostrar estadísticas por tipo de tarea.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per kind: how many jobs in each state, the success rate (succeeded / (succeeded + failed)) and the median and 95th percentile duration of succeeded jobs. With --json: a JSON array of objects with the keys kind, total, queued, running, succeeded, failed, cancelled, success_rate (0..1), median_ms, p95_ms.</source>
        <translation>Por tipo: cuántas tareas hay en cada estado, la tasa de éxito (completadas / (completadas + fallidas)) y la mediana y el percentil 95 de la duración de las tareas completadas. Con --json: un array JSON de objetos con las claves kind, total, queued, running, succeeded, failed, cancelled, success_rate (0..1), median_ms, p95_ms.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Wait until a job is finished: residesk jobs wait ID.</source>
        <translation>Esperar a que termine una tarea: residesk jobs wait ID.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs jobs in this process meanwhile (like a worker), so the job runs even where no worker does; follows it if another worker has it. Prints the job when it ends (with --json: the job as one JSON object). Exit code 0 only if it succeeded; 1 if it failed or was cancelled, or the wait timed out or was interrupted.</source>
        <translation>Mientras tanto ejecuta tareas en este proceso (como un proceso de trabajo), de modo que la tarea se ejecuta aunque no haya ningún proceso de trabajo; si la tiene otro proceso de trabajo, la sigue. Muestra la tarea cuando termina (con --json: la tarea como un objeto JSON). Código de salida 0 solo si se completó; 1 si falló o se canceló, o si la espera agotó el tiempo o se interrumpió.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give up after this many seconds (default 0: no limit).</source>
        <translation>Desistir tras este número de segundos (por omisión 0: sin límite).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>--concurrency must be a whole number from 1 to %1, not &quot;%2&quot;</source>
        <translation>--concurrency debe ser un número entero de 1 a %1, no «%2»</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unknown job kind &quot;%1&quot; in --kinds; known kinds: %2</source>
        <translation>tipo de tarea desconocido «%1» en --kinds; tipos conocidos: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--kinds needs at least one job kind; known kinds: %1</source>
        <translation>--kinds necesita al menos un tipo de tarea; tipos conocidos: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--lease-seconds must be a whole number from 1 to %1, not &quot;%2&quot;</source>
        <translation>--lease-seconds debe ser un número entero de 1 a %1, no «%2»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--retry-base-ms must be a whole number from 0 to %1, not &quot;%2&quot;</source>
        <translation>--retry-base-ms debe ser un número entero de 0 a %1, no «%2»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--poll-ms must be a whole number from 50 to 60000, not &quot;%1&quot;</source>
        <translation>--poll-ms debe ser un número entero de 50 a 60000, no &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--batch-wait-ms must be a whole number from 0 to 3600000, not &quot;%1&quot;</source>
        <translation>--batch-wait-ms debe ser un número entero de 0 a 3600000, no &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot watch for SIGTERM and SIGINT: %1</source>
        <translation>no se pueden vigilar SIGTERM y SIGINT: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>job %1 started (%2)</source>
        <translation>tarea %1 iniciada (%2)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>job %1 succeeded (%2, %3 s)</source>
        <translation>tarea %1 completada (%2, %3 s)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>job %1 failed (%2, %3 s): %4</source>
        <translation>tarea %1 fallida (%2, %3 s): %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>job %1 cancelled (%2, %3 s)</source>
        <translation>tarea %1 cancelada (%2, %3 s)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>job %1 failed, will be retried (%2, attempt %3 of %4): %5</source>
        <translation>tarea %1 fallida, se reintentará (%2, intento %3 de %4): %5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>job %1 back in the queue (%2, %3 s)</source>
        <translation>tarea %1 de vuelta en la cola (%2, %3 s)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>job %1 left to another worker (%2, %3 s)</source>
        <translation>tarea %1 cedida a otro proceso de trabajo (%2, %3 s)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the database cannot be reached (%1); retrying until it is back</source>
        <translation>no se puede acceder a la base de datos (%1); se reintentará hasta que vuelva a estar disponible</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database connection is back; running jobs again.</source>
        <translation>La conexión con la base de datos se ha restablecido; se vuelven a ejecutar tareas.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No runnable job left: stopping (--once).</source>
        <translation>No quedan tareas ejecutables: deteniendo (--once).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 again: quitting at once; the leases of running jobs expire and another worker resumes them</source>
        <translation>%1 de nuevo: cerrando de inmediato; las concesiones de las tareas en ejecución caducarán y otro proceso de trabajo las reanudará</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%1 received: no new jobs; %n running job(s) stop at their next checkpoint.</source>
        <translation>
            <numerusform>%1 recibida: no se aceptan tareas nuevas; %n tarea en ejecución se detendrá en su siguiente punto de control.</numerusform>
            <numerusform>%1 recibida: no se aceptan tareas nuevas; %n tareas en ejecución se detendrán en su siguiente punto de control.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Worker stopped: %n job(s) finished.</source>
        <translation>
            <numerusform>Proceso de trabajo detenido: %n tarea terminada.</numerusform>
            <numerusform>Proceso de trabajo detenido: %n tareas terminadas.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Worker %1 on %2: up to %n job(s) at once, kinds: %3.</source>
        <translation>
            <numerusform>Proceso de trabajo %1 en %2: hasta %n tarea a la vez, tipos: %3.</numerusform>
            <numerusform>Proceso de trabajo %1 en %2: hasta %n tareas a la vez, tipos: %3.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>all</source>
        <translation>todos</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+10"/>
        <source>cannot schedule %1: %2</source>
        <translation>no se puede programar %1: %2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>unknown job state &quot;%1&quot;; valid states: %2</source>
        <translation>estado de tarea desconocido «%1»; estados válidos: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--limit must be a whole number from 1 to %1, not &quot;%2&quot;</source>
        <translation>--limit debe ser un número entero de 1 a %1, no «%2»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot list the jobs: %1</source>
        <translation>no se pueden listar las tareas: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+159"/>
        <source>KIND</source>
        <translation>TIPO</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>STATE</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PROGRESS</source>
        <translation>PROGRESO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ATTEMPTS</source>
        <translation>INTENTOS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CREATED</source>
        <translation>CREADA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ERROR</source>
        <translation>ERROR</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+52"/>
        <location line="+43"/>
        <location line="+66"/>
        <source>a job id</source>
        <translation>un identificador de tarea</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (cancel requested)</source>
        <translation> (cancelación solicitada)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run after</source>
        <translation>Ejecutar después de</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Iniciada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finished</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unique key</source>
        <translation>Clave única</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload</source>
        <translation>Datos de entrada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Job %1</source>
        <translation>Tarea %1</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>cannot cancel job %1: %2</source>
        <translation>no se puede cancelar la tarea %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>job %1 has already finished (%2): there is nothing to cancel</source>
        <translation>la tarea %1 ya ha terminado (%2): no hay nada que cancelar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>job %1 cannot be cancelled: %2</source>
        <translation>la tarea %1 no se puede cancelar: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Job %1 is cancelled.</source>
        <translation>La tarea %1 se ha cancelado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Job %1 is %2: asked it to stop at its next checkpoint.</source>
        <translation>La tarea %1 está en estado %2: se le ha pedido que se detenga en su siguiente punto de control.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>cannot retry job %1: %2</source>
        <translation>no se puede reintentar la tarea %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>job %1 is %2: only failed or cancelled jobs can be retried</source>
        <translation>la tarea %1 está en estado %2: solo se pueden reintentar las tareas fallidas o canceladas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>job %1 cannot be retried: %2</source>
        <translation>la tarea %1 no se puede reintentar: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Job %1 (%2) is queued again with %n attempt(s).</source>
        <translation>
            <numerusform>La tarea %1 (%2) vuelve a estar en cola con %n intento.</numerusform>
            <numerusform>La tarea %1 (%2) vuelve a estar en cola con %n intentos.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>cannot read the job statistics: %1</source>
        <translation>no se pueden leer las estadísticas de tareas: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>TOTAL</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>QUEUED</source>
        <translation>EN COLA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RUNNING</source>
        <translation>EN EJECUCIÓN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SUCCEEDED</source>
        <translation>COMPLETADAS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAILED</source>
        <translation>FALLIDAS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CANCELLED</source>
        <translation>CANCELADAS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SUCCESS</source>
        <translation>ÉXITO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MEDIAN</source>
        <translation>MEDIANA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P95</source>
        <translation>P95</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--timeout must be a number of seconds from 0 to %1, not &quot;%2&quot;</source>
        <translation>--timeout debe ser un número de segundos de 0 a %1, no «%2»</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <location filename="../tasks/jobengine.cpp" line="+265"/>
        <source>This Residesk does not know jobs of kind “%1”.</source>
        <translation>Este Residesk no conoce las tareas de tipo «%1».</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The job stopped with an internal error: %1</source>
        <translation>La tarea se detuvo por un error interno: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The job stopped with an internal error.</source>
        <translation>La tarea se detuvo por un error interno.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This job acts for %1, and this worker cannot act for them: %2</source>
        <translation>Este trabajo actúa en nombre de %1, y este trabajador no puede actuar en su nombre: %2</translation>
    </message>
</context>
<context>
    <name>JobStates</name>
    <message>
        <location filename="../tasks/job.cpp" line="+34"/>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Running</source>
        <translation>En ejecución</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Succeeded</source>
        <translation>Completada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
</context>
<context>
    <name>JobStatusIndicator</name>
    <message>
        <location filename="../ui/widgets/jobstatusindicator.cpp" line="+28"/>
        <source>Show the jobs (Ctrl+J)</source>
        <translation>Mostrar las tareas (Ctrl+J)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Progress of the running jobs</source>
        <translation>Progreso de las tareas en ejecución</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <location line="+27"/>
        <source>%n jobs running</source>
        <translation>
            <numerusform>%n tarea en ejecución</numerusform>
            <numerusform>%n tareas en ejecución</numerusform>
        </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>1 job running</source>
        <translation>1 tarea en ejecución</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, %2 % done</source>
        <translation>%1, %2 % completado</translation>
    </message>
</context>
<context>
    <name>JobStore</name>
    <message>
        <location filename="../tasks/jobstore.cpp" line="+141"/>
        <source>Job %1 is no longer held by this worker: its lease expired and it was taken over, or it was finished elsewhere.</source>
        <translation>La tarea %1 ya no la tiene este proceso de trabajo: su concesión caducó y la asumió otro, o se terminó en otro lugar.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>There is no job %1; it may have been removed from the history.</source>
        <translation>No existe la tarea %1; puede que se haya eliminado del historial.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>%1 finished</source>
        <translation>Tarea «%1» terminada</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 failed</source>
        <translation>Tarea «%1» fallida</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 cancelled</source>
        <translation>Tarea «%1» cancelada</translation>
    </message>
    <message>
        <location line="+225"/>
        <source>A job needs a kind.</source>
        <translation>Una tarea necesita un tipo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The job kind must be at most %1 characters long.</source>
        <translation>El tipo de tarea puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The unique key must be at most %1 characters long.</source>
        <translation>La clave única puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The number of attempts cannot be negative.</source>
        <translation>El número de intentos no puede ser negativo.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The job was not stored.</source>
        <translation>La tarea no se ha guardado.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A job with the key &quot;%1&quot; is already queued or running (job %2).</source>
        <translation>Ya hay una tarea con la clave «%1» en cola o en ejecución (tarea %2).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The job with the key &quot;%1&quot; could not be queued; try again.</source>
        <translation>No se pudo poner en cola la tarea con la clave «%1»; vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="-239"/>
        <source>A worker needs a name of 1 to %1 characters to claim jobs.</source>
        <translation>Un proceso de trabajo necesita un nombre de 1 a %1 caracteres para reclamar tareas.</translation>
    </message>
    <message>
        <location line="+461"/>
        <source>The worker running this job stopped responding, and no attempts are left.</source>
        <translation>El proceso de trabajo que ejecutaba esta tarea dejó de responder y no quedan intentos.</translation>
    </message>
    <message>
        <location line="+419"/>
        <source>Job %1 has already ended (%2); there is nothing to cancel.</source>
        <translation>La tarea %1 ya ha terminado (%2); no hay nada que cancelar.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Only a failed or cancelled job can be retried; job %1 is %2.</source>
        <translation>Solo se puede reintentar una tarea fallida o cancelada; la tarea %1 está en estado «%2».</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Job %1 cannot be retried: job %2 with the same key &quot;%3&quot; is queued or running.</source>
        <translation>La tarea %1 no se puede reintentar: la tarea %2, con la misma clave «%3», está en cola o en ejecución.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Job %1 cannot be retried: a job with the same key &quot;%2&quot; is queued or running.</source>
        <translation>La tarea %1 no se puede reintentar: hay una tarea con la misma clave «%2» en cola o en ejecución.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Job %1 changed meanwhile; it cannot be retried now.</source>
        <translation>La tarea %1 ha cambiado mientras tanto; ahora no se puede reintentar.</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>A recurring job needs a name of at most %1 characters.</source>
        <translation>Una tarea periódica necesita un nombre de %1 caracteres como máximo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A recurring job needs a kind of at most %1 characters.</source>
        <translation>Una tarea periódica necesita un tipo de %1 caracteres como máximo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The schedule &quot;%1&quot; of the recurring job &quot;%2&quot; is not valid: %3</source>
        <translation>La programación «%1» de la tarea periódica «%2» no es válida: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The schedule must be at most %1 characters long.</source>
        <translation>La programación puede tener como máximo %1 caracteres.</translation>
    </message>
</context>
<context>
    <name>JobWaiter</name>
    <message>
        <location filename="../app/cli/jobwaiter.cpp" line="+43"/>
        <source>job %1: %2 of %3</source>
        <translation>tarea %1: %2 de %3</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>no job with id %1</source>
        <translation>no hay ninguna tarea con el id %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot read job %1: %2</source>
        <translation>no se puede leer la tarea %1: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Wait until the job is finished (running it in this process if no worker takes it); exit code 0 only if it succeeded.</source>
        <translation>Esperar a que termine la tarea (ejecutándola en este proceso si ningún proceso de trabajo la toma); código de salida 0 solo si se completó.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Job %1 (%2) succeeded.</source>
        <translation>La tarea %1 (%2) se ha completado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Result: %1</source>
        <translation>Resultado: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>job %1 (%2) failed after %n attempt(s): %3</source>
        <translation>
            <numerusform>la tarea %1 (%2) ha fallado tras %n intento: %3</numerusform>
            <numerusform>la tarea %1 (%2) ha fallado tras %n intentos: %3</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>job %1 (%2) was cancelled</source>
        <translation>la tarea %1 (%2) se ha cancelado</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>job %1 (%2) has not finished: it is %3</source>
        <translation>la tarea %1 (%2) no ha terminado: está en estado %3</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>job %1 was deleted while waiting for it</source>
        <translation>la tarea %1 se eliminó mientras se esperaba por ella</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>job %1 did not finish within %2 s; it goes on without this wait</source>
        <translation>la tarea %1 no terminó en %2 s; continúa sin esta espera</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 again: quitting at once</source>
        <translation>%1 de nuevo: cerrando de inmediato</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>interrupted by %1; job %2 is %3</source>
        <translation>interrumpido por %1; la tarea %2 está en estado %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>interrupted by %1 while waiting for job %2</source>
        <translation>interrumpido por %1 mientras se esperaba la tarea %2</translation>
    </message>
</context>
<context>
    <name>JobsDock</name>
    <message>
        <location filename="../ui/jobs/jobsdock.cpp" line="+44"/>
        <location line="+22"/>
        <location line="+255"/>
        <source>Jobs</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <location line="-267"/>
        <source>Cancel job</source>
        <translation>Cancelar tarea</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retry</source>
        <translation>Reintentar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open result</source>
        <translation>Abrir resultado</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Show jobs in state</source>
        <translation>Mostrar tareas en el estado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel the selected job (a running job stops at its next step)</source>
        <translation>Cancelar la tarea seleccionada (una tarea en ejecución se detiene en su siguiente paso)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queue the selected failed or cancelled job again (Ctrl+R)</source>
        <translation>Volver a poner en cola la tarea fallida o cancelada seleccionada (Ctrl+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the result or the error of the selected job (Enter)</source>
        <translation>Mostrar el resultado o el error de la tarea seleccionada (Intro)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>All jobs</source>
        <translation>Todas las tareas</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>&amp;Show:</source>
        <translation>Mo&amp;strar:</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>Job: %1 (%2, number %3)</source>
        <translation>Tarea: %1 (%2, número %3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State: %1</source>
        <translation>Estado: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started by: %1</source>
        <translation>Iniciada por: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attempts: %1</source>
        <translation>Intentos: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Took: %1</source>
        <translation>Duración: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error:</source>
        <translation>Error:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>(%1 characters, not shown)</source>
        <translation>(%1 caracteres, no se muestran)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result:</source>
        <translation>Resultado:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The job returned no result.</source>
        <translation>La tarea no ha devuelto ningún resultado.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Job %1: %2</source>
        <translation>Tarea %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Job result</source>
        <translation>Resultado de la tarea</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Job %1 has already finished.</source>
        <translation>La tarea %1 ya ha terminado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job %1 could not be cancelled.</source>
        <translation>No se pudo cancelar la tarea %1.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Job %1 can only be retried after it failed or was cancelled.</source>
        <translation>La tarea %1 solo se puede reintentar si ha fallado o se ha cancelado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Job %1 could not be queued again.</source>
        <translation>No se pudo volver a poner en cola la tarea %1.</translation>
    </message>
</context>
<context>
    <name>JobsTableModel</name>
    <message>
        <location filename="../tasks/itemmodels/jobstablemodel.cpp" line="+193"/>
        <location line="+96"/>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the schedule</source>
        <translation>la programación</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Job %1 (%2)</source>
        <translation>Tarea %1 (%2)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waiting to retry</source>
        <translation>A la espera de reintentar</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Will retry: %1</source>
        <translation>Se reintentará: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Job</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started by</source>
        <translation>Iniciada por</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Progress</source>
        <translation>Progreso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Elapsed</source>
        <translation>Transcurrido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remaining</source>
        <translation>Restante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>Keychain</name>
    <message>
        <location filename="../models/core/keychain.cpp" line="+20"/>
        <source>%1 (keychain error %2)</source>
        <translation>%1 (error del llavero %2)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the keychain needs a running application</source>
        <translation>el llavero necesita una aplicación en marcha</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>the system keychain did not answer</source>
        <translation>el llavero del sistema no respondió</translation>
    </message>
</context>
<context>
    <name>LabCommands</name>
    <message>
        <location filename="../app/cli/labcommands.cpp" line="+49"/>
        <source>Write the PDF to this file (required).</source>
        <translation>Escribir el PDF en este archivo (obligatorio).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>report %1 (%2, revision %3)</source>
        <translation>informe %1 (%2, revisión %3)</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>With --json: a JSON array of objects with the keys %1. Otherwise an aligned text table.</source>
        <translation>Con --json: un array JSON de objetos con las claves %1. Si no, una tabla de texto alineada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only rows in this state: %1.</source>
        <translation>Solo las filas en este estado: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>state</source>
        <translation>estado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--state must be one of %1, not &quot;%2&quot;</source>
        <translation>--state debe ser uno de estos: %1, no «%2»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>cannot list the %1: %2</source>
        <translation>no se pueden listar los %1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>List the lab&apos;s protocols.</source>
        <translation>Listar los protocolos del laboratorio.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>List the lab&apos;s reports (every revision).</source>
        <translation>Listar los informes del laboratorio (todas las revisiones).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Finalize (sign) a report as a job: residesk report finalize ID.</source>
        <translation>Finalizar (firmar) un informe como tarea: residesk report finalize ID.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queues the report.finalize job and takes the report for it, in one transaction: the job renders the signed PDF (signer: this user), stores it, finalizes the report and its protocol, e-mails the PDF to the client and keeps it in the PDF cache. Refused (exit code 1, nothing queued) when the report is finalized, already being finalized, or its protocol is not received. With --json: {&quot;job_id&quot;: n} at once. With --wait: runs jobs in this process until that job ends and prints it (with --json: the job as one JSON object); exit code 0 only if it succeeded.</source>
        <translation>Pone en cola la tarea report.finalize y le reserva el informe, en una sola transacción: la tarea genera el PDF firmado (firmante: este usuario), lo guarda, finaliza el informe y su protocolo, envía el PDF por correo al cliente y lo conserva en la caché de PDF. Se rechaza (código de salida 1, nada en cola) si el informe está finalizado, ya se está finalizando o su protocolo no se ha recibido. Con --json: {&quot;job_id&quot;: n} de inmediato. Con --wait: ejecuta tareas en este proceso hasta que esa tarea termina y la muestra (con --json: la tarea como un objeto JSON); código de salida 0 solo si se completó.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Save a report&apos;s PDF: residesk report pdf ID -o FILE.</source>
        <translation>Guardar el PDF de un informe: residesk report pdf ID -o ARCHIVO.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A finalized report: its stored, signed PDF, byte for byte. A draft: a preview rendered now, with a DRAFT watermark and no signature. With --json: {&quot;report_id&quot;, &quot;file&quot;, &quot;size&quot;, &quot;sha256&quot;, &quot;draft&quot;}.</source>
        <translation>Un informe finalizado: su PDF firmado y guardado, byte a byte. Un borrador: una vista previa generada en ese momento, con la marca de agua BORRADOR y sin firma. Con --json: {&quot;report_id&quot;, &quot;file&quot;, &quot;size&quot;, &quot;sha256&quot;, &quot;draft&quot;}.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save a work order&apos;s PDF: residesk workorder pdf ID -o FILE.</source>
        <translation>Guardar el PDF de una orden de trabajo: residesk workorder pdf ID -o ARCHIVO.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the PDF cache (this computer&apos;s, else the database&apos;s shared copy); rendered and kept there when neither has the current version. With --json: {&quot;work_order_id&quot;, &quot;version&quot;, &quot;file&quot;, &quot;size&quot;, &quot;source&quot;} (source: local_disk, database or rendered).</source>
        <translation>De la caché de PDF (la de este equipo o, si no, la copia compartida de la base de datos); se genera y se conserva allí si ninguna de las dos tiene la versión actual. Con --json: {&quot;work_order_id&quot;, &quot;version&quot;, &quot;file&quot;, &quot;size&quot;, &quot;source&quot;} (source: local_disk, database o rendered).</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+27"/>
        <source>no report with id %1</source>
        <translation>no hay ningún informe con el id %1</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+27"/>
        <source>cannot read report %1: %2</source>
        <translation>no se puede leer el informe %1: %2</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>cannot finalize %1: %2</source>
        <translation>no se puede finalizar el %1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Job %1 finalizes %2.</source>
        <translation>La tarea %1 finaliza el %2.</translation>
    </message>
    <message>
        <location line="-209"/>
        <source>&quot;%1&quot; needs -o FILE</source>
        <translation>«%1» necesita -o ARCHIVO</translation>
    </message>
    <message>
        <location line="+229"/>
        <source>cannot read the PDF of %1: %2</source>
        <translation>no se puede leer el PDF del %1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot render %1: no usable font was found</source>
        <translation>no se puede generar el %1: no se encontró ninguna fuente utilizable</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Wrote the signed PDF of %1 to %2.</source>
        <translation>Se ha escrito el PDF firmado del %1 en %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrote a draft preview of %1 to %2.</source>
        <translation>Se ha escrito una vista previa en borrador del %1 en %2.</translation>
    </message>
    <message>
        <location line="-68"/>
        <location line="+29"/>
        <source>a report id</source>
        <translation>un identificador de informe</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>a work order id</source>
        <translation>un identificador de orden de trabajo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>no work order with id %1</source>
        <translation>no hay ninguna orden de trabajo con el id %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read work order %1: %2</source>
        <translation>no se puede leer la orden de trabajo %1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot make the PDF of work order %1 (%2): %3</source>
        <translation>no se puede crear el PDF de la orden de trabajo %1 (%2): %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Wrote the PDF of work order %1 (%2, version %3) to %4.</source>
        <translation>Se ha escrito el PDF de la orden de trabajo %1 (%2, versión %3) en %4.</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+36"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>NUMBER</source>
        <translation>NÚMERO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CLIENT</source>
        <translation>CLIENTE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SPECIES</source>
        <translation>ESPECIE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ANIMAL ID</source>
        <translation>ID ANIMAL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SAMPLES</source>
        <translation>MUESTRAS</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+35"/>
        <source>STATE</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>SUBMITTED</source>
        <translation>REMITIDO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RECEIVED</source>
        <translation>RECIBIDO</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>protocols</source>
        <translation>protocolos</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>PROTOCOL</source>
        <translation>PROTOCOLO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>REVISION</source>
        <translation>REVISIÓN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>RESULTS</source>
        <translation>RESULTADOS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIGNED BY</source>
        <translation>FIRMADO POR</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SIGNED</source>
        <translation>FIRMADO</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>reports</source>
        <translation>informes</translation>
    </message>
</context>
<context>
    <name>LabDocuments</name>
    <message>
        <location filename="../tasks/lab/labdocuments.cpp" line="+45"/>
        <location filename="../tasks/lab/reportfinalizetask.cpp" line="-105"/>
        <source>Veterinary Diagnostic Laboratory</source>
        <translation>Laboratorio de Diagnóstico Veterinario</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>1 sample</source>
        <translation>1 muestra</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 samples</source>
        <translation>%1 muestras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
</context>
<context>
    <name>LabTasks</name>
    <message>
        <location filename="../tasks/lab/labtasks.cpp" line="+23"/>
        <source>Finalize report</source>
        <translation>Finalizar informe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Prepare work order PDF</source>
        <translation>Preparar el PDF de la orden de trabajo</translation>
    </message>
    <message>
        <location filename="../tasks/lab/workorderprerendertask.cpp" line="+35"/>
        <source>The job does not name a work order and its version.</source>
        <translation>El trabajo no indica una orden de trabajo y su versión.</translation>
    </message>
</context>
<context>
    <name>LabTasks::Private</name>
    <message>
        <location line="+11"/>
        <source>The work order no longer exists.</source>
        <translation>La orden de trabajo ya no existe.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Version %1 is no longer current (now %2); nothing rendered.</source>
        <translation>La versión %1 ya no es la actual (ahora es la %2); no se ha generado nada.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Work order %1 rendered.</source>
        <translation>Orden de trabajo %1 generada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work order %1 was already prepared.</source>
        <translation>La orden de trabajo %1 ya estaba preparada.</translation>
    </message>
</context>
<context>
    <name>LabUi</name>
    <message>
        <location filename="../ui/lab/labui.cpp" line="+41"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location line="+123"/>
        <location line="+17"/>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>The report cannot be opened: %1</source>
        <translation>No se puede abrir el informe: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Report %1 cannot be opened: %2</source>
        <translation>No se puede abrir el informe %1: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Report %1 (revision %2)</source>
        <translation>Informe %1 (revisión %2)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Work order %1</source>
        <translation>Orden de trabajo %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Work order %1 opened.</source>
        <translation>Orden de trabajo %1 abierta.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Work order</source>
        <translation>Orden de trabajo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The work order cannot be opened: %1</source>
        <translation>No se puede abrir la orden de trabajo: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Work order %1 saved.</source>
        <translation>Orden de trabajo %1 guardada.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Client %1 saved.</source>
        <translation>Cliente %1 guardado.</translation>
    </message>
</context>
<context>
    <name>MailCommands</name>
    <message>
        <location filename="../app/cli/mailcommands.cpp" line="+110"/>
        <source>no e-mail with id %1 in the outbox</source>
        <translation>no hay ningún correo con el id %1 en la bandeja de salida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot %1 e-mail %2: %3</source>
        <translation>no se puede %1 el correo %2: %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>E-mail %1 to %2 is %3.</source>
        <translation>El correo %1 a %2 está en estado %3.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>List the e-mail outbox, newest first.</source>
        <translation>Listar la bandeja de salida de correo, primero los más recientes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every e-mail Residesk sends passes through the outbox. States: %1. An uncertain e-mail may or may not have been delivered (its sender stopped mid-send): it is never sent again by itself; decide with &quot;residesk mail resolve ID --sent|--resend&quot;. With --json: a JSON array of objects with the keys id, to, to_name, subject, state, attempts, max_attempts, error (the server&apos;s reply to the last failure), reply (the server&apos;s acceptance), message_id, dedupe_key, related_entity, related_id, resolution, resolved_by, resolved_at, attachments (count), created_by, created_at, sent_at, next_attempt_at (times ISO 8601 UTC or null), version.</source>
        <translation>Todo correo que envía Residesk pasa por la bandeja de salida. Estados: %1. Un correo incierto puede haberse entregado o no (su remitente se detuvo a mitad del envío): nunca se vuelve a enviar por sí solo; decida con «residesk mail resolve ID --sent|--resend». Con --json: un array JSON de objetos con las claves id, to, to_name, subject, state, attempts, max_attempts, error (la respuesta del servidor al último fallo), reply (la aceptación del servidor), message_id, dedupe_key, related_entity, related_id, resolution, resolved_by, resolved_at, attachments (número), created_by, created_at, sent_at, next_attempt_at (horas en ISO 8601 UTC o null), version.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Only e-mails in this state (%1).</source>
        <translation>Solo los correos en este estado (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>state</source>
        <translation>estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only e-mails whose recipient, name or subject contains this text.</source>
        <translation>Solo los correos cuyo destinatario, nombre o asunto contiene este texto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+64"/>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>At most this many e-mails (default 100, at most %1).</source>
        <translation>Como máximo este número de correos (por omisión 100, como máximo %1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+74"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Send the queued e-mails now (queues a mail.send job).</source>
        <translation>Enviar ahora los correos en cola (pone en cola una tarea mail.send).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Makes every queued e-mail due now (also those waiting for a retry after a server problem), queues a drain of the outbox (merged with one already queued) and prints its job id (with --json: {&quot;job_id&quot;: n}). With --wait it runs the job here and reports it like &quot;jobs wait&quot;. The SMTP server comes from RESIDESK_SMTP_URL, RESIDESK_SMTP_PASSWORD, RESIDESK_MAIL_FROM and RESIDESK_SMTP_CA_FILE, else from the window&apos;s Settings ▸ E-mail (password in the system keychain).</source>
        <translation>Hace que todos los correos en cola se envíen ya (también los que esperan un reintento tras un problema del servidor), pone en cola un vaciado de la bandeja de salida (unido al que ya esté en cola) y muestra el id de su tarea (con --json: {&quot;job_id&quot;: n}). Con --wait ejecuta la tarea aquí e informa de ella como «jobs wait». El servidor SMTP se toma de RESIDESK_SMTP_URL, RESIDESK_SMTP_PASSWORD, RESIDESK_MAIL_FROM y RESIDESK_SMTP_CA_FILE o, si no, de Configuración ▸ Correo de la ventana (la contraseña, en el llavero del sistema).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Decide on an uncertain e-mail: residesk mail resolve ID --sent|--resend.</source>
        <translation>Decidir sobre un correo incierto: residesk mail resolve ID --sent|--resend.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--sent records that it was delivered (checked with the recipient); --resend queues it once more. Both are recorded with who and when. Only uncertain e-mails take a decision (exit code 1 otherwise). With --json: the e-mail after the decision.</source>
        <translation>--sent registra que se entregó (comprobado con el destinatario); --resend lo vuelve a poner en cola una vez más. Ambas decisiones se registran con quién y cuándo. Solo se decide sobre correos inciertos (si no, código de salida 1). Con --json: el correo tras la decisión.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It was delivered: mark it as sent.</source>
        <translation>Se entregó: marcarlo como enviado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send it again.</source>
        <translation>Volver a enviarlo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Queue a failed e-mail again: residesk mail retry ID.</source>
        <translation>Volver a poner en cola un correo fallido: residesk mail retry ID.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The e-mail is queued again with fresh attempts (a failure never reached the server&apos;s acceptance, so it cannot be doubled). Other states are refused (exit code 1). With --json: the e-mail.</source>
        <translation>El correo vuelve a la cola con intentos nuevos (un fallo nunca llegó a la aceptación del servidor, así que no puede duplicarse). Los demás estados se rechazan (código de salida 1). Con --json: el correo.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Queue a test e-mail: residesk mail test --to ADDRESS [--wait].</source>
        <translation>Poner en cola un correo de prueba: residesk mail test --to DIRECCIÓN [--wait].</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Puts a short test message into the outbox and queues a drain; with --wait the drain runs here and its outcome is reported. With --json: {&quot;id&quot;: e-mail id, &quot;job_id&quot;: drain job id} (or the job with --wait).</source>
        <translation>Coloca un breve mensaje de prueba en la bandeja de salida y pone en cola un vaciado; con --wait el vaciado se ejecuta aquí y se informa de su resultado. Con --json: {&quot;id&quot;: id del correo, &quot;job_id&quot;: id de la tarea de vaciado} (o la tarea, con --wait).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The recipient.</source>
        <translation>El destinatario.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>address</source>
        <translation>dirección</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>E-mail residents from a template: residesk mail residents --subject S --body-file F.</source>
        <translation>Enviar correo a residentes a partir de una plantilla: residesk mail residents --subject S --body-file F.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One e-mail per resident the filter selects, with the placeholders {first_name}, {last_name}, {student_id}, {email}, {room} (the number of the room the resident holds a bed in today) and {building} (that room&apos;s building name) filled in; {room} and {building} are empty for a resident without a room today. Any other placeholder is an error that names it. --building CODE selects the residents holding a bed in that building today. The mailing is identified by its subject, text and filter (or --mailing NAME): running the same mailing again queues nothing twice. --dry-run prints the first messages (--preview N, default 3) and queues nothing. With --json: {&quot;queued&quot;: n, &quot;existing&quot;: m, &quot;matched&quot;: k, &quot;mailing&quot;: key, &quot;job_id&quot;: the drain job or null}; with --dry-run: {&quot;matched&quot;: k, &quot;preview&quot;: [{to, subject, body}, …]}. E-mail goes to the residents whose contact preference includes e-mail. --sms-text FILE also queues a text message (the same placeholders) for each selected resident whose preference includes text messages and who has a phone number; the JSON then has &quot;sms&quot;: {&quot;queued&quot;, &quot;existing&quot;, &quot;matched&quot;, &quot;job_id&quot;} (with --dry-run: {&quot;matched&quot;, &quot;preview&quot;: [{to, text}, …]}). --wait cannot be combined with --sms-text: run &quot;mail send --wait&quot; and &quot;sms send --wait&quot;.</source>
        <translation>Un correo por cada residente que selecciona el filtro, con los marcadores {first_name}, {last_name}, {student_id}, {email}, {room} (el número de la habitación en la que el residente tiene cama hoy) y {building} (el nombre del edificio de esa habitación) rellenados; {room} y {building} quedan vacíos para un residente sin habitación hoy. Cualquier otro marcador es un error que lo nombra. --building CÓDIGO selecciona los residentes con cama hoy en ese edificio. El envío se identifica por su asunto, texto y filtro (o --mailing NOMBRE): repetir el mismo envío no pone nada dos veces en cola. --dry-run muestra los primeros mensajes (--preview N, 3 por omisión) y no pone nada en cola. Con --json: {&quot;queued&quot;: n, &quot;existing&quot;: m, &quot;matched&quot;: k, &quot;mailing&quot;: clave, &quot;job_id&quot;: el trabajo de vaciado o null}; con --dry-run: {&quot;matched&quot;: k, &quot;preview&quot;: [{to, subject, body}, …]}. El correo va a los residentes cuya preferencia de contacto incluye el correo electrónico. --sms-text ARCHIVO pone además en cola un mensaje de texto (los mismos marcadores) para cada residente seleccionado cuya preferencia incluye mensajes de texto y que tiene número de teléfono; el JSON tiene entonces &quot;sms&quot;: {&quot;queued&quot;, &quot;existing&quot;, &quot;matched&quot;, &quot;job_id&quot;} (con --dry-run: {&quot;matched&quot;, &quot;preview&quot;: [{to, text}, …]}). --wait no se puede combinar con --sms-text: ejecute &quot;mail send --wait&quot; y &quot;sms send --wait&quot;.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The subject template.</source>
        <translation>La plantilla del asunto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A UTF-8 text file with the body template (&quot;-&quot;: standard input).</source>
        <translation>Un archivo de texto UTF-8 con la plantilla del cuerpo («-»: entrada estándar).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Only residents with this status (active, inactive, graduated).</source>
        <translation>Solo los residentes con este estado (active, inactive, graduated).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status</source>
        <translation>estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only residents holding a bed in this building today (its code).</source>
        <translation>Solo los residentes que hoy ocupan una plaza en este edificio (su código).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A name for the mailing (default: derived from its content).</source>
        <translation>Un nombre para el envío (por omisión: derivado de su contenido).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the first messages; queue nothing.</source>
        <translation>Mostrar los primeros mensajes, sin poner nada en cola.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many messages --dry-run shows (default 3).</source>
        <translation>Cuántos mensajes muestra --dry-run (por omisión, 3).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A UTF-8 text file with the text message template for residents who chose text messages.</source>
        <translation>Un archivo de texto UTF-8 con la plantilla del mensaje de texto para los residentes que eligieron mensajes de texto.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>unknown e-mail state &quot;%1&quot;; valid states: %2</source>
        <translation>estado de correo desconocido «%1»; estados válidos: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--limit must be a whole number from 1 to %1, not &quot;%2&quot;</source>
        <translation>--limit debe ser un número entero de 1 a %1, no «%2»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot list the outbox: %1</source>
        <translation>no se puede listar la bandeja de salida: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TO</source>
        <translation>PARA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SUBJECT</source>
        <translation>ASUNTO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STATE</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ATTEMPTS</source>
        <translation>INTENTOS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CREATED</source>
        <translation>CREADO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SENT</source>
        <translation>ENVIADO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ERROR</source>
        <translation>ERROR</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+15"/>
        <source>cannot queue the e-mail drain: %1</source>
        <translation>no se puede poner en cola el vaciado de la bandeja de salida: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>E-mail drain queued: job %1.</source>
        <translation>Vaciado de la bandeja de salida en cola: tarea %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+21"/>
        <source>an e-mail id</source>
        <translation>un identificador de correo</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>say either --sent (it was delivered) or --resend (send it again)</source>
        <translation>indique --sent (se entregó) o --resend (volver a enviarlo)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>resolve</source>
        <translation>resolver</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>retry</source>
        <translation>reintentar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;mail test&quot; needs --to ADDRESS</source>
        <translation>«mail test» necesita --to DIRECCIÓN</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Residesk test e-mail</source>
        <translation>Correo de prueba de Residesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a test e-mail from Residesk, sent by %1 at %2.
</source>
        <translation>Este es un correo de prueba de Residesk, enviado por %1 el %2.
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot queue the test e-mail: %1</source>
        <translation>no se puede poner en cola el correo de prueba: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Test e-mail %1 to %2 queued (job %3).</source>
        <translation>Correo de prueba %1 a %2 en cola (tarea %3).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;mail residents&quot; needs --subject and --body-file</source>
        <translation>«mail residents» necesita --subject y --body-file</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>cannot read the body file %1: %2</source>
        <translation>no se puede leer el archivo del cuerpo %1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--wait cannot be combined with --sms-text; run &quot;mail send --wait&quot; and &quot;sms send --wait&quot; afterwards</source>
        <translation>--wait no se puede combinar con --sms-text; ejecute después &quot;mail send --wait&quot; y &quot;sms send --wait&quot;</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot read the text message file %1: %2</source>
        <translation>no se puede leer el archivo del mensaje de texto %1: %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>--preview must be a whole number from 1 to 1000, not &quot;%1&quot;</source>
        <translation>--preview debe ser un número entero de 1 a 1000, no «%1»</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>there is no building with the code &quot;%1&quot;</source>
        <translation>no hay ningún edificio con el código «%1»</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot read the buildings: %1</source>
        <translation>no se pueden leer los edificios: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>cannot preview the mailing: %1</source>
        <translation>no se puede obtener la vista previa del envío: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot preview the text messages: %1</source>
        <translation>no se pueden previsualizar los mensajes de texto: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>%n resident(s) would get the text message:</source>
        <translation>
            <numerusform>%n residente recibiría el mensaje de texto:</numerusform>
            <numerusform>%n residentes recibirían el mensaje de texto:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n resident(s) would get this mailing. The first messages:</source>
        <translation>
            <numerusform>%n residente recibiría este envío. Los primeros mensajes:</numerusform>
            <numerusform>%n residentes recibirían este envío. Los primeros mensajes:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot queue the mailing: %1</source>
        <translation>no se puede poner en cola el envío: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot queue the text messages: %1</source>
        <translation>no se pueden poner en cola los mensajes de texto: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+24"/>
        <source>Text messages: %n queued, %1</source>
        <translation>
            <numerusform>Mensajes de texto: %n en cola, %1</numerusform>
            <numerusform>Mensajes de texto: %n en cola, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Mailing %1: %n e-mail(s) queued, %2</source>
        <translation>
            <numerusform>Envío %1: %n correo en cola, %2</numerusform>
            <numerusform>Envío %1: %n correos en cola, %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-2"/>
        <location line="+4"/>
        <source>%n already queued by an earlier run.</source>
        <translation>
            <numerusform>%n ya estaba en cola por una ejecución anterior.</numerusform>
            <numerusform>%n ya estaban en cola por una ejecución anterior.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailSettings</name>
    <message>
        <location filename="../tasks/mail/mailsettings.cpp" line="+62"/>
        <source>the SMTP server host</source>
        <translation>el host del servidor SMTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the sender address</source>
        <translation>la dirección del remitente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a valid sender address (&quot;%1&quot; is not one)</source>
        <translation>una dirección de remitente válida («%1» no lo es)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the password of the SMTP user &quot;%1&quot;</source>
        <translation>la contraseña del usuario SMTP «%1»</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>RESIDESK_SMTP_URL &quot;%1&quot; is not a URL like smtp://user@host:587 or smtps://user@host:465.</source>
        <translation>RESIDESK_SMTP_URL «%1» no es una URL como smtp://usuario@host:587 o smtps://usuario@host:465.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>RESIDESK_SMTP_URL: security=%1 is not valid for smtp:// (use none or starttls; smtps:// for implicit TLS).</source>
        <translation>RESIDESK_SMTP_URL: security=%1 no es válido para smtp:// (use none o starttls; smtps:// para TLS implícito).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>RESIDESK_SMTP_URL must start with smtp:// or smtps://, not &quot;%1://&quot;.</source>
        <translation>RESIDESK_SMTP_URL debe empezar por smtp:// o smtps://, no por «%1://».</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>RESIDESK_SMTP_TIMEOUT must be a number of seconds from 0 to 3600, not &quot;%1&quot;.</source>
        <translation>RESIDESK_SMTP_TIMEOUT debe ser un número de segundos de 0 a 3600, no «%1».</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>RESIDESK_MAIL_RATE must be a whole number of messages per minute, not &quot;%1&quot;.</source>
        <translation>RESIDESK_MAIL_RATE debe ser un número entero de mensajes por minuto, no «%1».</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>The password could not be read from the system keychain: %1</source>
        <translation>No se pudo leer la contraseña del llavero del sistema: %1</translation>
    </message>
</context>
<context>
    <name>MailSettingsDialog</name>
    <message>
        <location filename="../ui/mail/mailsettingsdialog.cpp" line="+45"/>
        <source>Send &amp;test e-mail</source>
        <translation>Enviar correo de prue&amp;ba</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>E-mail settings</source>
        <translation>Configuración del correo electrónico</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>smtp.example.edu</source>
        <translation>smtp.example.edu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Default</source>
        <translation>Predeterminado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>STARTTLS (required)</source>
        <translation>STARTTLS (obligatorio)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS (smtps)</source>
        <translation>TLS (smtps)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (local relay only)</source>
        <translation>Ninguna (solo retransmisión local)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>empty: no login</source>
        <translation>vacío: sin inicio de sesión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kept in the system keychain</source>
        <translation>se guarda en el llavero del sistema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>housing@example.edu</source>
        <translation>alojamiento@example.edu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Housing Office</source>
        <translation>Oficina de Alojamiento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlimited</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> per minute</source>
        <translation> por minuto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recipient of the test e-mail</source>
        <translation>destinatario del correo de prueba</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient of the test e-mail</source>
        <translation>Destinatario del correo de prueba</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Server:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ecurity:</source>
        <translation>Se&amp;guridad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;word:</source>
        <translation>C&amp;ontraseña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender &amp;address:</source>
        <translation>Dirección del &amp;remitente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender &amp;name:</source>
        <translation>No&amp;mbre del remitente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rate limit:</source>
        <translation>&amp;Límite de envío:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test:</source>
        <translation>Prueba:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>RESIDESK_SMTP_URL is set in the environment: it is used instead of these settings while it is set.</source>
        <translation>RESIDESK_SMTP_URL está definida en el entorno: mientras lo esté, se usa en lugar de esta configuración.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The password could not be read from the system keychain: %1</source>
        <translation>No se pudo leer la contraseña del llavero del sistema: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Storing the password in the system keychain…</source>
        <translation>Guardando la contraseña en el llavero del sistema…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The settings were saved, but the password could not be stored in the system keychain: %1</source>
        <translation>La configuración se ha guardado, pero la contraseña no se pudo guardar en el llavero del sistema: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Saved. Still missing: %1.</source>
        <translation>Guardado. Aún falta: %1.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Residesk test e-mail</source>
        <translation>Correo de prueba de Residesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a test e-mail from Residesk, sent by %1 to check the e-mail settings.
</source>
        <translation>Este es un correo de prueba de Residesk, enviado por %1 para comprobar la configuración del correo electrónico.
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The test e-mail could not be queued: %1</source>
        <translation>No se pudo poner en cola el correo de prueba: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test e-mail %1 queued; the Outbox shows when it is sent or why it failed.</source>
        <translation>Correo de prueba %1 en cola; la bandeja de salida muestra cuándo se envía o por qué ha fallado.</translation>
    </message>
</context>
<context>
    <name>MailSettingsLoad</name>
    <message>
        <location filename="../tasks/mail/mailsettings.cpp" line="-28"/>
        <source>E-mail cannot be sent: the mail settings lack %1. Set them in Settings ▸ E-mail… (or RESIDESK_SMTP_URL, RESIDESK_SMTP_PASSWORD and RESIDESK_MAIL_FROM for a worker); the e-mails stay queued.</source>
        <translation>No se puede enviar correo: a la configuración de correo le falta %1. Configúrelo en Configuración ▸ Correo electrónico… (o con RESIDESK_SMTP_URL, RESIDESK_SMTP_PASSWORD y RESIDESK_MAIL_FROM para un proceso de trabajo); los correos siguen en cola.</translation>
    </message>
</context>
<context>
    <name>MailTasks</name>
    <message>
        <location filename="../tasks/mail/mailtasks.cpp" line="+35"/>
        <source>%1 sent, %2 failed, %3 to retry, %4 uncertain</source>
        <translation>%1 enviados, %2 fallidos, %3 por reintentar, %4 inciertos</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n sent</source>
        <translation>
            <numerusform>%n enviado</numerusform>
            <numerusform>%n enviados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The waiting e-mails are tried again from %1.</source>
        <translation>Los correos en espera se volverán a intentar a partir de %1.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Send e-mail</source>
        <translation>Enviar correo</translation>
    </message>
</context>
<context>
    <name>MailUi</name>
    <message>
        <location filename="../ui/mail/mailui.cpp" line="+27"/>
        <source>&amp;Outbox</source>
        <translation>Bandeja de &amp;salida</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;E-mail residents…</source>
        <translation>&amp;Enviar correo a residentes…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Settings</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;E-mail…</source>
        <translation>&amp;Correo electrónico…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+149"/>
        <source>Residesk</source>
        <translation>Residesk</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Dashboard</source>
        <translation>Panel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Buildings</source>
        <translation>Edificios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rooms</source>
        <translation>Habitaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Residents</source>
        <translation>Residentes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocations</source>
        <translation>Asignaciones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Free beds</source>
        <translation>Plazas libres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waitlists</source>
        <translation>Listas de espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocols</source>
        <translation>Protocolos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Work orders</source>
        <translation>Órdenes de trabajo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maintenance</source>
        <translation>Mantenimiento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+1"/>
        <source>Audit</source>
        <translation>Auditoría</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sign in as &amp;someone else…</source>
        <translation>Iniciar sesión &amp;como otra persona…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;New…</source>
        <translation>&amp;Nuevo…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Delete…</source>
        <translation>E&amp;liminar…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Find</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Opening “%1” is not supported yet.</source>
        <translation>Todavía no se puede abrir «%1».</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Jobs</source>
        <translation>&amp;Tareas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Notifications</source>
        <translation>&amp;Notificaciones</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>&amp;User guide</source>
        <translation>&amp;Guía de uso</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>Run &amp;diagnostic job</source>
        <translation>Ejecutar tarea de &amp;diagnóstico</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Wait (20 steps of half a second)</source>
        <translation>&amp;Espera (20 pasos de medio segundo)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;CPU work (40 heavy steps)</source>
        <translation>Trabajo de &amp;CPU (40 pasos pesados)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Failure (fails at once, no retry)</source>
        <translation>&amp;Fallo (falla de inmediato, sin reintentos)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The diagnostic job failed on purpose.</source>
        <translation>La tarea de diagnóstico ha fallado a propósito.</translation>
    </message>
    <message>
        <location line="-190"/>
        <source>&amp;Reports</source>
        <translation>&amp;Informes</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;About Residesk</source>
        <translation>&amp;Acerca de Residesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About Residesk</source>
        <translation>Acerca de Residesk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Residesk&lt;/b&gt; %1&lt;br&gt;Housing office and veterinary lab administration.</source>
        <translation>&lt;b&gt;Residesk&lt;/b&gt; %1&lt;br&gt;Administración de la oficina de alojamiento y del laboratorio veterinario.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>%1 failed: %2</source>
        <translation>No se pudo completar «%1»: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not done</source>
        <translation>No realizado</translation>
    </message>
    <message>
        <location line="-133"/>
        <location line="+54"/>
        <location line="+79"/>
        <source>%1 failed.</source>
        <translation>No se pudo completar «%1».</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Signed in as %1  ·  %2</source>
        <translation>Sesión iniciada como %1  ·  %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection to the database lost.</source>
        <translation>Se ha perdido la conexión con la base de datos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection to the database restored.</source>
        <translation>Se ha restablecido la conexión con la base de datos.</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>Jobs</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The job could not be queued.</source>
        <translation>No se pudo poner la tarea en cola.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Job %1 queued.</source>
        <translation>Tarea %1 en cola.</translation>
    </message>
</context>
<context>
    <name>Maintenance</name>
    <message>
        <location filename="../models/maintenance/maintenance.cpp" line="+70"/>
        <source>Plumbing</source>
        <translation>Fontanería</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Electrical</source>
        <translation>Electricidad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heating</source>
        <translation>Calefacción</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Furniture</source>
        <translation>Mobiliario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cleaning</source>
        <translation>Limpieza</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pest control</source>
        <translation>Control de plagas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locks and keys</source>
        <translation>Cerraduras y llaves</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Emergency</source>
        <translation>Urgencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Routine</source>
        <translation>Normal</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+12"/>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Assigned</source>
        <translation>Asignada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In progress</source>
        <translation>En curso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Done</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>same day</source>
        <translation>el mismo día</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
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
            <numerusform>%n día laborable</numerusform>
            <numerusform>%n días laborables</numerusform>
        </translation>
    </message>
    <message>
        <location line="+38"/>
        <location filename="../tasks/maintenance/maintenancetasks.cpp" line="+68"/>
        <source>%1 (common area)</source>
        <translation>%1 (zona común)</translation>
    </message>
</context>
<context>
    <name>MaintenanceCommands</name>
    <message>
        <location filename="../app/cli/maintenancecommands.cpp" line="+74"/>
        <source>Maintenance request %1: %2, %3, %4 priority, %5.</source>
        <translation>Solicitud de mantenimiento %1: %2, %3, prioridad %4, %5.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Technician: %1.</source>
        <translation>Técnico: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Estimate: %1.</source>
        <translation>Estimación: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Visit: %1–%2.</source>
        <translation>Visita: %1–%2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs attention: nobody could take it.</source>
        <translation>Requiere atención: nadie ha podido hacerse cargo.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot %1: %2</source>
        <translation>no se puede %1: %2</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+279"/>
        <source>--category must be one of %1, not &quot;%2&quot;</source>
        <translation>--category debe ser uno de %1, no &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="-275"/>
        <location line="+281"/>
        <source>--priority must be one of %1, not &quot;%2&quot;</source>
        <translation>--priority debe ser uno de %1, no &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="-278"/>
        <source>give --room BUILDING/NUMBER, or --building CODE for its common area</source>
        <translation>indique --room EDIFICIO/NÚMERO, o --building CÓDIGO para su zona común</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--description is required: what is wrong?</source>
        <translation>--description es obligatorio: ¿qué falla?</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--room must be BUILDING/NUMBER (NH/101), not &quot;%1&quot;</source>
        <translation>--room debe tener la forma EDIFICIO/NÚMERO (NH/101), no &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>there is no room %1</source>
        <translation>no existe la habitación %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read the rooms: %1</source>
        <translation>no se pueden leer las habitaciones: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+271"/>
        <source>there is no building with the code &quot;%1&quot;</source>
        <translation>no existe ningún edificio con el código &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="-270"/>
        <location line="+271"/>
        <source>cannot read the buildings: %1</source>
        <translation>no se pueden leer los edificios: %1</translation>
    </message>
    <message>
        <location line="-262"/>
        <source>there is no resident with the student id &quot;%1&quot;</source>
        <translation>no existe ningún residente con el número de estudiante &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cannot read the residents: %1</source>
        <translation>no se pueden leer los residentes: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>add the maintenance request</source>
        <translation>añadir la solicitud de mantenimiento</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>read maintenance request %1</source>
        <translation>leer la solicitud de mantenimiento %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>--state must be one of %1, not &quot;%2&quot;</source>
        <translation>--state debe ser uno de %1, no &quot;%2&quot;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>list maintenance requests</source>
        <translation>listar las solicitudes de mantenimiento</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+157"/>
        <location line="+87"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="-244"/>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+244"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="-244"/>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Overdue</source>
        <translation>Vencida</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>overdue</source>
        <translation>vencida</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+34"/>
        <source>a maintenance request id</source>
        <translation>el identificador de una solicitud de mantenimiento</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>show maintenance request %1</source>
        <translation>mostrar la solicitud de mantenimiento %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>read its comments</source>
        <translation>leer sus comentarios</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Description: %1</source>
        <translation>Descripción: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported %1, due %2.</source>
        <translation>Notificada: %1; vence: %2.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>mark maintenance request %1 done</source>
        <translation>marcar como terminada la solicitud de mantenimiento %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>--skills: &quot;%1&quot; is not a category (%2)</source>
        <translation>--skills: &quot;%1&quot; no es una categoría (%2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--days: &quot;%1&quot; is not a weekday number (1 = Monday … 7 = Sunday)</source>
        <translation>--days: &quot;%1&quot; no es un número de día de la semana (1 = lunes … 7 = domingo)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--hours must be HH:MM-HH:MM (08:00-16:00), not &quot;%1&quot;</source>
        <translation>--hours debe tener el formato HH:MM-HH:MM (08:00-16:00), no &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--absent: &quot;%1&quot; is not a date as YYYY-MM-DD</source>
        <translation>--absent: &quot;%1&quot; no es una fecha con el formato YYYY-MM-DD</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>add the technician</source>
        <translation>añadir al técnico</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Technician %1: %2 &lt;%3&gt;, %4.</source>
        <translation>Técnico %1: %2 &lt;%3&gt;, %4.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>list technicians</source>
        <translation>listar los técnicos</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skills</source>
        <translation>Competencias</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>--every must be a number of months, not &quot;%1&quot;</source>
        <translation>--every debe ser un número de meses, no &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--from must be a date as YYYY-MM-DD, not &quot;%1&quot;</source>
        <translation>--from debe ser una fecha con el formato YYYY-MM-DD, no &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>add the plan</source>
        <translation>añadir el plan</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Plan %1: %2, every %n month(s) from %3.</source>
        <translation>
            <numerusform>Plan %1: %2, cada %n mes desde %3.</numerusform>
            <numerusform>Plan %1: %2, cada %n meses desde %3.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>list plans</source>
        <translation>listar los planes</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Building</source>
        <translation>Edificio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Room type</source>
        <translation>Tipo de habitación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every</source>
        <translation>Periodicidad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Periods created</source>
        <translation>Períodos creados</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n month(s)</source>
        <translation>
            <numerusform>%n mes</numerusform>
            <numerusform>%n meses</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Report a maintenance request; a job assigns, estimates, schedules and notifies.</source>
        <translation>Comunicar una solicitud de mantenimiento; un trabajo la asigna, la estima, la programa y envía las notificaciones.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prints the new request (with --wait: after processing, with technician, estimate and visit). With --json the keys are %1.</source>
        <translation>Muestra la nueva solicitud (con --wait: después de procesarla, con técnico, estimación y visita). Con --json, las claves son %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The room, as BUILDING/NUMBER (NH/101).</source>
        <translation>La habitación, como EDIFICIO/NÚMERO (NH/101).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>room</source>
        <translation>habitación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A building&apos;s common area (its code), instead of --room.</source>
        <translation>La zona común de un edificio (su código), en lugar de --room.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+12"/>
        <location line="+21"/>
        <location line="+7"/>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+41"/>
        <source>One of %1.</source>
        <translation>Una de %1.</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+41"/>
        <source>category</source>
        <translation>categoría</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+41"/>
        <source>One of %1 (default routine).</source>
        <translation>Una de %1 (predeterminada: routine).</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+41"/>
        <source>priority</source>
        <translation>prioridad</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>What is wrong.</source>
        <translation>Qué falla.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+36"/>
        <location line="+7"/>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>The student id of the resident who reported it (default: you).</source>
        <translation>El número de estudiante del residente que la comunicó (predeterminado: usted).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>id</source>
        <translation>id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The technician may enter while nobody is in.</source>
        <translation>El técnico puede entrar aunque no haya nadie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>List maintenance requests, soonest due first.</source>
        <translation>Listar las solicitudes de mantenimiento, primero las de vencimiento más próximo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With --json: a JSON array of objects with the keys %1.</source>
        <translation>Con --json: una matriz JSON de objetos con las claves %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this state (%1).</source>
        <translation>Solo este estado (%1).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>state</source>
        <translation>estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this building (its code).</source>
        <translation>Solo este edificio (su código).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only unfinished requests past their target.</source>
        <translation>Solo las solicitudes sin terminar que han superado su plazo objetivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show one maintenance request with its technician, estimate, visit and comments.</source>
        <translation>Mostrar una solicitud de mantenimiento con su técnico, estimación, visita y comentarios.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mark a maintenance request done (an assigned or scheduled one is started first).</source>
        <translation>Marcar una solicitud de mantenimiento como terminada (si está asignada o programada, antes se inicia).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a technician.</source>
        <translation>Añadir un técnico.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Full name.</source>
        <translation>Nombre completo.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail address (jobs are sent there).</source>
        <translation>Dirección de correo electrónico (a ella se envían los trabajos).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>address</source>
        <translation>dirección</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categories, comma-separated (%1).</source>
        <translation>Categorías, separadas por comas (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>list</source>
        <translation>lista</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Working days, ISO numbers comma-separated (default 1,2,3,4,5).</source>
        <translation>Días laborables, números ISO separados por comas (predeterminado: 1,2,3,4,5).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working hours HH:MM-HH:MM (default 08:00-16:00).</source>
        <translation>Horario laboral HH:MM-HH:MM (predeterminado: 08:00-16:00).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>range</source>
        <translation>intervalo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absent days, YYYY-MM-DD comma-separated.</source>
        <translation>Días de ausencia, YYYY-MM-DD separados por comas.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>dates</source>
        <translation>fechas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language of their job e-mails: en or es (default: the office&apos;s).</source>
        <translation>Idioma de sus correos de trabajo: en o es (por defecto: el de la oficina).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>List technicians.</source>
        <translation>Listar los técnicos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a preventive maintenance plan (requests every N months).</source>
        <translation>Añadir un plan de mantenimiento preventivo (solicitudes cada N meses).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give --building (its common area), --room-type (every room of the type), or both.</source>
        <translation>Indique --building (su zona común), --room-type (todas las habitaciones del tipo) o ambos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What is done (&quot;Filters&quot;).</source>
        <translation>Qué se hace (por ejemplo, «Filtros»).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The building (its code).</source>
        <translation>El edificio (su código).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every room of this type (single, double, triple, suite, studio).</source>
        <translation>Todas las habitaciones de este tipo (single, double, triple, suite, studio).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>type</source>
        <translation>tipo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The period in months.</source>
        <translation>El periodo en meses.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>months</source>
        <translation>meses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first period&apos;s first day (YYYY-MM-DD, default today).</source>
        <translation>El primer día del primer periodo (YYYY-MM-DD; predeterminado: hoy).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details for the technician.</source>
        <translation>Detalles para el técnico.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List preventive maintenance plans.</source>
        <translation>Listar los planes de mantenimiento preventivo.</translation>
    </message>
</context>
<context>
    <name>MaintenancePage</name>
    <message>
        <location filename="../ui/maintenance/maintenancepage.cpp" line="+47"/>
        <source>O&amp;verdue only</source>
        <translation>Solo &amp;vencidas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New request…</source>
        <translation>&amp;Nueva solicitud…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Te&amp;chnicians…</source>
        <translation>Técni&amp;cos…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Maintenance</source>
        <translation>Mantenimiento</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open work</source>
        <translation>Trabajo pendiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All states</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+191"/>
        <source>All buildings</source>
        <translation>Todos los edificios</translation>
    </message>
    <message>
        <location line="-190"/>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All priorities</source>
        <translation>Todas las prioridades</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Search maintenance requests</source>
        <translation>Buscar solicitudes de mantenimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search description, place, technician…</source>
        <translation>Buscar descripción, lugar, técnico…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The technicians: their skills, working hours and language</source>
        <translation>Los técnicos: sus especialidades, horario e idioma</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Maintenance requests</source>
        <translation>Solicitudes de mantenimiento</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>The maintenance requests could not be loaded: %1</source>
        <translation>No se han podido cargar las solicitudes de mantenimiento: %1</translation>
    </message>
    <message>
        <location line="+110"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%Ln request(s)</source>
        <translation>
            <numerusform>%Ln solicitud</numerusform>
            <numerusform>%Ln solicitudes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>, %Ln overdue</source>
        <translation>
            <numerusform>, %Ln vencida</numerusform>
            <numerusform>, %Ln vencidas</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaintenancePlanRepository</name>
    <message>
        <location filename="../models/maintenance/maintenanceplanrepository.cpp" line="+53"/>
        <source>The plan needs a title.</source>
        <translation>El plan necesita un título.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The title must be at most %1 characters long.</source>
        <translation>El título debe tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the building, the room type, or both.</source>
        <translation>Indique el edificio, el tipo de habitación o ambos.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is not a room type (single, double, triple, suite, studio).</source>
        <translation>«%1» no es un tipo de habitación (single, double, triple, suite, studio).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The period must be between 1 and 120 months (%1 given).</source>
        <translation>El periodo debe estar entre 1 y 120 meses (se ha indicado %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The plan needs its first day.</source>
        <translation>El plan necesita su primer día.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The description must be at most %1 characters long.</source>
        <translation>La descripción debe tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The building (id %1) does not exist.</source>
        <translation>El edificio (id %1) no existe.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown building.</source>
        <translation>Edificio desconocido.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The plan was not stored.</source>
        <translation>El plan no se ha guardado.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+23"/>
        <location line="+30"/>
        <source>The maintenance plan (id %1) does not exist.</source>
        <translation>El plan de mantenimiento (id %1) no existe.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source> (preventive, period from %1)</source>
        <translation> (preventivo, periodo desde el %1)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The maintenance plan “%1” was advanced by someone else meanwhile.</source>
        <translation>Otra persona ha hecho avanzar mientras tanto el plan de mantenimiento «%1».</translation>
    </message>
</context>
<context>
    <name>MaintenanceRepository</name>
    <message>
        <location filename="../models/maintenance/maintenancerepository.cpp" line="+40"/>
        <source>Choose the room, or the building for its common area.</source>
        <translation>Elija la habitación, o el edificio para su zona común.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Describe the problem.</source>
        <translation>Describa el problema.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The description must be at most %1 characters long.</source>
        <translation>La descripción debe tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reporter&apos;s login must be at most %1 characters long.</source>
        <translation>El nombre de usuario de quien la comunica debe tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The room (id %1) does not exist; another user may have deleted it.</source>
        <translation>La habitación (id %1) no existe; puede que otro usuario la haya eliminado.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The building (id %1) does not exist.</source>
        <translation>El edificio (id %1) no existe.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The resident (id %1) who reported it does not exist.</source>
        <translation>El residente (id %1) que la comunicó no existe.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The new maintenance request was not stored.</source>
        <translation>La nueva solicitud de mantenimiento no se ha guardado.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+43"/>
        <location line="+271"/>
        <location line="+51"/>
        <source>Maintenance request %1 does not exist.</source>
        <translation>La solicitud de mantenimiento %1 no existe.</translation>
    </message>
    <message>
        <location line="-302"/>
        <source>Another user changed maintenance request %1 at the same time. Reload to see their changes.</source>
        <translation>Otro usuario ha modificado la solicitud de mantenimiento %1 al mismo tiempo. Vuelva a cargarla para ver sus cambios.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+42"/>
        <location line="+58"/>
        <location line="+70"/>
        <source>Another user changed maintenance request %1 since you opened it. Reload to see their changes.</source>
        <translation>Otro usuario ha modificado la solicitud de mantenimiento %1 desde que usted la abrió. Vuelva a cargarla para ver sus cambios.</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>The technician (id %1) does not exist.</source>
        <translation>El técnico (id %1) no existe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The technician (id %1) is no longer active.</source>
        <translation>El técnico (id %1) ya no está activo.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The visit&apos;s end must come after its start.</source>
        <translation>El final de la visita debe ser posterior a su inicio.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Cancelled: %1</source>
        <translation>Cancelada: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Maintenance request %1 is assigned with a technician and scheduled with a slot.</source>
        <translation>La solicitud de mantenimiento %1 se asigna eligiendo un técnico y se programa eligiendo una franja horaria.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>Maintenance request %1 is for the common area of %2; there is no room to take out of service.</source>
        <translation>La solicitud de mantenimiento %1 es para la zona común de %2; no hay ninguna habitación que dejar fuera de servicio.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Maintenance request %1 is %2; only open work can take room %3 out of service.</source>
        <translation>La solicitud de mantenimiento %1 está en estado %2; solo un trabajo pendiente puede dejar la habitación %3 fuera de servicio.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The comment is empty.</source>
        <translation>El comentario está vacío.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A comment must be at most %1 characters long.</source>
        <translation>Un comentario debe tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The comment was not stored.</source>
        <translation>El comentario no se ha guardado.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The attachment needs a file name.</source>
        <translation>El adjunto necesita un nombre de archivo.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The attachment was not stored.</source>
        <translation>El adjunto no se ha guardado.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The attachment (id %1) does not exist.</source>
        <translation>El adjunto (id %1) no existe.</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>A response target must be between 0 and 1000 (%1 given).</source>
        <translation>Un objetivo de respuesta debe estar entre 0 y 1000 (se ha indicado %1).</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>A rate cannot be negative.</source>
        <translation>Una tarifa no puede ser negativa.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A visit lasts between 15 and 480 minutes (%1 given).</source>
        <translation>Una visita dura entre 15 y 480 minutos (se ha indicado %1).</translation>
    </message>
</context>
<context>
    <name>MaintenanceRequestWindow</name>
    <message>
        <location filename="../ui/maintenance/maintenancerequestwindow.cpp" line="+79"/>
        <source>&amp;Assign…</source>
        <translation>&amp;Asignar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Schedule…</source>
        <translation>&amp;Programar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tart</source>
        <translation>&amp;Iniciar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Done</source>
        <translation>&amp;Terminar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel request…</source>
        <translation>&amp;Cancelar solicitud…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add co&amp;mment</source>
        <translation>Añadir co&amp;mentario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add &amp;files…</source>
        <translation>Añadir &amp;archivos…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open attachment</source>
        <translation>Abrir a&amp;djunto</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+7"/>
        <source>Maintenance request %1</source>
        <translation>Solicitud de mantenimiento %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place:</source>
        <translation>Lugar:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category:</source>
        <translation>Categoría:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Priority:</source>
        <translation>Prioridad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State:</source>
        <translation>Estado:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Due:</source>
        <translation>Fecha límite:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Technician:</source>
        <translation>Técnico:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Estimate:</source>
        <translation>Estimación:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Visit:</source>
        <translation>Visita:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Permission to enter:</source>
        <translation>Permiso para entrar:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported by:</source>
        <translation>Comunicada por:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Room:</source>
        <translation>Habitación:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Description:</source>
        <translation>Descripción:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Comments</source>
        <translation>Comentarios</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Write a comment…</source>
        <translation>Escriba un comentario…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Attachments</source>
        <translation>Adjuntos</translation>
    </message>
    <message numerus="yes">
        <location line="+51"/>
        <location line="+299"/>
        <source>Storing %Ln file(s)…</source>
        <translation>
            <numerusform>Guardando %Ln archivo…</numerusform>
            <numerusform>Guardando %Ln archivos…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-295"/>
        <source>%Ln file(s) attached.</source>
        <translation>
            <numerusform>%Ln archivo adjuntado.</numerusform>
            <numerusform>%Ln archivos adjuntados.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln file(s) attached; </source>
        <translation>
            <numerusform>%Ln archivo adjuntado; </numerusform>
            <numerusform>%Ln archivos adjuntados; </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln not:</source>
        <translation>
            <numerusform>%Ln no se ha adjuntado:</numerusform>
            <numerusform>%Ln no se han adjuntado:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Maintenance request %1 cannot be shown: %2</source>
        <translation>No se puede mostrar la solicitud de mantenimiento %1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1, %2:
%3</source>
        <translation>%1, %2:
%3</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1, %2, added by %3 on %4</source>
        <translation>%1, %2, añadido por %3 el %4</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+1"/>
        <source>Maintenance request %1 — %2</source>
        <translation>Solicitud de mantenimiento %1 — %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Common area of %1 — %2</source>
        <translation>Zona común de %1 — %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 — needs attention: nobody could take it</source>
        <translation>%1 — requiere atención: nadie ha podido encargarse</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+15"/>
        <source>%1 on %2</source>
        <translation>%1 el %2</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>%1 — overdue</source>
        <translation>%1 — vencida</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nobody yet</source>
        <translation>nadie todavía</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none yet</source>
        <translation>ninguna todavía</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not scheduled</source>
        <translation>sin programar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes: staff may enter when nobody is in</source>
        <translation>sí: el personal puede entrar cuando no hay nadie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no: only with someone in the room</source>
        <translation>no: solo con alguien en la habitación</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (resident)</source>
        <translation>%1 (residente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (staff)</source>
        <translation>%1 (personal)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>common area</source>
        <translation>zona común</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>out of service for this request</source>
        <translation>fuera de servicio por esta solicitud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>status: %1</source>
        <translation>estado: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Put room back in ser&amp;vice</source>
        <translation>Volver a poner la habitación en ser&amp;vicio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take room out of ser&amp;vice</source>
        <translation>Dejar la habitación fuera de ser&amp;vicio</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 was not done: %2</source>
        <translation>No se ha realizado «%1»: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Assign</source>
        <translation>Asignar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Schedule</source>
        <translation>Programar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Done</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Take the room out of service</source>
        <translation>Dejar la habitación fuera de servicio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Put the room back in service</source>
        <translation>Volver a poner la habitación en servicio</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The comment was not added: %1</source>
        <translation>No se ha añadido el comentario: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Attach files</source>
        <translation>Adjuntar archivos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Photos and documents (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.txt);;All files (*)</source>
        <translation>Fotos y documentos (*.png *.jpg *.jpeg *.gif *.webp *.pdf *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The attachment cannot be opened: %1</source>
        <translation>No se puede abrir el adjunto: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 cannot be shown: it is not a picture Residesk can read.</source>
        <translation>No se puede mostrar %1: no es una imagen que Residesk pueda leer.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Save attachment</source>
        <translation>Guardar adjunto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot write</source>
        <translation>no se puede escribir</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 was not saved to %2: %3</source>
        <translation>%1 no se guardó en %2: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 saved to %2.</source>
        <translation>Se guardó %1 en %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Assign request %1</source>
        <translation>Asignar la solicitud %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Technician:</source>
        <translation>&amp;Técnico:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Estimate:</source>
        <translation>&amp;Estimación:</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The technicians cannot be read: %1</source>
        <translation>No se pueden leer los técnicos: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (no %2 skill)</source>
        <translation>%1 (sin la competencia %2)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Schedule request %1</source>
        <translation>Programar la solicitud %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Visit starts:</source>
        <translation>&amp;Inicio de la visita:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Length:</source>
        <translation>&amp;Duración:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cancel request %1</source>
        <translation>Cancelar la solicitud %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is it cancelled? (kept as a comment)</source>
        <translation>¿Por qué se cancela? (se guarda como comentario)</translation>
    </message>
</context>
<context>
    <name>MaintenanceRequestsModel</name>
    <message>
        <location filename="../models/itemmodels/maintenancerequestsmodel.cpp" line="+84"/>
        <source>Overdue: it was due %1.</source>
        <translation>Vencida: el plazo era %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Needs attention: nobody could take it.</source>
        <translation>Requiere atención: nadie ha podido hacerse cargo.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 (needs attention)</source>
        <translation>%1 (requiere atención)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Place</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
</context>
<context>
    <name>MaintenanceRules</name>
    <message>
        <location filename="../models/maintenance/maintenancerules.cpp" line="+108"/>
        <source>No active technician has the skill %1.</source>
        <translation>Ningún técnico activo tiene la competencia %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>None of the %n technician(s) with the skill %1 has a free slot of %2 minutes before %3 (working days, hours, absences and other visits considered).</source>
        <translation>
            <numerusform>El único técnico con la competencia %1 (%n en total) no tiene un hueco libre de %2 minutos antes de %3 (se han tenido en cuenta los días laborables, el horario, las ausencias y otras visitas).</numerusform>
            <numerusform>Ninguno de los %n técnicos con la competencia %1 tiene un hueco libre de %2 minutos antes de %3 (se han tenido en cuenta los días laborables, el horario, las ausencias y otras visitas).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Maintenance request %1 is already %2.</source>
        <translation>La solicitud de mantenimiento %1 ya está %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Maintenance request %1 is %2; a finished request does not change any more.</source>
        <translation>La solicitud de mantenimiento %1 está %2; una solicitud concluida ya no se modifica.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>only an open request can be assigned</source>
        <translation>solo se puede asignar una solicitud abierta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only an assigned request can be scheduled</source>
        <translation>solo se puede programar una solicitud asignada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only an assigned or scheduled request can be started</source>
        <translation>solo se puede iniciar una solicitud asignada o programada</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>only a request in progress can be marked done</source>
        <translation>solo se puede marcar como terminada una solicitud en curso</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a request never goes back to open</source>
        <translation>una solicitud nunca vuelve a estar abierta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it cannot be cancelled</source>
        <translation>no se puede cancelar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Maintenance request %1 is %2; %3.</source>
        <translation>La solicitud de mantenimiento %1 está %2; %3.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The file</source>
        <translation>El archivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is empty; nothing to attach.</source>
        <translation>%1 está vacío; no hay nada que adjuntar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is %2 MB; attachments may be at most %3 MB. Make the photo smaller or attach part of the document.</source>
        <translation>%1 ocupa %2 MB; los adjuntos pueden ocupar como máximo %3 MB. Reduzca el tamaño de la foto o adjunte parte del documento.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a photo or document Residesk accepts (its content is %2); attach photos (PNG, JPEG, GIF, WebP) or documents (PDF, plain text).</source>
        <translation>%1 no es una foto ni un documento que Residesk acepte (su contenido es %2); adjunte fotos (PNG, JPEG, GIF, WebP) o documentos (PDF, texto sin formato).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
</context>
<context>
    <name>MaintenanceTasks</name>
    <message>
        <location filename="../tasks/maintenance/maintenancetasks.cpp" line="+60"/>
        <source>Needs attention: %1</source>
        <translation>Requiere atención: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Maintenance request %1 needs attention</source>
        <translation>La solicitud de mantenimiento %1 requiere atención</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Assigned to %1, visit %2–%3, estimate %4.</source>
        <translation>Asignada a %1, visita %2–%3, estimación %4.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Housing Office: your maintenance request %1 in %2 is scheduled for %3 with %4.</source>
        <extracomment>A text message: keep it short (one SMS, 160 characters, once filled in).</extracomment>
        <translation>Oficina de Alojamiento: su solicitud de mantenimiento %1 en %2 está programada para %3 con %4.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Your maintenance request %1: visit on %2</source>
        <translation>Su solicitud de mantenimiento %1: visita el %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hello %1,

your request about %2 (%3) in %4 is scheduled: %5 will come on %6.
%7

Housing Office</source>
        <translation>Hola, %1:

Su solicitud sobre %2 (%3) en %4 está programada: %5 acudirá el %6.
%7

Oficina de Alojamiento</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You allowed us to enter while you are away.</source>
        <translation>Nos ha autorizado a entrar en su ausencia.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Please be there to let the technician in.</source>
        <translation>Esté presente para abrir la puerta al técnico.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Maintenance job %1 at %2: %3</source>
        <translation>Trabajo de mantenimiento %1 en %2: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Job %1 (%2, %3 priority) at %4, %5.

%6

Permission to enter: %7.
Due by %8.</source>
        <translation>Trabajo %1 (%2, prioridad %3) en %4, %5.

%6

Permiso para entrar: %7.
Plazo: %8.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Maintenance request %1 assigned to %2</source>
        <translation>Solicitud de mantenimiento %1 asignada a %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, %2: visit %3.</source>
        <translation>%1, %2: visita %3.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Maintenance request %1 is overdue</source>
        <translation>La solicitud de mantenimiento %1 está vencida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2 (%3 priority): due %4, still %5.</source>
        <translation>%1, %2 (prioridad %3): plazo %4, todavía %5.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+26"/>
        <source>plans</source>
        <translation>planes</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Process a maintenance request</source>
        <translation>Procesar una solicitud de mantenimiento</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flag overdue maintenance</source>
        <translation>Marcar el mantenimiento vencido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create planned maintenance</source>
        <translation>Crear el mantenimiento planificado</translation>
    </message>
</context>
<context>
    <name>MaintenanceUi</name>
    <message>
        <location filename="../ui/maintenance/maintenanceui.cpp" line="+139"/>
        <source>Maintenance request %1 stored; it is being processed.</source>
        <translation>Solicitud de mantenimiento %1 guardada; se está procesando.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Technician %1 saved.</source>
        <translation>Técnico %1 guardado.</translation>
    </message>
</context>
<context>
    <name>Migrator</name>
    <message>
        <location filename="../models/db/migrator.cpp" line="+186"/>
        <source>Cannot create the schema version table.</source>
        <translation>No se puede crear la tabla de versiones del esquema.</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>The database schema is at version %1, newer than this Residesk (version %2 at most). Update Residesk; the database was left untouched.</source>
        <translation>El esquema de la base de datos está en la versión %1, más reciente que la de este Residesk (como máximo, la versión %2). Actualice Residesk; la base de datos no se ha modificado.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Migration %1 (%2) needs the owner role residesk_owner to create objects in the schema public; granting it failed: %3</source>
        <translation>La migración %1 (%2) necesita que el rol propietario residesk_owner pueda crear objetos en el esquema public; no se pudo conceder: %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Migration %1 (%2) must run as the database&apos;s owner role residesk_owner: %3</source>
        <translation>La migración %1 (%2) debe ejecutarse con el rol propietario de la base de datos residesk_owner: %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Migration %1 (%2) failed: %3</source>
        <translation>La migración %1 (%2) ha fallado: %3</translation>
    </message>
</context>
<context>
    <name>NewMaintenanceRequestDialog</name>
    <message>
        <location filename="../ui/maintenance/newmaintenancerequestdialog.cpp" line="+29"/>
        <source>Choose a building</source>
        <translation>Elija un edificio</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Staff may &amp;enter when nobody is in</source>
        <translation>El personal puede &amp;entrar si no hay nadie</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New maintenance request</source>
        <translation>Nueva solicitud de mantenimiento</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+48"/>
        <source>Common area</source>
        <translation>Zona común</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>What is wrong, and where exactly?</source>
        <translation>¿Qué falla y dónde exactamente?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Student id; empty: reported by you</source>
        <translation>ID de estudiante; vacío: la notifica usted</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Report</source>
        <translation>&amp;Notificar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Building:</source>
        <translation>&amp;Edificio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Room:</source>
        <translation>&amp;Habitación:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Category:</source>
        <translation>&amp;Categoría:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Priority:</source>
        <translation>&amp;Prioridad:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Description:</source>
        <translation>&amp;Descripción:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reported by &amp;resident:</source>
        <translation>Notificada por el &amp;residente:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Answered within: %1</source>
        <translation>Plazo de respuesta: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The rooms cannot be read: %1</source>
        <translation>No se pueden leer las habitaciones: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose the building (and the room, or its common area).</source>
        <translation>Elija el edificio (y la habitación o su zona común).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>There is no resident with the student id %1.</source>
        <translation>No hay ningún residente con el ID de estudiante %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The request was not stored: %1</source>
        <translation>La solicitud no se guardó: %1</translation>
    </message>
</context>
<context>
    <name>NotificationCentre</name>
    <message>
        <location filename="../ui/notifications/notificationcentre.cpp" line="+45"/>
        <source>No notifications.</source>
        <translation>No hay notificaciones.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark all &amp;read</source>
        <translation>Marcar todo como &amp;leído</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+11"/>
        <location line="+3"/>
        <location line="+66"/>
        <source>Notifications</source>
        <translation>Notificaciones</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>&lt;b&gt;Notifications&lt;/b&gt;</source>
        <translation>&lt;b&gt;Notificaciones&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <location line="+68"/>
        <source>Notifications, %n unread</source>
        <translation>
            <numerusform>Notificaciones, %n sin leer</numerusform>
            <numerusform>Notificaciones, %n sin leer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotificationStore</name>
    <message>
        <location filename="../tasks/notificationstore.cpp" line="+86"/>
        <source>A notification needs the user it is for.</source>
        <translation>Una notificación necesita el usuario al que va dirigida.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A notification needs a title.</source>
        <translation>Una notificación necesita un título.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The notification was not stored.</source>
        <translation>La notificación no se ha guardado.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>The notification no longer exists.</source>
        <translation>La notificación ya no existe.</translation>
    </message>
</context>
<context>
    <name>NotificationsModel</name>
    <message>
        <location filename="../tasks/itemmodels/notificationsmodel.cpp" line="+115"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unread: %1, %2</source>
        <translation>Sin leer: %1, %2</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>The notifications could not be loaded: %1</source>
        <translation>No se pudieron cargar las notificaciones: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The notification could not be marked as read: %1</source>
        <translation>No se pudo marcar la notificación como leída: %1</translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <location filename="../tasks/mail/outbox.cpp" line="+190"/>
        <source>There is no e-mail %1 in the outbox.</source>
        <translation>No existe el correo %1 en la bandeja de salida.</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>An e-mail needs a recipient address.</source>
        <translation>Un correo necesita una dirección de destinatario.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The recipient address &quot;%1&quot; is not valid.</source>
        <translation>La dirección del destinatario «%1» no es válida.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sender address &quot;%1&quot; is not valid.</source>
        <translation>La dirección del remitente «%1» no es válida.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An e-mail needs a subject.</source>
        <translation>Un correo necesita un asunto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The subject must be at most %1 characters long.</source>
        <translation>El asunto puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The subject must be one line.</source>
        <translation>El asunto debe ocupar una sola línea.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The recipient&apos;s name must be one line of at most %1 characters.</source>
        <translation>El nombre del destinatario debe ser una sola línea de %1 caracteres como máximo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The sender&apos;s name must be one line of at most %1 characters.</source>
        <translation>El nombre del remitente debe ser una sola línea de %1 caracteres como máximo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text must be at most %1 characters long.</source>
        <translation>El texto puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The deduplication key must be at most %1 characters long.</source>
        <translation>La clave de deduplicación puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number of attempts cannot be negative.</source>
        <translation>El número de intentos no puede ser negativo.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The attachment name &quot;%1&quot; is not valid: one line of 1 to %2 characters without quotes.</source>
        <translation>El nombre de adjunto «%1» no es válido: debe ser una línea de 1 a %2 caracteres sin comillas.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The type &quot;%1&quot; of the attachment &quot;%2&quot; is not valid.</source>
        <translation>El tipo «%1» del adjunto «%2» no es válido.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The attachments must be at most %1 MB together.</source>
        <translation>Los adjuntos pueden ocupar como máximo %1 MB en total.</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>The e-mail was not stored.</source>
        <translation>El correo no se ha guardado.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The e-mail with the key &quot;%1&quot; could not be queued; try again.</source>
        <translation>No se pudo poner en cola el correo con la clave «%1»; vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>E-mails with attachments are queued one at a time.</source>
        <translation>Los correos con adjuntos se ponen en cola de uno en uno.</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>Only an uncertain e-mail can be marked as sent or sent again; e-mail %1 is %2.</source>
        <translation>Solo un correo incierto se puede marcar como enviado o volver a enviar; el correo %1 está en estado «%2».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail %1 was changed by someone else meanwhile; reload it and decide again.</source>
        <translation>Otra persona ha modificado el correo %1 mientras tanto; vuelva a cargarlo y decida de nuevo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E-mail %1 changed meanwhile; reload it and decide again.</source>
        <translation>El correo %1 ha cambiado mientras tanto; vuelva a cargarlo y decida de nuevo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a failed e-mail can be retried; e-mail %1 is %2.</source>
        <translation>Solo se puede reintentar un correo fallido; el correo %1 está en estado «%2».</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail %1 was changed by someone else meanwhile; reload it and try again.</source>
        <translation>Otra persona ha modificado el correo %1 mientras tanto; vuelva a cargarlo e inténtelo de nuevo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E-mail %1 changed meanwhile; reload it and try again.</source>
        <translation>El correo %1 ha cambiado mientras tanto; vuelva a cargarlo e inténtelo de nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The worker sending this e-mail stopped before the server&apos;s answer was recorded: it may or may not have been delivered. Check with the recipient, then mark it as sent or send it again.</source>
        <translation>El proceso de trabajo que enviaba este correo se detuvo antes de que se registrara la respuesta del servidor: puede haberse entregado o no. Compruébelo con el destinatario y después márquelo como enviado o vuelva a enviarlo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A sender needs a name of 1 to %1 characters.</source>
        <translation>Un remitente necesita un nombre de 1 a %1 caracteres.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail %1 is no longer being sent by this worker; its outcome was not recorded.</source>
        <translation>Este proceso de trabajo ya no está enviando el correo %1; su resultado no se ha registrado.</translation>
    </message>
</context>
<context>
    <name>OutboxDock</name>
    <message>
        <location filename="../ui/mail/mailoutboxchannel.cpp" line="+41"/>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <location filename="../ui/outbox/outboxdock.cpp" line="+48"/>
        <source>Send &amp;now</source>
        <translation>E&amp;nviar ahora</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Retry</source>
        <translation>&amp;Reintentar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mark as sent</source>
        <translation>&amp;Marcar como enviado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send &amp;again</source>
        <translation>Reenv&amp;iar</translation>
    </message>
    <message>
        <location filename="../ui/mail/mailoutboxchannel.cpp" line="+1"/>
        <source>Show e-mails in state</source>
        <translation>Mostrar correos en el estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the outbox</source>
        <translation>Buscar en la bandeja de salida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search recipient or subject</source>
        <translation>Buscar destinatario o asunto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the queued e-mails now instead of at the next scheduled run</source>
        <translation>Enviar ahora los correos en cola en lugar de en la próxima ejecución programada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue the selected failed e-mail again</source>
        <translation>Volver a poner en cola el correo fallido seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected uncertain e-mail did arrive: record it as sent</source>
        <translation>El correo incierto seleccionado sí llegó: registrarlo como enviado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The selected uncertain e-mail did not arrive: send it once more</source>
        <translation>El correo incierto seleccionado no llegó: enviarlo una vez más</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>All e-mails</source>
        <translation>Todos los correos</translation>
    </message>
    <message>
        <location filename="../ui/outbox/outboxdock.cpp" line="+73"/>
        <source>&amp;Show:</source>
        <translation>Mo&amp;strar:</translation>
    </message>
    <message>
        <location filename="../ui/mail/mailoutboxchannel.cpp" line="+10"/>
        <source>No e-mails</source>
        <translation>No hay correos</translation>
    </message>
    <message>
        <location filename="../ui/outbox/outboxdock.cpp" line="+179"/>
        <source>Mark as sent</source>
        <translation>Marcar como enviado</translation>
    </message>
    <message>
        <location filename="../ui/mail/mailoutboxchannel.cpp" line="+1"/>
        <source>Record e-mail %1 as delivered? Do this only after the recipient confirmed that it arrived.</source>
        <translation>¿Registrar el correo %1 como entregado? Hágalo solo después de que el destinatario haya confirmado que lo recibió.</translation>
    </message>
    <message>
        <location filename="../ui/outbox/outboxdock.cpp" line="+12"/>
        <source>Send again</source>
        <translation>Reenviar</translation>
    </message>
    <message>
        <location filename="../ui/mail/mailoutboxchannel.cpp" line="+3"/>
        <source>Send e-mail %1 once more? Its earlier attempt may have been delivered; if it was, the recipient gets it twice (with the same Message-ID).</source>
        <translation>¿Enviar el correo %1 una vez más? Puede que su intento anterior se entregara; en ese caso, el destinatario lo recibirá dos veces (con el mismo Message-ID).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E-mail %1 could not be changed.</source>
        <translation>No se pudo modificar el correo %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail %1 could not be queued again.</source>
        <translation>No se pudo volver a poner en cola el correo %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The e-mails could not be sent now.</source>
        <translation>No se pudieron enviar los correos ahora.</translation>
    </message>
</context>
<context>
    <name>OutboxStates</name>
    <message>
        <location filename="../tasks/mail/outboxemail.cpp" line="+40"/>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sending</source>
        <translation>Enviando</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uncertain</source>
        <translation>Incierto</translation>
    </message>
</context>
<context>
    <name>OutboxTableModel</name>
    <message>
        <location filename="../ui/outbox/outboxtablemodel.cpp" line="+101"/>
        <source>Marked as sent by %1</source>
        <translation>Marcado como enviado por %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent again by %1</source>
        <translation>Reenviado por %1</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/mail/mailoutboxchannel.cpp" line="+1"/>
        <source>To</source>
        <translation>Para</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Asunto</translation>
    </message>
    <message>
        <location filename="../ui/outbox/outboxtablemodel.cpp" line="+8"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attempts</source>
        <translation>Intentos</translation>
    </message>
    <message>
        <location filename="../ui/mail/mailoutboxchannel.cpp" line="+1"/>
        <source>Server&apos;s answer</source>
        <translation>Respuesta del servidor</translation>
    </message>
    <message>
        <location filename="../ui/outbox/outboxtablemodel.cpp" line="+4"/>
        <source>Queued</source>
        <translation>En cola</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
</context>
<context>
    <name>PdfCache</name>
    <message>
        <location filename="../tasks/pdf/pdfcache.cpp" line="+33"/>
        <source>The PDF cache key &quot;%1&quot; is not valid: it needs a lower-case entity name, an id, a content version and a template version of 0 or more.</source>
        <translation>La clave de caché de PDF «%1» no es válida: necesita un nombre de entidad en minúsculas, un id, una versión del contenido y una versión de plantilla iguales o mayores que 0.</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The document for %1 is not a PDF (it must start with %PDF- and end with %%EOF); it was not cached.</source>
        <translation>El documento de %1 no es un PDF (debe empezar por %PDF- y terminar por %%EOF); no se ha guardado en la caché.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>The PDF for %1 could not be made: the renderer returned %2.</source>
        <translation>No se pudo generar el PDF de %1: el generador devolvió %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing</source>
        <translation>nada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no PDF</source>
        <translation>algo que no es un PDF</translation>
    </message>
</context>
<context>
    <name>PdfCacheStore</name>
    <message>
        <location filename="../tasks/pdf/pdfcachestore.cpp" line="+35"/>
        <source>The PDF cache key &quot;%1&quot; is not valid.</source>
        <translation>La clave de caché de PDF «%1» no es válida.</translation>
    </message>
</context>
<context>
    <name>PdfOpener</name>
    <message>
        <location filename="../ui/pdf/pdfopener.cpp" line="+44"/>
        <location line="+7"/>
        <source>%1 cannot be shown: %2</source>
        <translation>No se puede mostrar %1: %2</translation>
    </message>
</context>
<context>
    <name>PdfPageFlow</name>
    <message>
        <location filename="../tasks/pdf/pdfpageflow.cpp" line="+222"/>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
</context>
<context>
    <name>PdfRenderer</name>
    <message>
        <location filename="../tasks/pdf/pdfrenderer.cpp" line="+73"/>
        <location line="+1"/>
        <source>Residesk</source>
        <translation>Residesk</translation>
    </message>
</context>
<context>
    <name>PdfViewerWindow</name>
    <message>
        <location filename="../ui/pdf/pdfviewerwindow.cpp" line="+65"/>
        <source>The file was not found.</source>
        <translation>No se encontró el archivo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The data is not a PDF document, or the document is damaged.</source>
        <translation>Los datos no son un documento PDF o el documento está dañado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The document is protected by a password.</source>
        <translation>El documento está protegido con contraseña.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The document is incomplete.</source>
        <translation>El documento está incompleto.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The document could not be read.</source>
        <translation>No se pudo leer el documento.</translation>
    </message>
    <message>
        <location line="+121"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save &amp;As…</source>
        <translation>&amp;Guardar como…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Previous Page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next Page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First Page</source>
        <translation>Primera página</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last Page</source>
        <translation>Última página</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Page</source>
        <translation>Página</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Alejar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Zoom &amp;In</source>
        <translation>Ace&amp;rcar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Tamaño real</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fit &amp;Width</source>
        <translation>Ajustar al a&amp;ncho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fit &amp;Page</source>
        <translation>Ajustar a la &amp;página</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>of %1</source>
        <translation>de %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The file %1 cannot be read: %2</source>
        <translation>No se puede leer el archivo %1: %2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This PDF cannot be shown.</source>
        <translation>No se puede mostrar este PDF.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close this window and open the document again; if it fails again, render it again or tell your administrator.</source>
        <translation>Cierre esta ventana y vuelva a abrir el documento; si vuelve a fallar, genérelo de nuevo o avise a su administrador.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>PDF document</source>
        <translation>Documento PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 - Residesk</source>
        <translation>%1 - Residesk</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>Print %1</source>
        <translation>Imprimir %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Printing %1…</source>
        <translation>Imprimiendo %1…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Printing page %1 of %2…</source>
        <translation>Imprimiendo la página %1 de %2…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Printing was cancelled or failed.</source>
        <translation>La impresión se canceló o falló.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save PDF</source>
        <translation>Guardar PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The PDF could not be saved to %1: %2</source>
        <translation>No se pudo guardar el PDF en %1: %2</translation>
    </message>
</context>
<context>
    <name>PeopleRepository</name>
    <message>
        <location filename="../models/core/peoplerepository.cpp" line="+44"/>
        <source>&quot;%1&quot; is not a valid login: use lowercase letters, digits and underscores, starting with a letter, at most 63 characters.</source>
        <translation>«%1» no es un usuario válido: use minúsculas, dígitos y guiones bajos, empezando por una letra, 63 caracteres como máximo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is not a valid login: names starting with pg_ or residesk_ are reserved.</source>
        <translation>«%1» no es un usuario válido: los nombres que empiezan por pg_ o residesk_ están reservados.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not a role: use admin, housing, vet or worker.</source>
        <translation>«%1» no es un rol: use admin, housing, vet o worker.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>People and roles are managed on PostgreSQL only: the embedded SQLite file has one person, the operating-system account (%1).</source>
        <translation>Las personas y los roles solo se gestionan en PostgreSQL: el archivo SQLite integrado tiene una sola persona, la cuenta del sistema operativo (%1).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Permission denied: %1 needs membership in the residesk_admin role, which %2 does not have. Ask an administrator.</source>
        <translation>Permiso denegado: %1 requiere pertenecer al rol residesk_admin, y %2 no pertenece. Pídaselo a un administrador.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A role named %1 exists already on the PostgreSQL server.</source>
        <translation>Ya existe un rol llamado %1 en el servidor PostgreSQL.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no person with the login %1.</source>
        <translation>No hay ninguna persona con el usuario %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database refused: %1</source>
        <translation>La base de datos lo rechazó: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The database could not complete %1: %2</source>
        <translation>La base de datos no pudo completar la operación (%1): %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+43"/>
        <source>The password must not be empty.</source>
        <translation>La contraseña no puede estar vacía.</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>The password could not be encrypted (libpq).</source>
        <translation>No se pudo cifrar la contraseña (libpq).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>listing people</source>
        <translation>listar a las personas</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+19"/>
        <source>A person needs a full name.</source>
        <translation>Una persona necesita un nombre completo.</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>adding people</source>
        <translation>añadir personas</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>changing people</source>
        <translation>modificar personas</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>changing roles</source>
        <translation>cambiar roles</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>disabling people</source>
        <translation>desactivar personas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>enabling people</source>
        <translation>habilitar personas</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>setting another person&apos;s password</source>
        <translation>cambiar la contraseña de otra persona</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>changing your password</source>
        <translation>cambiar su contraseña</translation>
    </message>
</context>
<context>
    <name>PgSignIn</name>
    <message>
        <location filename="../models/db/pgsignin.cpp" line="+106"/>
        <source>Cannot connect to %1: out of memory.</source>
        <translation>No se puede conectar con %1: no queda memoria.</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>The server %1 did not answer within %n second(s).</source>
        <translation>
            <numerusform>El servidor %1 no respondió en %n segundo.</numerusform>
            <numerusform>El servidor %1 no respondió en %n segundos.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The server %1 wants a password for %2.</source>
        <translation>El servidor %1 pide una contraseña para %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password for %1 was not accepted by %2.</source>
        <translation>%2 no aceptó la contraseña de %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server %1 does not let %2 sign in: %3</source>
        <translation>El servidor %1 no deja iniciar sesión a %2: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server %1 has no database %2.</source>
        <translation>El servidor %1 no tiene ninguna base de datos %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server %1 does not offer TLS (SSL), but sslmode=%2 requires it.</source>
        <translation>El servidor %1 no ofrece TLS (SSL), pero sslmode=%2 lo exige.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+15"/>
        <source>Cannot connect to %1 as %2: %3</source>
        <translation>No se puede conectar con %1 como %2: %3</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Signed in to %1 as %2.</source>
        <translation>Sesión iniciada en %1 como %2.</translation>
    </message>
</context>
<context>
    <name>PhoneNumber</name>
    <message>
        <location filename="../models/core/phonenumber.cpp" line="+66"/>
        <source>A phone number is required.</source>
        <translation>Se necesita un número de teléfono.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The phone number &quot;%1&quot; cannot be read: &quot;%2&quot; is not a known region code (such as US or ES).</source>
        <translation>No se puede leer el número de teléfono «%1»: «%2» no es un código de región conocido (como US o ES).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The phone number &quot;%1&quot; is not valid: it is longer than %2 characters.</source>
        <translation>El número de teléfono «%1» no es válido: tiene más de %2 caracteres.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The phone number &quot;%1&quot; is not valid: its country code is unknown.</source>
        <translation>El número de teléfono «%1» no es válido: su código de país es desconocido.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The phone number &quot;%1&quot; is not valid: it is too short.</source>
        <translation>El número de teléfono «%1» no es válido: es demasiado corto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The phone number &quot;%1&quot; is not valid: it is too long.</source>
        <translation>El número de teléfono «%1» no es válido: es demasiado largo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The phone number &quot;%1&quot; is not valid: it is not a phone number.</source>
        <translation>El número de teléfono «%1» no es válido: no es un número de teléfono.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The phone number &quot;%1&quot; is not valid: no such number exists in region %2.</source>
        <translation>El número de teléfono «%1» no es válido: ese número no existe en la región %2.</translation>
    </message>
</context>
<context>
    <name>Protocol</name>
    <message>
        <location filename="../models/lab/protocol.cpp" line="+33"/>
        <source>Submitted</source>
        <translation>Remitido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In analysis</source>
        <translation>En análisis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finalized</source>
        <translation>Finalizado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Cancelado</translation>
    </message>
</context>
<context>
    <name>ProtocolMail</name>
    <message>
        <location filename="../tasks/bulk/bulktasks.cpp" line="-664"/>
        <source>Protocol %1: samples received</source>
        <translation>Protocolo %1: muestras recibidas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol %1: analysis started</source>
        <translation>Protocolo %1: análisis iniciado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol %1: report finalized</source>
        <translation>Protocolo %1: informe finalizado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol %1 cancelled</source>
        <translation>Protocolo %1 cancelado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Protocol %1 submitted</source>
        <translation>Protocolo %1 enviado</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Dear %1,

protocol %2 (%3) is now %4.

This message was sent automatically by the veterinary diagnostic lab; you do not need to answer it.
</source>
        <translation>Estimado/a %1:

El protocolo %2 (%3) ahora está %4.

Este mensaje lo ha enviado automáticamente el laboratorio de diagnóstico veterinario; no es necesario que lo responda.
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, animal %2</source>
        <translation>%1, animal %2</translation>
    </message>
</context>
<context>
    <name>ProtocolRepository</name>
    <message>
        <location filename="../models/lab/protocolrepository.cpp" line="+177"/>
        <source>The client is required.</source>
        <translation>El cliente es obligatorio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The species is required.</source>
        <translation>La especie es obligatoria.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The species must be at most %1 characters long.</source>
        <translation>La especie puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The animal ID must be at most %1 characters long.</source>
        <translation>El ID del animal puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number of samples must be at least 1, not %1.</source>
        <translation>El número de muestras debe ser al menos 1, no %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sample type must be at most %1 characters long.</source>
        <translation>El tipo de muestra puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Protocol %1 is already %2.</source>
        <translation>El protocolo %1 ya está %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protocol %1 is %2; it cannot be cancelled.</source>
        <translation>El protocolo %1 está %2; no se puede cancelar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol %1 is %2; it cannot be marked as received.</source>
        <translation>El protocolo %1 está %2; no se puede marcar como recibido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol %1 is %2; it cannot go into analysis.</source>
        <translation>El protocolo %1 está %2; no puede pasar a análisis.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol %1 is %2; it cannot be finalized.</source>
        <translation>El protocolo %1 está %2; no se puede finalizar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol %1 is %2; it cannot go back to submitted.</source>
        <translation>El protocolo %1 está %2; no puede volver a remitido.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol %1 is %2; it cannot become %3.</source>
        <translation>El protocolo %1 está %2; no puede pasar a %3.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+267"/>
        <source>The protocol no longer exists.</source>
        <translation>El protocolo ya no existe.</translation>
    </message>
    <message>
        <location line="-256"/>
        <source>There is no protocol with the number &quot;%1&quot;.</source>
        <translation>No hay ningún protocolo con el número «%1».</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+118"/>
        <source>The client (id %1) does not exist.</source>
        <translation>El cliente (id %1) no existe.</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>The new protocol was not stored.</source>
        <translation>El nuevo protocolo no se ha guardado.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No free protocol number was found after %1 attempts; try again.</source>
        <translation>No se encontró ningún número de protocolo libre tras %1 intentos; vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+25"/>
        <location line="+115"/>
        <source>Another user changed protocol %1 since you opened it. Reload to see their changes.</source>
        <translation>Otro usuario ha modificado el protocolo %1 desde que usted lo abrió. Vuelva a cargarlo para ver sus cambios.</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>Protocol %1 is %2; it cannot be changed.</source>
        <translation>El protocolo %1 está %2; no se puede modificar.</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>The database did not say what time it is.</source>
        <translation>La base de datos no ha indicado la hora actual.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Some protocols changed while they were being updated.</source>
        <translation>Algunos protocolos cambiaron mientras se actualizaban.</translation>
    </message>
    <message>
        <location line="+75"/>
        <location line="+128"/>
        <source>Protocol %1 does not exist.</source>
        <translation>El protocolo %1 no existe.</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Some protocols changed while they were being restored.</source>
        <translation>Algunos protocolos cambiaron mientras se restauraban.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Protocol %1 changed since (version %2, not %3); it stays %4.</source>
        <translation>El protocolo %1 ha cambiado desde entonces (versión %2, no %3); sigue %4.</translation>
    </message>
</context>
<context>
    <name>ProtocolsPage</name>
    <message>
        <location filename="../ui/lab/protocolspage.cpp" line="+47"/>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+19"/>
        <source>Open report</source>
        <translation>Abrir informe</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Work order PDF</source>
        <translation>PDF de la orden de trabajo</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Open the report of the current protocol (Return)</source>
        <translation>Abrir el informe del protocolo actual (Intro)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search by number, animal ID or client…</source>
        <translation>Buscar por número, ID del animal o cliente…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the report of the current protocol in the editor (Ctrl+E, Return)</source>
        <translation>Abrir el informe del protocolo actual en el editor (Ctrl+E, Intro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the work order of the current protocol as PDF (Ctrl+Shift+W)</source>
        <translation>Mostrar la orden de trabajo del protocolo actual como PDF (Ctrl+Mayús+W)</translation>
    </message>
    <message>
        <location line="+265"/>
        <source>Cancel protocol</source>
        <translation>Cancelar protocolo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel protocol %1?</source>
        <translation>¿Cancelar el protocolo %1?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A cancelled protocol cannot be received, analysed or reported any more.</source>
        <translation>Un protocolo cancelado ya no se puede recibir, analizar ni informar.</translation>
    </message>
    <message>
        <location line="-247"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>&amp;Receive</source>
        <translation>&amp;Recibir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start &amp;analysis</source>
        <translation>Iniciar &amp;análisis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Cancel…</source>
        <translation>&amp;Cancelar…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit c&amp;lient…</source>
        <translation>Editar c&amp;liente…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Edit the e-mail address and language of the current protocol&apos;s client (Ctrl+Shift+L)</source>
        <translation>Editar la dirección de correo y el idioma del cliente del protocolo actual (Ctrl+Mayús+L)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>S&amp;tate:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All clients</source>
        <translation>Todos los clientes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lient:</source>
        <translation>C&amp;liente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted &amp;from:</source>
        <translation>Remitido &amp;desde:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>t&amp;o:</source>
        <translation>&amp;hasta:</translation>
    </message>
    <message>
        <location line="+171"/>
        <source>Mark the selected protocol&apos;s samples as received</source>
        <translation>Marcar como recibidas las muestras del protocolo seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark the %1 selected protocols as received (a job; can be undone)</source>
        <translation>Marcar como recibidos los %1 protocolos seleccionados (un trabajo; se puede deshacer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mark every protocol the filter matches as received (a job; can be undone)</source>
        <translation>Marcar como recibidos todos los protocolos que cumplen el filtro (un trabajo; se puede deshacer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the analysis of the selected protocol</source>
        <translation>Iniciar el análisis del protocolo seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the analysis of the %1 selected protocols (a job; can be undone)</source>
        <translation>Iniciar el análisis de los %1 protocolos seleccionados (un trabajo; se puede deshacer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start the analysis of every protocol the filter matches (a job; can be undone)</source>
        <translation>Iniciar el análisis de todos los protocolos que cumplen el filtro (un trabajo; se puede deshacer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the selected protocol</source>
        <translation>Cancelar el protocolo seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the %1 selected protocols (a job; can be undone)</source>
        <translation>Cancelar los %1 protocolos seleccionados (un trabajo; se puede deshacer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel every protocol the filter matches (a job; can be undone)</source>
        <translation>Cancelar todos los protocolos que cumplen el filtro (un trabajo; se puede deshacer)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select protocols, or filter the list, first</source>
        <translation>Seleccione protocolos, o filtre la lista, primero</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select one protocol: changing several at once is for administrators</source>
        <translation>Seleccione un protocolo: cambiar varios a la vez es cosa de administradores</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a protocol first</source>
        <translation>Seleccione un protocolo primero</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>1 protocol</source>
        <translation>1 protocolo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%L1 protocols</source>
        <translation>%L1 protocolos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 · %L2 selected</source>
        <translation>%1 · %L2 seleccionados</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Changed by someone else</source>
        <translation>Modificado por otra persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol %1 was changed by someone else since the list was loaded; it was not changed.</source>
        <translation>Otra persona ha modificado el protocolo %1 desde que se cargó la lista; no se ha cambiado.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reload shows it as it is now; then try again.</source>
        <translation>«Volver a cargar» lo muestra como está ahora; después, vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reload</source>
        <translation>Volver a cargar</translation>
    </message>
</context>
<context>
    <name>ProtocolsTableModel</name>
    <message>
        <location filename="../models/itemmodels/protocolstablemodel.cpp" line="+79"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Species</source>
        <translation>Especie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Animal ID</source>
        <translation>ID del animal</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Samples</source>
        <translation>Muestras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Submitted</source>
        <translation>Remitido</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
</context>
<context>
    <name>RecipientLanguage</name>
    <message>
        <location filename="../models/core/recipientlanguage.cpp" line="+46"/>
        <source>The language &quot;%1&quot; is not one of %2; leave it empty for the office&apos;s default.</source>
        <translation>El idioma «%1» no es uno de %2; déjelo vacío para el predeterminado de la oficina.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Office default (%1)</source>
        <translation>Predeterminado de la oficina (%1)</translation>
    </message>
</context>
<context>
    <name>RecordCommand</name>
    <message>
        <location filename="../ui/allocations/allocationcommand.cpp" line="-54"/>
        <location filename="../ui/commands/recordcommand.h" line="+56"/>
        <source>Redo %1</source>
        <translation>Rehacer %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../ui/commands/recordcommand.h" line="+6"/>
        <source>Undo %1</source>
        <translation>Deshacer %1</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../ui/dialogs/recorddialog.cpp" line="+150"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not saved: the database cannot be reached. Your changes are kept; try again when the connection returns.</source>
        <translation>No se ha guardado: no se puede acceder a la base de datos. Sus cambios se conservan; inténtelo de nuevo cuando vuelva la conexión.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Not saved: this record was deleted by someone else.</source>
        <translation>No se ha guardado: otra persona ha eliminado este registro.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not saved: %1</source>
        <translation>No se ha guardado: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Changed by someone else</source>
        <translation>Modificado por otra persona</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reload shows the stored values (your edits are replaced); Overwrite saves your values over theirs.</source>
        <translation>«Volver a cargar» muestra los valores guardados (sus cambios se sustituyen); «Sobrescribir» guarda sus valores encima de los de la otra persona.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload</source>
        <translation>Volver a cargar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overwrite</source>
        <translation>Sobrescribir</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <location filename="../ui/pages/recordpage.cpp" line="+44"/>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit</source>
        <translation>Editar</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../ui/pages/recordpage.h" line="+115"/>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Search…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>The list could not be loaded: %1</source>
        <translation>No se pudo cargar la lista: %1</translation>
    </message>
    <message>
        <location line="+210"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Nothing matches the search or the filters.</source>
        <translation>Nada coincide con la búsqueda o los filtros.</translation>
    </message>
    <message>
        <location filename="../ui/pages/recordpage.h" line="+0"/>
        <source>Delete %1?</source>
        <translation>¿Eliminar %1?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You can undo this with Edit ▸ Undo.</source>
        <translation>Puede deshacerlo con Editar ▸ Deshacer.</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+4"/>
        <source>Delete %1</source>
        <translation>Eliminar %1</translation>
    </message>
</context>
<context>
    <name>RegistrarFetch</name>
    <message>
        <location filename="../tasks/sync/registrarfetch.cpp" line="+49"/>
        <location line="+38"/>
        <source>cannot write the temporary file %1: %2</source>
        <translation>no se puede escribir el archivo temporal %1: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>the server redirected more than %n time(s)</source>
        <translation>
            <numerusform>el servidor redirigió más de %n vez</numerusform>
            <numerusform>el servidor redirigió más de %n veces</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the server redirected to %1, which is not followed from %2</source>
        <translation>el servidor redirigió a %1, que no se sigue desde %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the server answered HTTP %1 %2</source>
        <translation>el servidor respondió HTTP %1 %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS error: %1</source>
        <translation>error de TLS: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>no answer within %n second(s)</source>
        <translation>
            <numerusform>sin respuesta en %n segundo</numerusform>
            <numerusform>sin respuesta en %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server cannot be reached: %1</source>
        <translation>no se puede conectar con el servidor: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the server answered HTTP %1 %2, not 200 OK with the file</source>
        <translation>el servidor respondió HTTP %1 %2, no 200 OK con el archivo</translation>
    </message>
</context>
<context>
    <name>RegistrarFlagsDialog</name>
    <message>
        <location filename="../ui/sync/registrarflagsdialog.cpp" line="+25"/>
        <source>Show &amp;reviewed</source>
        <translation>Mostrar los &amp;revisados</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clear flag</source>
        <translation>&amp;Quitar la marca</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Residents not in the registrar export</source>
        <translation>Residentes que no figuran en la exportación del registro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The registrar&apos;s last export did not list these residents. Nothing about them was changed: review each one (graduated? moved out?), change the resident if needed, then clear the flag.</source>
        <translation>La última exportación del registro no incluía a estos residentes. No se ha cambiado nada de ellos: revise cada uno (¿se ha graduado? ¿se ha mudado?), modifique el residente si es necesario y, después, quite la marca.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Student ID</source>
        <translation>ID de estudiante</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Situación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not listed since</source>
        <translation>No figura desde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reviewed</source>
        <translation>Revisado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mark the selected residents as reviewed</source>
        <translation>Marcar los residentes seleccionados como revisados</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The flagged residents cannot be read: %1</source>
        <translation>No se pueden leer los residentes marcados: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No resident is flagged.</source>
        <translation>No hay ningún residente marcado.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n resident(s) flagged.</source>
        <translation>
            <numerusform>%n residente marcado.</numerusform>
            <numerusform>%n residentes marcados.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The flags were not cleared: %1</source>
        <translation>No se quitaron las marcas: %1</translation>
    </message>
</context>
<context>
    <name>RegistrarSyncDialog</name>
    <message>
        <location filename="../ui/sync/registrarsyncdialog.cpp" line="+33"/>
        <source>Sync &amp;now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Registrar sync</source>
        <translation>Sincronización con el registro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>https://registrar.example.edu/exports/residents.csv</source>
        <translation>https://registrar.example.edu/exports/residents.csv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name and password (basic)</source>
        <translation>Nombre de usuario y contraseña (basic)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Token (bearer)</source>
        <translation>Token (bearer)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>kept in the system keychain</source>
        <translation>se guarda en el llavero del sistema</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. 0 6 * * * (daily at 06:00 UTC); empty: by hand only</source>
        <translation>p. ej., 0 6 * * * (a diario a las 06:00 UTC); vacío: solo manualmente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Export &amp;URL:</source>
        <translation>&amp;URL de la exportación:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Authentication:</source>
        <translation>&amp;Autenticación:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User &amp;name:</source>
        <translation>&amp;Nombre de usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password or token:</source>
        <translation>&amp;Contraseña o token:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Schedule:</source>
        <translation>&amp;Programación:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Timeout:</source>
        <translation>&amp;Tiempo de espera:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The settings cannot be read: %1</source>
        <translation>No se puede leer la configuración: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Storing the password or token in the system keychain…</source>
        <translation>Guardando la contraseña o el token en el llavero del sistema…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The settings were saved, but the secret could not be stored in the system keychain: %1</source>
        <translation>Se guardó la configuración, pero no se pudo guardar el secreto en el llavero del sistema: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Enter the export&apos;s URL first.</source>
        <translation>Indique primero la URL de la exportación.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The sync could not be queued: %1</source>
        <translation>No se pudo poner en cola la sincronización: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sync job %1 queued; the Jobs panel shows its progress.</source>
        <translation>Trabajo de sincronización %1 en cola; el panel Trabajos muestra su progreso.</translation>
    </message>
</context>
<context>
    <name>RegistrarSyncSettings</name>
    <message>
        <location filename="../tasks/sync/registrarsyncsettings.cpp" line="+40"/>
        <source>The registrar export URL &quot;%1&quot; is not an http:// or https:// address.</source>
        <translation>La URL de exportación del registro &quot;%1&quot; no es una dirección http:// ni https://.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The registrar export URL must not hold a password; choose basic authentication and keep the password in the keychain.</source>
        <translation>La URL de exportación del registro no debe contener una contraseña; elija la autenticación básica y guarde la contraseña en el llavero.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The registrar export URL must be at most %1 characters long.</source>
        <translation>La URL de exportación del registro debe tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A scheduled registrar sync needs the export&apos;s URL.</source>
        <translation>Una sincronización programada con el registro necesita la URL de la exportación.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Basic authentication needs a user name.</source>
        <translation>La autenticación básica necesita un nombre de usuario.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The user name must be at most %1 characters long.</source>
        <translation>El nombre de usuario debe tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The schedule &quot;%1&quot; is not valid: %2</source>
        <translation>La programación &quot;%1&quot; no es válida: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The schedule must be at most %1 characters long.</source>
        <translation>La programación debe tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The timeout must be between 1 and 3600 seconds.</source>
        <translation>El tiempo de espera debe estar entre 1 y 3600 segundos.</translation>
    </message>
</context>
<context>
    <name>RegistrarSyncStore</name>
    <message>
        <location filename="../tasks/sync/registrarsyncstore.cpp" line="+62"/>
        <location line="+14"/>
        <source>Someone else saved the registrar sync settings meanwhile; reload them.</source>
        <translation>Otra persona ha guardado entretanto la configuración de sincronización con el registro; vuelva a cargarla.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The schedule &quot;%1&quot; is not valid.</source>
        <translation>La programación &quot;%1&quot; no es válida.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../models/lab/report.cpp" line="+21"/>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finalized</source>
        <translation>Finalizado</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Low</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>High</source>
        <translation>Alto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Abnormal</source>
        <translation>Anormal</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../ui/reports/reportdialog.cpp" line="+19"/>
        <source>Occupancy</source>
        <translation>Ocupación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Maintenance</source>
        <translation>Mantenimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lab turnaround</source>
        <translation>Tiempo de respuesta del laboratorio</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Make a report</source>
        <translation>Generar un informe</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>PDF (opens in the viewer)</source>
        <translation>PDF (se abre en el visor)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (saved to a file)</source>
        <translation>CSV (se guarda en un archivo)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Report:</source>
        <translation>&amp;Informe:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;From:</source>
        <translation>&amp;Desde:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;To (included):</source>
        <translation>&amp;Hasta (incluido):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ormat:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
</context>
<context>
    <name>ReportEditor</name>
    <message>
        <location filename="../ui/lab/reporteditor.cpp" line="+79"/>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Findings and interpretation…</source>
        <translation>Hallazgos e interpretación…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Add row</source>
        <translation>&amp;Añadir fila</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove row</source>
        <translation>&amp;Quitar fila</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;up</source>
        <translation>&amp;Subir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move &amp;down</source>
        <translation>&amp;Bajar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Insert a result row below the current one (Insert)</source>
        <translation>Insertar una fila de resultados debajo de la actual (Insert)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the current result row (Ctrl+Delete)</source>
        <translation>Quitar la fila de resultados actual (Ctrl+Supr)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the current row up (Alt+Up)</source>
        <translation>Subir la fila actual (Alt+Arriba)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the current row down (Alt+Down)</source>
        <translation>Bajar la fila actual (Alt+Abajo)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+27"/>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <location line="-26"/>
        <location line="+32"/>
        <source>Redo</source>
        <translation>Rehacer</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Open revision &amp;PDF</source>
        <translation>Abrir el &amp;PDF de la revisión</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pre&amp;view</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finalize…</source>
        <translation>&amp;Finalizar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finalize</source>
        <translation>&amp;Finalizar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;mend</source>
        <translation>&amp;Rectificar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the findings and results (Ctrl+S)</source>
        <translation>Guardar los hallazgos y los resultados (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the report as it is now, as a draft PDF (Ctrl+P)</source>
        <translation>Mostrar el informe tal como está ahora, como PDF en borrador (Ctrl+P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign the report: its PDF is stored and an e-mail with it is queued for the client</source>
        <translation>Firmar el informe: su PDF se guarda y se pone en cola un correo con él para el cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start a corrected revision of this finalized report</source>
        <translation>Iniciar una revisión corregida de este informe finalizado</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>F&amp;indings:</source>
        <translation>&amp;Hallazgos:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Res&amp;ults:</source>
        <translation>Res&amp;ultados:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revisions:</source>
        <translation>Revisiones:</translation>
    </message>
    <message>
        <location line="+135"/>
        <source>The report cannot be loaded: %1</source>
        <translation>No se puede cargar el informe: %1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Report %1 — revision %2</source>
        <translation>Informe %1 — revisión %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2 · %3%4&lt;br&gt;Revision %5 · %6 · protocol %7</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2 · %3%4&lt;br&gt;Revisión %5 · %6 · protocolo %7</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Revision %1 · finalized by %2 at %3</source>
        <translation>Revisión %1 · finalizada por %2 el %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revision %1 · draft</source>
        <translation>Revisión %1 · borrador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · superseded</source>
        <translation> · sustituida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · shown</source>
        <translation> · mostrada</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Finalized by %1 at %2.</source>
        <translation>Finalizado por %1 el %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Superseded by a later revision.</source>
        <translation>Sustituido por una revisión posterior.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Finalizing… (job %1)</source>
        <translation>Finalizando… (tarea %1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+252"/>
        <source>Finalizing… %1</source>
        <translation>Finalizando… %1</translation>
    </message>
    <message>
        <location line="-240"/>
        <source>Protocol %1 is submitted: results can be entered once the sample is received.</source>
        <translation>El protocolo %1 está remitido: podrá introducir resultados cuando se reciba la muestra.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol %1 is %2; its report cannot be changed.</source>
        <translation>El protocolo %1 está %2; su informe no se puede modificar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+83"/>
        <location line="+78"/>
        <location line="+33"/>
        <source>Draft.</source>
        <translation>Borrador.</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>Not saved: please correct these rows.
%1</source>
        <translation>No se ha guardado: corrija estas filas.
%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Saving…</source>
        <translation>Guardando…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Not saved: the database cannot be reached. Your changes are kept; try again when the connection returns.</source>
        <translation>No se ha guardado: no se puede acceder a la base de datos. Sus cambios se conservan; vuelva a intentarlo cuando se restablezca la conexión.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+2"/>
        <source>Not saved: %1</source>
        <translation>No se ha guardado: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Changed by someone else</source>
        <translation>Modificado por otra persona</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone else saved report %1 since you opened it.</source>
        <translation>Otra persona ha guardado el informe %1 desde que usted lo abrió.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reload shows the stored values (your edits are replaced); Overwrite saves your values over theirs.</source>
        <translation>«Volver a cargar» muestra los valores guardados (sus cambios se sustituyen); «Sobrescribir» guarda sus valores encima de los de la otra persona.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload</source>
        <translation>Volver a cargar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overwrite</source>
        <translation>Sobrescribir</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Showing the values stored now.</source>
        <translation>Se muestran los valores guardados actualmente.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not saved: the report was changed by someone else. Your changes are kept.</source>
        <translation>No se ha guardado: otra persona ha modificado el informe. Sus cambios se conservan.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+88"/>
        <source>Finalizing…</source>
        <translation>Finalizando…</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Not finalized: please correct these rows.
%1</source>
        <translation>No se ha finalizado: corrija estas filas.
%1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Not finalized: someone else changed the report meanwhile.</source>
        <translation>No se ha finalizado: otra persona ha modificado el informe mientras tanto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+79"/>
        <source>Not finalized: %1</source>
        <translation>No se ha finalizado: %1</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Finalizing… (job %1 queued)</source>
        <translation>Finalizando… (tarea %1 en cola)</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+34"/>
        <source>Finalizing… (trying again after: %1)</source>
        <translation>Finalizando… (se reintentará tras: %1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the job failed</source>
        <translation>la tarea ha fallado</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Finalizing was cancelled; the report is a draft again.</source>
        <translation>La finalización se ha cancelado; el informe vuelve a ser un borrador.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The state of the e-mail to the client cannot be read: %1</source>
        <translation>No se puede leer el estado del correo al cliente: %1</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Starting a new revision…</source>
        <translation>Iniciando una nueva revisión…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not amended: %1</source>
        <translation>No se ha rectificado: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Revision %1 is a new draft; correct it and finalize it.</source>
        <translation>La revisión %1 es un nuevo borrador; corríjala y finalícela.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The preview cannot be rendered: no usable font was found.</source>
        <translation>No se puede generar la vista previa: no se encontró ninguna fuente utilizable.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview of report %1 (revision %2)</source>
        <translation>Vista previa del informe %1 (revisión %2)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report %1 has changes that are not saved. Close it and lose them?</source>
        <translation>El informe %1 tiene cambios sin guardar. ¿Cerrarlo y perderlos?</translation>
    </message>
</context>
<context>
    <name>ReportEmail</name>
    <message>
        <location filename="../tasks/lab/reportemail.cpp" line="+85"/>
        <source>E-mail to %1 queued, not sent: %2</source>
        <translation>Correo a %1 en cola, sin enviar: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail to %1 queued; it is tried again at %2 (the last attempt failed: %3).</source>
        <translation>Correo a %1 en cola; se volverá a intentar el %2 (el último intento falló: %3).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail to %1 queued.</source>
        <translation>Correo a %1 en cola.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail to %1 being sent…</source>
        <translation>Correo a %1 enviándose…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail to %1 sent at %2.</source>
        <translation>Correo a %1 enviado el %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail to %1 failed: %2 (View ▸ Outbox can send it again).</source>
        <translation>Correo a %1 fallido: %2 (Ver ▸ Bandeja de salida puede volver a enviarlo).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no reason was recorded</source>
        <translation>no se registró ningún motivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail to %1 uncertain: %2 Decide in View ▸ Outbox whether it went out.</source>
        <translation>Correo a %1 incierto: %2 Decida en Ver ▸ Bandeja de salida si llegó a enviarse.</translation>
    </message>
</context>
<context>
    <name>ReportFinalizer</name>
    <message>
        <location filename="../tasks/lab/reportfinalizer.cpp" line="+82"/>
        <source>Report %1 (revision %2)</source>
        <translation>Informe %1 (revisión %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Report %1</source>
        <translation>Informe %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is already being finalized.</source>
        <translation>%1 ya se está finalizando.</translation>
    </message>
</context>
<context>
    <name>ReportPdfLayout</name>
    <message>
        <location filename="../tasks/pdf/reportpdflayout.cpp" line="+113"/>
        <source>Laboratory report</source>
        <translation>Informe de laboratorio</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Amended report (revision %1, supersedes revision %2)</source>
        <translation>Informe rectificado (revisión %1, sustituye a la revisión %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>DRAFT: not signed, not valid as a report</source>
        <translation>BORRADOR: sin firmar, no válido como informe</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Species</source>
        <translation>Especie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Animal</source>
        <translation>Animal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Received</source>
        <translation>Recibido</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft</source>
        <translation>Borrador</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Finalized</source>
        <translation>Finalizado</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Sample</source>
        <translation>Muestra</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Findings</source>
        <translation>Hallazgos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No findings recorded.</source>
        <translation>No se han registrado hallazgos.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Analyte</source>
        <translation>Analito</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference range</source>
        <translation>Intervalo de referencia</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flag</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Results</source>
        <translation>Resultados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No results.</source>
        <translation>Sin resultados.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Flags: L below and H above the reference range, A abnormal.</source>
        <translation>Indicadores: L por debajo y H por encima del intervalo de referencia; A, anormal.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Signed by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed on</source>
        <translation>Firmado el</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Report %1 revision %2</source>
        <translation>Informe %1, revisión %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol %1 · Client %2 · %3</source>
        <translation>Protocolo %1 · Cliente %2 · %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol %1</source>
        <translation>Protocolo %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DRAFT</source>
        <translation>BORRADOR</translation>
    </message>
</context>
<context>
    <name>ReportRepository</name>
    <message>
        <location filename="../models/lab/reportrepository.cpp" line="+83"/>
        <source>Report %1 (revision %2)</source>
        <translation>Informe %1 (revisión %2)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Result row %1: the analyte is required.</source>
        <translation>Fila de resultados %1: el analito es obligatorio.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Result row %1: the analyte must be at most %2 characters long.</source>
        <translation>Fila de resultados %1: el analito puede tener como máximo %2 caracteres.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Result row %1: the value must be at most %2 characters long.</source>
        <translation>Fila de resultados %1: el valor puede tener como máximo %2 caracteres.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Result row %1: the unit must be at most %2 characters long.</source>
        <translation>Fila de resultados %1: la unidad puede tener como máximo %2 caracteres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Result row %1: the reference range must be at most %2 characters long.</source>
        <translation>Fila de resultados %1: el intervalo de referencia puede tener como máximo %2 caracteres.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The report no longer exists.</source>
        <translation>El informe ya no existe.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>The protocol has no draft report.</source>
        <translation>El protocolo no tiene ningún informe en borrador.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The protocol has no finalized report yet.</source>
        <translation>El protocolo aún no tiene ningún informe finalizado.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 is finalized; it cannot be changed. Amend it to make a correction.</source>
        <translation>%1 está finalizado; no se puede modificar. Rectifíquelo para hacer una corrección.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is being finalized; it cannot be changed now.</source>
        <translation>%1 se está finalizando; ahora no se puede modificar.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Protocol %1 is submitted: results cannot be entered before the sample is received.</source>
        <translation>El protocolo %1 está remitido: no se pueden introducir resultados antes de recibir la muestra.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protocol %1 is %2; its report cannot be changed.</source>
        <translation>El protocolo %1 está %2; su informe no se puede modificar.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+10"/>
        <source>Another user changed %1 since you opened it. Reload to see their changes.</source>
        <translation>Otro usuario ha modificado %1 desde que usted lo abrió. Vuelva a cargarlo para ver sus cambios.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 is a draft; only a finalized report can be amended.</source>
        <translation>%1 es un borrador; solo se puede rectificar un informe finalizado.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is already superseded by a later revision; amend the latest one.</source>
        <translation>%1 ya ha sido sustituido por una revisión posterior; rectifique la más reciente.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protocol %1 is cancelled; its report cannot be amended.</source>
        <translation>El protocolo %1 está cancelado; su informe no se puede rectificar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Protocol %1 already has a draft report (revision %2); finish it before amending.</source>
        <translation>El protocolo %1 ya tiene un informe en borrador (revisión %2); termínelo antes de rectificar.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Protocol %1 already has a draft report; finish it before amending.</source>
        <translation>El protocolo %1 ya tiene un informe en borrador; termínelo antes de rectificar.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The amended report was not stored.</source>
        <translation>El informe rectificado no se ha guardado.</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+79"/>
        <location line="+106"/>
        <source>%1 is already finalized.</source>
        <translation>%1 ya está finalizado.</translation>
    </message>
    <message>
        <location line="-181"/>
        <source>%1 is already being finalized (job %2).</source>
        <translation>%1 ya se está finalizando (tarea %2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another user changed %1 since you opened it. Reload it before finalizing.</source>
        <translation>Otro usuario ha modificado %1 desde que usted lo abrió. Vuelva a cargarlo antes de finalizar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Protocol %1 is submitted: its report cannot be finalized before the sample is received.</source>
        <translation>El protocolo %1 está remitido: su informe no se puede finalizar antes de recibir la muestra.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+114"/>
        <source>Protocol %1 is %2; its report cannot be finalized.</source>
        <translation>El protocolo %1 está %2; su informe no se puede finalizar.</translation>
    </message>
    <message>
        <location line="-103"/>
        <source>A finalize job is needed to finalize a report.</source>
        <translation>Para finalizar un informe hace falta una tarea de finalización.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>A finalized report needs the name of its signer.</source>
        <translation>Un informe finalizado necesita el nombre de su firmante.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A finalized report needs its PDF; the PDF is empty.</source>
        <translation>Un informe finalizado necesita su PDF; el PDF está vacío.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 is being finalized by job %2, not by job %3.</source>
        <translation>%1 lo está finalizando la tarea %2, no la tarea %3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is not held for finalizing (the finalize step was aborted).</source>
        <translation>%1 no está reservado para finalizar (el paso de finalización se interrumpió).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 changed while it was being finalized.</source>
        <translation>%1 cambió mientras se finalizaba.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The report that %1 amends is already superseded by another revision.</source>
        <translation>El informe que rectifica %1 ya ha sido sustituido por otra revisión.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 is held by finalize job %2, not by job %3.</source>
        <translation>%1 lo tiene reservado la tarea de finalización %2, no la tarea %3.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The report has no stored PDF; only a finalized report has one.</source>
        <translation>El informe no tiene ningún PDF guardado; solo lo tiene un informe finalizado.</translation>
    </message>
</context>
<context>
    <name>ReportResultsModel</name>
    <message>
        <location filename="../models/itemmodels/reportresultsmodel.cpp" line="+144"/>
        <source>Analyte</source>
        <translation>Analito</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reference range</source>
        <translation>Intervalo de referencia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flag</source>
        <translation>Indicador</translation>
    </message>
</context>
<context>
    <name>ReportTasks</name>
    <message>
        <location filename="../tasks/reports/reporttasks.cpp" line="+42"/>
        <source>reading</source>
        <translation>leyendo</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>computing</source>
        <translation>calculando</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The PDF could not be made: no usable font.</source>
        <translation>No se pudo generar el PDF: no hay ninguna fuente utilizable.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is ready</source>
        <translation>%1 está listo</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln row(s), from %1 to %2</source>
        <translation>
            <numerusform>%Ln fila, del %1 al %2</numerusform>
            <numerusform>%Ln filas, del %1 al %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Occupancy report</source>
        <translation>Informe de ocupación</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Maintenance report</source>
        <translation>Informe de mantenimiento</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lab turnaround report</source>
        <translation>Informe de tiempo de respuesta del laboratorio</translation>
    </message>
</context>
<context>
    <name>ReportsTableModel</name>
    <message>
        <location filename="../models/itemmodels/reportstablemodel.cpp" line="+51"/>
        <source>Finalizing</source>
        <translation>Finalizando</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Superseded</source>
        <translation>Sustituido</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revision</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed by</source>
        <translation>Firmado por</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
</context>
<context>
    <name>ReportsUi</name>
    <message>
        <location filename="../ui/reports/reportsui.cpp" line="+31"/>
        <source>&amp;Occupancy…</source>
        <translation>&amp;Ocupación…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Maintenance…</source>
        <translation>&amp;Mantenimiento…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lab &amp;turnaround…</source>
        <translation>&amp;Tiempo de respuesta del laboratorio…</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+29"/>
        <location line="+5"/>
        <location line="+21"/>
        <location line="+13"/>
        <source>Report</source>
        <translation>Informe</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>%1 report queued as job %2; you are told when it is ready.</source>
        <translation>Informe de %1 en cola como trabajo %2; se le avisará cuando esté listo.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Job %1 holds no finished report.</source>
        <translation>El trabajo %1 no contiene ningún informe terminado.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report saved to %1.</source>
        <translation>Informe guardado en %1.</translation>
    </message>
</context>
<context>
    <name>Resident</name>
    <message>
        <location filename="../models/housing/resident.cpp" line="+29"/>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inactive</source>
        <translation>Inactivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Graduated</source>
        <translation>Graduado</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text message</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail and text message</source>
        <translation>Correo electrónico y mensaje de texto</translation>
    </message>
</context>
<context>
    <name>ResidentChoice</name>
    <message>
        <location filename="../ui/allocations/residentchoice.cpp" line="+28"/>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <location filename="../ui/dialogs/residentdialog.cpp" line="+20"/>
        <source>New Resident</source>
        <translation>Nuevo residente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit Resident</source>
        <translation>Editar residente</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>name@example.edu</source>
        <translation>nombre@example.edu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional; +country code, or a number of this region</source>
        <translation>Opcional; +código de país, o un número de esta región</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Student ID:</source>
        <translation>&amp;ID de estudiante:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;First name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Last name:</source>
        <translation>&amp;Apellidos:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone:</source>
        <translation>&amp;Teléfono:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus:</source>
        <translation>E&amp;stado:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Messages by:</source>
        <translation>&amp;Mensajes por:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lan&amp;guage:</source>
        <translation>Idio&amp;ma:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>resident “%1”</source>
        <translation>residente «%1»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This resident was changed by someone else since you opened it.</source>
        <translation>Otra persona ha modificado este residente desde que usted lo abrió.</translation>
    </message>
</context>
<context>
    <name>ResidentImportDialog</name>
    <message>
        <location filename="../ui/import/residentimportdialog.cpp" line="+50"/>
        <source>Student ID</source>
        <translation>ID de estudiante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages by</source>
        <translation>Mensajes por</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Import residents</source>
        <translation>Importar residentes</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading %1…</source>
        <translation>Leyendo %1…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preview of the file</source>
        <translation>Vista previa del archivo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Columns</source>
        <translation>Columnas</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (required):</source>
        <translation>%1 (obligatorio):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it was rejected</source>
        <translation>Motivo del rechazo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Save rejected rows…</source>
        <translation>&amp;Guardar filas rechazadas…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Check</source>
        <translation>&amp;Comprobar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A dry run: what the import would create, update and reject, writing nothing.</source>
        <translation>Una simulación: lo que la importación crearía, actualizaría y rechazaría, sin escribir nada.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import</source>
        <translation>&amp;Importar</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save rejected rows</source>
        <translation>Guardar filas rechazadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>-rejected.csv</source>
        <translation>-rechazadas.csv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Cannot import:</source>
        <translation>No se puede importar:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 — the first rows; map the columns to the fields, check, then import.</source>
        <translation>%1 — las primeras filas; asigne las columnas a los campos, compruebe y después importe.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>(not in the file)</source>
        <translation>(no está en el archivo)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Checking the file…</source>
        <translation>Comprobando el archivo…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Check (nothing written yet): %L1 to create, %L2 to update, %L3 unchanged, %L4 rejected.</source>
        <translation>Comprobación (aún no se ha escrito nada): %L1 por crear, %L2 por actualizar, %L3 sin cambios, %L4 rechazados.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Import queued as job %1; its progress is also in the Jobs panel.</source>
        <translation>Importación en cola como tarea %1; su progreso también aparece en el panel Tareas.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Importing (job %1): %L2 of %L3 rows.</source>
        <translation>Importando (tarea %1): %L2 de %L3 filas.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the import was cancelled; the rows before stay imported.</source>
        <translation>la importación se ha cancelado; las filas anteriores siguen importadas.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Imported: %L1 created, %L2 updated, %L3 unchanged, %L4 rejected.</source>
        <translation>Importado: %L1 creados, %L2 actualizados, %L3 sin cambios, %L4 rechazados.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The first %L1 rejected rows are listed.</source>
        <translation>Se muestran las primeras %L1 filas rechazadas.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>the rejected rows were not saved to %1: %2</source>
        <translation>las filas rechazadas no se guardaron en %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected rows saved to %1.</source>
        <translation>Filas rechazadas guardadas en %1.</translation>
    </message>
</context>
<context>
    <name>ResidentImporter</name>
    <message>
        <location filename="../models/io/residentimporter.cpp" line="+274"/>
        <source>no such file</source>
        <translation>el archivo no existe</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>this is a folder, not a file</source>
        <translation>es una carpeta, no un archivo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot open the file: %1</source>
        <translation>no se puede abrir el archivo: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the file is empty; it needs a header line with the columns %1</source>
        <translation>el archivo está vacío; necesita una línea de cabecera con las columnas %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the header cannot be read: %1</source>
        <translation>no se puede leer la cabecera: %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the column mapping names a column &quot;%1&quot; that the file does not have (its columns: %2)</source>
        <translation>la asignación de columnas nombra una columna «%1» que el archivo no tiene (sus columnas: %2)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the column mapping names an unknown field &quot;%1&quot; (fields: %2)</source>
        <translation>la asignación de columnas nombra un campo desconocido «%1» (campos: %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the columns &quot;%1&quot; and &quot;%2&quot; are both mapped to %3; map only one</source>
        <translation>las columnas «%1» y «%2» están asignadas ambas a %3; asigne solo una</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the column &quot;%1&quot; appears twice (columns %2 and %3)</source>
        <translation>la columna «%1» aparece dos veces (columnas %2 y %3)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>the file has no column %1 (its header is: %2); rename the column or map it in the import dialog</source>
        <translation>el archivo no tiene la columna %1 (su cabecera es: %2); cambie el nombre de la columna o asígnela en el diálogo de importación</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>line %1: the file changed while it was read</source>
        <translation>línea %1: el archivo cambió mientras se leía</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>cannot go back to byte %1 of the file</source>
        <translation>no se puede volver al byte %1 del archivo</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>line %1: %2 fields, but the header has %3 columns</source>
        <translation>línea %1: %2 campos, pero la cabecera tiene %3 columnas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>line %1: %2 fields, but the header has %3 columns (a value with a &quot;%4&quot; in it must be quoted)</source>
        <translation>línea %1: %2 campos, pero la cabecera tiene %3 columnas (un valor que contiene «%4» debe ir entre comillas)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>line %1: the student ID &quot;%2&quot; already appears on line %3</source>
        <translation>línea %1: el ID de estudiante «%2» ya aparece en la línea %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The status &quot;%1&quot; is not one of active, inactive, graduated.</source>
        <translation>El estado «%1» no es ninguno de estos: active, inactive, graduated.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The column &quot;%1&quot; has &quot;%2&quot;, which is not one of email, sms, both.</source>
        <translation>La columna «%1» tiene «%2», que no es uno de email, sms, both.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The column &quot;%1&quot; has &quot;%2&quot;, which is not one of %3; leave it empty for the office&apos;s default.</source>
        <translation>La columna «%1» tiene «%2», que no es uno de %3; déjelo vacío para el predeterminado de la oficina.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+110"/>
        <source>line %1: %2</source>
        <translation>línea %1: %2</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>the file is not open</source>
        <translation>el archivo no está abierto</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (the file changed after the import started?)</source>
        <translation>%1 (¿cambió el archivo después de empezar la importación?)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>lines %1 to %2 were not imported (rolled back): %3</source>
        <translation>las líneas %1 a %2 no se importaron (se deshicieron): %3</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>another user added one of these residents while the import ran</source>
        <translation>otro usuario añadió uno de estos residentes durante la importación</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>another user changed one of these residents while the import ran</source>
        <translation>otro usuario modificó uno de estos residentes durante la importación</translation>
    </message>
</context>
<context>
    <name>ResidentMailing</name>
    <message>
        <location filename="../tasks/mail/residentmailing.cpp" line="+50"/>
        <source>The mailing needs a subject.</source>
        <translation>El envío necesita un asunto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The subject must be one line.</source>
        <translation>El asunto debe ocupar una sola línea.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The mailing needs a text.</source>
        <translation>El envío necesita un texto.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Unknown placeholder(s) in the %1: %2. Known placeholders: %3.</source>
        <translation>
            <numerusform>Marcador desconocido en el %1: %2. Marcadores conocidos: %3.</numerusform>
            <numerusform>Marcadores desconocidos en el %1: %2. Marcadores conocidos: %3.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>subject</source>
        <translation>asunto</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown resident status &quot;%1&quot;; use active, inactive or graduated.</source>
        <translation>Estado de residente desconocido «%1»; use active, inactive o graduated.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A building code has at most %1 characters, not &quot;%2&quot;.</source>
        <translation>Un código de edificio tiene como máximo %1 caracteres, no «%2».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The mailing name must be at most %1 characters long.</source>
        <translation>El nombre del envío puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>There is no building with the code &quot;%1&quot;.</source>
        <translation>No hay ningún edificio con el código «%1».</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>The e-mail to %1 %2 (%3) could not be queued: %4</source>
        <translation>No se pudo poner en cola el correo para %1 %2 (%3): %4</translation>
    </message>
</context>
<context>
    <name>ResidentMailingDialog</name>
    <message>
        <location filename="../ui/mail/residentmailingdialog.cpp" line="+47"/>
        <source>Every building</source>
        <translation>Todos los edificios</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Preview</source>
        <translation>&amp;Vista previa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Queue e-mails</source>
        <translation>Poner correos en &amp;cola</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E-mail residents</source>
        <translation>Enviar correo a residentes</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Every resident</source>
        <translation>Todos los residentes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only residents holding a bed in this building today</source>
        <translation>Solo los residentes que hoy ocupan una plaza en este edificio</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Placeholders: %1</source>
        <translation>Marcadores: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Residents:</source>
        <translation>&amp;Residentes:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Building:</source>
        <translation>&amp;Edificio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Subject:</source>
        <translation>&amp;Asunto:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Text:</source>
        <translation>&amp;Texto:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Preview:</source>
        <translation>Vista previa:</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>The preview failed: %1</source>
        <translation>La vista previa ha fallado: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n resident(s) will get this e-mail.</source>
        <translation>
            <numerusform>%n residente recibirá este correo.</numerusform>
            <numerusform>%n residentes recibirán este correo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>&amp;Queue %n e-mail(s)</source>
        <translation>
            <numerusform>Poner en &amp;cola %n correo</numerusform>
            <numerusform>Poner en &amp;cola %n correos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The e-mails could not be queued: %1</source>
        <translation>No se pudieron poner los correos en cola: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n e-mail(s) queued; %1 The Outbox shows each one&apos;s state.</source>
        <translation>
            <numerusform>%n correo en cola; %1 La bandeja de salida muestra el estado de cada uno.</numerusform>
            <numerusform>%n correos en cola; %1 La bandeja de salida muestra el estado de cada uno.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n were already queued by an earlier run of this mailing.</source>
        <translation>
            <numerusform>%n ya estaba en cola por una ejecución anterior de este envío.</numerusform>
            <numerusform>%n ya estaban en cola por una ejecución anterior de este envío.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResidentRepository</name>
    <message>
        <location filename="../models/housing/residentrepository.cpp" line="+149"/>
        <source>The student ID is required.</source>
        <translation>El ID de estudiante es obligatorio.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The student ID must be at most %1 characters long.</source>
        <translation>El ID de estudiante puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The first name is required.</source>
        <translation>El nombre es obligatorio.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first name must be at most %1 characters long.</source>
        <translation>El nombre puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last name is required.</source>
        <translation>Los apellidos son obligatorios.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last name must be at most %1 characters long.</source>
        <translation>Los apellidos pueden tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The e-mail address is required.</source>
        <translation>La dirección de correo electrónico es obligatoria.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The e-mail address &quot;%1&quot; is not valid.</source>
        <translation>La dirección de correo electrónico «%1» no es válida.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../models/io/residentimporter.cpp" line="-92"/>
        <source>Text messages need a phone number: add one, or choose e-mail.</source>
        <translation>Los mensajes de texto necesitan un número de teléfono: añada uno o elija correo electrónico.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+103"/>
        <location line="+28"/>
        <source>The resident no longer exists; another user may have deleted it.</source>
        <translation>El residente ya no existe; puede que otro usuario lo haya eliminado.</translation>
    </message>
    <message>
        <location line="-120"/>
        <source>There is no resident with the student ID &quot;%1&quot;.</source>
        <translation>No hay ningún residente con el ID de estudiante «%1».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A resident with the student ID &quot;%1&quot; already exists.</source>
        <translation>Ya existe un residente con el ID de estudiante «%1».</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The new resident was not stored.</source>
        <translation>El nuevo residente no se ha guardado.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Another user changed this resident since you opened it. Reload to see their changes, or overwrite them with yours.</source>
        <translation>Otro usuario ha modificado este residente desde que usted lo abrió. Vuelva a cargarlo para ver sus cambios o sobrescríbalos con los suyos.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The resident has room allocations and cannot be deleted; mark them inactive or graduated instead.</source>
        <translation>El residente tiene asignaciones de habitación y no se puede eliminar; márquelo como inactivo o graduado en su lugar.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Another user changed this resident since you opened it; it was not deleted.</source>
        <translation>Otro usuario ha modificado este residente desde que usted lo abrió; no se ha eliminado.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The resident is already present; there is nothing to restore.</source>
        <translation>El residente ya existe; no hay nada que restaurar.</translation>
    </message>
</context>
<context>
    <name>ResidentTexting</name>
    <message>
        <location filename="../tasks/sms/residenttexting.cpp" line="+23"/>
        <source>The text message needs a text.</source>
        <translation>El mensaje de texto necesita un texto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text message must be at most %1 characters long, not %2.</source>
        <translation>El mensaje de texto debe tener como máximo %1 caracteres, no %2.</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Unknown placeholder(s) in the text message: %1. Known placeholders: %2.</source>
        <translation>
            <numerusform>Marcador desconocido en el mensaje de texto: %1. Marcadores conocidos: %2.</numerusform>
            <numerusform>Marcadores desconocidos en el mensaje de texto: %1. Marcadores conocidos: %2.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unknown resident status &quot;%1&quot;; use active, inactive or graduated.</source>
        <translation>Estado de residente desconocido «%1»; use active, inactive o graduated.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The mailing name must be at most %1 characters long.</source>
        <translation>El nombre del envío debe tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>There is no building with the code &quot;%1&quot;.</source>
        <translation>No hay ningún edificio con el código «%1».</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>The text message to %1 %2 (%3) could not be queued: %4</source>
        <translation>No se pudo poner en cola el mensaje de texto para %1 %2 (%3): %4</translation>
    </message>
</context>
<context>
    <name>ResidentsPage</name>
    <message>
        <location filename="../ui/pages/residentspage.cpp" line="+16"/>
        <source>All buildings</source>
        <translation>Todos los edificios</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not in registrar export…</source>
        <translation>No figuran en la exportación del registro…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a resident</source>
        <translation>Añadir un residente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected resident</source>
        <translation>Editar el residente seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected resident</source>
        <translation>Eliminar el residente seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search by name, student ID or e-mail…</source>
        <translation>Buscar por nombre, ID de estudiante o correo electrónico…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No residents yet.

Add one with New (Ctrl+N), or import a list with File ▸ Import residents….</source>
        <translation>Aún no hay residentes.

Añada uno con Nuevo (Ctrl+N), o importe una lista con Archivo ▸ Importar residentes….</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Status:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Residents holding a bed in this building today</source>
        <translation>Residentes que hoy ocupan una plaza en este edificio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In &amp;building:</source>
        <translation>En el edi&amp;ficio:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Residents the registrar&apos;s last export did not list, for review</source>
        <translation>Residentes que la última exportación del registro no incluía, para revisarlos</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>resident “%1” (%2)</source>
        <translation>residente «%1» (%2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 resident</source>
        <translation>1 residente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%L1 residents</source>
        <translation>%L1 residentes</translation>
    </message>
</context>
<context>
    <name>ResidentsTableModel</name>
    <message>
        <location filename="../models/itemmodels/residentstablemodel.cpp" line="+65"/>
        <source>Student ID</source>
        <translation>ID de estudiante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room today</source>
        <translation>Habitación hoy</translation>
    </message>
</context>
<context>
    <name>ResultEditCommand</name>
    <message>
        <location filename="../ui/lab/resulteditcommand.cpp" line="+23"/>
        <source>Edit result row %1</source>
        <translation>Editar la fila de resultados %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add result row %1</source>
        <translation>Añadir la fila de resultados %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remove result row %1</source>
        <translation>Quitar la fila de resultados %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Move result row %1</source>
        <translation>Mover la fila de resultados %1</translation>
    </message>
</context>
<context>
    <name>Room</name>
    <message>
        <location filename="../models/housing/room.cpp" line="+27"/>
        <source>Single</source>
        <translation>Individual</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double</source>
        <translation>Doble</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Triple</source>
        <translation>Triple</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Suite</source>
        <translation>Suite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Studio</source>
        <translation>Estudio</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Available</source>
        <translation>Disponible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Under maintenance</source>
        <translation>En mantenimiento</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of service</source>
        <translation>Fuera de servicio</translation>
    </message>
</context>
<context>
    <name>RoomDialog</name>
    <message>
        <location filename="../ui/dialogs/roomdialog.cpp" line="+19"/>
        <source>New Room</source>
        <translation>Nueva habitación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit Room</source>
        <translation>Editar habitación</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0 is the ground floor</source>
        <translation>0 es la planta baja</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Building:</source>
        <translation>&amp;Edificio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Number:</source>
        <translation>&amp;Número:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Floor:</source>
        <translation>&amp;Planta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type:</source>
        <translation>&amp;Tipo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Capacity:</source>
        <translation>&amp;Capacidad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus:</source>
        <translation>E&amp;stado:</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The list of buildings could not be loaded: %1</source>
        <translation>No se pudo cargar la lista de edificios: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>room “%1”</source>
        <translation>habitación «%1»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This room was changed by someone else since you opened it.</source>
        <translation>Otra persona ha modificado esta habitación desde que usted la abrió.</translation>
    </message>
</context>
<context>
    <name>RoomRepository</name>
    <message>
        <location filename="../models/housing/roomrepository.cpp" line="+75"/>
        <source>The room no longer exists; another user may have deleted it.</source>
        <translation>La habitación ya no existe; puede que otro usuario la haya eliminado.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Choose the building the room is in.</source>
        <translation>Elija el edificio en el que está la habitación.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The room number is required.</source>
        <translation>El número de habitación es obligatorio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The room number must be at most %1 characters long.</source>
        <translation>El número de habitación puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The floor cannot be negative (it is %1).</source>
        <translation>La planta no puede ser negativa (es %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The capacity must be at least 1 (it is %1).</source>
        <translation>La capacidad debe ser al menos 1 (es %1).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The building no longer exists; choose another one.</source>
        <translation>El edificio ya no existe; elija otro.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Floor %1 is not in building %2, whose floors are 0 to %3.</source>
        <translation>La planta %1 no existe en el edificio %2, cuyas plantas van de la 0 a la %3.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Room %1 already exists in building %2.</source>
        <translation>La habitación %1 ya existe en el edificio %2.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Room %1 already exists in this building.</source>
        <translation>La habitación %1 ya existe en este edificio.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>There is no room &quot;%1&quot; in building &quot;%2&quot;.</source>
        <translation>No hay ninguna habitación «%1» en el edificio «%2».</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The new room was not stored.</source>
        <translation>La nueva habitación no se ha guardado.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Another user changed this room since you opened it. Reload to see their changes, or overwrite them with yours.</source>
        <translation>Otro usuario ha modificado esta habitación desde que usted la abrió. Vuelva a cargarla para ver sus cambios o sobrescríbalos con los suyos.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 beds of this room are taken on %2; its capacity cannot be less than %1.</source>
        <translation>El %2 hay %1 plazas ocupadas en esta habitación; su capacidad no puede ser inferior a %1.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The room has room allocations and cannot be deleted; set its status to out of service instead.</source>
        <translation>La habitación tiene asignaciones y no se puede eliminar; cambie su estado a fuera de servicio en su lugar.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Another user changed this room since you opened it; it was not deleted.</source>
        <translation>Otro usuario ha modificado esta habitación desde que usted la abrió; no se ha eliminado.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The room is already present; there is nothing to restore.</source>
        <translation>La habitación ya existe; no hay nada que restaurar.</translation>
    </message>
</context>
<context>
    <name>RoomsPage</name>
    <message>
        <location filename="../ui/pages/roomspage.cpp" line="+17"/>
        <source>Add a room</source>
        <translation>Añadir una habitación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the selected room</source>
        <translation>Editar la habitación seleccionada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the selected room</source>
        <translation>Eliminar la habitación seleccionada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search by room number…</source>
        <translation>Buscar por número de habitación…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No rooms yet.

Add a building first (Buildings), then its rooms here with New (Ctrl+N).</source>
        <translation>Aún no hay habitaciones.

Añada primero un edificio (Edificios) y después aquí sus habitaciones con Nuevo (Ctrl+N).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All buildings</source>
        <translation>Todos los edificios</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Building:</source>
        <translation>Edi&amp;ficio:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Status:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>room “%1”</source>
        <translation>habitación «%1»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 room</source>
        <translation>1 habitación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%L1 rooms</source>
        <translation>%L1 habitaciones</translation>
    </message>
</context>
<context>
    <name>RoomsTableModel</name>
    <message>
        <location filename="../models/itemmodels/roomstablemodel.cpp" line="+45"/>
        <source>Building</source>
        <translation>Edificio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floor</source>
        <translation>Planta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capacity</source>
        <translation>Capacidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../ui/widgets/shortcutsdialog.cpp" line="+50"/>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Command</source>
        <translation>Orden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../ui/signin/signindialog.cpp" line="+24"/>
        <source>Sign in to Residesk</source>
        <translation>Iniciar sesión en Residesk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sign in to the database %1 on %2.</source>
        <translation>Inicie sesión en la base de datos %1 de %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>empty: the server may not need one</source>
        <translation>vacía: puede que el servidor no la necesite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remember password (in the system keychain)</source>
        <translation>&amp;Recordar la contraseña (en el llavero del sistema)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;User name:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Enter a user name.</source>
        <translation>Escriba un nombre de usuario.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Signing in as %1…</source>
        <translation>Iniciando sesión como %1…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Storing the password in the system keychain…</source>
        <translation>Guardando la contraseña en el llavero del sistema…</translation>
    </message>
</context>
<context>
    <name>SmsCommands</name>
    <message>
        <location filename="../app/cli/smscommands.cpp" line="+48"/>
        <source>no text message with id %1 in the outbox</source>
        <translation>no hay ningún mensaje de texto con id %1 en la bandeja de salida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot %1 text message %2: %3</source>
        <translation>no se puede aplicar %1 al mensaje de texto %2: %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Text message %1 to %2 is %3.</source>
        <translation>El mensaje de texto %1 para %2 está %3.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>List the text message outbox, newest first.</source>
        <translation>Lista la bandeja de salida de mensajes de texto, los más recientes primero.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every text message Residesk sends passes through the outbox. States: %1. An uncertain message may or may not have been delivered (its sender stopped after the request went out): it is never sent again by itself; decide with &quot;residesk sms resolve ID --sent|--resend&quot;. With --json: a JSON array of objects with the keys id, to (E.164), to_name, text, state, attempts, max_attempts, error, reply (the gateway&apos;s acceptance), dedupe_key, related_entity, related_id, resolution, resolved_by, resolved_at, created_by, created_at, sent_at, next_attempt_at (times ISO 8601 UTC or null), version.</source>
        <translation>Todo mensaje de texto que envía Residesk pasa por la bandeja de salida. Estados: %1. Un mensaje incierto puede haberse entregado o no (quien lo enviaba se detuvo después de salir la petición): nunca se vuelve a enviar solo; decida con &quot;residesk sms resolve ID --sent|--resend&quot;. Con --json: una matriz JSON de objetos con las claves id, to (E.164), to_name, text, state, attempts, max_attempts, error, reply (la aceptación de la pasarela), dedupe_key, related_entity, related_id, resolution, resolved_by, resolved_at, created_by, created_at, sent_at, next_attempt_at (horas en ISO 8601 UTC o null), version.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only messages in this state (%1).</source>
        <translation>Solo los mensajes en este estado (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>state</source>
        <translation>estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only messages whose number, name or text contains this text.</source>
        <translation>Solo los mensajes cuyo número, nombre o texto contienen este texto.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+60"/>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>At most this many messages (default 100, at most %1).</source>
        <translation>Como máximo esta cantidad de mensajes (100 por omisión, como máximo %1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+62"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="-57"/>
        <source>Send the queued text messages now (queues an sms.send job).</source>
        <translation>Envía ahora los mensajes de texto en cola (pone en cola un trabajo sms.send).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Makes every queued message due now, queues a drain of the outbox and prints its job id (with --json: {&quot;job_id&quot;: n}). With --wait it runs the job here and reports it like &quot;jobs wait&quot;. The gateway comes from RESIDESK_SMS_URL and RESIDESK_SMS_TOKEN, else from &quot;residesk sms settings&quot;.</source>
        <translation>Hace que todo mensaje en cola venza ahora, pone en cola un vaciado de la bandeja de salida y muestra el id del trabajo (con --json: {&quot;job_id&quot;: n}). Con --wait ejecuta aquí el trabajo e informa como &quot;jobs wait&quot;. La pasarela viene de RESIDESK_SMS_URL y RESIDESK_SMS_TOKEN, o si no de &quot;residesk sms settings&quot;.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Decide on an uncertain text message: residesk sms resolve ID --sent|--resend.</source>
        <translation>Decide sobre un mensaje de texto incierto: residesk sms resolve ID --sent|--resend.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--sent records that it was delivered; --resend queues it once more. Both are recorded with who and when. Only uncertain messages take a decision (exit code 1 otherwise).</source>
        <translation>--sent registra que se entregó; --resend lo pone en cola una vez más. Ambos se registran con quién y cuándo. Solo los mensajes inciertos admiten una decisión (si no, código de salida 1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It was delivered: mark it as sent.</source>
        <translation>Se entregó: márquelo como enviado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send it again.</source>
        <translation>Envíelo de nuevo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Queue a failed text message again: residesk sms retry ID.</source>
        <translation>Vuelve a poner en cola un mensaje de texto fallido: residesk sms retry ID.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message is queued again with fresh attempts. Other states are refused (exit code 1).</source>
        <translation>El mensaje vuelve a la cola con intentos nuevos. Los demás estados se rechazan (código de salida 1).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Queue a test text message: residesk sms test --to NUMBER [--wait].</source>
        <translation>Pone en cola un mensaje de texto de prueba: residesk sms test --to NÚMERO [--wait].</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Puts a short test message into the outbox and queues a drain; with --wait the drain runs here. The number is read by libphonenumber in the default region. With --json: {&quot;id&quot;: message id, &quot;job_id&quot;: drain job id} (or the job with --wait).</source>
        <translation>Pone un breve mensaje de prueba en la bandeja de salida y pone en cola un vaciado; con --wait el vaciado se ejecuta aquí. libphonenumber lee el número en la región por omisión. Con --json: {&quot;id&quot;: id del mensaje, &quot;job_id&quot;: id del trabajo de vaciado} (o el trabajo con --wait).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The phone number.</source>
        <translation>El número de teléfono.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>number</source>
        <translation>número</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show or change this machine&apos;s SMS gateway settings.</source>
        <translation>Muestra o cambia la configuración de la pasarela SMS de este equipo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Without options, prints the settings (with --json: {url, auth, user, content_type, template, sender, region, timeout, rate, secret: whether one is stored}). The options change them in the application&apos;s settings; --secret-stdin reads the bearer token or basic password from the first line of standard input into the system keychain (never a file). The body template has the placeholders {to}, {text}, {name} and {from} (--sender), JSON-escaped for --content-type json and form-encoded for form. RESIDESK_SMS_URL and the other RESIDESK_SMS_* variables, when set, win over these settings.</source>
        <translation>Sin opciones, imprime la configuración (con --json: {url, auth, user, content_type, template, sender, region, timeout, rate, secret: si hay uno guardado}). Las opciones la cambian en la configuración de la aplicación; --secret-stdin lee el token bearer o la contraseña básica de la primera línea de la entrada estándar y la guarda en el llavero del sistema (nunca en un archivo). La plantilla del cuerpo tiene los marcadores {to}, {text}, {name} y {from} (--sender), escapados como JSON con --content-type json y codificados como formulario con form. RESIDESK_SMS_URL y las demás variables RESIDESK_SMS_*, cuando están definidas, prevalecen sobre esta configuración.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The gateway URL (http:// or https://).</source>
        <translation>La URL de la pasarela (http:// o https://).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none, bearer or basic.</source>
        <translation>none, bearer o basic.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The user for basic authentication.</source>
        <translation>El usuario para la autenticación básica.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>user</source>
        <translation>usuario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read the token or password from standard input.</source>
        <translation>Lee el token o la contraseña de la entrada estándar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>json or form.</source>
        <translation>json o form.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>type</source>
        <translation>tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The request body template.</source>
        <translation>La plantilla del cuerpo de la petición.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sender number or name, for {from} in the template.</source>
        <translation>El número o nombre del remitente, para {from} en la plantilla.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sender</source>
        <translation>remitente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The default region of phone numbers (US, ES, …).</source>
        <translation>La región por omisión de los números de teléfono (US, ES, …).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds to wait for the gateway (default 30).</source>
        <translation>Segundos de espera a la pasarela (30 por omisión).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages per minute (0: unlimited).</source>
        <translation>Mensajes por minuto (0: sin límite).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>unknown text message state &quot;%1&quot;; valid states: %2</source>
        <translation>estado de mensaje de texto desconocido «%1»; estados válidos: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--limit must be a whole number from 1 to %1, not &quot;%2&quot;</source>
        <translation>--limit debe ser un número entero de 1 a %1, no «%2»</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>cannot list the text message outbox: %1</source>
        <translation>no se puede listar la bandeja de salida de mensajes de texto: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TO</source>
        <translation>PARA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TEXT</source>
        <translation>TEXTO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STATE</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ATTEMPTS</source>
        <translation>INTENTOS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CREATED</source>
        <translation>CREADO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SENT</source>
        <translation>ENVIADO</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ERROR</source>
        <translation>ERROR</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+13"/>
        <source>cannot queue the text message drain: %1</source>
        <translation>no se puede poner en cola el vaciado de los mensajes de texto: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Text message drain queued: job %1.</source>
        <translation>Vaciado de mensajes de texto en cola: trabajo %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+21"/>
        <source>a text message id</source>
        <translation>un id de mensaje de texto</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>say either --sent (it was delivered) or --resend (send it again)</source>
        <translation>indique --sent (se entregó) o --resend (enviarlo de nuevo)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>resolve</source>
        <translation>resolver</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>retry</source>
        <translation>reintentar</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;sms test&quot; needs --to NUMBER</source>
        <translation>&quot;sms test&quot; necesita --to NÚMERO</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This is a test text message from Residesk, sent by %1.</source>
        <translation>Este es un mensaje de texto de prueba de Residesk, enviado por %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot queue the test text message: %1</source>
        <translation>no se puede poner en cola el mensaje de texto de prueba: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Test text message %1 queued (job %2).</source>
        <translation>Mensaje de texto de prueba %1 en cola (trabajo %2).</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--auth must be none, bearer or basic, not &quot;%1&quot;</source>
        <translation>--auth debe ser none, bearer o basic, no «%1»</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--content-type must be json or form, not &quot;%1&quot;</source>
        <translation>--content-type debe ser json o form, no «%1»</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>--timeout must be a number of seconds from 0 to 600, not &quot;%1&quot;</source>
        <translation>--timeout debe ser un número de segundos de 0 a 600, no «%1»</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--rate must be a whole number of messages per minute, not &quot;%1&quot;</source>
        <translation>--rate debe ser un número entero de mensajes por minuto, no «%1»</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>the SMS settings would lack %1</source>
        <translation>a la configuración SMS le faltaría %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot write the settings file %1</source>
        <translation>no se puede escribir el archivo de configuración %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>no secret on standard input</source>
        <translation>no hay ningún secreto en la entrada estándar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot store the secret in the system keychain: %1</source>
        <translation>no se puede guardar el secreto en el llavero del sistema: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Gateway: %1 (%2 authentication%3), %4 body: %5; default region %6; timeout %7 s.</source>
        <translation>Pasarela: %1 (autenticación %2%3), cuerpo %4: %5; región por omisión %6; tiempo de espera %7 s.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>from the system</source>
        <translation>del sistema</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sender: %1.</source>
        <translation>Remitente: %1.</translation>
    </message>
</context>
<context>
    <name>SmsGateway</name>
    <message>
        <location filename="../tasks/sms/smsgateway.cpp" line="+69"/>
        <source>the gateway refused the credentials (%1)</source>
        <translation>la pasarela rechazó las credenciales (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the gateway asked to try again later (%1)</source>
        <translation>la pasarela pidió reintentar más tarde (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the gateway refused the message (%1)</source>
        <translation>la pasarela rechazó el mensaje (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the gateway failed (%1)</source>
        <translation>la pasarela falló (%1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the gateway answered %1, which does not say whether it took the message</source>
        <translation>la pasarela respondió %1, que no dice si aceptó el mensaje</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TLS error: %1</source>
        <translation>error de TLS: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>the gateway cannot be reached: no connection within %n second(s)</source>
        <translation>
            <numerusform>no se puede contactar con la pasarela: sin conexión en %n segundo</numerusform>
            <numerusform>no se puede contactar con la pasarela: sin conexión en %n segundos</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the gateway cannot be reached: %1</source>
        <translation>no se puede contactar con la pasarela: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>the message was sent but the gateway did not answer within %n second(s); it may or may not have been taken</source>
        <translation>
            <numerusform>el mensaje se envió pero la pasarela no respondió en %n segundo; puede que lo haya aceptado o no</numerusform>
            <numerusform>el mensaje se envió pero la pasarela no respondió en %n segundos; puede que lo haya aceptado o no</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the message was sent but the connection broke before the gateway answered (%1); it may or may not have been taken</source>
        <translation>el mensaje se envió pero la conexión se cortó antes de que la pasarela respondiera (%1); puede que lo haya aceptado o no</translation>
    </message>
</context>
<context>
    <name>SmsOutbox</name>
    <message>
        <location filename="../tasks/sms/smsoutbox.cpp" line="+166"/>
        <source>A text message needs a phone number to go to.</source>
        <translation>Un mensaje de texto necesita un número de teléfono de destino.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A text message needs a text.</source>
        <translation>Un mensaje de texto necesita un texto.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A text message must be at most %1 characters long, not %2.</source>
        <translation>Un mensaje de texto debe tener como máximo %1 caracteres, no %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The recipient&apos;s name must be one line of at most %1 characters.</source>
        <translation>El nombre del destinatario debe ser una línea de como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The deduplication key must be at most %1 characters long.</source>
        <translation>La clave de deduplicación debe tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number of attempts cannot be negative.</source>
        <translation>El número de intentos no puede ser negativo.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>The text message was not stored.</source>
        <translation>El mensaje de texto no se guardó.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The text message with the key &quot;%1&quot; could not be queued; try again.</source>
        <translation>No se pudo poner en cola el mensaje de texto con la clave «%1»; inténtelo de nuevo.</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>There is no text message %1 in the outbox.</source>
        <translation>No hay ningún mensaje de texto %1 en la bandeja de salida.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only an uncertain text message can be marked as sent or sent again; message %1 is %2.</source>
        <translation>Solo un mensaje de texto incierto se puede marcar como enviado o enviar de nuevo; el mensaje %1 está %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text message %1 was changed by someone else meanwhile; reload it and decide again.</source>
        <translation>Otra persona cambió el mensaje de texto %1 mientras tanto; vuelva a cargarlo y decida de nuevo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Text message %1 changed meanwhile; reload it and decide again.</source>
        <translation>El mensaje de texto %1 cambió mientras tanto; vuelva a cargarlo y decida de nuevo.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only a failed text message can be retried; message %1 is %2.</source>
        <translation>Solo se puede reintentar un mensaje de texto fallido; el mensaje %1 está %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text message %1 was changed by someone else meanwhile; reload it and try again.</source>
        <translation>Otra persona cambió el mensaje de texto %1 mientras tanto; vuelva a cargarlo e inténtelo de nuevo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text message %1 changed meanwhile; reload it and try again.</source>
        <translation>El mensaje de texto %1 cambió mientras tanto; vuelva a cargarlo e inténtelo de nuevo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The worker sending this text message stopped before the gateway&apos;s answer was recorded: it may or may not have been delivered. Check with the recipient, then mark it as sent or send it again.</source>
        <translation>El proceso que enviaba este mensaje de texto se detuvo antes de registrar la respuesta de la pasarela: puede que se haya entregado o no. Compruébelo con el destinatario y después márquelo como enviado o envíelo de nuevo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A sender needs a name of 1 to %1 characters.</source>
        <translation>Un remitente necesita un nombre de 1 a %1 caracteres.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text message %1 is no longer being sent by this worker; its outcome was not recorded.</source>
        <translation>Este proceso ya no está enviando el mensaje de texto %1; su resultado no se registró.</translation>
    </message>
</context>
<context>
    <name>SmsOutboxDock</name>
    <message>
        <location filename="../ui/sms/smsoutboxchannel.cpp" line="+44"/>
        <source>Text messages</source>
        <translation>Mensajes de texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show text messages in state</source>
        <translation>Mostrar los mensajes de texto en el estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search the text messages</source>
        <translation>Buscar en los mensajes de texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search number, name or text</source>
        <translation>Buscar número, nombre o texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the queued text messages now instead of at the next scheduled run</source>
        <translation>Enviar ahora los mensajes de texto en cola en lugar de en la próxima ejecución programada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Queue the selected failed text message again</source>
        <translation>Poner de nuevo en cola el mensaje de texto fallido seleccionado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected uncertain text message did arrive: record it as sent</source>
        <translation>El mensaje de texto incierto seleccionado sí llegó: registrarlo como enviado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The selected uncertain text message did not arrive: send it once more</source>
        <translation>El mensaje de texto incierto seleccionado no llegó: enviarlo una vez más</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>All text messages</source>
        <translation>Todos los mensajes de texto</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No text messages</source>
        <translation>No hay mensajes de texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record text message %1 as delivered? Do this only after the recipient confirmed that it arrived.</source>
        <translation>¿Registrar el mensaje de texto %1 como entregado? Hágalo solo después de que el destinatario haya confirmado que llegó.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send text message %1 once more? Its earlier attempt may have been delivered; if it was, the recipient gets it twice.</source>
        <translation>¿Enviar el mensaje de texto %1 una vez más? Su intento anterior pudo haberse entregado; si fue así, el destinatario lo recibirá dos veces.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text message %1 could not be changed.</source>
        <translation>No se pudo cambiar el mensaje de texto %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text message %1 could not be queued again.</source>
        <translation>No se pudo volver a poner en cola el mensaje de texto %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The text messages could not be sent now.</source>
        <translation>No se pudieron enviar ahora los mensajes de texto.</translation>
    </message>
</context>
<context>
    <name>SmsOutboxTableModel</name>
    <message>
        <location line="-49"/>
        <source>Resident %1</source>
        <translation>Residente %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resident</source>
        <translation>Residente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Texto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
</context>
<context>
    <name>SmsSettings</name>
    <message>
        <location filename="../tasks/sms/smssettings.cpp" line="+122"/>
        <source>the gateway URL</source>
        <translation>la URL de la pasarela</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a gateway URL that starts with http:// or https:// (&quot;%1&quot; does not)</source>
        <translation>una URL de pasarela que empiece por http:// o https:// («%1» no lo hace)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the gateway user (basic authentication)</source>
        <translation>el usuario de la pasarela (autenticación básica)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the gateway token</source>
        <translation>el token de la pasarela</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the gateway password</source>
        <translation>la contraseña de la pasarela</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>a body template with known placeholders only ({to}, {text}, {name}, {from}; not %1)</source>
        <translation>una plantilla del cuerpo solo con marcadores conocidos ({to}, {text}, {name}, {from}; no %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a body template with the placeholders {to} and {text}</source>
        <translation>una plantilla de cuerpo con los marcadores {to} y {text}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the sender (the body template uses {from})</source>
        <translation>el remitente (la plantilla del cuerpo usa {from})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a body template that is JSON (%1 at character %2)</source>
        <translation>una plantilla de cuerpo que sea JSON (%1 en el carácter %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>a known default region such as US or ES (not &quot;%1&quot;)</source>
        <translation>una región por omisión conocida como US o ES (no «%1»)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>RESIDESK_SMS_AUTH must be none, bearer or basic, not &quot;%1&quot;.</source>
        <translation>RESIDESK_SMS_AUTH debe ser none, bearer o basic, no «%1».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>RESIDESK_SMS_CONTENT_TYPE must be json or form, not &quot;%1&quot;.</source>
        <translation>RESIDESK_SMS_CONTENT_TYPE debe ser json o form, no «%1».</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>RESIDESK_SMS_TIMEOUT must be a number of seconds from 0 to 600, not &quot;%1&quot;.</source>
        <translation>RESIDESK_SMS_TIMEOUT debe ser un número de segundos de 0 a 600, no «%1».</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>RESIDESK_SMS_RATE must be a whole number of messages per minute, not &quot;%1&quot;.</source>
        <translation>RESIDESK_SMS_RATE debe ser un número entero de mensajes por minuto, no «%1».</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>The gateway&apos;s secret could not be read from the system keychain: %1</source>
        <translation>No se pudo leer el secreto de la pasarela del llavero del sistema: %1</translation>
    </message>
</context>
<context>
    <name>SmsSettingsDialog</name>
    <message>
        <location filename="../ui/sms/smssettingsdialog.cpp" line="+66"/>
        <source>Send test messa&amp;ge</source>
        <translation>Enviar mensaje de prue&amp;ba</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Text message settings</source>
        <translation>Configuración de mensajes de texto</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>https://sms.example.com/api/messages</source>
        <translation>https://sms.example.com/api/messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bearer token</source>
        <translation>Token bearer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User and password (basic)</source>
        <translation>Usuario y contraseña (básica)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for basic authentication</source>
        <translation>para la autenticación básica</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kept in the system keychain</source>
        <translation>se guarda en el llavero del sistema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form fields</source>
        <translation>Campos de formulario</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The request body: {to} is the number (E.164), {text} the message, {name} the recipient&apos;s name and {from} the sender.</source>
        <translation>El cuerpo de la solicitud: {to} es el número (E.164), {text} el mensaje, {name} el nombre del destinatario y {from} el remitente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>optional; the number or name for {from}</source>
        <translation>opcional; el número o nombre para {from}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>empty: %1</source>
        <translation>vacío: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlimited</source>
        <translation>Sin límite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> per minute</source>
        <translation> por minuto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>phone number for the test message</source>
        <translation>número de teléfono para el mensaje de prueba</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sending the test message</source>
        <translation>Enviando el mensaje de prueba</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Gateway &amp;URL:</source>
        <translation>&amp;URL de la pasarela:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Authentication:</source>
        <translation>&amp;Autenticación:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User na&amp;me:</source>
        <translation>Nombre de usua&amp;rio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To&amp;ken or password:</source>
        <translation>To&amp;ken o contraseña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body &amp;format:</source>
        <translation>&amp;Formato del cuerpo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body t&amp;emplate:</source>
        <translation>Pla&amp;ntilla del cuerpo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;nder:</source>
        <translation>Re&amp;mitente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;region:</source>
        <translation>Región pre&amp;determinada:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;imeout:</source>
        <translation>T&amp;iempo de espera:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate &amp;limit:</source>
        <translation>&amp;Límite de envío:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Test:</source>
        <translation>&amp;Prueba:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>RESIDESK_SMS_URL is set in the environment: it and the other RESIDESK_SMS_* variables are used instead of these settings while it is set.</source>
        <translation>RESIDESK_SMS_URL está definida en el entorno: ella y las demás variables RESIDESK_SMS_* se usan en lugar de esta configuración mientras esté definida.</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>The gateway&apos;s token or password could not be read from the system keychain: %1</source>
        <translation>No se pudo leer del llavero del sistema el token o la contraseña de la pasarela: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Not saved: the settings lack %1.</source>
        <translation>No se guardó: a la configuración le falta %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not saved: the settings file %1 cannot be written.</source>
        <translation>No se guardó: no se puede escribir el archivo de configuración %1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Storing the token or password in the system keychain…</source>
        <translation>Guardando el token o la contraseña en el llavero del sistema…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The settings were saved, but the token or password could not be stored in the system keychain: %1</source>
        <translation>La configuración se guardó, pero el token o la contraseña no se pudieron guardar en el llavero del sistema: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Test: enter the phone number the test message goes to.</source>
        <translation>Prueba: escriba el número de teléfono al que va el mensaje de prueba.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Test: %1</source>
        <translation>Prueba: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The test message was not queued: RESIDESK_SMS_URL is set, and the environment&apos;s settings lack %1.</source>
        <translation>El mensaje de prueba no se puso en cola: RESIDESK_SMS_URL está definida y a la configuración del entorno le falta %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>This is a test text message from Residesk, sent by %1.</source>
        <translation>Este es un mensaje de texto de prueba de Residesk, enviado por %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The test message could not be queued: %1</source>
        <translation>El mensaje de prueba no se pudo poner en cola: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Test message %1 to %2 queued. This window runs no jobs: a worker (residesk worker) sends it; the Text messages panel shows when it goes out or why not.</source>
        <translation>Mensaje de prueba %1 a %2 en cola. Esta ventana no ejecuta trabajos: lo envía un proceso de trabajo (residesk worker); el panel Mensajes de texto muestra cuándo sale o por qué no.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Test message %1 to %2 queued; waiting for the gateway…</source>
        <translation>Mensaje de prueba %1 a %2 en cola; esperando a la pasarela…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Test message %1 could not be read: %2</source>
        <translation>No se pudo leer el mensaje de prueba %1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test message %1 sent to %2. The gateway answered: %3</source>
        <translation>Mensaje de prueba %1 enviado a %2. La pasarela respondió: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The gateway refused test message %1: %2</source>
        <translation>La pasarela rechazó el mensaje de prueba %1: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test message %1 went out, but no answer came: it may or may not have arrived. %2</source>
        <translation>El mensaje de prueba %1 salió, pero no llegó respuesta: puede que haya llegado o no. %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sending test message %1 to %2…</source>
        <translation>Enviando el mensaje de prueba %1 a %2…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Test message %1 was not sent: %2 It stays in the Text messages panel.</source>
        <translation>El mensaje de prueba %1 no se envió: %2 Se queda en el panel Mensajes de texto.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test message %1 was not sent: %2</source>
        <translation>El mensaje de prueba %1 no se envió: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Test message %1 has not gone out yet; the Text messages panel shows when it does, or why not.</source>
        <translation>El mensaje de prueba %1 aún no ha salido; el panel Mensajes de texto muestra cuándo sale, o por qué no.</translation>
    </message>
</context>
<context>
    <name>SmsSettingsLoad</name>
    <message>
        <location filename="../tasks/sms/smssettings.cpp" line="-27"/>
        <source>Text messages cannot be sent: the SMS settings lack %1. Set them with &quot;residesk sms settings&quot; (or RESIDESK_SMS_URL and RESIDESK_SMS_TOKEN for a worker); the messages stay queued.</source>
        <translation>No se pueden enviar mensajes de texto: a la configuración SMS le falta %1. Defínala con &quot;residesk sms settings&quot; (o RESIDESK_SMS_URL y RESIDESK_SMS_TOKEN para un worker); los mensajes siguen en cola.</translation>
    </message>
</context>
<context>
    <name>SmsTasks</name>
    <message>
        <location filename="../tasks/sms/smstasks.cpp" line="+33"/>
        <source>%1 sent, %2 failed, %3 to retry, %4 uncertain</source>
        <translation>%1 enviados, %2 fallidos, %3 por reintentar, %4 inciertos</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n sent</source>
        <translation>
            <numerusform>%n enviado</numerusform>
            <numerusform>%n enviados</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The waiting text messages are tried again from %1.</source>
        <translation>Los mensajes de texto en espera se reintentarán a partir de %1.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Send text messages</source>
        <translation>Enviar mensajes de texto</translation>
    </message>
</context>
<context>
    <name>SmsUi</name>
    <message>
        <location filename="../ui/sms/smsui.cpp" line="+29"/>
        <source>&amp;Text messages</source>
        <translation>&amp;Mensajes de texto</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Text messages…</source>
        <translation>&amp;Mensajes de texto…</translation>
    </message>
</context>
<context>
    <name>SmtpSender</name>
    <message>
        <location filename="../tasks/mail/smtpsender.cpp" line="+194"/>
        <source>libcurl could not start an SMTP session.</source>
        <translation>libcurl no pudo iniciar una sesión SMTP.</translation>
    </message>
    <message>
        <location line="+111"/>
        <location line="+51"/>
        <location line="+20"/>
        <source>The SMTP server refused the message: %1</source>
        <translation>El servidor SMTP rechazó el mensaje: %1</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>The connection to the SMTP server ended after the message was sent but before the server confirmed it (%1): it may or may not have been delivered.</source>
        <translation>La conexión con el servidor SMTP terminó después de enviar el mensaje, pero antes de que el servidor lo confirmara (%1): puede haberse entregado o no.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (server: %2)</source>
        <translation>%1 (servidor: %2)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The SMTP server refused the login of &quot;%1&quot;: %2</source>
        <translation>El servidor SMTP rechazó el inicio de sesión de «%1»: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The SMTP server deferred the message: %1</source>
        <translation>El servidor SMTP aplazó el mensaje: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The SMTP server %1 could not be used: %2</source>
        <translation>No se pudo usar el servidor SMTP %1: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Sending failed before the message was handed over: %1</source>
        <translation>El envío falló antes de entregar el mensaje: %1</translation>
    </message>
</context>
<context>
    <name>SyncCommands</name>
    <message>
        <location filename="../app/cli/synccommands.cpp" line="+79"/>
        <source>%1 is unchanged since the last sync; nothing was written.</source>
        <translation>%1 no ha cambiado desde la última sincronización; no se ha escrito nada.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Synced %1: %2 created, %3 updated, %4 unchanged, %5 rejected.</source>
        <translation>Sincronizado %1: %2 creados, %3 actualizados, %4 sin cambios, %5 rechazados.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n resident(s) newly flagged as not in the export.</source>
        <translation>
            <numerusform>%n residente marcado por primera vez como ausente de la exportación.</numerusform>
            <numerusform>%n residentes marcados por primera vez como ausentes de la exportación.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n flag(s) removed.</source>
        <translation>
            <numerusform>%n marca quitada.</numerusform>
            <numerusform>%n marcas quitadas.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>job %1 (%2) was cancelled; the chunks before the cancel stay imported</source>
        <translation>el trabajo %1 (%2) se canceló; los bloques anteriores a la cancelación siguen importados</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Fetch the registrar&apos;s resident export and apply it: residesk sync residents [URL].</source>
        <translation>Descargar la exportación de residentes del registro y aplicarla: residesk sync residents [URL].</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queues a residents.sync job for URL (else the URL of &quot;sync settings&quot;). The job fetches the export over HTTP(S) (authentication and timeout from &quot;sync settings&quot;; the password or token from RESIDESK_SYNC_SECRET or the keychain), sending back the last applied copy&apos;s ETag and date, so an unchanged export costs one short request and writes nothing. A changed one is applied with the rules of &quot;import residents&quot; (the same validation, line numbers and rejected rows); residents the export does not list are flagged for review (&quot;sync flagged&quot;), never changed.

With --wait it runs here and prints what &quot;import residents&quot; prints (with --json its JSON, plus &quot;url&quot;, &quot;not_modified&quot;, &quot;flagged&quot;, &quot;unflagged&quot;, &quot;flagged_open&quot;); an unreachable server, a TLS error, a 4xx/5xx answer or a body that is not CSV is an error naming the URL and the cause, exit code 1, and nothing is written. Without --wait: the job&apos;s id ({&quot;job_id&quot;: n}).</source>
        <translation>Pone en cola un trabajo residents.sync para URL (si no, la URL de &quot;sync settings&quot;). El trabajo descarga la exportación por HTTP(S) (autenticación y tiempo de espera de &quot;sync settings&quot;; la contraseña o el token, de RESIDESK_SYNC_SECRET o del llavero) y envía el ETag y la fecha de la última copia aplicada, de modo que una exportación sin cambios cuesta una sola petición breve y no escribe nada. Una exportación modificada se aplica con las reglas de &quot;import residents&quot; (la misma validación, los mismos números de línea y las mismas filas rechazadas); los residentes que la exportación no incluye se marcan para revisión (&quot;sync flagged&quot;) y nunca se modifican.

Con --wait se ejecuta aquí y muestra lo mismo que &quot;import residents&quot; (con --json, su JSON, además de &quot;url&quot;, &quot;not_modified&quot;, &quot;flagged&quot;, &quot;unflagged&quot;, &quot;flagged_open&quot;); un servidor inaccesible, un error de TLS, una respuesta 4xx/5xx o un cuerpo que no sea CSV es un error que indica la URL y la causa, con código de salida 1, y no se escribe nada. Sin --wait: el id del trabajo ({&quot;job_id&quot;: n}).</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Show or change the registrar sync settings: residesk sync settings [--url U] [--schedule CRON].</source>
        <translation>Mostrar o cambiar la configuración de sincronización con el registro: residesk sync settings [--url U] [--schedule CRON].</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Without options prints the settings. --url sets the export&apos;s address (http:// or https://), --auth none|basic|bearer and --user the authentication (the secret itself goes into the keychain through the window&apos;s Settings ▸ Registrar sync…, or RESIDESK_SYNC_SECRET for workers), --schedule a cron expression such as &quot;0 6 * * *&quot; (&quot;&quot; for by hand only) and --timeout the seconds without an answer before a sync gives up. --secret-stdin reads the password (basic) or token (bearer) from the first line of standard input into the system keychain, under the key the settings name (&quot;keychain_key&quot; in the JSON); it is never printed or stored elsewhere.</source>
        <translation>Sin opciones muestra la configuración. --url fija la dirección de la exportación (http:// o https://), --auth none|basic|bearer y --user la autenticación (el secreto se guarda en el llavero desde Configuración ▸ Sincronización con el registro… de la ventana, o RESIDESK_SYNC_SECRET para los procesos de trabajo), --schedule una expresión cron como &quot;0 6 * * *&quot; (&quot;&quot; para solo a mano) y --timeout los segundos sin respuesta antes de que una sincronización se rinda. --secret-stdin lee la contraseña (basic) o el token (bearer) de la primera línea de la entrada estándar y lo guarda en el llavero del sistema, con la clave que nombra la configuración (&quot;keychain_key&quot; en el JSON); nunca se muestra ni se guarda en otro sitio.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The export&apos;s URL.</source>
        <translation>La URL de la exportación.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>url</source>
        <translation>url</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Authentication: none, basic or bearer.</source>
        <translation>Autenticación: none, basic o bearer.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>kind</source>
        <translation>tipo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The user name for basic authentication.</source>
        <translation>El nombre de usuario para la autenticación básica.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When to sync, as a cron expression (&quot;&quot;: by hand only).</source>
        <translation>Cuándo sincronizar, como expresión cron (&quot;&quot;: solo manualmente).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cron</source>
        <translation>cron</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seconds without an answer before giving up.</source>
        <translation>Segundos sin respuesta antes de desistir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seconds</source>
        <translation>segundos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the password or token from standard input into the keychain.</source>
        <translation>Leer la contraseña o el token de la entrada estándar y guardarlo en el llavero.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>List the residents the registrar&apos;s export no longer lists: residesk sync flagged.</source>
        <translation>Listar los residentes que la exportación del registro ya no incluye: residesk sync flagged.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The residents flagged by the last applied sync and not reviewed yet (--all: reviewed ones too). With --json: [{&quot;flag_id&quot;, &quot;resident_id&quot;, &quot;student_id&quot;, &quot;first_name&quot;, &quot;last_name&quot;, &quot;email&quot;, &quot;status&quot;, &quot;flagged_at&quot;, &quot;job_id&quot;, &quot;reviewed_at&quot;, &quot;reviewed_by&quot;}, …].</source>
        <translation>Los residentes marcados por la última sincronización aplicada y aún no revisados (--all: también los revisados). Con --json: [{&quot;flag_id&quot;, &quot;resident_id&quot;, &quot;student_id&quot;, &quot;first_name&quot;, &quot;last_name&quot;, &quot;email&quot;, &quot;status&quot;, &quot;flagged_at&quot;, &quot;job_id&quot;, &quot;reviewed_at&quot;, &quot;reviewed_by&quot;}, …].</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Include flags already reviewed.</source>
        <translation>Incluir las marcas ya revisadas.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear the flags of residents reviewed: residesk sync review FLAG_ID…</source>
        <translation>Quitar las marcas de los residentes revisados: residesk sync review FLAG_ID…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Marks the flags as reviewed (the residents stay as they are; they are flagged again only if a later export lists them and then leaves them out again).</source>
        <translation>Señala las marcas como revisadas (los residentes se quedan como están; solo se vuelven a marcar si una exportación posterior los incluye y después los vuelve a omitir).</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>cannot queue the sync: %1</source>
        <translation>no se puede poner en cola la sincronización: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Queued registrar sync job %1.</source>
        <translation>Trabajo de sincronización con el registro %1 en cola.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>--auth takes none, basic or bearer, not &quot;%1&quot;</source>
        <translation>--auth admite none, basic o bearer, no &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--timeout takes seconds, not &quot;%1&quot;</source>
        <translation>--timeout admite segundos, no &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--secret-stdin needs basic or bearer authentication (--auth)</source>
        <translation>--secret-stdin necesita autenticación basic o bearer (--auth)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--secret-stdin needs the export&apos;s URL (--url): the key names its host</source>
        <translation>--secret-stdin necesita la URL de la exportación (--url): la clave lleva el nombre de su servidor</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>no password or token on standard input</source>
        <translation>no hay contraseña ni token en la entrada estándar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cannot store the password or token in the system keychain: %1</source>
        <translation>no se puede guardar la contraseña o el token en el llavero del sistema: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>URL: %1</source>
        <translation>URL: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(none)</source>
        <translation>(ninguna)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authentication: %1%2</source>
        <translation>Autenticación: %1%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Schedule: %1</source>
        <translation>Programación: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>by hand only</source>
        <translation>solo manualmente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timeout: %1 s</source>
        <translation>Tiempo de espera: %1 s</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>  (reviewed by %1)</source>
        <translation>  (revisado por %1)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;sync review&quot; needs the ids of the flags (see &quot;sync flagged&quot;)</source>
        <translation>&quot;sync review&quot; necesita los id de las marcas (vea &quot;sync flagged&quot;)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a flag id</source>
        <translation>&quot;%1&quot; no es un id de marca</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%n flag(s) cleared.</source>
        <translation>
            <numerusform>%n marca quitada.</numerusform>
            <numerusform>%n marcas quitadas.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncTasks</name>
    <message>
        <location filename="../tasks/sync/synctasks.cpp" line="+127"/>
        <source>no password or token is stored for %1 (set it in Settings ▸ Registrar sync… or in RESIDESK_SYNC_SECRET)</source>
        <translation>no hay ninguna contraseña ni token guardados para %1 (configúrelos en Configuración ▸ Sincronización con el registro… o en RESIDESK_SYNC_SECRET)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the keychain did not give the password or token: %1</source>
        <translation>el llavero no ha devuelto la contraseña o el token: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>No registrar export URL is set: give one (residesk sync residents URL) or set it in Settings ▸ Registrar sync….</source>
        <translation>No hay ninguna URL de exportación del registro configurada: indique una (residesk sync residents URL) o configúrela en Configuración ▸ Sincronización con el registro….</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Registrar sync from %1 failed: %2</source>
        <translation>La sincronización con el registro desde %1 ha fallado: %2</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>cannot make a temporary folder: %1</source>
        <translation>no se puede crear una carpeta temporal: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Fetching the registrar&apos;s export…</source>
        <translation>Obteniendo la exportación del registro…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>the answer is not CSV: the server sent an HTML page (Content-Type %1)</source>
        <translation>la respuesta no es CSV: el servidor envió una página HTML (Content-Type %1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading the file…</source>
        <translation>Leyendo el archivo…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the answer is not a CSV file of residents: %1</source>
        <translation>la respuesta no es un archivo CSV de residentes: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+32"/>
        <source>rows</source>
        <translation>filas</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+77"/>
        <source>Registrar sync from %1: %2</source>
        <translation>Sincronización con el registro desde %1: %2</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Comparing with the residents…</source>
        <translation>Comparando con los residentes…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the downloaded file cannot be read again</source>
        <translation>el archivo descargado no se puede volver a leer</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Sync residents from the registrar</source>
        <translation>Sincronizar los residentes desde el registro</translation>
    </message>
</context>
<context>
    <name>SyncUi</name>
    <message>
        <location filename="../ui/sync/syncui.cpp" line="+18"/>
        <source>Residents &amp;not in the registrar export…</source>
        <translation>Residentes &amp;no incluidos en la exportación del registro…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Registrar sync…</source>
        <translation>&amp;Sincronización con el registro…</translation>
    </message>
</context>
<context>
    <name>TableReportPdfLayout</name>
    <message>
        <location filename="../tasks/pdf/tablereportpdflayout.cpp" line="+149"/>
        <source>Residesk</source>
        <translation>Residesk</translation>
    </message>
</context>
<context>
    <name>TechnicianDialog</name>
    <message>
        <location filename="../ui/maintenance/techniciandialog.cpp" line="+52"/>
        <source>A&amp;ctive: gets new requests</source>
        <translation>Ac&amp;tivo: recibe solicitudes nuevas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Technician</source>
        <translation>Técnico</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New technician</source>
        <translation>Nuevo técnico</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>name@example.edu</source>
        <translation>nombre@ejemplo.edu</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Working hours from</source>
        <translation>Horario desde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working hours until</source>
        <translation>Horario hasta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;until</source>
        <translation>ha&amp;sta</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Skills:</source>
        <translation>Especialidades:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working days:</source>
        <translation>Días laborables:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working &amp;hours:</source>
        <translation>&amp;Horario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lan&amp;guage:</source>
        <translation>Idio&amp;ma:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Technician %1</source>
        <translation>Técnico %1</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>The technician cannot be loaded: %1</source>
        <translation>No se puede cargar el técnico: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing the values stored now. Review them and save again.</source>
        <translation>Se muestran los valores guardados ahora. Revíselos y vuelva a guardar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not saved: this technician was changed by someone else. Your changes are kept.</source>
        <translation>No se guardó: otra persona cambió este técnico. Sus cambios se conservan.</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Someone else saved technician %1 since you opened it.</source>
        <translation>Otra persona guardó el técnico %1 después de que usted lo abriera.</translation>
    </message>
</context>
<context>
    <name>TechnicianRepository</name>
    <message>
        <location filename="../models/maintenance/technicianrepository.cpp" line="+28"/>
        <source>The technician&apos;s name is required.</source>
        <translation>El nombre del técnico es obligatorio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name must be at most %1 characters long.</source>
        <translation>El nombre debe tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is not an e-mail address.</source>
        <translation>«%1» no es una dirección de correo electrónico.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give at least one skill (%1).</source>
        <translation>Indique al menos una especialidad (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give at least one working day (1 = Monday … 7 = Sunday).</source>
        <translation>Indique al menos un día laborable (1 = lunes … 7 = domingo).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a weekday number (1 = Monday … 7 = Sunday).</source>
        <translation>%1 no es un número de día de la semana (1 = lunes … 7 = domingo).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The working hours %1–%2 are not a range within a day.</source>
        <translation>El horario de trabajo %1–%2 no es un intervalo dentro de un día.</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>A technician with the e-mail address %1 already exists.</source>
        <translation>Ya existe un técnico con la dirección de correo electrónico %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Already used by another technician.</source>
        <translation>Ya la usa otro técnico.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The technician was not stored.</source>
        <translation>No se ha guardado el técnico.</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Another user changed the technician %1 since you opened it. Reload to see their changes.</source>
        <translation>Otro usuario ha modificado el técnico %1 desde que usted lo abrió. Vuelva a cargarlo para ver sus cambios.</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+23"/>
        <source>The technician (id %1) does not exist.</source>
        <translation>El técnico (id %1) no existe.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>The absent day is not a valid date.</source>
        <translation>El día de ausencia no es una fecha válida.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid date.</source>
        <translation>No es una fecha válida.</translation>
    </message>
</context>
<context>
    <name>TechniciansDialog</name>
    <message>
        <location filename="../ui/maintenance/techniciansdialog.cpp" line="+53"/>
        <source>&amp;Add…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Editar…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+5"/>
        <source>Technicians</source>
        <translation>Técnicos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Skills</source>
        <translation>Especialidades</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Working days</source>
        <translation>Días laborables</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hours</source>
        <translation>Horario</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The technicians cannot be read: %1</source>
        <translation>No se pueden leer los técnicos: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>UndoContext</name>
    <message>
        <location filename="../ui/commands/undocontext.cpp" line="+37"/>
        <source>The database cannot be reached. Nothing was changed; try again when the connection returns.</source>
        <translation>No se puede acceder a la base de datos. No se ha cambiado nada; vuelva a intentarlo cuando se restablezca la conexión.</translation>
    </message>
</context>
<context>
    <name>UnixSignals</name>
    <message>
        <location filename="../app/cli/unixsignals.cpp" line="+32"/>
        <source>another signal watcher exists in this process</source>
        <translation>ya existe otro vigilante de señales en este proceso</translation>
    </message>
</context>
<context>
    <name>UsageReportCommands</name>
    <message>
        <location filename="../app/cli/usagereportcommands.cpp" line="+40"/>
        <source>The first day of the period (YYYY-MM-DD).</source>
        <translation>El primer día del período (YYYY-MM-DD).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The last day of the period, included (YYYY-MM-DD).</source>
        <translation>El último día del período, incluido (YYYY-MM-DD).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the report to this file: .pdf or .csv (waits for the job).</source>
        <translation>Escribir el informe en este archivo: .pdf o .csv (espera a que termine el trabajo).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot write %1: %2</source>
        <translation>no se puede escribir %1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; needs --%2 DATE</source>
        <translation>&quot;%1&quot; requiere --%2 FECHA</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--%1: &quot;%2&quot; is not a date (YYYY-MM-DD)</source>
        <translation>--%1: &quot;%2&quot; no es una fecha (YYYY-MM-DD)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>-o %1: the file must end in .pdf or .csv</source>
        <translation>-o %1: el archivo debe terminar en .pdf o .csv</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>cannot queue the %1 report: %2</source>
        <translation>no se puede poner en cola el informe %1: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>job %1 queued (%2)</source>
        <translation>trabajo %1 en cola (%2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>job %1 finished without a report</source>
        <translation>el trabajo %1 ha terminado sin informe</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>written to %1 (%2 bytes)</source>
        <translation>escrito en %1 (%2 bytes)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Queues the report as a job ({&quot;job_id&quot;: n} with --json). With --wait or -o: runs jobs in this process until it ends, prints the table (with --json: job_id, kind, state, report, from, to, title, rows, totals, pdf_size, and with -o file, format, size) and writes -o FILE (PDF or CSV, by its ending). Exit code 0 only if the report was made.</source>
        <translation>Pone el informe en cola como trabajo ({&quot;job_id&quot;: n} con --json). Con --wait o -o: ejecuta los trabajos en este proceso hasta que termina, muestra la tabla (con --json: job_id, kind, state, report, from, to, title, rows, totals, pdf_size y, con -o, file, format, size) y escribe -o FILE (PDF o CSV, según su extensión). Código de salida 0 solo si se ha generado el informe.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Occupancy for a period per building and room type: residesk report occupancy --from DATE --to DATE [-o FILE.pdf|FILE.csv] [--wait].</source>
        <translation>Ocupación de un periodo por edificio y tipo de habitación: residesk report occupancy --from DATE --to DATE [-o FILE.pdf|FILE.csv] [--wait].</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beds, bed-nights, bed-nights occupied (reserved, checked-in and checked-out stays) and occupancy in percent. </source>
        <translation>Plazas, noches-plaza, noches-plaza ocupadas (estancias reservadas, con entrada registrada y con salida registrada) y ocupación en porcentaje. </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Maintenance for a period per category and building: residesk report maintenance --from DATE --to DATE [-o FILE.pdf|FILE.csv] [--wait].</source>
        <translation>Mantenimiento de un periodo por categoría y edificio: residesk report maintenance --from DATE --to DATE [-o FILE.pdf|FILE.csv] [--wait].</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Requests reported in the period, done, open and cancelled, done on target, median hours to completion and estimated cost. </source>
        <translation>Solicitudes notificadas en el periodo, terminadas, abiertas y canceladas, terminadas en plazo, mediana de horas hasta la finalización y coste estimado. </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lab turnaround for a period per species and analysis: residesk report turnaround --from DATE --to DATE [-o FILE.pdf|FILE.csv] [--wait].</source>
        <translation>Tiempo de respuesta del laboratorio de un periodo por especie y análisis: residesk report turnaround --from DATE --to DATE [-o FILE.pdf|FILE.csv] [--wait].</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hours from receipt to the first finalized report of the protocols finalized in the period: median, mean and longest. </source>
        <translation>Horas desde la recepción hasta el primer informe finalizado de los protocolos finalizados en el periodo: mediana, media y máximo. </translation>
    </message>
</context>
<context>
    <name>UsageReportRepository</name>
    <message>
        <location filename="../models/reports/usagereportrepository.cpp" line="+38"/>
        <source>The first day of the period (from) is missing or not a date.</source>
        <translation>Falta el primer día del periodo (from) o no es una fecha.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>not a date</source>
        <translation>no es una fecha</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The last day of the period (to) is missing or not a date.</source>
        <translation>Falta el último día del periodo (to) o no es una fecha.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The period ends (to %1) before it begins (from %2).</source>
        <translation>El periodo termina (to %1) antes de empezar (from %2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>before from</source>
        <translation>anterior a from</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The period is longer than ten years.</source>
        <translation>El periodo es de más de diez años.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>too far from from</source>
        <translation>demasiado lejos de from</translation>
    </message>
</context>
<context>
    <name>UsageReports</name>
    <message>
        <location filename="../models/reports/usagereports.cpp" line="+107"/>
        <location line="+33"/>
        <location line="+1"/>
        <location line="+45"/>
        <location line="+32"/>
        <location line="+1"/>
        <location line="+36"/>
        <location line="+18"/>
        <location line="+9"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="-161"/>
        <source>Occupancy %1</source>
        <translation>Ocupación %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period: %1 (%2 days)</source>
        <translation>Periodo: %1 (%2 días)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bed-nights occupied: nights of reserved, checked-in and checked-out stays within the period.</source>
        <translation>Noches-plaza ocupadas: noches de estancias reservadas, con entrada registrada y con salida registrada dentro del periodo.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+74"/>
        <source>Building</source>
        <translation>Edificio</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Room type</source>
        <translation>Tipo de habitación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rooms</source>
        <translation>Habitaciones</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Beds</source>
        <translation>Plazas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bed-nights</source>
        <translation>Noches-plaza</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Occupied</source>
        <translation>Ocupadas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Occupancy</source>
        <translation>Ocupación</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>There are no rooms.</source>
        <translation>No hay habitaciones.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Maintenance %1</source>
        <translation>Mantenimiento %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period: %1; requests reported within it.</source>
        <translation>Periodo: %1; solicitudes notificadas dentro de él.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time to completion: from the report to done; on target: done by the priority&apos;s due time. Estimated cost: requests not cancelled.</source>
        <translation>Tiempo hasta la finalización: desde la notificación hasta su terminación; en plazo: terminadas dentro del plazo de su prioridad. Coste estimado: solicitudes no canceladas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requests</source>
        <translation>Solicitudes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done</source>
        <translation>Terminadas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>Abiertas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Canceladas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>On target</source>
        <translation>En plazo</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+69"/>
        <source>Median hours</source>
        <translation>Horas (mediana)</translation>
    </message>
    <message>
        <location line="-69"/>
        <source>Estimated cost</source>
        <translation>Coste estimado</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No maintenance requests were reported in this period.</source>
        <translation>No se notificó ninguna solicitud de mantenimiento en este periodo.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Lab turnaround %1</source>
        <translation>Tiempo de respuesta del laboratorio %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Period: %1; protocols whose first report was finalized within it.</source>
        <translation>Periodo: %1; protocolos cuyo primer informe se finalizó dentro de él.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Turnaround: from receipt of the samples to the signature of the first finalized report, in hours. The total counts each protocol once.</source>
        <translation>Tiempo de respuesta: desde la recepción de las muestras hasta la firma del primer informe finalizado, en horas. El total cuenta cada protocolo una sola vez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Species</source>
        <translation>Especie</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Analysis</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Protocols</source>
        <translation>Protocolos</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean hours</source>
        <translation>Horas (media)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Longest hours</source>
        <translation>Horas (máximo)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(none requested)</source>
        <translation>(ninguno solicitado)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No protocol was finalized in this period.</source>
        <translation>No se finalizó ningún protocolo en este periodo.</translation>
    </message>
</context>
<context>
    <name>UserCommands</name>
    <message>
        <location filename="../app/cli/usercommands.cpp" line="+95"/>
        <source>admin</source>
        <translation>administración</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>housing</source>
        <translation>alojamiento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>vet</source>
        <translation>veterinaria</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>worker</source>
        <translation>ejecutor</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PostgreSQL only: on the embedded SQLite file there is one person, the operating-system account, and the command exits with 1.</source>
        <translation>Solo PostgreSQL: en el archivo SQLite integrado hay una sola persona, la cuenta del sistema operativo, y la orden termina con 1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add a person: a PostgreSQL login in one role (administrators only).</source>
        <translation>Añadir una persona: un usuario de PostgreSQL en un rol (solo administradores).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>users add NAME --role admin|housing|vet|worker --full-name &quot;…&quot; [--title T] [--email E]. The password is read from standard input (asked for twice without echo on a terminal, otherwise the first line), never from the command line; it reaches the server only as a SCRAM-SHA-256 verifier. NAME: lowercase letters, digits and underscores, starting with a letter, not pg_… or residesk_…. %1</source>
        <translation>users add NOMBRE --role admin|housing|vet|worker --full-name &quot;…&quot; [--title T] [--email E]. La contraseña se lee de la entrada estándar (se pide dos veces sin eco en un terminal; si no, la primera línea), nunca de la línea de órdenes; llega al servidor solo como verificador SCRAM-SHA-256. NOMBRE: minúsculas, dígitos y guiones bajos, empezando por una letra, sin pg_… ni residesk_…. %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The person&apos;s role: admin, housing, vet or worker.</source>
        <translation>El rol de la persona: admin, housing, vet o worker.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>role</source>
        <translation>rol</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The full name (it signs finalized reports).</source>
        <translation>El nombre completo (firma los informes finalizados).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The title or position (optional).</source>
        <translation>El título o cargo (opcional).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The e-mail address (optional).</source>
        <translation>La dirección de correo electrónico (opcional).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>address</source>
        <translation>dirección</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>List the people and their roles (administrators only).</source>
        <translation>Listar las personas y sus roles (solo administradores).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With --json: a JSON array of objects with the keys login, full_name, title, email, role, can_login. Otherwise an aligned text table. %1</source>
        <translation>Con --json: un array JSON de objetos con las claves login, full_name, title, email, role, can_login. Si no, una tabla de texto alineada. %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Give a person another role (administrators only).</source>
        <translation>Dar otro rol a una persona (solo administradores).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>users set-role NAME admin|housing|vet|worker: the person leaves their old role. %1</source>
        <translation>users set-role NOMBRE admin|housing|vet|worker: la persona deja su rol anterior. %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stop a person from signing in (administrators only).</source>
        <translation>Impedir que una persona inicie sesión (solo administradores).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>users disable NAME: the login can no longer sign in, and the sessions it has open end now. Nobody can disable their own login. %1</source>
        <translation>users disable NOMBRE: el usuario ya no puede iniciar sesión y las sesiones que tiene abiertas terminan en el acto. Nadie puede deshabilitar su propio usuario. %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Let a disabled person sign in again (administrators only).</source>
        <translation>Permitir que una persona deshabilitada vuelva a iniciar sesión (solo administradores).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>users enable NAME: the login may sign in again, with the role and password it had. %1</source>
        <translation>users enable NOMBRE: el usuario puede volver a iniciar sesión, con el rol y la contraseña que tenía. %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Change your own password, or (administrators) another person&apos;s.</source>
        <translation>Cambiar su propia contraseña o (administradores) la de otra persona.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>users password [NAME]: without NAME your own login&apos;s password. The new password is read from standard input (asked for twice without echo on a terminal, otherwise the first line). %1</source>
        <translation>users password [NOMBRE]: sin NOMBRE, la contraseña de su propio usuario. La nueva contraseña se lee de la entrada estándar (se pide dos veces sin eco en un terminal; si no, la primera línea). %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Again: </source>
        <translation>Otra vez: </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the two passwords differ; nothing was changed</source>
        <translation>las dos contraseñas no coinciden; no se cambió nada</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no password given on standard input; nothing was changed</source>
        <translation>no se dio ninguna contraseña en la entrada estándar; no se cambió nada</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;users add&quot; needs the new person&apos;s login</source>
        <translation>«users add» necesita el usuario de la nueva persona</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;users add&quot; needs --role (admin, housing, vet or worker)</source>
        <translation>«users add» necesita --role (admin, housing, vet o worker)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;users add&quot; needs --full-name</source>
        <translation>«users add» necesita --full-name</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Password for %1: </source>
        <translation>Contraseña de %1: </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Added %1 (%2) as %3.</source>
        <translation>Se añadió a %1 (%2) como %3.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>LOGIN</source>
        <translation>USUARIO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FULL NAME</source>
        <translation>NOMBRE COMPLETO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TITLE</source>
        <translation>TÍTULO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-MAIL</source>
        <translation>CORREO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ROLE</source>
        <translation>ROL</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SIGN-IN</source>
        <translation>ACCESO</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>disabled</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&quot;users set-role&quot; needs a login and a role</source>
        <translation>«users set-role» necesita un usuario y un rol</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is now %2.</source>
        <translation>%1 ahora es %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;users disable&quot; needs a login</source>
        <translation>«users disable» necesita un usuario</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 can no longer sign in.</source>
        <translation>%1 ya no puede iniciar sesión.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;users enable&quot; needs a login</source>
        <translation>«users enable» necesita un usuario</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 can sign in again.</source>
        <translation>%1 puede volver a iniciar sesión.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>New password for %1: </source>
        <translation>Nueva contraseña de %1: </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The password of %1 was changed.</source>
        <translation>Se cambió la contraseña de %1.</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../ui/people/userspage.cpp" line="+31"/>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Housing</source>
        <translation>Alojamiento</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vet</source>
        <translation>Veterinario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Worker</source>
        <translation>Ejecutor</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Password:</source>
        <translation>&amp;Contraseña:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Again:</source>
        <translation>O&amp;tra vez:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Add person…</source>
        <translation>&amp;Añadir persona…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &amp;role…</source>
        <translation>Cambiar &amp;rol…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+95"/>
        <source>&amp;Disable</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Set pass&amp;word…</source>
        <translation>Cambiar con&amp;traseña…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Login</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Título</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>E-mail</source>
        <translation>Correo electrónico</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sign-in</source>
        <translation>Acceso</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&lt;h2&gt;Users&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Usuarios&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>People sign in as their own PostgreSQL login; the role decides what the server lets them do.</source>
        <translation>Cada persona inicia sesión con su propio usuario de PostgreSQL; el rol decide lo que el servidor le permite hacer.</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>&amp;Enable</source>
        <translation>&amp;Habilitar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Let this person sign in again.</source>
        <translation>Permitir que esta persona vuelva a iniciar sesión.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop this person from signing in and end their open sessions.</source>
        <translation>Impedir que esta persona inicie sesión y terminar sus sesiones abiertas.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The people could not be loaded: %1</source>
        <translation>No se pudieron cargar las personas: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Allowed</source>
        <translation>Permitido</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Working…</source>
        <translation>Trabajando…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 was added as %2.</source>
        <translation>Se añadió a %1 como %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is now %2.</source>
        <translation>%1 ahora es %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 can no longer sign in.</source>
        <translation>%1 ya no puede iniciar sesión.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 can sign in again.</source>
        <translation>%1 puede volver a iniciar sesión.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The password of %1 was changed.</source>
        <translation>Se cambió la contraseña de %1.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Add person</source>
        <translation>Añadir persona</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>lowercase letters, digits, _</source>
        <translation>minúsculas, dígitos, _</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Login:</source>
        <translation>&amp;Usuario:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Nombre completo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>&amp;Título:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail:</source>
        <translation>&amp;Correo electrónico:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Role:</source>
        <translation>&amp;Rol:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Change role</source>
        <translation>Cambiar rol</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New role of %1:</source>
        <translation>Nuevo rol de %1:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Disable %1</source>
        <translation>Desactivar a %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 will no longer be able to sign in, and the sessions %1 has open end now.</source>
        <translation>%1 ya no podrá iniciar sesión, y las sesiones que %1 tiene abiertas terminan ahora.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Password of %1</source>
        <translation>Contraseña de %1</translation>
    </message>
</context>
<context>
    <name>WaitlistAddDialog</name>
    <message>
        <location filename="../ui/allocations/waitlistadddialog.cpp" line="+23"/>
        <source>Choose a building…</source>
        <translation>Elija un edificio…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Add to waitlist</source>
        <translation>Añadir a la lista de espera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name, student ID or e-mail…</source>
        <translation>Nombre, número de estudiante o correo…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a room type…</source>
        <translation>Elija un tipo de habitación…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Find resident:</source>
        <translation>&amp;Buscar residente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Resident:</source>
        <translation>&amp;Residente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Building:</source>
        <translation>&amp;Edificio:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room &amp;type:</source>
        <translation>&amp;Tipo de habitación:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose a resident.</source>
        <translation>Elija un residente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a building.</source>
        <translation>Elija un edificio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a room type.</source>
        <translation>Elija un tipo de habitación.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The residents could not be loaded: %1</source>
        <translation>No se pudieron cargar los residentes: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Please correct the marked fields.</source>
        <translation>Corrija los campos marcados.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not added: %1</source>
        <translation>No se ha añadido: %1</translation>
    </message>
</context>
<context>
    <name>WaitlistCommands</name>
    <message>
        <location filename="../app/cli/waitlistcommands.cpp" line="+90"/>
        <source>cannot %1: %2</source>
        <translation>no se puede %1: %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>there is no building with the code &quot;%1&quot;</source>
        <translation>no hay ningún edificio con el código «%1»</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Put a resident on a waitlist: --resident STUDENT_ID --building CODE --room-type TYPE.</source>
        <translation>Poner a un residente en una lista de espera: --resident STUDENT_ID --building CODE --room-type TYPE.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At the end of the list of that building and room type (%1); a resident is on a list once. When a bed of that type frees in that building (check-out, a cancelled reservation, a room back in service), the first waiting resident is offered it by e-mail with a deadline to answer. With --json: the entry, an object with the keys %2.</source>
        <translation>Al final de la lista de ese edificio y tipo de habitación (%1); un residente figura una sola vez en una lista. Cuando queda libre una plaza de ese tipo en ese edificio (salida registrada, reserva cancelada, habitación que vuelve a estar en servicio), se ofrece por correo electrónico al primer residente en espera, con un plazo para responder. Con --json: la entrada, un objeto con las claves %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The resident&apos;s student ID.</source>
        <translation>El número de estudiante del residente.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>student-id</source>
        <translation>id-estudiante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The building&apos;s code.</source>
        <translation>El código del edificio.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+12"/>
        <source>code</source>
        <translation>código</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>The room type (%1).</source>
        <translation>El tipo de habitación (%1).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+12"/>
        <source>type</source>
        <translation>tipo</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Notes.</source>
        <translation>Notas.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+41"/>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>List the waitlists in order, with pending offers and their deadlines.</source>
        <translation>Mostrar las listas de espera en orden, con las ofertas pendientes y sus plazos.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per building and room type, in the order residents are served. With --all also the entries that left their list (placed, declined, expired, removed). With --json: a JSON array of objects with the keys %1.</source>
        <translation>Por edificio y tipo de habitación, en el orden en que se atiende a los residentes. Con --all también las entradas que han salido de su lista (con plaza asignada, rechazadas, caducadas, retiradas). Con --json: una matriz JSON de objetos con las claves %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only this building (its code).</source>
        <translation>Solo este edificio (su código).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this room type (%1).</source>
        <translation>Solo este tipo de habitación (%1).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also entries that left their list.</source>
        <translation>También las entradas que han salido de su lista.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Take a resident off a waitlist: residesk waitlist remove ENTRY_ID.</source>
        <translation>Quitar a un residente de una lista de espera: residesk waitlist remove ENTRY_ID.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A pending offer the resident held is withdrawn and goes to the next person.</source>
        <translation>Se retira la oferta pendiente que tuviera el residente y pasa a la siguiente persona.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Accept an offer: residesk waitlist accept OFFER_ID (it becomes a reservation).</source>
        <translation>Aceptar una oferta: residesk waitlist accept OFFER_ID (se convierte en una reserva).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only a pending offer before its deadline. With --json: the reservation (keys as in &quot;allocations list&quot;: id, resident_id, room_id, from, to, state).</source>
        <translation>Solo una oferta pendiente antes de su plazo. Con --json: la reserva (claves como en &quot;allocations list&quot;: id, resident_id, room_id, from, to, state).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decline an offer: residesk waitlist decline OFFER_ID (the bed goes to the next person).</source>
        <translation>Rechazar una oferta: residesk waitlist decline OFFER_ID (la plaza pasa a la siguiente persona).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The resident leaves the list; the bed is offered to the next one.</source>
        <translation>El residente sale de la lista; la plaza se ofrece al siguiente.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A reservation&apos;s deposit: ID --require AMOUNT | --paid AMOUNT --reference R | --waive.</source>
        <translation>Depósito de una reserva: ID --require AMOUNT | --paid AMOUNT --reference R | --waive.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>--require: the reservation requires a deposit of AMOUNT (such as 250 or 250.00) before check-in. --paid: records the payment (at least the amount required; --date, default today, and --reference). --waive: an administrator waives it. Check-in is refused while a deposit is required. Without an action: shows it. With --json: an object with the keys allocation_id, state (required, paid, waived), required, paid, paid_on, reference, version (null when none).</source>
        <translation>--require: la reserva exige un depósito de AMOUNT (por ejemplo 250 o 250.00) antes de registrar la entrada. --paid: registra el pago (como mínimo el importe exigido; --date, por defecto hoy, y --reference). --waive: un administrador lo dispensa. Se rechaza el registro de la entrada mientras se exija un depósito. Sin acción: lo muestra. Con --json: un objeto con las claves allocation_id, state (required, paid, waived), required, paid, paid_on, reference, version (null si no hay ninguno).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The deposit required.</source>
        <translation>El depósito exigido.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>amount</source>
        <translation>importe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The amount paid.</source>
        <translation>El importe pagado.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The payment&apos;s reference (receipt or transfer).</source>
        <translation>La referencia del pago (recibo o transferencia).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day of the payment (YYYY-MM-DD; default today).</source>
        <translation>El día del pago (AAAA-MM-DD; por defecto hoy).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>date</source>
        <translation>fecha</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waive the deposit (administrators only).</source>
        <translation>Dispensar el depósito (solo administradores).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&quot;waitlist add&quot; needs --resident, --building and --room-type</source>
        <translation>&quot;waitlist add&quot; necesita --resident, --building y --room-type</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+36"/>
        <source>unknown room type &quot;%1&quot;; use one of %2</source>
        <translation>tipo de habitación desconocido «%1»; use uno de %2</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>add to the waitlist</source>
        <translation>añadir a la lista de espera</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waitlist entry %1: %2 is number %3 on the list for %4 rooms in %5.</source>
        <translation>Entrada %1 de la lista de espera: %2 ocupa el puesto %3 en la lista de habitaciones de tipo %4 en %5.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>list the waitlists</source>
        <translation>mostrar las listas de espera</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LIST</source>
        <translation>LISTA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STUDENT ID</source>
        <translation>N.º ESTUDIANTE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NAME</source>
        <translation>NOMBRE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>STATE</source>
        <translation>ESTADO</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>OFFER</source>
        <translation>OFERTA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROOM</source>
        <translation>HABITACIÓN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ANSWER BY</source>
        <translation>PLAZO DE RESPUESTA</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>a waitlist entry id</source>
        <translation>un id de entrada de la lista de espera</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>remove the waitlist entry</source>
        <translation>quitar la entrada de la lista de espera</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Waitlist entry %1 removed.</source>
        <translation>Entrada %1 de la lista de espera eliminada.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+27"/>
        <source>an offer id</source>
        <translation>un id de oferta</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>accept the offer</source>
        <translation>aceptar la oferta</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Offer %1 accepted: allocation %2, %3 in room %4 from %5.</source>
        <translation>Oferta %1 aceptada: asignación %2, %3 en la habitación %4 desde el %5.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>decline the offer</source>
        <translation>rechazar la oferta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Offer %1 declined; the bed goes to the next person on the waitlist.</source>
        <translation>Oferta %1 rechazada; la plaza pasa a la siguiente persona de la lista de espera.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>an allocation id</source>
        <translation>un id de asignación</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>give one of --require, --paid and --waive</source>
        <translation>indique una de las opciones --require, --paid y --waive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--paid needs --reference (the receipt or transfer number)</source>
        <translation>--paid necesita --reference (el número de recibo o de transferencia)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--%1 must be an amount above zero such as 250 or 250.00, not &quot;%2&quot;</source>
        <translation>--%1 debe ser un importe mayor que cero, como 250 o 250.00, no «%2»</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--date must be a date as YYYY-MM-DD, not &quot;%1&quot;</source>
        <translation>--date debe ser una fecha con el formato AAAA-MM-DD, no «%1»</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>require the deposit</source>
        <translation>exigir el depósito</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>record the payment</source>
        <translation>registrar el pago</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>waive the deposit</source>
        <translation>dispensar el depósito</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>read the deposit</source>
        <translation>leer el depósito</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Allocation %1: deposit %2.</source>
        <translation>Asignación %1: depósito %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allocation %1 requires no deposit.</source>
        <translation>La asignación %1 no exige depósito.</translation>
    </message>
</context>
<context>
    <name>WaitlistEntry</name>
    <message>
        <location filename="../models/housing/waitlist/waitlistentry.cpp" line="+51"/>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offered a bed</source>
        <translation>Plaza ofrecida</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Placed</source>
        <translation>Plaza asignada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Declined</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offer expired</source>
        <translation>Oferta caducada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removed</source>
        <translation>Retirada</translation>
    </message>
</context>
<context>
    <name>WaitlistOffer</name>
    <message>
        <location filename="../models/housing/waitlist/waitlistoffer.cpp" line="+56"/>
        <source>Pending</source>
        <translation>Pendiente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted</source>
        <translation>Aceptada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Declined</source>
        <translation>Rechazada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expired</source>
        <translation>Caducada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Withdrawn</source>
        <translation>Retirada</translation>
    </message>
</context>
<context>
    <name>WaitlistPage</name>
    <message>
        <location filename="../ui/allocations/waitlistpage.cpp" line="+26"/>
        <source>All buildings</source>
        <translation>Todos los edificios</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Accept offer</source>
        <translation>&amp;Aceptar oferta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Decline offer</source>
        <translation>&amp;Rechazar oferta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove from list</source>
        <translation>&amp;Quitar de la lista</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add to &amp;waitlist…</source>
        <translation>Añadir a la &amp;lista de espera…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waitlists</source>
        <translation>Listas de espera</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All room types</source>
        <translation>Todos los tipos de habitación</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Waitlist</source>
        <translation>Lista de espera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List</source>
        <translation>Lista</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resident</source>
        <translation>Residente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offer</source>
        <translation>Oferta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room</source>
        <translation>Habitación</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days</source>
        <translation>Días</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Answer by</source>
        <translation>Plazo de respuesta</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Put a resident at the end of the list of a building and room type.</source>
        <translation>Poner a un residente al final de la lista de un edificio y tipo de habitación.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The resident takes the bed offered: it becomes a reservation.</source>
        <translation>El residente acepta la plaza ofrecida: se convierte en una reserva.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The resident does not take the bed: it is offered to the next person.</source>
        <translation>El residente no acepta la plaza: se ofrece a la siguiente persona.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Building:</source>
        <translation>&amp;Edificio:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room &amp;type:</source>
        <translation>&amp;Tipo de habitación:</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>The waitlists could not be loaded: %1</source>
        <translation>No se han podido cargar las listas de espera: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>from %1</source>
        <translation>desde el %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%Ln resident(s) waiting, %1.</source>
        <translation>
            <numerusform>%Ln residente en espera, %1.</numerusform>
            <numerusform>%Ln residentes en espera, %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln offer(s) awaiting an answer</source>
        <translation>
            <numerusform>%Ln oferta pendiente de respuesta</numerusform>
            <numerusform>%Ln ofertas pendientes de respuesta</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Accept the offer to %1</source>
        <translation>Aceptar la oferta a %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decline the offer to %1</source>
        <translation>Rechazar la oferta a %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remove %1 from the waitlist</source>
        <translation>Quitar a %1 de la lista de espera</translation>
    </message>
</context>
<context>
    <name>WaitlistRepository</name>
    <message>
        <location filename="../models/housing/waitlist/waitlistrepository.cpp" line="+117"/>
        <source>%1 rooms in %2</source>
        <translation>habitaciones de tipo %1 en %2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Choose the resident.</source>
        <translation>Elija el residente.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the building.</source>
        <translation>Elija el edificio.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The notes must be at most %1 characters long.</source>
        <translation>Las notas deben tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+1"/>
        <source>The resident (id %1) does not exist.</source>
        <translation>El residente (id %1) no existe.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+1"/>
        <source>The building (id %1) does not exist.</source>
        <translation>El edificio (id %1) no existe.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is already on the waitlist for %2 (position %3).</source>
        <translation>%1 ya está en la lista de espera de %2 (puesto %3).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The waitlist entry was not stored.</source>
        <translation>No se ha guardado la entrada de la lista de espera.</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+322"/>
        <source>The waitlist entry (id %1) does not exist.</source>
        <translation>La entrada de la lista de espera (id %1) no existe.</translation>
    </message>
    <message>
        <location line="-266"/>
        <location line="+138"/>
        <source>The waitlist offer (id %1) does not exist.</source>
        <translation>La oferta de la lista de espera (id %1) no existe.</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>The deadline to answer must lie after the offer.</source>
        <translation>El plazo para responder debe ser posterior a la oferta.</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>The waitlist offer was not stored.</source>
        <translation>No se ha guardado la oferta de la lista de espera.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The offer %1 of room %2 to %3 is %4; only a pending offer can be answered.</source>
        <translation>La oferta %1 de la habitación %2 a %3 está %4; solo se puede responder a una oferta pendiente.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The offer %1 of room %2 to %3 expired at %4; it can no longer be accepted.</source>
        <translation>La oferta %1 de la habitación %2 a %3 caducó el %4; ya no se puede aceptar.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Another user answered the offer %1 of room %2 to %3 at the same time.</source>
        <translation>Otro usuario ha respondido al mismo tiempo a la oferta %1 de la habitación %2 a %3.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>From waitlist offer %1.</source>
        <translation>Procedente de la oferta %1 de la lista de espera.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>%1 is no longer on the waitlist for %2 (%3).</source>
        <translation>%1 ya no está en la lista de espera de %2 (%3).</translation>
    </message>
</context>
<context>
    <name>WaitlistTasks</name>
    <message>
        <location filename="../tasks/waitlist/waitlisttasks.cpp" line="+47"/>
        <location line="+51"/>
        <source>from %1 to %2</source>
        <translation>del %1 al %2</translation>
    </message>
    <message>
        <location line="-50"/>
        <location line="+52"/>
        <source>from %1 on</source>
        <translation>a partir del %1</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>A bed for you in %1</source>
        <translation>Una plaza para usted en %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dear %1,

a bed in room %2 (%3, %4 room) is free for you %5.

Please tell the housing office by %6 whether you take it. Without an answer by then the bed goes to the next person on the waitlist.

Offer number: %7

The housing office
</source>
        <translation>Estimado/a %1:

hay una plaza libre para usted en la habitación %2 (%3, habitación de tipo %4) %5.

Indique a la oficina de alojamiento, a más tardar el %6, si la acepta. Si no responde antes de esa fecha, la plaza pasará a la siguiente persona de la lista de espera.

Número de oferta: %7

La oficina de alojamiento
</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Waitlist: room %1 offered to %2</source>
        <translation>Lista de espera: habitación %1 ofrecida a %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offer %1, %2; answer due by %3.</source>
        <translation>Oferta %1, %2; respuesta a más tardar el %3.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The job names no room (room_id).</source>
        <translation>El trabajo no indica ninguna habitación (room_id).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nobody waits for this bed, or it is no longer free.</source>
        <translation>Nadie espera esta plaza o ya no está libre.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Room %1 offered to %2 until %3.</source>
        <translation>Habitación %1 ofrecida a %2 hasta el %3.</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n offer(s) expired</source>
        <translation>
            <numerusform>%n oferta caducada</numerusform>
            <numerusform>%n ofertas caducadas</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Offer a freed bed</source>
        <translation>Ofrecer una plaza liberada</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expire waitlist offers</source>
        <translation>Hacer caducar las ofertas de la lista de espera</translation>
    </message>
</context>
<context>
    <name>WorkOrderDialog</name>
    <message>
        <location filename="../ui/lab/workorderdialog.cpp" line="+22"/>
        <source>Work order</source>
        <translation>Orden de trabajo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>user name</source>
        <translation>nombre de usuario</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Analysis</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sample</source>
        <translation>Muestra</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Add analysis</source>
        <translation>&amp;Añadir análisis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Up</source>
        <translation>Subir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Down</source>
        <translation>Bajar</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Assigned &amp;vet:</source>
        <translation>&amp;Veterinario asignado:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Analyses:</source>
        <translation>Análisis:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Work order %1 — %2</source>
        <translation>Orden de trabajo %1 — %2</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>The work order cannot be loaded: %1</source>
        <translation>No se puede cargar la orden de trabajo: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing the values stored now. Review them and save again.</source>
        <translation>Se muestran los valores guardados actualmente. Revíselos y vuelva a guardar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not saved: this work order was changed by someone else. Your changes are kept.</source>
        <translation>No se ha guardado: otra persona ha modificado esta orden de trabajo. Sus cambios se conservan.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Someone else saved the work order of protocol %1 since you opened it.</source>
        <translation>Otra persona ha guardado la orden de trabajo del protocolo %1 desde que usted la abrió.</translation>
    </message>
</context>
<context>
    <name>WorkOrderPdfLayout</name>
    <message>
        <location filename="../tasks/pdf/workorderpdflayout.cpp" line="+65"/>
        <source>Work order</source>
        <translation>Orden de trabajo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not assigned</source>
        <translation>sin asignar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Species</source>
        <translation>Especie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Animal</source>
        <translation>Animal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assigned vet</source>
        <translation>Veterinario asignado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created</source>
        <translation>Creada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Updated</source>
        <translation>Actualizada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Analysis</source>
        <translation>Análisis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample</source>
        <translation>Muestra</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Requested analyses</source>
        <translation>Análisis solicitados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No analyses requested.</source>
        <translation>No se han solicitado análisis.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Work order %1 version %2</source>
        <translation>Orden de trabajo %1, versión %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol %1 · Client %2 · %3</source>
        <translation>Protocolo %1 · Cliente %2 · %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol %1</source>
        <translation>Protocolo %1</translation>
    </message>
</context>
<context>
    <name>WorkOrderRepository</name>
    <message>
        <location filename="../models/lab/workorderrepository.cpp" line="+82"/>
        <source>The vet&apos;s user name must be at most %1 characters long.</source>
        <translation>El nombre de usuario del veterinario puede tener como máximo %1 caracteres.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Analysis %1: the code is required.</source>
        <translation>Análisis %1: el código es obligatorio.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Analysis %1: the code must be at most %2 characters long.</source>
        <translation>Análisis %1: el código puede tener como máximo %2 caracteres.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Analysis %1: the name is required.</source>
        <translation>Análisis %1: el nombre es obligatorio.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Analysis %1: the name must be at most %2 characters long.</source>
        <translation>Análisis %1: el nombre puede tener como máximo %2 caracteres.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The work order no longer exists.</source>
        <translation>La orden de trabajo ya no existe.</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Protocol %1 is %2; its work order cannot be changed.</source>
        <translation>El protocolo %1 está %2; su orden de trabajo no se puede modificar.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Another user changed the work order of protocol %1 since you opened it. Reload to see their changes.</source>
        <translation>Otro usuario ha modificado la orden de trabajo del protocolo %1 desde que usted la abrió. Vuelva a cargarla para ver sus cambios.</translation>
    </message>
</context>
<context>
    <name>WorkOrdersPage</name>
    <message>
        <location filename="../ui/lab/workorderspage.cpp" line="+16"/>
        <source>Open PDF</source>
        <translation>Abrir PDF</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Edit the assigned vet, notes and analyses of the selected work order (Return)</source>
        <translation>Editar el veterinario asignado, las notas y los análisis de la orden de trabajo seleccionada (Intro)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search by protocol number, client or species…</source>
        <translation>Buscar por número de protocolo, cliente o especie…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the selected work order as PDF (Ctrl+Shift+W)</source>
        <translation>Mostrar la orden de trabajo seleccionada como PDF (Ctrl+Mayús+W)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Protocol s&amp;tate:</source>
        <translation>Es&amp;tado del protocolo:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>1 work order</source>
        <translation>1 orden de trabajo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%L1 work orders</source>
        <translation>%L1 órdenes de trabajo</translation>
    </message>
</context>
<context>
    <name>WorkOrdersTableModel</name>
    <message>
        <location filename="../models/itemmodels/workorderstablemodel.cpp" line="+66"/>
        <source>Protocol</source>
        <translation>Protocolo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Species</source>
        <translation>Especie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vet</source>
        <translation>Veterinario</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Analyses</source>
        <translation>Análisis</translation>
    </message>
</context>
</TS>
