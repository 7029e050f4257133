#!/usr/bin/python3
"""Reference figure for Residesk's bench bulk_receive_10000, written as idiomatic Django.

The same job as the C++ bench (tests/bench/bulkreceivecase.cpp) on the same schema and
the same rows: mark the 10,000 "submitted" protocols of the client "Bench 10000" as
"received" and, per protocol, write one audit entry, one outbox e-mail and one bulk job
item; plus the jobs and bulk_jobs rows of the job. All in one transaction, timed from
the first statement to the end of the COMMIT. Before every run the database is reset
exactly as the C++ bench's reset() does (not timed).

It says what the target of bulk_receive_10000 ("half of what the best idiomatic Django
takes") means on the machine at hand. Run it on a database the C++ bench has seeded,
alternating with the C++ bench so that both see the same load:
    build/tests/bench/residesk-bench bulk_receive_10000 --runs 1 --database "$URL"
    /usr/bin/python3 tests/bench/reference/bulk_receive_django.py --database "$URL" --runs 7
Needs Debian's python3-django (3.2) and python3-psycopg2 (not part of the build: only
this comparison uses them). batch_size 50 was the fastest of 20 to 1,000 and None here.
"""
import argparse
import json
import os
import statistics
import sys
import time
import uuid
from urllib.parse import parse_qsl, unquote, urlparse

import django
from django.conf import settings


def database_settings(url):
    u = urlparse(url)
    options = dict(parse_qsl(u.query))
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": unquote(u.path.lstrip("/")) or "postgres",
        "USER": unquote(u.username or ""),
        "PASSWORD": unquote(u.password or ""),
        "HOST": u.hostname or "",
        "PORT": str(u.port or ""),
        "OPTIONS": options,  # e.g. sslmode=disable
        "CONN_MAX_AGE": None,
    }


parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--database", default=os.environ.get("RESIDESK_DATABASE_URL", ""),
                    help="postgresql://user@host:port/db?sslmode=disable (or $RESIDESK_DATABASE_URL)")
parser.add_argument("--runs", type=int, default=5, help="timed runs after one warm-up")
parser.add_argument("--no-warmup", action="store_true", help="skip the warm-up run")
parser.add_argument("--batch-size", type=int, default=50,
                    help="bulk_create batch_size (default 50, the fastest here; 0: None, i.e. one INSERT per table)")
parser.add_argument("--client", default="Bench 10000")
args = parser.parse_args()
if not args.database:
    parser.error("no database URL (--database or $RESIDESK_DATABASE_URL)")

settings.configure(
    DEBUG=False,  # DEBUG=True would keep every query in memory
    USE_TZ=True,
    TIME_ZONE="UTC",
    INSTALLED_APPS=[],
    DATABASES={"default": database_settings(args.database)},
    DEFAULT_AUTO_FIELD="django.db.models.BigAutoField",
)
django.setup()

from django.db import connection, models, transaction  # noqa: E402
from django.db.models import F  # noqa: E402
from django.utils import timezone  # noqa: E402


# --- The existing tables (created by Residesk's migrations), unmanaged -------------------

class Client(models.Model):
    id = models.BigAutoField(primary_key=True)
    code = models.CharField(max_length=32, null=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16)
    email = models.CharField(max_length=254, default="")
    phone = models.CharField(max_length=40, default="")
    version = models.IntegerField(default=1)
    created_at = models.DateTimeField()
    created_by = models.CharField(max_length=100)
    updated_at = models.DateTimeField()
    updated_by = models.CharField(max_length=100)

    class Meta:
        app_label = "residesk"
        db_table = "clients"
        managed = False


class Protocol(models.Model):
    id = models.BigAutoField(primary_key=True)
    number = models.CharField(max_length=32)
    number_year = models.IntegerField()
    number_seq = models.IntegerField()
    client = models.ForeignKey(Client, on_delete=models.PROTECT, db_column="client_id", related_name="protocols")
    species = models.CharField(max_length=100)
    animal_id = models.CharField(max_length=100, default="")
    sample_count = models.IntegerField(default=1)
    sample_type = models.CharField(max_length=100, default="")
    state = models.CharField(max_length=16, default="submitted")
    submitted_at = models.DateTimeField()
    received_at = models.DateTimeField(null=True)
    version = models.IntegerField(default=1)
    created_at = models.DateTimeField()
    created_by = models.CharField(max_length=100)
    updated_at = models.DateTimeField()
    updated_by = models.CharField(max_length=100)

    class Meta:
        app_label = "residesk"
        db_table = "protocols"
        managed = False


