-- Which notices also go by SMS (短信提醒), per committee: a JSON list of notice kinds
-- ("proposal.assign", "deadline.reminder", …). NULL: the built-in choice (the workflow's notice
-- rules that ask for SMS, the face-to-face arrangement, deadline reminders and escalations).
ALTER TABLE proposal_settings ADD COLUMN sms_kinds TEXT;
