CREATE TABLE `unit_group_members` (
	`group_code` text NOT NULL,
	`member_code` text NOT NULL,
	PRIMARY KEY(`group_code`, `member_code`),
	FOREIGN KEY (`group_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`member_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_group_members_member` ON `unit_group_members` (`member_code`);--> statement-breakpoint
CREATE TABLE `units` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`aliases` text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`title` text,
	`unit_code` text,
	`variants` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_key_unique` ON `people` (`key`);--> statement-breakpoint
CREATE TABLE `auth_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `auth_sessions_user` ON `auth_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`unit_code` text,
	`email` text,
	`password_hash` text NOT NULL,
	`disabled` integer DEFAULT false NOT NULL,
	`calendar_token` text,
	`created_at` text NOT NULL,
	`password_changed_at` text NOT NULL,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE UNIQUE INDEX `users_calendar_token_unique` ON `users` (`calendar_token`);--> statement-breakpoint
CREATE TABLE `paragraphs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`ordinal` integer NOT NULL,
	`text` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`speaker` text,
	`media_start_ms` integer,
	`media_end_ms` integer,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `paragraphs_session_ordinal` ON `paragraphs` (`session_id`,`ordinal`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`kind` text DEFAULT 'webinar' NOT NULL,
	`held_on` text,
	`series` text,
	`organiser` text,
	`source_kind` text NOT NULL,
	`source_text` text NOT NULL,
	`body` text NOT NULL,
	`content_hash` text NOT NULL,
	`media_url` text,
	`tags` text DEFAULT '[]' NOT NULL,
	`speakers` text DEFAULT '[]' NOT NULL,
	`notes` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_slug_unique` ON `sessions` (`slug`);--> statement-breakpoint
CREATE INDEX `sessions_held_on` ON `sessions` (`held_on`);--> statement-breakpoint
CREATE INDEX `sessions_series` ON `sessions` (`series`);--> statement-breakpoint
CREATE TABLE `directives` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`session_id` integer NOT NULL,
	`anchor` text NOT NULL,
	`quote` text NOT NULL,
	`start` integer NOT NULL,
	`end` integer NOT NULL,
	`speaker` text,
	`kind` text NOT NULL,
	`refs` text DEFAULT '[]' NOT NULL,
	`assignee_code` text,
	`recipient_code` text,
	`due_rule` text,
	`due_on` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`cues` text DEFAULT '[]' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignee_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `directives_session_anchor` ON `directives` (`session_id`,`anchor`);--> statement-breakpoint
CREATE INDEX `directives_status` ON `directives` (`status`);--> statement-breakpoint
CREATE TABLE `action_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`directive_id` integer NOT NULL,
	`unit_code` text NOT NULL,
	`due_on` text,
	`recipient_code` text,
	`priority` text DEFAULT 'normal' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`status_reason` text,
	`progress` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`directive_id`) REFERENCES `directives`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recipient_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_items_directive_unit` ON `action_items` (`directive_id`,`unit_code`);--> statement-breakpoint
CREATE INDEX `action_items_unit_due` ON `action_items` (`unit_code`,`due_on`);--> statement-breakpoint
CREATE INDEX `action_items_status` ON `action_items` (`status`);--> statement-breakpoint
CREATE TABLE `blobs` (
	`sha256` text PRIMARY KEY NOT NULL,
	`size` integer NOT NULL,
	`content` blob NOT NULL
);
--> statement-breakpoint
CREATE TABLE `evidence_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`follow_up_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`file_name` text NOT NULL,
	`mime_type` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`follow_up_id`) REFERENCES `follow_ups`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sha256`) REFERENCES `blobs`(`sha256`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_files_follow_up` ON `evidence_files` (`follow_up_id`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`author_id` integer,
	`kind` text NOT NULL,
	`note` text,
	`progress` integer,
	`letter_number` text,
	`letter_date` text,
	`idempotency_key` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `action_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follow_ups_idempotency_key_unique` ON `follow_ups` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `follow_ups_action` ON `follow_ups` (`action_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`event` text NOT NULL,
	`entity` text,
	`entity_id` text,
	`before` text,
	`after` text,
	`detail` text,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity` ON `audit_log` (`entity`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`action_id` integer NOT NULL,
	`unit_code` text NOT NULL,
	`kind` text NOT NULL,
	`due_on` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	`emailed_at` text,
	FOREIGN KEY (`action_id`) REFERENCES `action_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_code`) REFERENCES `units`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_once` ON `notifications` (`action_id`,`kind`,`due_on`);--> statement-breakpoint
CREATE INDEX `notifications_unit` ON `notifications` (`unit_code`);--> statement-breakpoint
CREATE TABLE `search_segments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`session_ids` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `search_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
