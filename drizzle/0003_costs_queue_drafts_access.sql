CREATE TABLE `draft` (
	`user_id` text NOT NULL,
	`page` text NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `page`),
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `user` ADD `theme` text;--> statement-breakpoint
ALTER TABLE `user` ADD `model_access` text;--> statement-breakpoint
ALTER TABLE `job` ADD `estimated_cost_micros` integer;--> statement-breakpoint
ALTER TABLE `job` ADD `actual_cost_micros` integer;--> statement-breakpoint
ALTER TABLE `job` ADD `price_as_of` text;--> statement-breakpoint
ALTER TABLE `job` ADD `not_before` integer;--> statement-breakpoint
ALTER TABLE `job` ADD `rate_limited_since` integer;--> statement-breakpoint
CREATE INDEX `job_created_idx` ON `job` (`created_at`,`id`);