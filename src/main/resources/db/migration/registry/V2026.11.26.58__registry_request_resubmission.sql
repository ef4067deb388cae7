-- a returned change request is corrected and sent again as a new request that names the one it follows; the returned
-- request keeps its reason; each returned request is resubmitted at most once
alter table registry.change_request add column resubmits uuid references registry.change_request (id);
create unique index change_request_resubmits on registry.change_request (resubmits) where resubmits is not null;
