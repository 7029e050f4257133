-- Period reports as jobs (tasks/reports): who may queue them. Housing staff and
-- administrators the occupancy and maintenance reports, vets and administrators the lab's
-- turnaround. They read only what their creator may read (the job runs as that person).
INSERT INTO job_kind_roles (kind, role) VALUES
    ('report.occupancy', 'residesk_housing'),
    ('report.occupancy', 'residesk_admin'),
    ('report.maintenance', 'residesk_housing'),
    ('report.maintenance', 'residesk_admin'),
    ('report.turnaround', 'residesk_vet'),
    ('report.turnaround', 'residesk_admin');
