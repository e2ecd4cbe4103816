ALTER TABLE `follow_ups` ADD `reply_to_id` integer REFERENCES follow_ups(id) ON DELETE set null;--> statement-breakpoint
DROP INDEX `notifications_once`;--> statement-breakpoint
ALTER TABLE `notifications` ADD `recipient_user_id` integer REFERENCES users(id) ON DELETE cascade;--> statement-breakpoint
ALTER TABLE `notifications` ADD `actor_id` integer REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `notifications` ADD `detail` text;--> statement-breakpoint
ALTER TABLE `notifications` ADD `event_key` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_once_per_event` ON `notifications` (`action_id`,`kind`,`due_on`,`event_key`);--> statement-breakpoint
CREATE INDEX `notifications_recipient` ON `notifications` (`recipient_user_id`);