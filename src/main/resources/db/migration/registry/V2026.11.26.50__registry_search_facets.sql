-- Search facets and the expert finder (issue 6). Derived on every write (Profiles.refreshDerived) and by the
-- bulk loader, like current_org_unit: the fields of study of a person's degrees and expertise, the highest
-- academic title, the province of residence and of the hometown, and the weighted expertise document
-- (A: names of fields of study, B: expertise keywords, C: titles of S&T works and publications; folded text).
alter table registry.person
  add column fields             text[] not null default '{}',
  add column academic_title     varchar(30),
  add column residence_province uuid,
  add column hometown_province  uuid,
  add column expertise          tsvector;

create index person_fields on registry.person using gin (fields);
create index person_expertise on registry.person using gin (expertise);

-- what is derivable without the catalog: field and title codes; the expertise document and provinces are
-- recomputed for rows with a null expertise by RegistrySearchBackfill at start-up
update registry.person p set
  fields = coalesce((select array_agg(distinct f) from (
      select coalesce(nullif(pp.attributes->>'fieldOfStudy', ''), nullif(pp.attributes->>'field', '')) as f
      from registry.person_part pp where pp.person_id = p.id and pp.kind in ('DEGREE', 'EXPERTISE')) x
    where f is not null), '{}'),
  academic_title = (select case when bool_or(pp.attributes->>'title' = 'GS') then 'GS' else max(pp.attributes->>'title') end
    from registry.person_part pp where pp.person_id = p.id and pp.kind = 'ACADEMIC_TITLE');