class AuditEntry(models.Model):
    id = models.BigAutoField(primary_key=True)
    at = models.BigIntegerField()  # ms since the epoch (UTC)
    username = models.CharField(max_length=100)
    entity = models.CharField(max_length=32)
    entity_id = models.BigIntegerField()
    action = models.CharField(max_length=32)
    before = models.TextField(null=True)  # JSON text
    after = models.TextField(null=True)
    job_id = models.BigIntegerField(null=True)

    class Meta:
        app_label = "residesk"
        db_table = "audit_entries"
        managed = False


class OutboxEmail(models.Model):
    id = models.BigAutoField(primary_key=True)
    dedupe_key = models.CharField(max_length=300, null=True, unique=True)
    to_address = models.CharField(max_length=320)
    to_name = models.CharField(max_length=200, default="")
    from_address = models.CharField(max_length=320, null=True)
    from_name = models.CharField(max_length=200, null=True)
    subject = models.CharField(max_length=998)
    body_text = models.TextField()
    state = models.CharField(max_length=16, default="queued")
    attempts = models.IntegerField(default=0)
    max_attempts = models.IntegerField(default=8)
    next_attempt_at = models.BigIntegerField()
    last_error = models.TextField(default="")
    server_reply = models.TextField(default="")
    message_id = models.CharField(max_length=300, unique=True)
    claim_owner = models.CharField(max_length=200, null=True)
    claim_expires_at = models.BigIntegerField(null=True)
    sending_owner = models.CharField(max_length=200, null=True)
    sending_job_id = models.BigIntegerField(null=True)
    sending_started_at = models.BigIntegerField(null=True)
    sent_at = models.BigIntegerField(null=True)
    resolution = models.CharField(max_length=16, null=True)
    resolved_by = models.CharField(max_length=100, null=True)
    resolved_at = models.BigIntegerField(null=True)
    related_entity = models.CharField(max_length=100, default="")
    related_id = models.BigIntegerField(null=True)
    created_by = models.CharField(max_length=100)
    created_at = models.BigIntegerField()
    updated_at = models.BigIntegerField()
    version = models.IntegerField(default=1)

    class Meta:
        app_label = "residesk"
        db_table = "outbox_emails"
        managed = False


class Job(models.Model):
    id = models.BigAutoField(primary_key=True)
    kind = models.CharField(max_length=100)
    payload = models.TextField(default="{}")
    state = models.CharField(max_length=16, default="queued")
    priority = models.IntegerField(default=0)
    progress_done = models.BigIntegerField(default=0)
    progress_total = models.BigIntegerField(default=0)
    progress_message = models.CharField(max_length=500, default="")
    attempts = models.IntegerField(default=0)
    max_attempts = models.IntegerField(default=3)
    run_after = models.BigIntegerField()
    lease_owner = models.CharField(max_length=200, null=True)
    lease_expires_at = models.BigIntegerField(null=True)
    cancel_requested = models.IntegerField(default=0)
    last_error = models.TextField(default="")
    result = models.TextField(null=True)
    checkpoint = models.TextField(null=True)
    unique_key = models.CharField(max_length=200, null=True)
    notify_creator = models.IntegerField(default=0)
    created_by = models.CharField(max_length=100)
    created_at = models.BigIntegerField()
    started_at = models.BigIntegerField(null=True)
    finished_at = models.BigIntegerField(null=True)
    updated_at = models.BigIntegerField()

    class Meta:
        app_label = "residesk"
        db_table = "jobs"
        managed = False


class BulkJob(models.Model):
    job = models.OneToOneField(Job, on_delete=models.CASCADE, primary_key=True, db_column="job_id",
                               related_name="bulk")
    to_state = models.CharField(max_length=16, null=True)
    undo_of = models.OneToOneField(Job, on_delete=models.CASCADE, null=True, db_column="undo_of",
                                   related_name="undone_by")
    selection = models.TextField(default="[]")  # JSON array of protocol ids
    selected = models.BigIntegerField()
    created_at = models.BigIntegerField()

    class Meta:
        app_label = "residesk"
        db_table = "bulk_jobs"
        managed = False


