CREATE INDEX `sessions_status_updated` ON `sessions` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `sessions_status_hash` ON `sessions` (`status`,`content_hash`);