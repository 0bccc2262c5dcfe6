import { Migration } from '@mikro-orm/migrations';

export class Migration20261202064336 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create schema if not exists "notifications";`);
    this.addSql(`create table "notifications"."delivery" ("id" uuid not null, "event_id" uuid not null, "event_at" timestamptz not null, "user_id" uuid not null, "kind" varchar(64) not null, "category" varchar(32) not null, "channel" varchar(8) not null, "address" varchar(320) not null, "subject" varchar(300) not null, "text" text not null, "html" text null, "headers" jsonb null, "status" varchar(16) not null default 'queued', "attempts" smallint not null default 0, "next_attempt_at" timestamptz not null, "lease_until" timestamptz null, "provider_id" varchar(300) null, "last_error" varchar(500) null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "delivery_pkey" primary key ("id"));`);
    this.addSql(`create index "delivery_status_next_attempt_at_index" on "notifications"."delivery" ("status", "next_attempt_at");`);
    this.addSql(`create index "delivery_created_at_id_index" on "notifications"."delivery" ("created_at", "id");`);
    this.addSql(`create index "delivery_user_id_created_at_index" on "notifications"."delivery" ("user_id", "created_at");`);
    this.addSql(`alter table "notifications"."delivery" add constraint "delivery_event_id_kind_channel_unique" unique ("event_id", "kind", "channel");`);

    this.addSql(`create table "notifications"."notification" ("id" uuid not null, "event_id" uuid not null, "user_id" uuid not null, "kind" varchar(64) not null, "category" varchar(32) not null, "title" varchar(200) not null, "body" varchar(2000) not null, "link" varchar(2000) null, "read_at" timestamptz null, "archived_at" timestamptz null, "created_at" timestamptz not null, constraint "notification_pkey" primary key ("id"));`);
    this.addSql(`create index "notification_user_id_created_at_id_index" on "notifications"."notification" ("user_id", "created_at", "id");`);
    this.addSql(`alter table "notifications"."notification" add constraint "notification_event_id_kind_unique" unique ("event_id", "kind");`);

    this.addSql(`create table "notifications"."outbox_event" ("id" varchar(255) not null, "type" varchar(255) not null, "version" int not null, "occurred_at" timestamptz not null, "actor" varchar(255) null, "subject" varchar(255) not null, "data" jsonb not null, "published_at" timestamptz null, constraint "outbox_event_pkey" primary key ("id"));`);
    this.addSql(`create index "outbox_event_published_at_occurred_at_index" on "notifications"."outbox_event" ("published_at", "occurred_at");`);

    this.addSql(`create table "notifications"."preference" ("user_id" uuid not null, "category" varchar(32) not null, "channel" varchar(8) not null, "enabled" boolean not null, constraint "preference_pkey" primary key ("user_id", "category", "channel"));`);

    this.addSql(`create table "notifications"."processed_event" ("consumer" varchar(255) not null, "event_id" varchar(255) not null, "processed_at" timestamptz not null, constraint "processed_event_pkey" primary key ("consumer", "event_id"));`);

    this.addSql(`create table "notifications"."recipient" ("user_id" uuid not null, "email" varchar(320) null, "phone" varchar(16) null, "display_name" varchar(100) null, "locale" varchar(35) not null default 'en', "timezone" varchar(64) not null default 'UTC', "email_enabled" boolean not null default true, "sms_enabled" boolean not null default false, "marketing_enabled" boolean not null default false, "updated_at" timestamptz not null, constraint "recipient_pkey" primary key ("user_id"));`);

    this.addSql(`create table "notifications"."secret" ("name" varchar(64) not null, "value" varchar(128) not null, constraint "secret_pkey" primary key ("name"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."delivery" cascade;`);

    this.addSql(`drop table if exists "notifications"."notification" cascade;`);

    this.addSql(`drop table if exists "notifications"."outbox_event" cascade;`);

    this.addSql(`drop table if exists "notifications"."preference" cascade;`);

    this.addSql(`drop table if exists "notifications"."processed_event" cascade;`);

    this.addSql(`drop table if exists "notifications"."recipient" cascade;`);

    this.addSql(`drop table if exists "notifications"."secret" cascade;`);

    this.addSql(`drop schema if exists "notifications";`);
  }

}