class BulkJobItem(models.Model):
    # The table's key is (job_id, protocol_id); Django 3.2 has no composite keys, so
    # protocol_id stands in as the model's primary key (unique within one job, which is
    # all this script writes). It is set by the caller, so bulk_create needs no RETURNING.
    job = models.ForeignKey(BulkJob, on_delete=models.CASCADE, db_column="job_id", related_name="items")
    protocol_id = models.BigIntegerField(primary_key=True)
    protocol_number = models.CharField(max_length=32, default="")
    outcome = models.CharField(max_length=16)
    reason = models.TextField(default="")
    note = models.TextField(default="")
    before_state = models.CharField(max_length=16, null=True)
    after_state = models.CharField(max_length=16, null=True)
    before_version = models.IntegerField(null=True)
    after_version = models.IntegerField(null=True)
    before_received_at = models.DateTimeField(null=True)

    class Meta:
        app_label = "residesk"
        db_table = "bulk_job_items"
        managed = False


# --- The job --------------------------------------------------------------------------------

USER = "django"
BODY = ("Dear {name},\n\nprotocol {number} ({animal}) is now received.\n\n"
        "This message was sent automatically by the veterinary diagnostic lab; "
        "you do not need to answer it.\n")


def ms(dt):
    return int(dt.timestamp() * 1000)


