#!/bin/sh
# What the audit trail of a bulk UPDATE costs the server, per 500-row statement (issue:
# bulk_receive_10000 may be at most 10 % slower with the audit than without). Backend
# CPU time (from /proc/self/schedstat, read by the backend itself), so the figure holds
# up on a busy machine better than wall time; every variant runs inside a transaction
# that is rolled back.
#
#   usage: [AUDIT_VARIANTS='none current …'] audit_designs.sh URL [ROUNDS]
#   URL: a superuser's connection to a database where
#        `residesk-bench bulk_receive_10000 --database URL` has run (10,000 protocols).
#   AUDIT_VARIANTS: the variants to run (all by default), in this order each round.
#
# Variants (each: 20 UPDATEs of 500 protocols, the bulk receive's statement shape; after
# the bulk receive it sets them back to submitted, so besides the bookkeeping the
# entries' text holds only the state):
#   none     the protocols' UPDATE audit trigger disabled
#   empty    a trigger that writes nothing (what capturing the transition tables costs)
#   no_text  the same batch without before and after (what making their JSON text costs)
#   current  the trail as the migrations write it: a row per statement, the records in
#            arrays (0031), with its indexes; before/after without the bookkeeping
#            columns and the key (0033)
#   text_0031   current with 0031's text: every column, version, updated_at, updated_by
#               and id too
#   with_key    current with the key (id) compared and kept as well (it never differs)
#   once        current's text, each column compared once per row (a LATERAL
#               sub-select of booleans, OFFSET 0 keeping it from being inlined)
#   once_inline the same without OFFSET 0: the planner inlines it, as current
#   int_text    current's text with integers as ::text rather than to_json (the same text)
#   chunked  current, always numbering the records for batches of 65,536 (what a
#            statement of more records than that does)
#   no_gin   current without the GIN index on the records' ids (the record history's)
#   lz4      current with the arrays compressed by lz4 instead of pglz
#   external current with the arrays stored uncompressed
#   per_row  the trail of migrations 0012-0025: a row per record, with its indexes
#            (person, record, job), written by the same generated function
set -eu
url=$1
rounds=${2:-8}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

psql "$url" -Atc "SELECT prosrc FROM pg_proc WHERE proname = 'residesk_audit_update_protocols'" > "$dir/body.txt"
psql "$url" -AtF '|' -c "SELECT attname, atttypid::regtype FROM pg_attribute
    WHERE attrelid = 'protocols'::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum" > "$dir/columns.txt"
python3 - "$dir" <<'PY'
import json, sys
d = sys.argv[1]
b = open(d + '/body.txt').read()
head, rest = b.split('    IF (SELECT count(*) FROM new_rows) > 65536 THEN', 1)
chunked = rest.split('        INSERT INTO audit_batches', 1)[1].split(';\n    ELSE', 1)[0]
plain = rest.split('    ELSE\n        INSERT INTO audit_batches', 1)[1].split(';\n    END IF;', 1)[0]
exprs = plain.split('FROM (SELECT ', 1)[1].split('0 AS chunk', 1)[0].rstrip().rstrip(',')
source = plain.split('0 AS chunk', 1)[1].rsplit(') x ', 1)[0].strip()  # FROM old_rows o JOIN new_rows n …
upto_action = plain.split(' AS action,', 1)[0] + ' AS action,\n    '
columns = [line.split('|') for line in open(d + '/columns.txt').read().split('\n') if line]
# The batch of `current` with its before/after text made another way, of the columns
# `cols` (in the table's order, each compared twice per row as 0031 and 0033 do);
# `once`: each compared once per row instead, in a LATERAL sub-select (`fence`: kept
# from being inlined by OFFSET 0); `int_text`: integers as ::text rather than
# to_json(…)::text (the same text).
def text_variant(cols, once=False, fence=True, int_text=False):
    def value(side, name, typ):
        v = ('%s.%s::text' if int_text and typ in ('integer', 'bigint', 'smallint') else 'to_json(%s.%s)::text') % (side, name)
        return "COALESCE(%s, 'null')" % v
    def text(side):
        parts = ["CASE WHEN %s THEN '%s:' || %s END"
                 % ('d.%s' % name if once else 'o.%s IS DISTINCT FROM n.%s' % (name, name), json.dumps(name),
                    value(side, name, typ))
                 for name, typ in cols]
        return "'{' || concat_ws(',', " + ',\n        '.join(parts) + ") || '}'"
    src = 'FROM old_rows o JOIN new_rows n ON n.id = o.id'
    if once:
        src += ('\n    CROSS JOIN LATERAL (SELECT '
                + ', '.join('o.%s IS DISTINCT FROM n.%s AS %s' % (c[0], c[0], c[0]) for c in cols)
                + (' OFFSET 0) d' if fence else ') d'))
    return fn('    INSERT INTO audit_batches' + upto_action + text('o') + ' AS before,\n    ' + text('n')
              + ' AS after,\n    0 AS chunk\n    ' + src + ') x HAVING count(*) > 0;')
