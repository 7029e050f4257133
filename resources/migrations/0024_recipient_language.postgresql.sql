-- PostgreSQL: who may read and write the new columns. The table-wide grants of 0011 and
-- 0014 already reach every column of these tables, new ones too; the column grants
-- below say the same per column, so that the matrix stays right should a table's grants
-- ever be narrowed to columns:
--   residents:               housing, admin, worker read and write;
--   clients:                 vet, admin, worker read and write;
--   maintenance_technicians: housing, admin, worker read and write; vet reads.
GRANT SELECT (language), INSERT (language), UPDATE (language) ON residents
    TO residesk_housing, residesk_admin, residesk_worker;
GRANT SELECT (language), INSERT (language), UPDATE (language) ON clients
    TO residesk_vet, residesk_admin, residesk_worker;
GRANT SELECT (language), INSERT (language), UPDATE (language) ON maintenance_technicians
    TO residesk_housing, residesk_admin, residesk_worker;
GRANT SELECT (language) ON maintenance_technicians TO residesk_vet;