def iso_ms(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (dt.microsecond // 1000)


def bulk_receive(client_id, batch_size):
    """Marks the client's submitted protocols received, with their audit entries,
    e-mails and items; returns how many changed."""
    now = timezone.now()
    now_ms = ms(now)
    with transaction.atomic():
        job = Job.objects.create(
            kind="protocols.transition",
            payload=json.dumps({"filter": {"client_id": client_id, "state": "submitted"}, "to": "received"}),
            state="running", priority=0, attempts=1, max_attempts=5, run_after=now_ms,
            notify_creator=1, created_by=USER, created_at=now_ms, started_at=now_ms, updated_at=now_ms)

        # Lock the rows (FOR UPDATE OF protocols only), with what the e-mail needs.
        protocols = list(
            Protocol.objects.select_related("client").select_for_update(of=("self",))
            .filter(client_id=client_id, state="submitted").order_by("id")
            .only("id", "number", "species", "animal_id", "state", "version", "received_at",
                  "client__name", "client__email"))
        ids = [p.id for p in protocols]
        bulk_job = BulkJob.objects.create(job=job, to_state="received", selection=json.dumps(ids),
                                          selected=len(ids), created_at=now_ms)

        Protocol.objects.filter(pk__in=ids).update(
            state="received", version=F("version") + 1, received_at=now, updated_at=now, updated_by=USER)

        after_received = iso_ms(now)
        audits, emails, items = [], [], []
        for p in protocols:
            before = {"received_at": iso_ms(p.received_at) if p.received_at else None,
                      "state": p.state, "version": p.version}
            after = {"received_at": after_received, "state": "received", "version": p.version + 1}
            audits.append(AuditEntry(
                at=now_ms, username=USER, entity="protocol", entity_id=p.id, action="transition",
                before=json.dumps(before, separators=(",", ":")),
                after=json.dumps(after, separators=(",", ":")), job_id=job.id))
            client = p.client
            note = ""
            if client.email:
                animal = f"{p.species}, animal {p.animal_id}" if p.animal_id else p.species
                emails.append(OutboxEmail(
                    dedupe_key=f"protocol-received/job{job.id}/{p.id}",
                    to_address=client.email, to_name=client.name,
                    subject=f"Protocol {p.number}: samples received",
                    body_text=BODY.format(name=client.name, number=p.number, animal=animal),
                    next_attempt_at=now_ms, message_id=f"<{uuid.uuid4()}@residesk.local>",
                    related_entity="protocol", related_id=p.id,
                    created_by=USER, created_at=now_ms, updated_at=now_ms))
            else:
                note = f"No e-mail sent: the client {client.name} has no e-mail address."
            items.append(BulkJobItem(
                job=bulk_job, protocol_id=p.id, protocol_number=p.number, outcome="changed", note=note,
                before_state=p.state, after_state="received",
                before_version=p.version, after_version=p.version + 1,
                before_received_at=p.received_at))

        batch = batch_size or None
        AuditEntry.objects.bulk_create(audits, batch_size=batch)
        OutboxEmail.objects.bulk_create(emails, batch_size=batch)
        BulkJobItem.objects.bulk_create(items, batch_size=batch)

        done_ms = ms(timezone.now())
        Job.objects.filter(pk=job.pk).update(
            state="succeeded", progress_done=len(ids), progress_total=len(ids), finished_at=done_ms,
            updated_at=done_ms,
            result=json.dumps({"changed": len(ids), "emails": len(emails), "selected": len(ids),
                               "to": "received"}))
    return len(ids)


# --- Reset and check, as tests/bench/bulkreceivecase.cpp (not timed) --------------------------

def reset(client_id):
    with transaction.atomic():
        with connection.cursor() as cur:
            cur.execute("UPDATE protocols SET state = 'submitted', received_at = NULL, version = 1 "
                        "WHERE client_id = %s AND (state <> 'submitted' OR version <> 1)", [client_id])
            for sql in ("DELETE FROM bulk_jobs",
                        "DELETE FROM audit_entries WHERE job_id IS NOT NULL",
                        "DELETE FROM outbox_emails",
                        "DELETE FROM notifications",
                        "DELETE FROM jobs"):
                cur.execute(sql)
    with connection.cursor() as cur:  # autocommit: VACUUM cannot run in a transaction
        for table in ("protocols", "bulk_jobs", "bulk_job_items", "audit_entries", "outbox_emails", "jobs",
                      "notifications"):
            cur.execute("VACUUM ANALYZE " + table)


def check(client_id, expected):
    counts = (
        Protocol.objects.filter(client_id=client_id, state="received", version=2, received_at__isnull=False).count(),
        AuditEntry.objects.filter(job_id__isnull=False).count(),
        OutboxEmail.objects.count(),
        BulkJobItem.objects.filter(outcome="changed").count(),
        Job.objects.filter(state="succeeded").count(),
        BulkJob.objects.count(),
    )
    if counts != (expected, expected, expected, expected, 1, 1):
        sys.exit(f"bulk_receive_django: unexpected rows after the run: {counts}")


def sched_ms(pid):
    """CPU time and time waiting for a CPU (ms) of a local process, from /proc/PID/schedstat."""
    try:
        with open(f"/proc/{pid}/schedstat") as f:
            run, wait = f.read().split()[:2]
        return int(run) / 1e6, int(wait) / 1e6
    except (OSError, ValueError):
        return None


def main():
    client_id = Client.objects.get(name=args.client).id
    with connection.cursor() as cur:
        cur.execute("SELECT pg_backend_pid()")
        backend = cur.fetchone()[0]
    samples, client_cpu, server_cpu = [], [], []
    for i in range(-1, args.runs):
        if i < 0 and args.no_warmup:
            continue
        reset(client_id)
        sched0 = sched_ms(backend)
        cpu0 = time.process_time()
        start = time.perf_counter()
        changed = bulk_receive(client_id, args.batch_size)
        elapsed = (time.perf_counter() - start) * 1000
        cpu = (time.process_time() - cpu0) * 1000
        sched1 = sched_ms(backend)
        server, waited = ((sched1[0] - sched0[0], sched1[1] - sched0[1]) if sched0 and sched1 else (-1, -1))
        check(client_id, changed)
        print(f"{'warm-up:' if i < 0 else 'run:'} {elapsed:.1f} ms ({changed} protocols); cpu: client {cpu:.1f} ms, "
              f"server {server:.1f} ms (server waited {waited:.1f} ms for a cpu)", flush=True)
        if i >= 0:
            samples.append(elapsed)
            client_cpu.append(cpu)
            server_cpu.append(server)
    if samples:
        def line(label, values):
            return (f"{label}: median {statistics.median(values):.2f} ms, min {min(values):.2f} ms, "
                    f"max {max(values):.2f} ms ({len(values)} runs)")
        print(line("bulk_receive_django client cpu", client_cpu))
        print(line("bulk_receive_django server cpu", server_cpu))
        print(line("bulk_receive_django", samples) +
              f"; batch_size {args.batch_size or 'None'}; Django {django.get_version()}", flush=True)


if __name__ == "__main__":
    main()
