-- The national public holidays and make-up working days (调休上班) that a committee's
-- working-day calendar starts from. The first time a committee's calendar is loaded for a year
-- listed here (modules/proposals/calendar.cpp), that year's days are copied into its
-- calendar_days, days it already lists keeping its own setting, and the year is marked in
-- calendar_seeded_years: staff then change or delete the copied days, and they do not come back.
-- A later year is shipped by a new migration that inserts its rows here.
CREATE TABLE public_calendar_days (
  day TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT ''
);

CREATE TABLE calendar_seeded_years (
  committee_id BIGINT NOT NULL REFERENCES committees(id) ON DELETE CASCADE,
  year TEXT NOT NULL,
  PRIMARY KEY (committee_id, year)
);

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知 (2025年11月4日, 新华社 11月4日电), the whole
-- arrangement: every day off (放假调休) and every make-up working day.
INSERT INTO public_calendar_days (day, kind, name) VALUES
  ('2026-01-01', 'holiday', '元旦'),
  ('2026-01-02', 'holiday', '元旦'),
  ('2026-01-03', 'holiday', '元旦'),
  ('2026-01-04', 'workday', '元旦调休上班'),
  ('2026-02-14', 'workday', '春节调休上班'),
  ('2026-02-15', 'holiday', '春节'),
  ('2026-02-16', 'holiday', '春节'),
  ('2026-02-17', 'holiday', '春节'),
  ('2026-02-18', 'holiday', '春节'),
  ('2026-02-19', 'holiday', '春节'),
  ('2026-02-20', 'holiday', '春节'),
  ('2026-02-21', 'holiday', '春节'),
  ('2026-02-22', 'holiday', '春节'),
  ('2026-02-23', 'holiday', '春节'),
  ('2026-02-28', 'workday', '春节调休上班'),
  ('2026-04-04', 'holiday', '清明节'),
  ('2026-04-05', 'holiday', '清明节'),
  ('2026-04-06', 'holiday', '清明节'),
  ('2026-05-01', 'holiday', '劳动节'),
  ('2026-05-02', 'holiday', '劳动节'),
  ('2026-05-03', 'holiday', '劳动节'),
  ('2026-05-04', 'holiday', '劳动节'),
  ('2026-05-05', 'holiday', '劳动节'),
  ('2026-05-09', 'workday', '劳动节调休上班'),
  ('2026-06-19', 'holiday', '端午节'),
  ('2026-06-20', 'holiday', '端午节'),
  ('2026-06-21', 'holiday', '端午节'),
  ('2026-09-20', 'workday', '国庆节调休上班'),
  ('2026-09-25', 'holiday', '中秋节'),
  ('2026-09-26', 'holiday', '中秋节'),
  ('2026-09-27', 'holiday', '中秋节'),
  ('2026-10-01', 'holiday', '国庆节'),
  ('2026-10-02', 'holiday', '国庆节'),
  ('2026-10-03', 'holiday', '国庆节'),
  ('2026-10-04', 'holiday', '国庆节'),
  ('2026-10-05', 'holiday', '国庆节'),
  ('2026-10-06', 'holiday', '国庆节'),
  ('2026-10-07', 'holiday', '国庆节'),
  ('2026-10-10', 'workday', '国庆节调休上班');

-- 2027: the State Council's arrangement for 2027 was not available when this was written, so only
-- the statutory holidays of 《全国年节及纪念日放假办法》 (2024 revision: 元旦 1 day, 春节 4 days
-- from 除夕, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3) are listed, on their 2027 dates (lunar dates
-- from the new moons in Beijing time; 清明 is the solar term's day). No make-up working days and
-- no bridging days: staff add them on the 工作日历 page once the arrangement is published.
INSERT INTO public_calendar_days (day, kind, name) VALUES
  ('2027-01-01', 'holiday', '元旦'),
  ('2027-02-05', 'holiday', '春节（除夕）'),
  ('2027-02-06', 'holiday', '春节'),
  ('2027-02-07', 'holiday', '春节'),
  ('2027-02-08', 'holiday', '春节'),
  ('2027-04-05', 'holiday', '清明节'),
  ('2027-05-01', 'holiday', '劳动节'),
  ('2027-05-02', 'holiday', '劳动节'),
  ('2027-06-09', 'holiday', '端午节'),
  ('2027-09-15', 'holiday', '中秋节'),
  ('2027-10-01', 'holiday', '国庆节'),
  ('2027-10-02', 'holiday', '国庆节'),
  ('2027-10-03', 'holiday', '国庆节');