def fn(insert):
    return ("SET LOCAL ROLE residesk_owner;\nCREATE OR REPLACE FUNCTION residesk_audit_update_protocols() RETURNS trigger "
            "LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $body$" + head + insert
            + "\n    RETURN NULL;\nEND\n$body$;\nRESET ROLE;\n")
w = lambda name, text: open(d + '/' + name + '.sql', 'w').write(text)
w('none', 'ALTER TABLE protocols DISABLE TRIGGER protocols_audit_update;\n')
w('current', 'SELECT 1;\n')
w('no_gin', 'DROP INDEX audit_batches_entity_ids_idx;\n')
w('empty', fn('    NULL;'))
w('no_text', fn('    INSERT INTO audit_batches' + plain.split('FROM (SELECT ', 1)[0] + 'FROM (SELECT n.id AS entity_id, NULL::text AS record_key, \'transition\'::text AS action, NULL::text AS before, NULL::text AS after, 0 AS chunk FROM old_rows o JOIN new_rows n ON n.id = o.id) x HAVING count(*) > 0;'))
w('lz4', 'ALTER TABLE audit_batches ALTER COLUMN befores SET COMPRESSION lz4, ALTER COLUMN afters SET COMPRESSION lz4, '
         'ALTER COLUMN entity_ids SET COMPRESSION lz4, ALTER COLUMN actions SET COMPRESSION lz4;\n')
w('external', 'ALTER TABLE audit_batches ALTER COLUMN befores SET STORAGE EXTERNAL, ALTER COLUMN afters SET STORAGE EXTERNAL, '
              'ALTER COLUMN entity_ids SET STORAGE EXTERNAL, ALTER COLUMN actions SET STORAGE EXTERNAL;\n')
w('chunked', fn('    INSERT INTO audit_batches' + chunked + ';'))
w('per_row', """SET LOCAL ROLE residesk_owner;
CREATE TABLE audit_rows (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, at bigint NOT NULL,
    username varchar(100) NOT NULL, entity varchar(32) NOT NULL, entity_id bigint NOT NULL, action varchar(32) NOT NULL,
    before text, after text, job_id bigint, session_login varchar(100), record_key varchar(200));
CREATE INDEX ON audit_rows (entity, entity_id, id);
CREATE INDEX ON audit_rows (username, id);
CREATE INDEX ON audit_rows USING brin (job_id);
RESET ROLE;
""" + fn("    INSERT INTO audit_rows (at, username, session_login, entity, job_id, entity_id, record_key, action, before, after)\n"
         "    SELECT v_at, v_person, v_login, 'protocol', v_job, " + exprs + "\n    " + source + ";"))
kept = [c for c in columns if c[0] not in ('id', 'version', 'updated_at', 'updated_by')]  # 0033's
w('text_0031', text_variant(columns))
w('with_key', text_variant([c for c in columns if c[0] == 'id' or c in kept]))
w('once', text_variant(kept, once=True))
w('once_inline', text_variant(kept, once=True, fence=False))
w('int_text', text_variant(kept, int_text=True))
PY

variants=${AUDIT_VARIANTS:-"none empty no_text current text_0031 with_key once once_inline int_text chunked no_gin lz4 external per_row"}
for r in $(seq "$rounds"); do
    for v in $variants; do
        {
            echo "SET client_min_messages = warning; SELECT set_config('residesk.job_id', '77', false); BEGIN;"
            cat "$dir/$v.sql"
            echo "SELECT split_part(pg_read_file('/proc/self/schedstat'), ' ', 1)::bigint AS t0 \\gset"
            for c in $(seq 0 19); do
                echo "UPDATE protocols SET state = CASE WHEN state = 'received' THEN 'submitted' ELSE 'received' END,
                      received_at = COALESCE(received_at, now()), version = version + 1, updated_at = CURRENT_TIMESTAMP
                      WHERE id BETWEEN $((c * 500 + 1)) AND $((c * 500 + 500));"
            done
            echo "SELECT 'RESULT', round(((split_part(pg_read_file('/proc/self/schedstat'), ' ', 1)::bigint - :t0) / 1e6 / 20)::numeric, 2);"
            echo "ROLLBACK;"
        } | psql "$url" -At -v ON_ERROR_STOP=1 | sed -n "s/^RESULT|/$v /p"
    done
done > "$dir/results"
echo "backend CPU per 500-row UPDATE, ms ($rounds rounds; min / median), and over 'none'"
base=$(awk '$1 == "none" {print $2}' "$dir/results" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
for v in $variants; do
    awk -v v="$v" '$1 == v {print $2}' "$dir/results" | sort -n |
        awk -v v="$v" -v base="$base" '{a[NR] = $1} END {m = a[int((NR + 1) / 2)];
            printf "%-10s min %6.2f  median %6.2f  +%5.2f ms  (%+.0f %%)\n", v, a[1], m, m - base, (m / base - 1) * 100}'
done
