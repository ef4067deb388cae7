-- Indicators: typed by the unit (MANUAL) or computed from the registry as of the period's cut-off end
-- (COMPUTED), so units do not retype what the system knows. Totals over units add up (SUM) or are averaged
-- (MEAN, for shares and ratios).
create table program.indicator (
  code         varchar(60) primary key,
  position     int not null,
  name         text not null,
  unit         varchar(60) not null,
  -- MANUAL or COMPUTED
  source       varchar(10) not null check (source in ('MANUAL', 'COMPUTED')),
  -- for COMPUTED: INTELLECTUALS, DOCTORATES, YOUNG_INTELLECTUALS (intellectuals with a position in the unit's subtree)
  computation  varchar(40),
  aggregation  varchar(10) not null default 'SUM' check (aggregation in ('SUM', 'MEAN')),
  check ((source = 'COMPUTED') = (computation is not null))
);
insert into program.indicator (code, position, name, unit, source, computation, aggregation) values
  ('INTELLECTUALS', 1, 'Số trí thức trong đơn vị (có vị trí công tác trong đơn vị và các đơn vị trực thuộc)', 'người', 'COMPUTED', 'INTELLECTUALS', 'SUM'),
  ('DOCTORATES', 2, 'Số trí thức có trình độ tiến sĩ, tiến sĩ khoa học', 'người', 'COMPUTED', 'DOCTORATES', 'SUM'),
  ('YOUNG_INTELLECTUALS', 3, 'Số trí thức trẻ', 'người', 'COMPUTED', 'YOUNG_INTELLECTUALS', 'SUM'),
  ('POPULATION', 4, 'Dân số trên địa bàn (để tính tỷ lệ trên 10.000 dân)', 'người', 'MANUAL', null, 'SUM'),
  ('RND_STAFF_PER_10000', 5, 'Nhân lực nghiên cứu và phát triển toàn thời gian trên 10.000 dân', 'người/10.000 dân', 'MANUAL', null, 'MEAN'),
  ('BASIC_SCIENCE_LEARNERS_SHARE', 6, 'Tỷ lệ người học các ngành khoa học cơ bản, kỹ thuật và công nghệ', '%', 'MANUAL', null, 'MEAN'),
  ('WOMEN_MINORITY_STI_SHARE', 7, 'Tỷ lệ nữ và người dân tộc thiểu số trong nhân lực khoa học và công nghệ', '%', 'MANUAL', null, 'MEAN'),
  ('OVERSEAS_EXPERT_ENGAGEMENTS', 8, 'Lượt chuyên gia, trí thức người Việt Nam ở nước ngoài tham gia', 'lượt', 'MANUAL', null, 'SUM');

-- Targets per indicator and unit: a row with a reporting unit is that unit's target; without one, the program's.
-- Either way each names the document it comes from.
alter table program.target add column reporting_unit_id uuid references program.reporting_unit (id) on delete cascade;
alter table program.target add column created_by varchar(64);
create index target_unit on program.target (program_id, reporting_unit_id, indicator_code);
