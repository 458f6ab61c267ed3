CREATE TABLE `setup_code` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`issued_by` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `setup_code_user_idx` ON `setup_code` (`user_id`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`password_hash` text,
	`role` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text,
	`updated_at` integer NOT NULL,
	`last_login_at` integer,
	`password_changed_at` integer,
	`failed_login_count` integer DEFAULT 0 NOT NULL,
	`failed_window_started_at` integer,
	`locked_until` integer,
	`lockout_count` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);--> statement-breakpoint
CREATE INDEX `user_role_active_idx` ON `user` (`role`,`is_active`);--> statement-breakpoint
CREATE TABLE `user_manager` (
	`admin_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`granted_by` text,
	PRIMARY KEY(`admin_id`, `user_id`),
	FOREIGN KEY (`admin_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `user_manager_user_idx` ON `user_manager` (`user_id`);--> statement-breakpoint
CREATE TABLE `audit_entry` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`actor_id` text,
	`actor_email` text,
	`target_user_id` text,
	`target_email` text,
	`details` text,
	`workstation` text
);
--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_entry` (`at`);--> statement-breakpoint
CREATE INDEX `audit_target_idx` ON `audit_entry` (`target_user_id`);--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_entry` (`actor_id`);--> statement-breakpoint
CREATE TABLE `quota_policy` (
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`period` text NOT NULL,
	`limit` integer NOT NULL,
	`usage_reset_at` integer,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `kind`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `quota_reservation` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`units` integer NOT NULL,
	`job_id` text NOT NULL,
	`state` text NOT NULL,
	`created_at` integer NOT NULL,
	`settled_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `quota_reservation_usage_idx` ON `quota_reservation` (`user_id`,`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `quota_reservation_job_idx` ON `quota_reservation` (`job_id`);--> statement-breakpoint
CREATE INDEX `quota_reservation_state_idx` ON `quota_reservation` (`state`);--> statement-breakpoint
CREATE TABLE `job` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`provider` text NOT NULL,
	`model` text NOT NULL,
	`status` text NOT NULL,
	`prompt` text NOT NULL,
	`negative_prompt` text,
	`params` text NOT NULL,
	`input_ids` text NOT NULL,
	`parent_media_id` text,
	`idempotency_key` text,
	`units` integer NOT NULL,
	`workstation_host` text NOT NULL,
	`workstation_user` text NOT NULL,
	`workstation_ip` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`submitted_at` integer,
	`operation_name` text,
	`response_id` text,
	`finished_at` integer,
	`error_code` text,
	`error_message` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `job_user_created_idx` ON `job` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `job_status_idx` ON `job` (`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `job_idempotency_idx` ON `job` (`user_id`,`idempotency_key`);--> statement-breakpoint
CREATE TABLE `media` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`job_id` text,
	`rel_path` text NOT NULL,
	`thumb_rel_path` text,
	`mime_type` text NOT NULL,
	`bytes` integer NOT NULL,
	`width` integer,
	`height` integer,
	`duration_ms` integer,
	`prompt` text,
	`negative_prompt` text,
	`model` text,
	`params` text,
	`input_ids` text,
	`parent_media_id` text,
	`favorite` integer DEFAULT false NOT NULL,
	`missing` integer DEFAULT false NOT NULL,
	`workstation_host` text NOT NULL,
	`workstation_user` text NOT NULL,
	`workstation_ip` text,
	`provider_ref` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`job_id`) REFERENCES `job`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`parent_media_id`) REFERENCES `media`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `media_user_created_idx` ON `media` (`user_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `media_created_idx` ON `media` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `media_job_idx` ON `media` (`job_id`);--> statement-breakpoint
CREATE INDEX `media_parent_idx` ON `media` (`parent_media_id`);--> statement-breakpoint
CREATE TABLE `secret` (
	`name` text PRIMARY KEY NOT NULL,
	`sealed` blob NOT NULL,
	`protection` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `setting` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text
);
